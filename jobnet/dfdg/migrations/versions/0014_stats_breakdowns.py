"""Public statistics by age band, gender and duration of registration; revised cells marked;
the inhabitants aged 16-66 of each municipality (the rates' denominator).

Revision ID: 0014_stats_breakdowns
Revises: 0013_rate_limits
Create Date: 2026-12-05
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0014_stats_breakdowns"
down_revision: str | None = "0013_rate_limits"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("stat_figures") as batch:
        batch.add_column(sa.Column("breakdown", sa.String(20), server_default="", nullable=False))
        batch.add_column(sa.Column("category", sa.String(20), server_default="", nullable=False))
        batch.add_column(
            sa.Column("revised", sa.Boolean(), server_default=sa.false(), nullable=False)
        )
        batch.drop_constraint("uq_stat_figures_measure", type_="unique")
        batch.create_unique_constraint(
            "uq_stat_figures_cell",
            [
                "measure",
                "area_kind",
                "area_code",
                "month",
                "breakdown",
                "category",
                "contact_group",
            ],
        )
    op.create_table(
        "municipality_populations",
        sa.Column("municipality_code", sa.String(4), nullable=False),
        sa.Column("inhabitants_16_66", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(200), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "inhabitants_16_66 > 0", name="ck_municipality_populations_inhabitants_positive"
        ),
        sa.PrimaryKeyConstraint("municipality_code", name="pk_municipality_populations"),
    )


def downgrade() -> None:
    op.drop_table("municipality_populations")
    with op.batch_alter_table("stat_figures") as batch:
        batch.drop_constraint("uq_stat_figures_cell", type_="unique")
        batch.create_unique_constraint(
            "uq_stat_figures_measure",
            ["measure", "area_kind", "area_code", "month", "contact_group"],
        )
        batch.drop_column("revised")
        batch.drop_column("category")
        batch.drop_column("breakdown")
