"""salary and recruiter contact on jobs

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-30
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

COLUMNS = (
    ("salary", 200),
    ("recruiter_name", 300),
    ("recruiter_email", 320),
)


def upgrade() -> None:
    for name, length in COLUMNS:
        op.add_column("jobs", sa.Column(name, sa.String(length=length), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("jobs", schema=None) as batch_op:
        for name, _ in reversed(COLUMNS):
            batch_op.drop_column(name)
