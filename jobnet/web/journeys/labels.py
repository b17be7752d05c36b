"""Words for the code lists, in the user's language. The codes themselves live in jobnet.domain."""

from __future__ import annotations

from flask import Flask
from flask_babel import lazy_gettext as _l

from jobnet.domain.absences import AbsenceReason
from jobnet.web.journeys.viewer import citizen_actor

CONTACT_GROUPS = {
    1: _l("Unemployment benefit recipient"),
    2: _l("Cash benefit recipient"),
    3: _l("Introductory benefit recipient"),
    4: _l("Rehabilitation benefit recipient"),
    5: _l("Pre-rehabilitation"),
    6: _l("Sickness benefit recipient"),
    7: _l("Eligible for a flex job"),
    8: _l("Registered without benefit"),
}

MATCH_GROUPS = {
    1: _l("Ready for a job"),
    2: _l("Ready for activity"),
    3: _l("Temporarily passive"),
}

ACTOR_TYPES = {
    "citizen": _l("You"),
    "caseworker": _l("Caseworker"),
    "system": _l("A system"),
}


def contact_group_label(group: int | None) -> str:
    return str(CONTACT_GROUPS.get(group, "")) if group else ""


def match_group_label(group: int | None) -> str:
    return str(MATCH_GROUPS.get(group, "")) if group else ""


ABSENCE_REASONS = {
    AbsenceReason.SICKNESS: _l("Sickness"),
    AbsenceReason.HOLIDAY: _l("Holiday"),
    AbsenceReason.MATERNITY_SHORT: _l("Maternity or paternity leave (at most 14 days)"),
    AbsenceReason.CIVIC_DUTY: _l("Civic duty"),
    AbsenceReason.TEMPORARY_WORK: _l("Temporary work"),
    AbsenceReason.PART_TIME_WORK: _l("Part-time work over 20 hours a week"),
    AbsenceReason.HIRED_WITHIN_4_WEEKS: _l("Hired, starting within 4 weeks"),
    AbsenceReason.MATERNITY_WITHIN_4_WEEKS: _l("Maternity leave within 4 weeks"),
    AbsenceReason.CARE_OF_OWN_CHILDREN: _l("Care of own children"),
    AbsenceReason.CARE_OF_SICK_RELATIVE: _l("Care of a sick relative"),
    AbsenceReason.MILITARY_SERVICE: _l("Military service"),
    AbsenceReason.SELF_CHOSEN_EDUCATION: _l("Self-chosen education"),
    AbsenceReason.LIFE_THREATENING_ILLNESS: _l("Life-threatening illness"),
    AbsenceReason.ILLNESS_AGGRAVATED_BY_WORK: _l("Illness aggravated by work or activation"),
    AbsenceReason.OLDER_WORKER_JOB: _l("Older-worker job"),
    AbsenceReason.TRAINING: _l("Training"),
}


def report_actor_label(actor: dict[str, str | None]) -> str:
    """Who made a report: "You" (to a caseworker the citizen's name), or the caseworker's name
    and organisation."""
    if actor.get("type") == "citizen":
        return citizen_actor(actor.get("name"))
    if actor.get("type") == "caseworker":
        return ", ".join(
            part for part in (actor.get("name"), actor.get("organisation_name")) if part
        )
    return str(ACTOR_TYPES["system"])


REGISTRATION_CATEGORIES = {
    "unemployment_benefit": _l("Unemployment benefit (dagpenge)"),
    "cash_benefit": _l("Cash benefit (kontanthjælp)"),
    "without_benefit": _l("Without benefit"),
}

UNEMPLOYMENT_DEGREES = {"full_time": _l("Full time"), "part_time": _l("Part time")}

DEREGISTRATION_REASONS = {
    "job_as_employee": _l("Got a job"),
    "own_business": _l("Own business"),
    "education": _l("Education"),
    "moving_abroad": _l("Moving abroad"),
    "leave": _l("Leave"),
    "other": _l("Other reason"),
}


# Why a caseworker opened a citizen's data: the purposes they choose from, and those Jobnet
# records itself. A purpose of their own is stored as "other: <their words>".
PURPOSES = {
    "interview": _l("An interview with the citizen"),
    "citizen_contacted_us": _l("The citizen contacted us"),
    "case_processing": _l("Case processing"),
    "other": _l("Another purpose"),
}
INTERVIEW_LIST_PURPOSE = "interview_list"
SET_ASIDE_LIST_PURPOSE = "set_aside_reports"
MESSAGES_PURPOSE = "citizen_messages"
BOOKING_PURPOSE = "interview_booking"
DUTIES_LIST_PURPOSE = "duties_overview"
RECORDED_PURPOSES = {
    DUTIES_LIST_PURPOSE: _l("The job centre's list of citizens with duties due"),
    MESSAGES_PURPOSE: _l("The job centre's messages with citizens"),
    BOOKING_PURPOSE: _l("The job centre's interview slots and who has booked them"),
    INTERVIEW_LIST_PURPOSE: _l("The job centre's list of today's interviews"),
    SET_ASIDE_LIST_PURPOSE: _l("The job centre's list of reports Jobnet could not register"),
}
OTHER_PURPOSE_PREFIX = "other: "


def purpose_label(purpose: str | None) -> str:
    """A stored purpose in the reader's words; a caseworker's own words as they wrote them."""
    if not purpose:
        return ""
    if purpose.startswith(OTHER_PURPOSE_PREFIX):
        return purpose.removeprefix(OTHER_PURPOSE_PREFIX)
    return str(PURPOSES.get(purpose) or RECORDED_PURPOSES.get(purpose, purpose))


def code_label(labels: dict[str, object], code: str | None) -> str:
    """The words for `code` in one of the lists above; the code itself when unknown."""
    return str(labels.get(code, code)) if code else ""


def init_app(app: Flask) -> None:
    from jobnet.web.journeys.receipts.summaries import report_kind_label

    app.jinja_env.globals.update(
        purpose_label=purpose_label,
        contact_group_label=contact_group_label,
        match_group_label=match_group_label,
        report_kind_label=report_kind_label,
        report_actor_label=report_actor_label,
    )
