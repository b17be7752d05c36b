"""Every page a citizen or a caseworker can open, walked with DFDG stopped (issue 26): none is a
bare error. A page with nothing kept is Jobnet's own page (503, in the reader's language) saying
what still works for them; the journeys that need no status stay open to a citizen whose status
Jobnet does not know."""

from __future__ import annotations

import re

import pytest
from flask import Flask
from flask.testing import FlaskClient

from jobnet.demo_identities import DEMO_CASEWORKERS
from jobnet.web.auth.users import ACCESS_ATTRIBUTE
from tests.helpers import login_caseworker, login_citizen
from tests.integration.outbox_helpers import METTE, FaultyTransport
from tests.integration.test_access_rules import _sample_url
from tests.integration.test_caseworker import open_citizen

CITIZEN_PAGES = {"public", "login", "citizen", "subject"}
CASEWORKER_PAGES = {
    "public",
    "login",
    "caseworker",
    "subject",
    "acting_caseworker",
    "jobcentre",
    "acting_jobcentre",
}
NOT_PAGES = ("static", "assets", "mitid_sim.", "auth.logout", "auth.provider_logout")
# Not pages a person reads: DFDG's readiness says 503 in JSON by design.
MACHINE_ANSWERS = {"public.ready"}
WORKS = {"en": "What works now", "da": "Det virker nu"}


def _walk(app: Flask, client: FlaskClient, kinds: set[str]) -> dict[str, tuple[int, str]]:
    """Each GET route's answer: (status, page), a journey's first question page included."""
    seen: dict[str, tuple[int, str]] = {}
    for rule in app.url_map.iter_rules():
        if rule.endpoint.startswith(NOT_PAGES) or "GET" not in (rule.methods or ()):
            continue
        if getattr(app.view_functions[rule.endpoint], ACCESS_ATTRIBUTE, None) not in kinds:
            continue
        answer = client.get(_sample_url(rule.rule))
        seen[rule.endpoint] = (answer.status_code, answer.get_data(as_text=True))
        if rule.endpoint.endswith(".start") and answer.status_code == 302:
            first = client.get(answer.location)
            seen[rule.endpoint + ":first"] = (first.status_code, first.get_data(as_text=True))
    return seen


def _client(app: Flask, language: str) -> FlaskClient:
    client = app.test_client()
    client.get(f"/language/{language}")
    return client


def _assert_none_bare(seen: dict[str, tuple[int, str]], language: str) -> list[str]:
    """No 5xx but 503, and each 503 our page in `language` saying what works; the 503s."""
    unavailable = []
    for endpoint, (status, page) in seen.items():
        if endpoint in MACHINE_ANSWERS:
            continue
        assert status < 500 or status == 503, (endpoint, status)
        if status == 503:
            unavailable.append(endpoint)
            assert f'lang="{language}"' in page, endpoint
            assert WORKS[language] in page and page.count("<h1") == 1, endpoint
    return unavailable


@pytest.mark.parametrize("language", ["en", "da"])
def test_a_citizen_known_before_with_nothing_kept(
    faulty: tuple[Flask, FaultyTransport], language: str
) -> None:
    app, transport = faulty
    client = _client(app, language)
    login_citizen(client, METTE)
    transport.mode = "down"
    seen = _walk(app, client, CITIZEN_PAGES)
    unavailable = _assert_none_bare(seen, language)
    assert "plan.index" in unavailable and "cv.index" in unavailable
    for page in ("min_side.index", "sickness.start:first", "registration.start:first"):
        assert seen[page][0] == 200, page
    assert 'href="/min-side/"' in seen["plan.index"][1]  # what works, with its link


@pytest.mark.parametrize("language", ["en", "da"])
def test_a_citizen_never_seen(faulty: tuple[Flask, FaultyTransport], language: str) -> None:
    app, transport = faulty
    transport.mode = "down"
    client = _client(app, language)
    assert login_citizen(client, METTE).status_code == 302
    seen = _walk(app, client, CITIZEN_PAGES)
    _assert_none_bare(seen, language)
    for page in ("min_side.index", "sickness.start:first", "registration.start:first"):
        assert seen[page][0] == 200, page
    # The journeys that need the registration say why they cannot be used yet (200, not 503).
    assert seen["holiday.start:first"][0] == 200


@pytest.mark.parametrize("language", ["en", "da"])
def test_a_caseworker_with_a_citizen_open(
    faulty: tuple[Flask, FaultyTransport], language: str
) -> None:
    app, transport = faulty
    client = _client(app, language)
    login_caseworker(client, DEMO_CASEWORKERS[0].professional_id)
    open_citizen(client, METTE)
    transport.mode = "down"
    seen = _walk(app, client, CASEWORKER_PAGES)
    unavailable = _assert_none_bare(seen, language)
    assert "caseworker.citizen" in unavailable
    assert 'href="/sagsbehandler/"' in seen["caseworker.citizen"][1]
    for page in ("caseworker.index", "caseworker.set_aside"):
        assert seen[page][0] == 200, page


def test_a_caseworker_whose_organisation_was_seen_logs_in(
    faulty: tuple[Flask, FaultyTransport],
) -> None:
    app, transport = faulty
    before = _client(app, "en")
    login_caseworker(before, DEMO_CASEWORKERS[0].professional_id)
    transport.mode = "down"
    client = _client(app, "en")
    callback = login_caseworker(client, DEMO_CASEWORKERS[0].professional_id)
    assert callback.status_code == 302, callback.status_code
    front = client.get(callback.location)
    assert front.status_code == 200
    assert 'href="/sagsbehandler/ikke-registreret"' in front.get_data(as_text=True)


def test_a_caseworker_never_seen_gets_our_page_at_login(
    faulty: tuple[Flask, FaultyTransport],
) -> None:
    app, transport = faulty
    transport.mode = "down"
    client = _client(app, "da")
    callback = login_caseworker(client, DEMO_CASEWORKERS[0].professional_id)
    assert callback.status_code == 503
    page = callback.get_data(as_text=True)
    assert WORKS["da"] in page and 'lang="da"' in page
    assert re.search(r"<h1[^>]*>", page)
