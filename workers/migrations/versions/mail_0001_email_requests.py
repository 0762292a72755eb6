"""email requests: handled messages, threads of our replies, mailbox positions (workers/mail/models.py)

Revision ID: mail_0001
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa


revision = 'mail_0001'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('mail_requests',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('message_key', sa.String(length=400), nullable=False),
    sa.Column('reference', sa.String(length=20), nullable=False),
    sa.Column('state', sa.String(length=20), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('action', sa.String(length=20), nullable=False),
    sa.Column('reason', sa.String(length=300), nullable=False),
    sa.Column('documents', sa.JSON(), nullable=False),
    sa.Column('formats', sa.JSON(), nullable=False),
    sa.Column('staff_status', sa.String(length=20), nullable=True),
    sa.Column('sender_hash', sa.String(length=64), nullable=True),
    sa.Column('sender_address', sa.String(length=320), nullable=True),
    sa.Column('subject', sa.String(length=500), nullable=True),
    sa.Column('body', sa.Text(), nullable=True),
    sa.Column('reply_message_id', sa.String(length=300), nullable=True),
    sa.Column('attachments', sa.Integer(), nullable=False),
    sa.Column('links', sa.Integer(), nullable=False),
    sa.Column('error', sa.Text(), nullable=True),
    sa.Column('purged', sa.Boolean(), nullable=False),
    sa.Column('received_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('replied_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('done_at', sa.DateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('message_key')
    )
    for column in ('state', 'staff_status', 'sender_hash', 'received_at'):
        op.create_index(f'ix_mail_requests_{column}', 'mail_requests', [column], unique=False)
    op.create_table('mail_threads',
    sa.Column('reply_message_id', sa.String(length=300), nullable=False),
    sa.Column('document_ids', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('reply_message_id')
    )
    op.create_index('ix_mail_threads_created_at', 'mail_threads', ['created_at'], unique=False)
    op.create_table('mail_mailbox_positions',
    sa.Column('mailbox', sa.String(length=300), nullable=False),
    sa.Column('uidvalidity', sa.BigInteger(), nullable=False),
    sa.Column('last_uid', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('mailbox')
    )


def downgrade() -> None:
    op.drop_table('mail_mailbox_positions')
    op.drop_index('ix_mail_threads_created_at', table_name='mail_threads')
    op.drop_table('mail_threads')
    for column in ('state', 'staff_status', 'sender_hash', 'received_at'):
        op.drop_index(f'ix_mail_requests_{column}', table_name='mail_requests')
    op.drop_table('mail_requests')
