"""At most six SQL statements per store for every page a citizen or a caseworker can reach, so
N+1 queries cannot creep in.

The pages are found like a crawler: every GET route without parameters, then every local link
on every page reached, as a logged-in citizen (with a receipt to look at) and as a logged-in
caseworker. Statements are counted with SQLAlchemy's `before_cursor_execute` event on each
store's engine: the web store (sessions, outbox) and DFDG's. The limit is per store because they
are separate databases behind separate services; see docs/performance.md. DFDG's audit entries
(one INSERT per DFDG call, which the design demands for every access) are not counted: they
cannot multiply with the data, and a page making several DFDG calls is caught by its reads.
"""

from __future__ import annotations

import re
from collections import Counter, deque
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import timedelta
from typing import Any
from urllib.parse import urldefrag, urlsplit

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import Engine, event

from tests.helpers import login_caseworker, login_citizen
from tests.integration.test_journeys import TODAY, report_sickness

MAX_PER_STORE = 6
METTE = "1203851234"
MAX_PAGES = 150
# Not pages of ours, or not pages at all: the identity flow, the language switch, files.
SKIPPED_PREFIXES = ("/auth/", "/mitid-sim/", "/language/", "/static/", "/assets/", "/dfdg/")
LINK = re.compile(r'href="([^"]+)"')


class StatementCounter:
    def __init__(self, engines: dict[str, Engine]) -> None:
        self.engines = engines
        self.counts: Counter[str] = Counter()
        self.statements: dict[str, list[str]] = {name: [] for name in engines}

    def _listener(self, name: str) -> Callable[..., None]:
        def count(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
            if statement.lstrip().upper().startswith("INSERT INTO AUDIT_ENTRIES"):
                return
            self.counts[name] += 1
            self.statements[name].append(statement.split("\n", 1)[0][:120])

        return count

    @contextmanager
    def attached(self) -> Iterator[StatementCounter]:
        listeners = {name: self._listener(name) for name in self.engines}
        for name, engine in self.engines.items():
            event.listen(engine, "before_cursor_execute", listeners[name])
        try:
            yield self
        finally:
            for name, engine in self.engines.items():
                event.remove(engine, "before_cursor_execute", listeners[name])

    def reset(self) -> None:
        self.counts.clear()
        for statements in self.statements.values():
            statements.clear()


def _engines(app: Flask) -> dict[str, Engine]:
    return {
        "web": app.extensions["web_store"].engine,
        "dfdg": app.extensions["dfdg_app"].extensions["dfdg_store"].engine,
    }


def _start_pages(app: Flask) -> list[str]:
    return sorted(
        rule.rule
        for rule in app.url_map.iter_rules()
        if "GET" in (rule.methods or ())
        and not rule.arguments
        and not rule.rule.startswith(SKIPPED_PREFIXES)
    )


def _local_links(path: str, html: str) -> list[str]:
    links = []
    for href in LINK.findall(html):
        href = urldefrag(href.replace("&amp;", "&"))[0]
        parts = urlsplit(href)
        if parts.scheme or parts.netloc or not href.startswith("/"):
            continue
        if href.startswith(SKIPPED_PREFIXES):
            continue
        links.append(href)
    return links


def crawl(app: Flask, client: FlaskClient) -> dict[str, dict[str, Any]]:
    """Every page reached, with its status and its statement count per store."""
    counter = StatementCounter(_engines(app))
    seen: dict[str, dict[str, Any]] = {}
    queue = deque(_start_pages(app))
    with counter.attached():
        while queue and len(seen) < MAX_PAGES:
            path = queue.popleft()
            if path in seen:
                continue
            counter.reset()
            response = client.get(path)
            seen[path] = {
                "status": response.status_code,
                "counts": dict(counter.counts),
                "statements": {k: list(v) for k, v in counter.statements.items()},
            }
            if response.status_code == 200 and response.mimetype == "text/html":
                queue.extend(_local_links(path, response.get_data(as_text=True)))
    return seen


# The right of access shows everything DFDG holds: one read per category of data (master data,
# contact groups, registrations, absences, CV, job log, plans, summons, interviews, messages,
# the events sent to the funds, requests, the access log …). That is bounded by the number of
# categories, not by the data, so it cannot become N+1; it has its own, higher ceiling.
EXPORT_PAGES = ("/mine-data/", "/mine-data/hent")
MAX_FOR_EXPORT = 22


def _limit(path: str) -> int:
    return MAX_FOR_EXPORT if path in EXPORT_PAGES else MAX_PER_STORE


def _over_limit(pages: dict[str, dict[str, Any]]) -> dict[str, Any]:
    return {
        path: page
        for path, page in pages.items()
        if any(count > _limit(path) for count in page["counts"].values())
    }


@pytest.fixture
def demo_app(make_app: Callable[..., Flask]) -> Flask:
    app = make_app(DFDG_FIXED_TODAY=TODAY.isoformat())
    from jobnet.dfdg.demo import load_demo_data

    with app.extensions["dfdg_app"].extensions["dfdg_store"].session() as session:
        load_demo_data(session)
    return app


def test_every_citizen_page_makes_at_most_six_statements_per_store(demo_app: Flask) -> None:
    client = demo_app.test_client()
    login_citizen(client, METTE)
    sent = report_sickness(client, TODAY - timedelta(days=1))
    assert sent.status_code == 302  # a receipt to reach from Min side
    pages = crawl(demo_app, client)
    assert "/min-side/" in pages and pages["/min-side/"]["status"] == 200
    assert any(path.startswith("/kvittering/") for path in pages), sorted(pages)
    assert not _over_limit(pages), _over_limit(pages)


def test_every_caseworker_page_makes_at_most_six_statements_per_store(demo_app: Flask) -> None:
    client = demo_app.test_client()
    login_caseworker(client)
    pages = crawl(demo_app, client)
    assert pages["/sagsbehandler/"]["status"] == 200
    assert not _over_limit(pages), _over_limit(pages)


def test_min_side_reads_the_person_and_their_day_in_one_dfdg_statement(demo_app: Flask) -> None:
    """The person, their contact-group period, registration and unread plan version come in
    one statement; then the absences, the summons, (when any acted) organisation names, and
    one UNION ALL of what decides the duties (CV, plan versions, job log, held interviews,
    holidays)."""
    client = demo_app.test_client()
    login_citizen(client, METTE)
    counter = StatementCounter(_engines(demo_app))
    with counter.attached():
        assert client.get("/min-side/").status_code == 200
    dfdg = counter.statements["dfdg"]
    assert sum(1 for statement in dfdg if statement.startswith("SELECT persons.")) == 1, dfdg
    assert counter.counts["dfdg"] <= 5, dfdg
