"""The person's deadlines as an iCalendar feed (RFC 5545) to subscribe to in a calendar app.

Each open duty with a date is one event: an all-day event on the deadline with a reminder at
09:00 the day before and one on the morning of the day; an interview is an event at its time
with reminders a day and an hour before. The UID is the same on every fetch, so a calendar
updates its events, and a duty that is done drops out of the feed at the next refresh.
"""

from __future__ import annotations

import hashlib
from datetime import date, datetime, timedelta

from flask import url_for
from flask_babel import gettext as _
from icalendar import Alarm, Calendar, Event

from jobnet.clients.dfdg_client.duties import Duties, Duty
from jobnet.domain.clock import DANISH_TIME, now_utc
from jobnet.web.citizen.duties.labels import action, consequence, deadline_words, title

PRODUCT_ID = "-//Jobnet//Pligter//DA"
UID_DOMAIN = "jobnet.dk"
REFRESH = timedelta(hours=6)


def uid(duty: Duty, person_id: str) -> str:
    """Stable per person and duty, naming neither (a hash of DFDG's id)."""
    pseudonym = hashlib.sha256(person_id.encode("utf-8")).hexdigest()[:16]
    return f"duty-{duty.key.replace(':', '-')}-{pseudonym}@{UID_DOMAIN}"


def _alarm(trigger: timedelta, text: str) -> Alarm:
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", text)
    alarm.add("trigger", trigger)
    return alarm


def _event(duty: Duty, person_id: str, today: date, stamp: datetime) -> Event:
    event = Event()
    event.add("uid", uid(duty, person_id))
    event.add("dtstamp", stamp)
    summary = title(duty)
    event.add("summary", summary)
    lines = [deadline_words(duty, today), consequence(duty)]
    link = action(duty)
    if link is not None:
        absolute = url_for(link.endpoint, _external=True, **link.values)
        lines.append(f"{link.text}: {absolute}")
        event.add("url", absolute)
    event.add("description", "\n".join(line for line in lines if line))
    if duty.due_at is not None:
        event.add("dtstart", duty.due_at.astimezone(DANISH_TIME))
        event.add_component(_alarm(-timedelta(days=1), summary))
        event.add_component(_alarm(-timedelta(hours=1), summary))
    else:
        assert duty.deadline is not None
        event.add("dtstart", duty.deadline)
        event.add("dtend", duty.deadline + timedelta(days=1))
        event.add("transp", "TRANSPARENT")
        event.add_component(_alarm(-timedelta(hours=15), summary))  # 09:00 the day before
        event.add_component(_alarm(timedelta(hours=9), summary))  # 09:00 on the day
    return event


def duties_calendar(duties: Duties, person_id: str, *, stamp: datetime | None = None) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", _("Jobnet: what you need to do"))
    calendar.add("x-wr-timezone", "Europe/Copenhagen")
    calendar.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", REFRESH)
    moment = stamp or now_utc()
    for duty in duties.open:
        if duty.deadline is not None:
            calendar.add_component(_event(duty, person_id, duties.today, moment))
    year = duties.today.year
    calendar.add_missing_timezones(first_date=date(year - 1, 1, 1), last_date=date(year + 2, 1, 1))
    return calendar.to_ical()
