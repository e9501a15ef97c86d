"""sealed columns: users.display_name is sealed with the data key (the real name of a person an assistant
registered without a phone), so it becomes text long enough for its ciphertext; representations.statement
and idempotency_records.response_body were already text and are sealed by the models from now on

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-26 12:00:00
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.alter_column('display_name', existing_type=sa.String(length=64), type_=sa.Text(),
                              existing_nullable=False)


def downgrade() -> None:
    # A migration holds no data key, so it cannot open sealed names, and they do not fit in 64 characters:
    # they are blanked (the name shown is then the one the person gives again).
    op.execute("UPDATE users SET display_name = '' WHERE length(display_name) > 64")
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.alter_column('display_name', existing_type=sa.Text(), type_=sa.String(length=64),
                              existing_nullable=False)
