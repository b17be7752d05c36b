"""My Plan's copies of applications agreed a week or a calendar month (issue 22): the period
the number counts (`copies_period`, "week" for every version before), and its bound (a month's
copies at most four weeks' applications).

Revision ID: 0024_duty_fixes
Revises: 0023_fund_event_sources
Create Date: 2026-12-06
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0024_duty_fixes"
down_revision: str | None = "0023_fund_event_sources"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

RANGE = (
    "copies_per_week BETWEEN 0 AND applications_per_week "
    "* CASE WHEN copies_period = 'month' THEN 4 ELSE 1 END"
)


def upgrade() -> None:
    with op.batch_alter_table("job_plan_versions") as batch:
        batch.add_column(
            sa.Column("copies_period", sa.String(10), nullable=False, server_default="week")
        )
        batch.drop_constraint(op.f("ck_job_plan_versions_copies_per_week_range"), type_="check")
        batch.create_check_constraint("copies_period", "copies_period IN ('week', 'month')")
        batch.create_check_constraint("copies_per_week_range", RANGE)


def downgrade() -> None:
    op.execute(
        "UPDATE job_plan_versions SET copies_per_week = applications_per_week "
        "WHERE copies_per_week > applications_per_week"
    )
    with op.batch_alter_table("job_plan_versions") as batch:
        batch.drop_constraint(op.f("ck_job_plan_versions_copies_per_week_range"), type_="check")
        batch.drop_constraint(op.f("ck_job_plan_versions_copies_period"), type_="check")
        batch.drop_column("copies_period")
        batch.create_check_constraint(
            "copies_per_week_range", "copies_per_week BETWEEN 0 AND applications_per_week"
        )
