"""idempotency answer headers: a replayed answer carries the headers of the first (ETag, Location,
Content-Type, Content-Language), so a client that retried a submit still has the version for its next
If-Match. Sealed like the body. Answers kept before have none (null) and replay without them.

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-28 10:00:00
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('idempotency_records', schema=None) as batch_op:
        batch_op.add_column(sa.Column('response_headers', sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('idempotency_records', schema=None) as batch_op:
        batch_op.drop_column('response_headers')
