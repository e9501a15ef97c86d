"""audit indexes: attempt limits (link requests, consent and link codes) count recent audit entries by
action on every guarded request; without an index each count read the whole audit table

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-26 13:00:00
"""
from __future__ import annotations

from alembic import op


revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index('ix_audit_entries_action_at', 'audit_entries', ['action', 'at'])
    op.create_index('ix_audit_entries_at', 'audit_entries', ['at'])


def downgrade() -> None:
    op.drop_index('ix_audit_entries_at', table_name='audit_entries')
    op.drop_index('ix_audit_entries_action_at', table_name='audit_entries')
