"""idempotency claims: an Idempotency-Key is claimed (a row without an answer) before its request is
handled, so concurrent retries run the request once; only successful answers are kept

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-26 10:00:00
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Answers that were not successes are no longer replayed: a refused submit may be retried once fixed.
    op.execute("DELETE FROM idempotency_records WHERE status_code < 200 OR status_code >= 300")
    with op.batch_alter_table('idempotency_records', schema=None) as batch_op:
        batch_op.alter_column('status_code', existing_type=sa.Integer(), nullable=True)
        batch_op.alter_column('response_body', existing_type=sa.Text(), nullable=True)


def downgrade() -> None:
    op.execute("DELETE FROM idempotency_records WHERE status_code IS NULL")
    with op.batch_alter_table('idempotency_records', schema=None) as batch_op:
        batch_op.alter_column('response_body', existing_type=sa.Text(), nullable=False)
        batch_op.alter_column('status_code', existing_type=sa.Integer(), nullable=False)
