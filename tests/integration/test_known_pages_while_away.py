"""Pages that only show data, while DFDG is away (issue 26): My Plan, the job log, the CV and the
public statistics show the last answer the web app got, saying from when, instead of 503; never
another person's; kept answers are purged after their retention. And a process that took DFDG as
away uses it again as soon as one of its calls got through."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from flask import Flask
from sqlalchemy import func, select, update

from jobnet.demo_identities import DEMO_CASEWORKERS, DEMO_PERSONS
from jobnet.dfdg.stats_compute import compute_in_store
from jobnet.web.journeys import known_answers
from jobnet.web.platform.sessions import utcnow
from jobnet.web.store.models import KnownAnswer
from tests.helpers import login_caseworker, login_citizen
from tests.integration.dfdg.stats_helpers import jobseeker
from tests.integration.outbox_helpers import METTE, FaultyTransport, mette_client
from tests.integration.test_caseworker import open_citizen

KNEW = "This page shows what Jobnet knew on"
PAGES = ["/min-plan/", "/joblog/", "/cv/"]
STATISTICS = (
    "/statistik/?measure=registered&municipality=0101&period_from=2026-01&period_to=2026-03"
)


def _main(html: str) -> str:
    """The page's main content without the notice, the CSRF tokens and the nonces."""
    main = html[html.index('id="main-content"') :]
    main = re.sub(
        r'<div class="alert alert-warning jobnet-known-notice".*?</div>\s*</div>',
        "",
        main,
        flags=re.S,
    )
    return re.sub(r'value="[^"]{20,}"', "", main)


@pytest.mark.parametrize("path", PAGES)
def test_a_persons_page_shows_the_last_known_data_with_its_time(
    faulty: tuple[Flask, FaultyTransport], path: str
) -> None:
    app, transport = faulty
    client = mette_client(app)
    seen = client.get(path)
    assert seen.status_code == 200
    assert KNEW not in seen.get_data(as_text=True)

    transport.mode = "down"
    away = client.get(path)
    assert away.status_code == 200, away.status_code
    page = away.get_data(as_text=True)
    assert KNEW in page
    assert _main(page).count("<h1") == 1
    # The same data as before: every entry of the page as DFDG last gave it.
    for text in re.findall(
        r"<(?:td|dd|h2|h3)[^>]*>([^<]{3,})<", _main(seen.get_data(as_text=True))
    ):
        assert text in page, text


@pytest.mark.parametrize("path", PAGES)
def test_nothing_known_is_still_the_unavailable_page(
    faulty: tuple[Flask, FaultyTransport], path: str
) -> None:
    app, transport = faulty
    client = mette_client(app)
    transport.mode = "down"
    assert client.get(path).status_code == 503


def test_another_person_never_sees_what_was_kept_for_someone_else(
    faulty: tuple[Flask, FaultyTransport],
) -> None:
    app, transport = faulty
    mette = mette_client(app)
    for path in PAGES:
        assert mette.get(path).status_code == 200
    other = app.test_client()
    other.get("/language/en")
    login_citizen(other, DEMO_PERSONS[1].cpr)
    transport.mode = "down"
    for path in PAGES:
        assert other.get(path).status_code == 503, path  # nothing of theirs is known
    with app.extensions["web_store"].read() as db:
        owners = set(db.scalars(select(KnownAnswer.owner)))
    assert len(owners) == 1  # only Mette's own


def test_a_caseworker_acting_for_a_citizen_gets_nothing_kept(
    faulty: tuple[Flask, FaultyTransport],
) -> None:
    app, transport = faulty
    mette = mette_client(app)
    assert mette.get("/min-plan/").status_code == 200  # kept for Mette herself
    caseworker = app.test_client()
    login_caseworker(caseworker, DEMO_CASEWORKERS[0].professional_id)
    open_citizen(caseworker, METTE)
    assert caseworker.get("/min-plan/").status_code == 200
    transport.mode = "down"
    assert caseworker.get("/min-plan/").status_code == 503  # a caseworker asks DFDG, as before
    with app.extensions["web_store"].read() as db:
        # Mette's own plan; the caseworker's login kept only their organisation (no person's)
        people = select(func.count()).where(KnownAnswer.owner != "organisations")
        assert db.scalar(people) == 1


def test_the_statistics_show_the_last_answer_for_the_same_query(
    faulty: tuple[Flask, FaultyTransport],
) -> None:
    app, transport = faulty
    store = app.extensions["dfdg_app"].extensions["dfdg_store"]
    for _ in range(7):
        jobseeker(store, "0101", 1, date(2026, 1, 10))
    compute_in_store(store, date(2026, 11, 23))
    client = app.test_client()
    seen = client.get(STATISTICS, headers={"Accept-Language": "en"})
    assert seen.status_code == 200 and ">7<" in seen.get_data(as_text=True)

    transport.mode = "down"
    away = client.get(STATISTICS, headers={"Accept-Language": "en"})
    assert away.status_code == 200
    assert ">7<" in away.get_data(as_text=True)
    assert KNEW in away.get_data(as_text=True)
    other_query = STATISTICS.replace("period_to=2026-03", "period_to=2026-02")
    assert client.get(other_query).status_code == 503  # that query was never answered


def test_kept_answers_are_purged_after_their_retention(
    faulty: tuple[Flask, FaultyTransport],
) -> None:
    app, _transport = faulty
    client = mette_client(app)
    for path in PAGES:
        client.get(path)
    store = app.extensions["web_store"]
    with store.session() as db:
        db.execute(
            update(KnownAnswer)
            .where(KnownAnswer.kind == "cv")
            .values(answered_at=utcnow() - timedelta(days=31))
        )
    with app.app_context():
        assert known_answers.purge_old(store, 30) == 1
    with store.read() as db:
        assert sorted(db.scalars(select(KnownAnswer.kind))) == ["joblog", "plan"]


def test_dfdg_back_is_used_at_once_once_a_call_got_through(
    faulty: tuple[Flask, FaultyTransport],
) -> None:
    app, transport = faulty
    app.config["DFDG_AWAY_SECONDS"] = 60.0
    client = mette_client(app)
    assert KNEW not in client.get("/min-side/").get_data(as_text=True)
    transport.mode = "down"
    assert KNEW in client.get("/min-side/").get_data(as_text=True)
    transport.mode = "ok"
    # Still taken as away (within DFDG_AWAY_SECONDS, and nothing got through since) ...
    assert KNEW in client.get("/min-side/").get_data(as_text=True)
    # ... until a call of this process gets an answer: a login asks DFDG for the person.
    login_citizen(app.test_client(), DEMO_PERSONS[1].cpr)
    assert KNEW not in client.get("/min-side/").get_data(as_text=True)
