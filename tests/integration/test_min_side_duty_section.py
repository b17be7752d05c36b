"""Min side's "What you need to do" is kept per (language, script root, duties): an unchanged
view uses the kept HTML, and anything that changes the duties (a new day, a CV published, a
new summons) or the language shows at once."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from flask import Flask, template_rendered
from flask.testing import FlaskClient

from jobnet.clients.dfdg_client.summons import SummonsInput
from jobnet.clients.dfdg_client.values import Actor
from jobnet.web.citizen.duties.section import SECTION_TEMPLATE
from tests.integration.cv_joblog_helpers import form_post
from tests.integration.test_duties_pages import CV_DEADLINE, _person_id, _text, _what_to_do
from tests.integration.test_journeys import (  # noqa: F401 - fixtures
    EN,
    METTE,
    NEW_PERSON,
    TODAY,
    citizen,
    journey_app,
    register,
)

HANNE = Actor(
    type="caseworker",
    id="CVR:29190011-RID:41120001",
    name="Hanne Mikkelsen",
    organisation="29190011",
    purpose="Indkaldelse til samtale",
)


@contextmanager
def _sections_rendered(app: Flask) -> Iterator[list[str]]:
    rendered: list[str] = []

    def note(_sender: Flask, template: object, **_extra: object) -> None:
        if getattr(template, "name", None) == SECTION_TEMPLATE:
            rendered.append(SECTION_TEMPLATE)

    template_rendered.connect(note, app)
    try:
        yield rendered
    finally:
        template_rendered.disconnect(note, app)


def _section(client: FlaskClient, headers: dict[str, str] | None = EN) -> str:
    response = client.get("/min-side/", headers=headers)
    assert response.status_code == 200
    return _what_to_do(response.get_data(as_text=True))


def test_an_unchanged_view_uses_the_kept_section_and_a_new_day_or_cv_shows_at_once(
    citizen: Callable[[str], FlaskClient],  # noqa: F811
    journey_app: Flask,  # noqa: F811
) -> None:
    client = citizen(NEW_PERSON)
    register(client)
    with _sections_rendered(journey_app) as rendered:
        first = _section(client)
        again = _section(client)
    assert first == again and rendered == [SECTION_TEMPLATE]  # the second view used the kept one
    assert 'data-duty="cv" data-state="to_do"' in first
    assert "By Sunday 6 December" in _text(first)

    # Another language is another section.
    client.get("/language/da")
    assert "Senest søndag den 6. december" in _text(_section(client, headers=None))
    client.get("/language/en")

    # A new day: the CV is overdue at once.
    dfdg_app = journey_app.extensions["dfdg_app"]
    dfdg_app.config["DFDG_FIXED_TODAY"] = CV_DEADLINE + timedelta(days=1)
    overdue = _section(client)
    assert 'data-duty="cv" data-state="overdue"' in overdue
    assert "Was due Sunday 6 December" in _text(overdue)
    dfdg_app.config["DFDG_FIXED_TODAY"] = TODAY.isoformat()

    # The CV published: done at once, folded with the duties done.
    assert form_post(client, "/cv/synlighed", {"searchable": "yes"}).status_code == 302
    published = _section(client)
    assert 'data-duty="cv" data-state="done"' in published
    assert 'data-duty="cv" data-state="to_do"' not in published


def test_a_new_summons_is_on_min_side_at_once(
    citizen: Callable[[str], FlaskClient],  # noqa: F811
    journey_app: Flask,  # noqa: F811
) -> None:
    client = citizen(METTE)
    before = _section(client)
    made = journey_app.extensions["dfdg_client"].create_summons(
        _person_id(journey_app, METTE),
        SummonsInput(
            starts_at=datetime(2026, 11, 26, 10, 0, tzinfo=ZoneInfo("Europe/Copenhagen")),
            form="video",
            type="cv_interview",
            letter_sent_date=TODAY,
            duration_minutes=45,
            join_details="https://video.jobcenter.example/kbh",
            bring="Dit CV",
            contact_options="Ring på 33 17 33 17",
        ),
        actor=HANNE,
        idempotency_key=str(uuid.uuid4()),
    )
    assert f'data-duty="interview:{made.id}"' not in before
    after = _section(client)
    assert f'data-duty="interview:{made.id}" data-state="to_do"' in after
    assert f'href="/indkaldelser/{made.id}"' in after
