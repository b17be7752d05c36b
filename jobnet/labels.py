"""Words for the code lists, in the user's language. The codes themselves live in jobnet.domain."""

from __future__ import annotations

from flask import Flask
from flask_babel import lazy_gettext as _l

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


REPORT_KINDS = {
    "registration": _l("Registration as a jobseeker"),
    "deregistration": _l("Deregistration as a jobseeker"),
    "sickness": _l("Sickness report"),
    "recovery": _l("Recovery report"),
    "holiday": _l("Holiday report"),
    "holiday_cancellation": _l("Holiday cancelled"),
}


def report_kind_label(kind: str) -> str:
    return str(REPORT_KINDS.get(kind, kind))


def report_actor_label(actor: dict[str, str | None]) -> str:
    """Who made a report: "You", or the caseworker's name and organisation."""
    if actor.get("type") == "citizen":
        return str(ACTOR_TYPES["citizen"])
    if actor.get("type") == "caseworker":
        return ", ".join(
            part for part in (actor.get("name"), actor.get("organisation_name")) if part
        )
    return str(ACTOR_TYPES["system"])


def init_app(app: Flask) -> None:
    app.jinja_env.globals.update(
        contact_group_label=contact_group_label,
        match_group_label=match_group_label,
        report_kind_label=report_kind_label,
        report_actor_label=report_actor_label,
    )
