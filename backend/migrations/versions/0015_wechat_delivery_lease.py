"""wechat delivery lease: a WeChat message is leased to the worker that sends it, so that the periodic sweep can send
again a message whose enqueue was lost (the queue down at the status change) or whose worker died mid-send, and a
duplicate job never sends it a second time while another is sending it (before, a lost enqueue left it pending,
unsent, for ever). Deliveries pending before have made no attempt, or are in huey's retries: the sweep picks up the
first kind.

Revision ID: 0015
Revises: 0014
Create Date: 2026-11-28 10:00:00
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import backend.db.base


revision = '0015'
down_revision = '0014'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('notification_deliveries', schema=None) as batch_op:
        batch_op.add_column(sa.Column('leased_until', backend.db.base.UTCDateTime(timezone=True), nullable=True))
        batch_op.create_index(batch_op.f('ix_notification_deliveries_status'), ['status'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('notification_deliveries', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_notification_deliveries_status'))
        batch_op.drop_column('leased_until')
