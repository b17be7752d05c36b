from __future__ import annotations

from typing import Any

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel import ngettext

from jobnet.clients.dfdg_client.commands import Command, register_command
from jobnet.domain.jobseeker import RegistrationProblem, clean_job_titles
from jobnet.domain.numbers import parse_whole_number
from jobnet.web.citizen.registration import bp
from jobnet.web.citizen.registration.forms import (
    CATEGORY_CHOICES,
    DEGREE_CHOICES,
    CategoryForm,
    DegreeForm,
    JobTitlesForm,
    StartDateForm,
)
from jobnet.web.journeys.machinery import AnswerRow, Journey, Step, add_journey_routes, date_answer
from jobnet.web.journeys.messages import problem_message
from jobnet.web.journeys.receipts.summaries import format_date, summary_formatter
from jobnet.web.journeys.situation import Situation
from jobnet.web.platform.i18n import format_local_date


def _choice_label(choices: list[Any], value: str | None) -> str:
    return next((str(c.label) for c in choices if c.value == value), "")


def _hours(answers: dict[str, Any]) -> int | None:
    return parse_whole_number(str(answers.get("weekly_hours") or ""))


def _degree_text(degree: str | None, hours: Any) -> str:
    if degree == "part_time" and hours:
        return ngettext(
            "Part time, %(hours)s hour a week",
            "Part time, %(hours)s hours a week",
            hours,
            hours=hours,
        )
    return _choice_label(DEGREE_CHOICES, degree)


class RegistrationJourney(Journey):
    name = "registration"
    kind = "registration"
    title = _l("Register as a jobseeker")
    steps = [
        Step("aarsag", CategoryForm, _l("Why are you registering?")),
        Step("startdato", StartDateForm, _l("From which day are you a jobseeker?")),
        Step("ledighedsgrad", DegreeForm, _l("How much do you want to work?")),
        Step("jobtitler", JobTitlesForm, _l("Which jobs are you looking for?")),
    ]

    while_unknown = True  # DFDG says at delivery whether the person is registered already

    def not_possible(self, situation: Situation) -> str | None:
        # On the deregistration day the person is no longer registered, and may register again.
        if not (situation.has_registration and situation.is_registered):
            return None
        if situation.deregistration_date is not None:
            return _(
                "You are registered as a jobseeker until %(last)s and deregistered from "
                "%(date)s. You can register again from %(date)s.",
                last=format_local_date(situation.last_registered_day),
                date=format_local_date(situation.deregistration_date),
            )
        return problem_message(RegistrationProblem.ALREADY_REGISTERED)

    def summary(self, answers: dict[str, Any]) -> dict[str, Any]:
        return {**answers, "job_titles": clean_job_titles(answers.get("job_titles") or [])}

    def command(self, answers: dict[str, Any], person_id: str, reference: str) -> Command:
        start_date = date_answer(answers, "start_date")
        assert start_date is not None
        degree = answers["degree"]
        return register_command(
            person_id,
            category=answers["category"],
            start_date=start_date,
            degree=degree,
            weekly_hours=_hours(answers) if degree == "part_time" else None,
            job_titles=clean_job_titles(answers.get("job_titles") or []),
            reference=reference,
        )

    def answer_rows(self, answers: dict[str, Any]) -> list[AnswerRow]:
        return [
            AnswerRow(
                _("Why you are registering"),
                _choice_label(CATEGORY_CHOICES, answers.get("category")),
                "aarsag",
            ),
            AnswerRow(
                _("Jobseeker from"),
                format_local_date(date_answer(answers, "start_date")),
                "startdato",
            ),
            AnswerRow(
                _("How much you want to work"),
                _degree_text(answers.get("degree"), answers.get("weekly_hours")),
                "ledighedsgrad",
            ),
            AnswerRow(
                _("Jobs you are looking for"),
                ", ".join(clean_job_titles(answers.get("job_titles") or [])),
                "jobtitler",
            ),
        ]


@summary_formatter("registration", _l("Registration as a jobseeker"))
def _receipt_rows(summary: dict[str, Any]) -> list[tuple[str, str]]:
    return [
        (_("Why you are registering"), _choice_label(CATEGORY_CHOICES, summary.get("category"))),
        (_("Jobseeker from"), format_date(summary.get("start_date"))),
        (
            _("How much you want to work"),
            _degree_text(summary.get("degree"), summary.get("weekly_hours")),
        ),
        (_("Jobs you are looking for"), ", ".join(summary.get("job_titles") or [])),
    ]


add_journey_routes(bp, RegistrationJourney())
