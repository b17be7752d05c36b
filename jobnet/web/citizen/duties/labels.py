"""What a duty says to the person, in their language: its title, its deadline in words, why it
applies, what happens if it is missed, and the link to meet it. DFDG answers codes; the words
are here, so both catalogues hold them."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from flask import url_for
from flask_babel import format_date as babel_format_date

from jobnet.clients.dfdg_client.duties import DONE, MISSED, NOT_REQUIRED, OVERDUE, Duty
from jobnet.web.platform.i18n import current_language, format_date, format_datetime
from jobnet.web.platform.i18n import request_gettext as _


def N_(message: str) -> str:  # noqa: N802 - the marker Babel extracts by default
    """Marks a message for the catalogue; it is translated where it is shown (with the
    request's translations, as `_` does), not through a lazy string per use."""
    return message


CONSEQUENCES = {
    "benefit_stopped": N_(
        "If you miss it, your unemployment insurance fund may stop your benefit until it is done."
    ),
    "deregistered": N_(
        "If you do not come, you may be deregistered as a jobseeker and must register again, "
        "and your benefit may stop."
    ),
    "benefit_reduced": N_("If you do not report it in time, your benefit may be reduced."),
    "not_informed": N_(
        "Your plan is what you and the job centre have agreed. If you do not read it, you may "
        "miss what you have agreed to do."
    ),
}

REASONS = {
    "cv_searchable": N_(
        "You receive unemployment benefit. Your CV must be searchable on Jobnet no later than "
        "two weeks after your registration, and be approved."
    ),
    "joblog_weekly": N_(
        "You receive unemployment benefit. Every week you must apply for as many jobs as your "
        "plan says and register them in your job log. A week runs from Monday to Sunday, and it "
        "is judged by the plan that applied on its Monday."
    ),
    "interview_attend": N_("The job centre has summoned you to an interview."),
    "plan_read": N_("The job centre has made or revised your plan."),
    "holiday_report": N_(
        "A holiday must be reported before it starts. You cannot report it once it has started."
    ),
    "interview_book": N_(
        "The job centre has asked you to book an interview yourself. Booking it is how you are "
        "summoned."
    ),
}

SOURCES = {
    "cv_searchable": N_(
        "The unemployment insurance funds' guidance to their members on the duties of a person "
        "receiving unemployment benefit."
    ),
    "joblog_weekly": N_(
        "The unemployment insurance funds' guidance to their members, and the job-search "
        "requirement in your plan."
    ),
    "interview_attend": N_(
        "The executive order on recording employment data, chapters 3 and 5, and the "
        "unemployment insurance funds' guidance."
    ),
    "plan_read": N_("The executive order on recording employment data, chapters 8 and 9."),
    "holiday_report": N_(
        "The executive order on recording employment data, chapter 4 and annex 1, and the "
        "unemployment insurance funds' guidance."
    ),
    "interview_book": N_("The executive order on recording employment data, chapters 3 and 5."),
}


@dataclass(frozen=True)
class Link:
    endpoint: str
    text: str
    values: dict[str, Any] = field(default_factory=dict)

    @property
    def url(self) -> str:
        return url_for(self.endpoint, **self.values)


def long_day(value: date) -> str:
    """A day with its weekday and year: "søndag den 6. december 2026"."""
    pattern = "EEEE 'den' d. MMMM y" if current_language() == "da" else "EEEE d MMMM y"
    return format_date(value, pattern)


def _day(value: date, today: date) -> str:
    if current_language() == "da":
        pattern = "EEEE 'den' d. MMMM" if value.year == today.year else "EEEE 'den' d. MMMM y"
    else:
        pattern = "EEEE d MMMM" if value.year == today.year else "EEEE d MMMM y"
    return format_date(value, pattern)


def deadline_words(duty: Duty, today: date) -> str:
    """The deadline as people say it: "by Friday 11 December", "was due …", "at once"."""
    if duty.due_at is not None:
        time = format_datetime(duty.due_at, "HH.mm" if current_language() == "da" else "HH:mm")
        day = _day(duty.deadline or today, today)
        if duty.state in (DONE, NOT_REQUIRED, MISSED):
            return _("Was on %(day)s at %(time)s", day=day, time=time)
        return _("On %(day)s at %(time)s", day=day, time=time)
    if duty.deadline is None:
        return _("Always, before each holiday") if duty.standing else _("As soon as you can")
    day = _day(duty.deadline, today)
    if duty.state == OVERDUE:
        return _("Was due %(day)s", day=day)
    if duty.state in (DONE, NOT_REQUIRED):
        return _("Deadline %(day)s", day=day)
    if duty.deadline == today:
        return _("By today, %(day)s", day=day)
    return _("By %(day)s", day=day)


def _month(first: date) -> str:
    """A month with its year, capitalised as a title's first word: "December 2026"."""
    words = format_date(first, "MMMM y")
    return words[:1].upper() + words[1:]


def title(duty: Duty) -> str:
    if duty.kind == "cv":
        if duty.state == DONE and duty.awaiting_approval:
            return _("Your CV is searchable and waits for the job centre's approval")
        if duty.state == DONE:
            return _("Your CV is searchable and approved")
        if duty.cv_problem == "not_approved":
            return _("Correct your CV: the job centre did not approve it")
        if duty.cv_problem == "not_searchable":
            return _("Make your CV searchable")
        return _("Write your CV and make it searchable")
    if duty.kind == "joblog" and duty.month is not None:
        return _(
            "%(month)s: upload a copy of %(required)s of your applications (%(copies)s with a "
            "copy)",
            month=_month(duty.month),
            required=duty.copies_required or 0,
            copies=duty.copies or 0,
        )
    if duty.kind == "joblog":
        week = duty.week_number or 0
        if duty.state == NOT_REQUIRED:
            return _("Week %(week)s: no job-search requirement", week=week)
        if duty.copies_required:
            return _(
                "Week %(week)s: apply for %(required)s jobs, log them and upload a copy of "
                "%(copies_required)s (%(applications)s logged, %(copies)s with a copy)",
                week=week,
                required=duty.required or 0,
                copies_required=duty.copies_required,
                applications=duty.applications or 0,
                copies=duty.copies or 0,
            )
        return _(
            "Week %(week)s: apply for %(required)s jobs and log them (%(applications)s logged)",
            week=week,
            required=duty.required or 0,
            applications=duty.applications or 0,
        )
    if duty.kind == "interview":
        if duty.state == MISSED:
            return _("You did not attend your interview")
        if duty.cannot_come:
            return _("You have told the job centre you cannot come to your interview")
        return _("Attend your interview")
    if duty.kind == "booking":
        if duty.state == DONE:
            return _("You have booked your interview")
        return _("Book your interview")
    if duty.kind == "plan":
        if duty.plan_version == 1:
            return _("Read your new plan")
        return _("Read your revised plan")
    if duty.kind == "holiday" and duty.standing:
        return _("Report holidays before they start")
    if duty.kind == "holiday" and duty.holiday_first_day is not None:
        return _("Holiday from %(date)s reported", date=babel_format_date(duty.holiday_first_day))
    return duty.kind


def state_label(duty: Duty) -> str:
    return {
        "to_do": _("To do"),
        "overdue": _("Overdue"),
        "done": _("Done"),
        "not_required": _("Not required now"),
        "missed": _("Missed"),
    }.get(duty.state, duty.state)


def reason(duty: Duty) -> str:
    found = REASONS.get(duty.rule_id)
    text = _(found) if found is not None else ""
    if duty.kind == "joblog" and duty.month is not None:
        copies = _(
            "Your plan says that you must upload a copy of at least %(required)s of your "
            "applications every calendar month: open the application in your job log and "
            "attach the copy. In %(month)s, %(copies)s of your applications have a copy.",
            required=duty.copies_required or 0,
            month=format_date(duty.month, "MMMM y"),
            copies=duty.copies or 0,
        )
        text = f"{text} {copies}".strip()
    elif duty.kind == "joblog" and duty.copies_required:
        copies = _(
            "Your plan also says that you must upload a copy of %(required)s of the applications "
            "every week: open the application in your job log and attach the copy. In week "
            "%(week)s, %(copies)s of your applications have a copy.",
            required=duty.copies_required,
            week=duty.week_number or 0,
            copies=duty.copies or 0,
        )
        text = f"{text} {copies}".strip()
    return text


def source(duty: Duty) -> str:
    found = SOURCES.get(duty.rule_id)
    return _(found) if found is not None else duty.rule_source


def consequence(duty: Duty) -> str:
    found = CONSEQUENCES.get(duty.consequence)
    text = _(found) if found is not None else ""
    if duty.state == MISSED:
        missed = _(
            "The job centre has registered that you did not attend. An interview you missed "
            "cannot be attended afterwards: contact your job centre."
        )
        text = f"{missed} {text}".strip()
        if duty.fund_told:
            told = _("Your unemployment insurance fund has been told that you did not attend.")
            text = f"{text} {told}"
    return text


def action(duty: Duty) -> Link | None:
    """The page where the person meets the duty."""
    if duty.action == "publish_cv":
        return Link("cv.index", _("Go to your CV"))
    if duty.action == "log_applications":
        return Link("joblog.index", _("Go to your job log"))
    if duty.action == "read_summons" and duty.summons_id:
        values = {"summons_id": duty.summons_id}
        return Link("summons.show", _("See the summons"), values)
    if duty.action == "read_plan":
        return Link("plan.index", _("Read your plan"))
    if duty.action == "report_holiday":
        return Link("holiday.start", _("Report holiday"))
    if duty.action == "book_interview":
        return Link("booking.index", _("Book your interview"))
    return None


TEMPLATE_GLOBALS = {
    "duty_title": title,
    "duty_deadline": deadline_words,
    "duty_state": state_label,
    "duty_reason": reason,
    "duty_source": source,
    "duty_consequence": consequence,
    "duty_action": action,
}
