"""What a citizen's duty says to the job centre (the citizen's own words are in
`jobnet.web.citizen.duties.labels`), and what the caseworker does about it."""

from __future__ import annotations

from flask_babel import gettext as _

from jobnet.clients.dfdg_client.duties import Duty

# The overview's filter as the address names it, and as DFDG does.
KINDS: dict[str, str | None] = {
    "alle": None,
    "cv": "cv",
    "joblog": "joblog",
    "samtaler": "interview",
    "plan": "plan",
    "booking": "booking",
}


def kind_filter_label(slug: str) -> str:
    return {
        "alle": _("All duties"),
        "cv": _("CV"),
        "joblog": _("Job log"),
        "samtaler": _("Interviews"),
        "plan": _("Plan"),
        "booking": _("Booking"),
    }.get(slug, slug)


def jobcentre_title(duty: Duty) -> str:
    if duty.kind == "cv":
        if duty.cv_problem == "not_approved":
            return _("The CV was not approved and must be corrected")
        if duty.cv_problem == "not_searchable":
            return _("The CV is not searchable")
        return _("No searchable CV")
    if duty.kind == "joblog" and duty.copies_required:
        return _(
            "Week %(week)s: %(applications)s of %(required)s applications logged, %(copies)s of "
            "%(copies_required)s with a copy",
            week=duty.week_number or 0,
            applications=duty.applications or 0,
            required=duty.required or 0,
            copies=duty.copies or 0,
            copies_required=duty.copies_required,
        )
    if duty.kind == "joblog":
        return _(
            "Week %(week)s: %(applications)s of %(required)s applications logged",
            week=duty.week_number or 0,
            applications=duty.applications or 0,
            required=duty.required or 0,
        )
    if duty.kind == "interview":
        if duty.cannot_come:
            return _("Has said they cannot come to the interview: offer a new time")
        return _("Interview")
    if duty.kind == "plan":
        return _("Has not read the plan (version %(number)s)", number=duty.plan_version or 0)
    if duty.kind == "booking":
        return _("Has not booked the interview the job centre asked them to book")
    return duty.kind


def act_label(duty: Duty) -> str:
    """The button that opens the citizen at the page to act on the duty."""
    if duty.kind == "cv":
        return _("Open the CV")
    if duty.kind == "joblog":
        return _("Open the job log")
    if duty.kind == "interview" and duty.cannot_come:
        return _("Offer a new time")
    if duty.kind == "interview":
        return _("Open the summons")
    return _("Open the citizen")


TEMPLATE_GLOBALS = {
    "kind_filter_label": kind_filter_label,
    "jobcentre_duty_title": jobcentre_title,
    "duty_act_label": act_label,
}
