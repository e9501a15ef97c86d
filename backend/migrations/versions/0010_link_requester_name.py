"""link requester name: a guardian, family member or entrusted person gives their own name when asking to link
(POST /links), so the applicant knows who asks and sees them by name in the access log; sealed like
users.display_name. Links asked for before have none (null), and stay so.

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-27 10:00:00
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('representations', schema=None) as batch_op:
        batch_op.add_column(sa.Column('requester_name', sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('representations', schema=None) as batch_op:
        batch_op.drop_column('requester_name')
