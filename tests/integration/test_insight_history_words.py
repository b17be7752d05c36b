"""My data → History speaks words, not DFDG's field names and codes, in both languages.

The walk makes a record with at least one change of every record type DFDG keeps a history
of (a new record type fails here until it is worded), and reads each record's history through
the web app: every field has a label and every coded value its words (issue 20 defect 15: the
job log's history said "Applied on", "Kind", "advertised", "sent" on the Danish page).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from html import unescape

from flask import Flask
from flask.testing import FlaskClient

from jobnet.domain.clock import today_in_denmark
from tests.integration.test_insight_history_cv_plan_pages import (
    CV_SECTIONS,
    as_citizen,
    as_hanne,
    citizen,  # noqa: F401  (fixture)
    dfdg_change,
    insight_app,  # noqa: F401  (fixture)
    page,
)
from tests.integration.test_insight_pages import METTE, dfdg_rows, person_id

ROW = re.compile(r'<th scope="row">([^<]*)</th><td>([^<]*)</td>')


def _records_of_every_type(app: Flask) -> list[tuple[str, str]]:
    """(record type, id) of a record of each type with a history, each changed at least once."""
    from jobnet.dfdg.models.cv import CvEntry
    from jobnet.dfdg.models.plans import JobPlan
    from jobnet.dfdg.models.registrations import Absence, Registration

    mette = person_id(app, METTE)
    me = as_citizen(app, METTE)
    today = today_in_denmark().isoformat()
    entry = {
        "applied_on": today,
        "employer": "Bageriet Brød",
        "job_title": "Bager",
        "kind": "advertised",
        "status": "sent",
    }
    made = dfdg_change(app, "POST", f"/persons/{mette}/joblog", entry, **me)
    changed = {**entry, "kind": "unsolicited", "status": "interview", "note": "Samtale"}
    dfdg_change(app, "PUT", f"/persons/{mette}/joblog/{made['id']}", changed, **me)
    request = dfdg_change(app, "POST", f"/persons/{mette}/insight-requests", {"note": "Alt"}, **me)
    sections = {
        "contact": {"email": "m@example.dk", "phone": "20304050"},
        "job_wishes": {"titles": ["Sygeplejerske"], "area": "København", "work_time": "both"},
        "driving_licences": {"licences": ["B"]},
        "profile": {"text": "Erfaren sygeplejerske"},
        "visibility": {"searchable": False},
    }
    for section, body in sections.items():
        path = f"/persons/{mette}/cv/{section.replace('_', '-')}"
        dfdg_change(app, "PUT", path, body, **me)
    approval = {"status": "not_approved", "date": today, "note": "Tilføj kurser"}
    dfdg_change(app, "PUT", f"/persons/{mette}/cv/approval", approval, **as_hanne())
    revision = {
        "targets": ["Fast stilling"],
        "applications_per_week": 4,
        "measures": [],
    }
    dfdg_change(app, "POST", f"/persons/{mette}/plan/revisions", revision, **as_hanne())
    message = {"subject": "Mit CV", "text": "Kan I se på det?"}
    thread = dfdg_change(app, "POST", f"/persons/{mette}/message-threads", message, **me)
    answer = {"text": "Ja."}
    dfdg_change(
        app,
        "POST",
        f"/persons/{mette}/message-threads/{thread['id']}/messages",
        answer,
        **as_hanne(),
    )
    # METTE is a member of the demo A-kasse: the job centre reports an event to her fund.
    event = {"type": "job_refused", "event_date": today, "comment": "Takkede nej"}
    reported = dfdg_change(app, "POST", f"/persons/{mette}/fund-events", event, **as_hanne())
    records = [
        ("fund_events", reported["id"]),
        ("joblog", made["id"]),
        ("insight_requests", request["id"]),
        ("messages", thread["id"]),
        *[("cv_section", section) for section in CV_SECTIONS],
        *[("cv_entry", e.id) for e in dfdg_rows(app, CvEntry, person_id=mette)],
        *[("plan", p.id) for p in dfdg_rows(app, JobPlan, person_id=mette)],
        *[("registrations", r.id) for r in dfdg_rows(app, Registration, person_id=mette)],
        *[("absences", a.id) for a in dfdg_rows(app, Absence, person_id=mette)],
    ]
    return records


def test_every_history_record_type_has_words_for_each_field_and_code(
    insight_app: Flask,  # noqa: F811
    citizen: Callable[[str], FlaskClient],  # noqa: F811
) -> None:
    from jobnet.clients.dfdg_client.values import Actor
    from jobnet.dfdg.insight import record_types
    from jobnet.web.citizen.insight.history_words import unworded

    records = _records_of_every_type(insight_app)
    assert {record_type for record_type, _ in records} == set(record_types())
    dfdg = insight_app.extensions["dfdg_client"]
    mette = person_id(insight_app, METTE)
    actor = Actor(type="citizen", id=mette)
    english, danish = citizen(METTE), citizen(METTE)
    danish.get("/language/da")
    seen_fields: set[tuple[str, str]] = set()
    for record_type, record_id in records:
        history = dfdg.record_history(mette, record_type, record_id, actor)
        assert history.versions, (record_type, record_id)
        for version in history.versions:
            assert unworded(record_type, version.values) == [], (record_type, version.values)
            seen_fields |= {(record_type, name) for name in version.values}
        path = f"/mine-data/historik/{record_type}/{record_id}"
        for client in (english, danish):
            rows = [(unescape(a), unescape(b)) for a, b in ROW.findall(page(client, path))]
            assert rows, path
            for label, value in rows:
                assert "_" not in label and "_" not in value, (path, label, value)
    assert ("joblog", "kind") in seen_fields and ("cv_entry", "level") in seen_fields


def test_the_job_log_history_is_danish_on_the_danish_page(
    insight_app: Flask,  # noqa: F811
    citizen: Callable[[str], FlaskClient],  # noqa: F811
) -> None:
    records = dict(_records_of_every_type(insight_app))
    client = citizen(METTE)
    client.get("/language/da")
    html = page(client, f"/mine-data/historik/joblog/{records['joblog']}")
    rows = dict(ROW.findall(html))
    assert rows["Dato for ansøgning"]
    assert rows["Arbejdsgiver"] == "Bageriet Brød"
    assert rows["Jobtitel"] == "Bager"
    assert "Opslået stilling" in html and "Sendt" in html  # version 1
    assert "Inviteret til ansættelsessamtale" in html  # version 2
    words = (">Applied on<", ">Employer<", ">Kind<", ">Kind of application<", ">advertised<")
    for english in (*words, ">sent<", ">interview<", ">How far it has come<"):
        assert english not in html
    english_page = citizen(METTE)
    html = page(english_page, f"/mine-data/historik/joblog/{records['joblog']}")
    assert "Advertised job" in html and "Called to a job interview" in html
    assert ">advertised<" not in html and ">unsolicited<" not in html


def test_every_code_of_the_domain_has_words() -> None:
    from jobnet.web.citizen.insight.history_words import DOMAIN_CODES, code_words

    for (record_type, name), codes in DOMAIN_CODES.items():
        words = code_words(record_type, name)
        assert words is not None, (record_type, name)
        assert set(codes) <= set(words), (record_type, name, set(codes) - set(words))
