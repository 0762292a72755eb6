"""Alembic environment: migrate the altformats job store at the configured URL."""
from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine, pool

from workers import settings
from workers.models import Base

config = context.config
url = config.get_main_option("sqlalchemy.url") or settings.get().database_url


def run_offline() -> None:
    context.configure(url=url, target_metadata=Base.metadata, literal_binds=True, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


def run_online() -> None:
    connectable = create_engine(url, poolclass=pool.NullPool)
    with connectable.connect() as connection:
        context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    run_offline()
else:
    run_online()
