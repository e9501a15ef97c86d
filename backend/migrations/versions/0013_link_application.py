"""link application: a link asked for by an application's number is for that application alone (a guardian's
account may hold the applications of several wards; a relative of one must not see the others). Links made
before keep none and stand, as before, for every application of the person.

Revision ID: 0013
Revises: 0012
Create Date: 2026-11-26 11:20:00
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('representations', schema=None) as batch_op:
        batch_op.add_column(sa.Column('application_id', sa.String(length=32), nullable=True))
        batch_op.create_index(batch_op.f('ix_representations_application_id'), ['application_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('representations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_representations_application_id'))
        batch_op.drop_column('application_id')
