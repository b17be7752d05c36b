"""Public statistics: precomputed figures and the computation log.

Revision ID: 0005
Revises: 0002
Create Date: 2026-11-23
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "stat_figures",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("measure", sa.String(40), nullable=False),
        sa.Column("area_kind", sa.String(20), nullable=False),
        sa.Column("area_code", sa.String(4), nullable=False),
        sa.Column("month", sa.Date(), nullable=False),
        sa.Column("contact_group", sa.Integer(), nullable=False),
        sa.Column("value", sa.Integer(), nullable=True),
        sa.Column("persons", sa.Integer(), nullable=True),
        sa.Column("suppression", sa.String(20), nullable=True),
        sa.CheckConstraint(
            "area_kind IN ('municipality', 'comparison_group', 'country')",
            name="ck_stat_figures_area_kind",
        ),
        sa.CheckConstraint(
            "contact_group BETWEEN 0 AND 8", name="ck_stat_figures_contact_group_range"
        ),
        sa.CheckConstraint(
            "(suppression IS NULL AND value IS NOT NULL AND persons IS NOT NULL) OR "
            "(suppression IN ('primary', 'secondary') AND value IS NULL AND persons IS NULL)",
            name="ck_stat_figures_suppressed_has_no_value",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_stat_figures"),
        sa.UniqueConstraint(
            "measure",
            "area_kind",
            "area_code",
            "month",
            "contact_group",
            name="uq_stat_figures_measure",
        ),
    )
    op.create_table(
        "stat_computations",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("measure", sa.String(40), nullable=False),
        sa.Column("month", sa.Date(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("revised", sa.Boolean(), nullable=False),
        sa.Column("fingerprint", sa.String(64), nullable=False),
        sa.Column("computed_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("revision >= 1", name="ck_stat_computations_revision_positive"),
        sa.PrimaryKeyConstraint("id", name="pk_stat_computations"),
        sa.UniqueConstraint("measure", "month", "revision", name="uq_stat_computations_measure"),
    )


def downgrade() -> None:
    op.drop_table("stat_computations")
    op.drop_table("stat_figures")
