"""An answer of DFDG's the client cannot read (a field missing or of the wrong type) is a
DfdgBadAnswer, a DfdgError: each area's call raises it, and its page is the app's own error
page as a bad gateway (502), never a crash. The answer is spoilt on its way from DFDG."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from jobnet.clients.dfdg_client.client import DfdgClient
from jobnet.clients.dfdg_client.errors import DfdgBadAnswer, DfdgError
from jobnet.clients.dfdg_client.values import Actor
from jobnet.dfdg.stats_compute import compute_in_store
from tests.integration.cv_joblog_helpers import (
    METTE,
    TODAY,
    citizen,
    dfdg_store,
    page_app,
    person_id,
)

__all__ = ["citizen", "page_app"]

Spoil = Callable[[Any], Any]


def _spoil_answers(app: Flask, path: str, spoil: Spoil) -> list[str]:
    """Every GET answer on an API path matching `path` goes through `spoil`; the paths spoilt."""
    client: DfdgClient = app.extensions["dfdg_client"]
    real = client._request
    spoilt: list[str] = []

    def request(method: str, target: str, **kwargs: Any) -> Any:
        answer = real(method, target, **kwargs)
        if method == "GET" and re.fullmatch(path, target):
            spoilt.append(target)
            return spoil(answer)
        return answer

    client._request = request  # type: ignore[method-assign,assignment]
    return spoilt


def _without(name: str) -> Spoil:
    return lambda answer: {key: value for key, value in answer.items() if key != name}


def _first_item(list_name: str, field: str, value: Any) -> Spoil:
    """The first item of the answer's list `list_name` with `field` set to `value`."""

    def spoil(answer: dict[str, Any]) -> dict[str, Any]:
        items = answer[list_name]
        assert items, f"nothing in {list_name} to spoil"
        return {**answer, list_name: [{**items[0], field: value}, *items[1:]]}

    return spoil


def _inside(name: str, spoil: Spoil) -> Spoil:
    """The answer with its part `name` spoilt by `spoil`."""
    return lambda answer: {**answer, name: spoil(answer[name])}


# (area, citizen, page, API path, how the answer is spoilt)
CASES = [
    ("letters", METTE, "/breve/", r"/persons/[^/]+/letters", _without("letters")),
    (
        "letters: a letter's date",
        METTE,
        "/breve/",
        r"/persons/[^/]+/letters",
        _first_item("letters", "letter_date", "not a date"),
    ),
    ("cv", METTE, "/cv/", r"/persons/[^/]+/cv", _without("approval")),
    (
        "cv: an entry's date",
        METTE,
        "/cv/",
        r"/persons/[^/]+/cv",
        _first_item("experience", "start_date", "not a date"),
    ),
    ("joblog", METTE, "/joblog/", r"/persons/[^/]+/joblog", _without("today")),
    (
        "joblog: an entry's creator",
        METTE,
        "/joblog/",
        r"/persons/[^/]+/joblog",
        _first_item("entries", "created_by", "someone"),
    ),
    ("plan", METTE, "/min-plan/", r"/persons/[^/]+/plan", _inside("plan", _without("current"))),
    (
        "plan: a measure's hours",
        METTE,
        "/min-plan/",
        r"/persons/[^/]+/plan",
        _inside("plan", _inside("current", _first_item("measures", "weekly_hours", "many"))),
    ),
    (
        "statistics: the catalogue",
        METTE,
        "/statistik/",
        r"/statistics/measures",
        _without("min_persons"),
    ),
    (
        "statistics: a figure's month",
        METTE,
        "/statistik/",
        r"/statistics",
        _first_item("figures", "month", "soon"),
    ),
    ("insight", METTE, "/mine-data/", r"/persons/[^/]+/export", _without("generated_at")),
    (
        "insight: a category it reads",
        METTE,
        "/mine-data/",
        r"/persons/[^/]+/export",
        _inside("categories", lambda categories: {**categories, "registrations": [{"id": 1}]}),
    ),
    # Parsed by pydantic before: their pages are now the same error page.
    ("messages", METTE, "/beskeder/", r"/persons/[^/]+/message-threads", _without("threads")),
    ("booking", METTE, "/book-samtale/", r"/persons/[^/]+/bookings", _without("bookings")),
]


@pytest.mark.parametrize(
    ("cpr", "page", "path", "spoil"),
    [case[1:] for case in CASES],
    ids=[case[0] for case in CASES],
)
def test_a_wrong_shaped_answer_is_the_apps_error_page(
    page_app: Flask,
    citizen: Callable[[str], FlaskClient],
    cpr: str,
    page: str,
    path: str,
    spoil: Spoil,
) -> None:
    if path.startswith("/statistics"):
        compute_in_store(dfdg_store(page_app), TODAY)  # the demo's registrations, as figures
    browser = citizen(cpr)
    assert browser.get(page).status_code == 200  # the page itself works
    spoilt = _spoil_answers(page_app, path, spoil)
    answer = browser.get(page)
    assert spoilt, "the page did not read the spoilt answer"
    assert answer.status_code == 502
    html = answer.get_data(as_text=True)
    assert "Sorry, there is a problem with the service" in html
    assert 'id="main-content"' in html


def test_the_clients_call_raises_a_dfdg_error(page_app: Flask) -> None:
    pid = person_id(page_app, METTE)
    actor = Actor(type="citizen", id=pid)
    client: DfdgClient = page_app.extensions["dfdg_client"]
    _spoil_answers(page_app, r".*", lambda answer: ["not", "an", "object"])
    calls: list[Callable[[], object]] = [
        lambda: client.letters(pid, actor),
        lambda: client.cv(pid, actor),
        lambda: client.joblog(pid, actor),
        lambda: client.current_plan(pid, actor),
        lambda: client.plan_revision(pid, 1, actor),
        lambda: client.statistics_measures(),
        lambda: client.export(pid, actor),
        lambda: client.insight_requests(pid, actor),
        lambda: client.message_threads(pid, actor),
        lambda: client.bookings(pid, actor),
        lambda: client.fund_events(pid, actor),
        lambda: client.statistics("registered"),
    ]
    for call in calls:
        with pytest.raises(DfdgBadAnswer) as raised:
            call()
        assert isinstance(raised.value, DfdgError)
