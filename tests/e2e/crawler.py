"""A crawl that finds every page by itself, for each kind of user and each language.

It logs in through the MitID simulator in the browser (once per user; the login is reused as
storage state), starts from every GET route without arguments that the user may see and from
every journey's question pages, then follows same-origin links breadth-first. Every page gets
the checks in `a11y.py` (a light keyboard check among them); every question form is also
submitted empty and its error page gets the same checks plus the error-summary checks; then the
form is filled with plausible answers so the crawl reaches the following pages, the
check-your-answers page included (it never sends). A crawl that reaches PAGE_LIMIT with pages
still to visit fails.
"""

from __future__ import annotations

import os
import re
from collections import deque
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from flask import Flask, url_for

from tests.e2e.a11y import PageReport, check_error_state, check_page, js, page_kind

SKIP_PREFIXES = ("/auth/logout", "/language/", "/mitid-sim/", "/static/", "/dfdg/")
SKIP_PATHS = {
    "/auth/login",
    "/auth/caseworker/login",
    "/auth/callback",
    "/auth/caseworker/callback",
    "/health",
}
DOWNLOADS = (".ics", ".csv", ".json", ".pdf", ".xml", ".zip", ".txt")
NOT_QUESTION = re.compile(r"/(send|aflys|annuller|cancel|logout)(/|$)")
# Pages one crawl may open. A crawl that reaches it with pages still queued fails (see `run`):
# raise it when the site has really grown, never let it cut the crawl short.
PAGE_LIMIT = int(os.environ.get("JOBNET_E2E_PAGE_LIMIT", "400"))
FILL_OFFSETS = (0, 14, -2)  # days from today tried for dates when filling a form


@dataclass(frozen=True)
class User:
    key: str
    kind: str | None  # None (anonymous), "citizen" or "caseworker"
    identity: str | None = None  # CPR number or professional id at the simulator
    access: frozenset[str] = frozenset({"public"})
    acting_for: str | None = None  # a caseworker opens this citizen (CPR) after login

    @property
    def logged_in(self) -> bool:
        return self.kind is not None


ANONYMOUS = User("anonymous", None)
REGISTERED = User(
    "citizen-registered", "citizen", "1203851234", frozenset({"citizen", "subject", "login"})
)  # Mette Nielsen
UNREGISTERED = User(
    "citizen-unregistered", "citizen", "3001932361", frozenset({"citizen", "subject", "login"})
)  # Oliver Thomsen
CASEWORKER = User(
    "caseworker", "caseworker", "CVR:29190011-RID:41120001", frozenset({"caseworker", "login"})
)  # Hanne Mikkelsen, Jobcenter København
ACTING = User(
    "caseworker-acting",
    "caseworker",
    "CVR:29190011-RID:41120001",
    frozenset({"caseworker", "login", "subject"}),
    acting_for="1203851234",
)  # Hanne Mikkelsen working on Mette Nielsen's data
USERS = (ANONYMOUS, REGISTERED, UNREGISTERED, CASEWORKER, ACTING)


def local(url: str) -> str:
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def skipped(path: str) -> bool:
    bare = urlsplit(path).path
    return (
        bare in SKIP_PATHS
        or bare.startswith(SKIP_PREFIXES)
        or bare.lower().endswith(DOWNLOADS)
        or bare.lower().rstrip("/").rsplit("/", 1)[-1] in {d.lstrip(".") for d in DOWNLOADS}
    )


def access_of(app: Flask, path: str) -> str | None:
    try:
        endpoint, _ = app.url_map.bind("localhost").match(urlsplit(path).path, method="GET")
    except Exception:  # noqa: BLE001 - not-found and redirects have no access mark
        return None
    return getattr(app.view_functions.get(endpoint), "jobnet_access", None)


def _journey_classes() -> list[type]:
    from jobnet.web.journeys.machinery import Journey

    found: list[type] = []
    todo = list(Journey.__subclasses__())
    while todo:
        cls = todo.pop()
        found.append(cls)
        todo.extend(cls.__subclasses__())
    return found


def seeds(app: Flask, user: User) -> list[str]:
    """Where a crawl starts: every argument-free GET route the user may see, every journey's
    question pages (citizens), and for anonymous users a page that does not exist."""
    urls = ["/"]
    for rule in app.url_map.iter_rules():
        if "GET" not in (rule.methods or ()) or rule.arguments:
            continue
        access = getattr(app.view_functions.get(rule.endpoint), "jobnet_access", None)
        if access in user.access and not skipped(rule.rule):
            urls.append(rule.rule)
    if "subject" in user.access:
        with app.test_request_context():
            for cls in _journey_classes():
                name = getattr(cls, "name", None)
                for step in getattr(cls, "steps", None) or []:
                    if name and f"{name}.step" in app.view_functions:
                        urls.append(url_for(f"{name}.step", slug=step.slug))
    if not user.logged_in:
        urls.append("/no-such-page")
    return list(dict.fromkeys(urls))


def login(browser: Any, base_url: str, user: User) -> dict[str, Any]:
    """Log `user` in through the simulator in the browser; returns the storage state."""
    context = browser.new_context(base_url=base_url, locale="da-DK")
    try:
        page = context.new_page()
        page.set_default_timeout(15_000)
        page.goto("/auth/login" if user.kind == "citizen" else "/auth/caseworker/login")
        assert "/mitid-sim/" in page.url, page.url
        field_name = "person" if user.kind == "citizen" else "caseworker"
        for name, value in ((field_name, user.identity), ("level", "Substantial")):
            radio = page.locator(f"input[name='{name}'][value='{value}']")
            page.locator(f"label[for='{radio.get_attribute('id')}']").click()
        page.locator("button[name='action'][value='login']").click()
        page.wait_for_url(lambda url: "/mitid-sim/" not in url and "/auth/" not in url)
        if user.acting_for:
            page.goto("/sagsbehandler/")
            page.fill("input[name='cpr']", user.acting_for)
            radio = page.locator("input[name='purpose']").first
            page.locator(f"label[for='{radio.get_attribute('id')}']").click()
            with page.expect_navigation():
                page.locator("main form button[type=submit]").first.click()
            assert page.url.endswith("/sagsbehandler/borger"), page.url
        return context.storage_state()
    finally:
        context.close()


@dataclass
class CrawlState:
    """Shared by every crawl of a session, so no URL is checked twice."""

    app: Flask
    checked: set[tuple[str, ...]] = field(default_factory=set)


class Crawl:
    def __init__(self, state: CrawlState, page: Any, user: User, language: str) -> None:
        self.state = state
        self.app = state.app
        self.page = page
        self.user = user
        self.language = language
        self.reports: list[PageReport] = []
        self.console: list[str] = []
        self.filled_kinds: set[str] = set()
        page.on("console", self._on_console)

    def _on_console(self, message: Any) -> None:
        if message.type == "error":
            self.console.append(message.text)

    def _key(self, path: str) -> tuple[str, ...]:
        if access_of(self.app, path) == "public":
            return (self.language, path)
        return (self.language, self.user.key, path)

    def _kind_key(self, kind: str) -> tuple[str, ...]:
        """Pages alike enough to check once. A caseworker working on a citizen sees the
        citizen's pages with the banner added: one page of each kind is enough to check the
        banner, the rest were checked in the citizen's own crawl."""
        if self.user.acting_for is not None:
            return (self.language, "acting", kind)
        return (self.language, kind, js(self.page, "skeleton"))

    def _report(self, url: str, status: int) -> PageReport:
        report = PageReport(
            self.user.key, self.language, url, page_kind(self.app, url, status), status
        )
        self.reports.append(report)
        return report

    def run(self) -> list[PageReport]:
        queue: deque[tuple[str, str | None]] = deque(
            (url, None) for url in seeds(self.app, self.user)
        )
        queued = {url for url, _ in queue}
        visited: set[str] = set()
        while queue and len(visited) < PAGE_LIMIT:
            url, source = queue.popleft()
            if self._left_to_anonymous(url):
                continue  # the anonymous crawl checks the public pages
            found = self._visit(url, source, visited)
            for link in found:
                forced = link.startswith("!")
                link = link.removeprefix("!")
                if link not in queued or (forced and link not in visited):
                    queued.add(link)
                    queue.append((link, url))
        left = [url for url, _ in queue if url not in visited and not self._left_to_anonymous(url)]
        if left:
            report = PageReport(self.user.key, self.language, "(the whole crawl)", "crawl", 0)
            self.reports.append(report)
            report.problems.append(
                f"the crawl stopped at PAGE_LIMIT={PAGE_LIMIT} pages with {len(left)} still "
                f"queued, so they were never checked (e.g. {left[:5]}); if the site has grown, "
                "raise PAGE_LIMIT in tests/e2e/crawler.py (or JOBNET_E2E_PAGE_LIMIT), otherwise "
                "find out which links multiply"
            )
        return self.reports

    def _left_to_anonymous(self, url: str) -> bool:
        return self.user.logged_in and access_of(self.app, url) == "public" and url != "/"

    def _links(self, hrefs: list[str]) -> list[str]:
        base = urlsplit(self.page.url)
        out = []
        for href in hrefs:
            parts = urlsplit(href)
            if parts.netloc != base.netloc or parts.scheme not in ("http", "https"):
                continue
            path = parts.path + (f"?{parts.query}" if parts.query else "")
            if not skipped(path):
                out.append(path)
        return out

    def _visit(self, url: str, source: str | None, visited: set[str]) -> list[str]:
        page = self.page
        self.console.clear()
        try:
            response = page.goto(url)
        except Exception as error:  # noqa: BLE001 - reported, or a download (skipped)
            if "Download is starting" not in str(error):
                self._report(url, 0).problems.append(f"could not open the page: {error}")
            return []
        final = local(page.url)
        if response is None or final in visited:
            return []
        visited.add(final)
        if "/mitid-sim/" in final or final.startswith("/auth/login"):
            if self.user.logged_in:
                report = self._report(url, 200)
                report.problems.append("the crawl was sent to log in again (session lost?)")
            return []
        if not (response.headers.get("content-type") or "").startswith("text/html"):
            return []
        status = response.status
        if source is None and status == 403:
            return []  # a start page this user may not see (a caseworker's journey, say)
        kind = page_kind(self.app, final, status)
        keys = {self._key(final), self._kind_key(kind)}
        if keys & self.state.checked:
            return self._links(js(page, "structure")["links"])
        self.state.checked.update(keys)
        report = self._report(final, status)
        if status >= 400 and final != "/no-such-page":
            report.problems.append(
                f"HTTP {status}" + (f" (linked from {source})" if source else "")
            )
        check_page(page, report)
        report.problems.extend(f"console: {m}" for m in self.console if "Content Security" in m)
        links = self._links(js(page, "structure")["links"])
        links.extend(self._forms(final, report))
        return links

    def _question_forms(self) -> list[dict[str, Any]]:
        return [
            form
            for form in js(self.page, "questionForms")
            if form["method"] == "post"
            and form["fields"] > 0
            and not NOT_QUESTION.search(urlsplit(form["action"]).path)
            and not skipped(local(form["action"]))
        ]

    def _submit(self, index: int) -> None:
        form = self.page.locator("main form").nth(index)
        with self.page.expect_navigation():
            form.locator("button[type=submit], input[type=submit]").first.click()

    def _forms(self, url: str, report: PageReport) -> list[str]:
        """The error state of each question form, then a filled-in submit to find what follows."""
        found: list[str] = []
        for position, form in enumerate(self._question_forms()):
            if position:
                self.page.goto(url)
            key = ("error-state", self.language, report.kind)
            if key not in self.state.checked:
                self.state.checked.add(key)
                if not self._error_state(url, report.kind, form["index"]):
                    self.page.goto(url)
            if report.kind.split(":")[0].endswith(".step") and report.kind not in self.filled_kinds:
                self.filled_kinds.add(report.kind)
                next_url = self._fill_and_continue(form["index"])
                if next_url and next_url != url:
                    found.append("!" + next_url)  # visit even if an earlier visit redirected
        return found

    def _error_state(self, url: str, kind: str, index: int) -> bool:
        """Submit the form empty and check the error page; False if the form was accepted."""
        page = self.page
        self.console.clear()
        js(page, "clearForm", index)
        self._submit(index)
        report = PageReport(self.user.key, self.language, f"{url} (submitted empty)", kind, 200)
        state = js(page, "errorState")
        if not state["hasSummary"]:
            if local(page.url) == url:
                report.problems.append("submitting the form empty shows no error summary")
                self.reports.append(report)
                return True
            return False  # every field is optional: the form was accepted
        self.reports.append(report)
        check_error_state(page, report)
        check_page(page, report, error_state=True)
        report.problems.extend(f"console: {m}" for m in self.console if "Content Security" in m)
        return True

    def _fill_and_continue(self, index: int) -> str | None:
        page = self.page
        start = local(page.url)
        for offset in FILL_OFFSETS:
            js(page, "fillForm", index, offset)
            self._submit(index)
            if not js(page, "errorState")["hasSummary"]:
                return local(page.url)
            if local(page.url) != start:
                return None
        return None
