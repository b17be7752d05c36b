"""Not attended (issue 24): the job centre's caseworker marks that the citizen did not come to
an interview that has begun — chosen on the citizen's overview, a comment for the fund if they
like, a check page, a receipt. DFDG records it on the summons and, for a member of an
unemployment insurance fund in contact group 1, the `no_show` event for the fund (§§ 60-61).

The rules are DFDG's (`jobnet.domain.fund_events.check_not_attended`); the pages say at once
what they can see themselves (cancelled, already marked, not begun on another day, more than a
day after the interview); whether an interview of today has begun is DFDG's to judge (its now).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from wtforms import TextAreaField
from wtforms.validators import Length

from jobnet.clients.dfdg_client.commands import Command
from jobnet.clients.dfdg_client.fund_events import NO_SHOW, no_show_command
from jobnet.clients.dfdg_client.summons import Summons
from jobnet.domain.clock import DANISH_TIME
from jobnet.domain.fund_events import DAYS_TO_REPORT, MAX_COMMENT_LENGTH
from jobnet.web.auth.users import acting_jobcentre_required
from jobnet.web.citizen.summons.labels import interview_type_label
from jobnet.web.jobcentre.summons import not_attended_bp
from jobnet.web.jobcentre.summons.views import _ChangeSummonsJourney, _described, _when
from jobnet.web.journeys.machinery import AnswerRow, Step, add_journey_routes
from jobnet.web.journeys.receipts.summaries import summary_formatter
from jobnet.web.journeys.situation import Situation
from jobnet.web.platform.forms import JourneyForm

JOURNEY = "jobcentre_summons_not_attended"


class NotAttendedForm(JourneyForm):
    comment = TextAreaField(
        _l("Comment for the unemployment insurance fund (optional)"),
        description=_l(
            "Sent with the event when the citizen is a member of a fund. At most %(count)s "
            "characters.",
            count=MAX_COMMENT_LENGTH,
        ),
        validators=[
            Length(
                max=MAX_COMMENT_LENGTH,
                message=_l(
                    "The comment can be at most %(count)s characters.", count=MAX_COMMENT_LENGTH
                ),
            )
        ],
    )


def _interview_day(starts_at: str) -> date:
    return datetime.fromisoformat(starts_at).astimezone(DANISH_TIME).date()


def may_mark(item: Summons, now: datetime) -> bool:
    """Whether the overview offers "Mark not attended" for the summons: begun (DFDG's now), not
    cancelled, not marked, and § 61's day after the interview not yet over."""
    if item.is_cancelled or item.not_attended is not None or item.starts_at > now:
        return False
    day = item.starts_at.astimezone(DANISH_TIME).date()
    return now.astimezone(DANISH_TIME).date() <= day + timedelta(days=DAYS_TO_REPORT)


class NotAttendedJourney(_ChangeSummonsJourney):
    name = JOURNEY
    kind = NO_SHOW
    title = _l("Mark an interview not attended")
    steps = [Step("ikke-moedt", NotAttendedForm, _l("The citizen did not attend the interview"))]

    def not_possible(self, situation: Situation) -> str | None:
        chosen = self._chosen()
        if not chosen:
            return _("Choose the summons on the citizen's overview.")
        if chosen["status"] == "cancelled":
            return _("The summons is cancelled.")
        if chosen.get("not_attended"):
            return _("The summons is already marked as not attended.")
        day = _interview_day(chosen["starts_at"])
        if day > situation.today:
            return _("The interview has not begun, so it cannot be marked as not attended.")
        if situation.today > day + timedelta(days=DAYS_TO_REPORT):
            return _(
                "An interview is marked not attended on its day or the day after (§ 61). "
                "This interview was on %(day)s.",
                day=_when(chosen["starts_at"]),
            )
        return None

    def step_context(self, step: Step, situation: Situation) -> dict[str, Any]:
        context = super().step_context(step, situation)
        if context:
            context["intro"] += " " + _(
                "If the citizen is a member of an unemployment insurance fund and in contact "
                "group 1, the fund is told that they did not attend."
            )
        return context

    def command(self, answers: dict[str, Any], person_id: str, reference: str) -> Command:
        comment = (answers.get("comment") or "").strip() or None
        return no_show_command(person_id, self._chosen()["id"], reference, comment)

    def describe(self, summons: Summons) -> dict[str, Any]:
        return {**_described(summons), "not_attended": summons.not_attended is not None}

    def answer_rows(self, answers: dict[str, Any]) -> list[AnswerRow]:
        rows = [self._summons_row(), AnswerRow(_("Attended"), _("No"), self.steps[0].slug)]
        comment = (answers.get("comment") or "").strip()
        if comment:
            rows.append(AnswerRow(_("Comment for the fund"), comment, self.steps[0].slug))
        return rows


@summary_formatter(NO_SHOW, _l("Interview not attended"))
def _receipt_rows(summary: dict[str, Any]) -> list[tuple[str, str]]:
    chosen = summary.get("summons") or {}
    rows = [
        (
            _("The summons"),
            _(
                "%(what)s on %(when)s",
                what=interview_type_label(chosen.get("type", "")),
                when=_when(chosen.get("starts_at")),
            ),
        ),
        (_("Attended"), _("No")),
        (
            _("The unemployment insurance fund"),
            _("Told when the citizen is a member of a fund and in contact group 1 (§ 60)"),
        ),
    ]
    if (summary.get("comment") or "").strip():
        rows.append((_("Comment for the fund"), summary["comment"].strip()))
    return rows


@not_attended_bp.app_template_global("may_mark_not_attended")
def _may_mark_global(item: Summons, now: datetime) -> bool:
    return may_mark(item, now)


add_journey_routes(not_attended_bp, NotAttendedJourney(), access=acting_jobcentre_required)
