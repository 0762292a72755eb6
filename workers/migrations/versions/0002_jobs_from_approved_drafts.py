"""jobs.draft_sha256: jobs that render an approved easy read draft

Revision ID: 0002
Revises: mail_0001
Create Date: 2026-11-22 08:20:00
"""
from alembic import op
import sqlalchemy as sa

revision = '0002'
down_revision = 'mail_0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('jobs') as batch:
        batch.add_column(sa.Column('draft_sha256', sa.String(length=64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('jobs') as batch:
        batch.drop_column('draft_sha256')
