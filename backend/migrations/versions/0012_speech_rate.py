"""speech rate: how fast a person's prompts are read aloud (slow, normal, fast), kept with their other
preferences so every device and channel honours it. Everyone before it hears the normal pace.

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-26 11:00:00
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('user_preferences', schema=None) as batch_op:
        batch_op.add_column(sa.Column('speech_rate', sa.String(length=8), nullable=False, server_default='normal'))


def downgrade() -> None:
    with op.batch_alter_table('user_preferences', schema=None) as batch_op:
        batch_op.drop_column('speech_rate')
