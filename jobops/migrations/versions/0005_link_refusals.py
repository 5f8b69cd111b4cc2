"""automatic links the user took back

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-30
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "link_refusals",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("message_id", sa.String(length=36), nullable=False),
        sa.Column("job_id", sa.String(length=36), nullable=False),
        sa.Column("from_address", sa.String(length=320), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["job_id"], ["jobs.id"], name=op.f("fk_link_refusals_job_id_jobs"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["message_id"],
            ["mail_messages.id"],
            name=op.f("fk_link_refusals_message_id_mail_messages"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_link_refusals")),
        sa.UniqueConstraint("message_id", "job_id", name=op.f("uq_link_refusals_message_id")),
    )
    with op.batch_alter_table("link_refusals", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_link_refusals_job_id"), ["job_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("link_refusals", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_link_refusals_job_id"))
    op.drop_table("link_refusals")
