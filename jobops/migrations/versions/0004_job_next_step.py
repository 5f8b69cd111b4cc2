"""a next step with a due day and time on jobs

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-30
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

COLUMNS = (
    ("next_step", sa.String(length=300)),
    ("next_step_due", sa.Date()),
    ("next_step_time", sa.Time()),
)


def upgrade() -> None:
    for name, column_type in COLUMNS:
        op.add_column("jobs", sa.Column(name, column_type, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("jobs", schema=None) as batch_op:
        for name, _ in reversed(COLUMNS):
            batch_op.drop_column(name)
