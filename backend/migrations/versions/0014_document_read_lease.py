"""document read lease: a read is leased to the worker that starts it and counts its attempts, so a read whose
worker died or whose message was lost is sent again by the periodic sweep, and failed after the last attempt
(before, it stayed "queued" for ever). Reads queued before have made no attempt and hold no lease: the sweep
picks them up.

Revision ID: 0014
Revises: 0013
Create Date: 2026-11-27 10:00:00
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import backend.db.base


revision = '0014'
down_revision = '0013'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('document_reads', schema=None) as batch_op:
        batch_op.add_column(sa.Column('attempts', sa.Integer(), nullable=False, server_default='0'))
        batch_op.add_column(sa.Column('leased_until', backend.db.base.UTCDateTime(timezone=True), nullable=True))
        batch_op.create_index(batch_op.f('ix_document_reads_status'), ['status'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('document_reads', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_document_reads_status'))
        batch_op.drop_column('leased_until')
        batch_op.drop_column('attempts')
