"""The person's own reports (receipts) from the web store's outbox, a page at a time."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from jobnet.db import Store
from jobnet.web.store.models import OutboxCommand

PER_PAGE = 25


@dataclass(frozen=True)
class ReportPage:
    reports: list[OutboxCommand]
    number: int  # 1-based
    pages: int  # at least 1, also when there are no reports
    total: int

    @property
    def previous(self) -> int | None:
        return self.number - 1 if self.number > 1 else None

    @property
    def next(self) -> int | None:
        return self.number + 1 if self.number < self.pages else None


def page_of_reports(
    store: Store, person_id: str, number: int, per_page: int = PER_PAGE
) -> ReportPage | None:
    """Page `number` of the person's reports, newest first; None for a page past the last."""
    with store.session() as db:
        total = db.scalar(
            select(func.count(OutboxCommand.id)).where(OutboxCommand.person_id == person_id)
        )
        pages = max(1, -(-(total or 0) // per_page))
        if number < 1 or number > pages:
            return None
        reports = list(
            db.scalars(
                select(OutboxCommand)
                .where(OutboxCommand.person_id == person_id)
                .order_by(OutboxCommand.created_at.desc(), OutboxCommand.id.desc())
                .offset((number - 1) * per_page)
                .limit(per_page)
            )
        )
    return ReportPage(reports=reports, number=number, pages=pages, total=total or 0)
