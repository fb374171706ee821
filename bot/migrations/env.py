"""Alembic environment: migrations run on the connection the app hands over (see bot.store.migrate)."""

from alembic import context

from bot.tables import metadata

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("Run migrations through `bot.store.Store.migrate()`, which passes a connection.")
context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
