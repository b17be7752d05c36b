"""A summons as an iCalendar file (RFC 5545) to add to the citizen's own calendar.

Times are written in Europe/Copenhagen with a VTIMEZONE, so calendars show the right local time
on both sides of a daylight-saving change. The UID is the same for every download of a summons,
and SEQUENCE goes up with each move, so a calendar updates the event it has instead of adding a
second one; a cancelled summons is STATUS:CANCELLED.
"""

from __future__ import annotations

from datetime import date, datetime

from flask_babel import gettext as _
from icalendar import Calendar, Event

from jobnet.clients.dfdg_client.summons import Summons
from jobnet.domain.clock import DANISH_TIME, now_utc
from jobnet.web.citizen.summons.labels import interview_form_label, interview_type_label

PRODUCT_ID = "-//Jobnet//Indkaldelser//DA"
UID_DOMAIN = "jobnet.dk"


def uid(summons: Summons) -> str:
    return f"summons-{summons.id}@{UID_DOMAIN}"


def _description(summons: Summons) -> str:
    lines = [
        _("Interview form: %(form)s", form=interview_form_label(summons.form)),
        _("From: %(organisation)s", organisation=summons.organisation.name or ""),
    ]
    if summons.join_details:
        lines.append(_("How to join: %(details)s", details=summons.join_details))
    if summons.bring:
        lines.append(_("Bring: %(what)s", what=summons.bring))
    if summons.contact_options:
        lines.append(_("Contact: %(how)s", how=summons.contact_options))
    return "\n".join(lines)


def _location(summons: Summons) -> str | None:
    return summons.place or summons.join_details


def summons_calendar(summons: Summons, *, stamp: datetime | None = None) -> bytes:
    """The summons as a VCALENDAR with one VEVENT (METHOD:PUBLISH)."""
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    event = Event()
    event.add("uid", uid(summons))
    event.add("dtstamp", stamp or now_utc())
    event.add("dtstart", summons.starts_at.astimezone(DANISH_TIME))
    event.add("dtend", summons.ends_at.astimezone(DANISH_TIME))
    event.add("sequence", summons.sequence)
    event.add("status", "CANCELLED" if summons.is_cancelled else "CONFIRMED")
    title = interview_type_label(summons.type)
    event.add("summary", _("Cancelled: %(title)s", title=title) if summons.is_cancelled else title)
    event.add("description", _description(summons))
    location = _location(summons)
    if location:
        event.add("location", location)
    calendar.add_component(event)
    year = summons.starts_at.astimezone(DANISH_TIME).year
    calendar.add_missing_timezones(first_date=date(year - 1, 1, 1), last_date=date(year + 2, 1, 1))
    return calendar.to_ical()


def filename(summons: Summons) -> str:
    return f"indkaldelse-{summons.starts_at.astimezone(DANISH_TIME):%Y%m%d-%H%M}.ics"
