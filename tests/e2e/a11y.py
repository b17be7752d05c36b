"""The accessibility checks run on every page the crawl visits, and the page kinds they report on.

Each check answers a list of readable problems ("which rule, which element"); the crawl keeps
them per page so a failing test names the page, the rule and the element.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from flask import Flask
from werkzeug.exceptions import HTTPException
from werkzeug.routing import RequestRedirect

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
PAGE_CHECKS_JS = (Path(__file__).parent / "page_checks.js").read_text(encoding="utf-8")
ERROR_PREFIX = {"da": "Fejl: ", "en": "Error: "}
SITE_SUFFIX = " – Jobnet"
NARROW = {"width": 320, "height": 800}
WIDE = {"width": 1280, "height": 900}


@cache
def _axe_source() -> str:
    from axe_playwright_python.sync_playwright import Axe

    return str(Axe().axe_script)


INCOMPLETE_DOC = Path(__file__).resolve().parents[2] / "docs" / "accessibility-incomplete.md"
INCOMPLETE_ROW = re.compile(
    r"^\|\s*`([^`]+)`\s*\|\s*`([^`]+)`\s*\|\s*`([^`]+)`\s*\|\s*`([^`]+)`\s*\|(.*)\|\s*$"
)


@dataclass(frozen=True)
class Explained:
    """A row of docs/accessibility-incomplete.md: axe's `rule` on pages of `kind` (`*`: any),
    on elements matching the CSS selector `elements` (`*`: any) when axe's message contains
    `message` (`*`: any message), is not a problem, for the reason `why`."""

    rule: str
    kind: str
    elements: str
    message: str
    why: str

    def covers(self, rule: str, kind: str, node: IncompleteNode) -> bool:
        return (
            self.rule == rule
            and self.kind in ("*", kind)
            and (self.elements == "*" or self.elements in node.matches)
            and (self.message == "*" or self.message in node.message)
        )


def explained_rows() -> list[Explained]:
    rows = []
    for line in INCOMPLETE_DOC.read_text(encoding="utf-8").splitlines():
        match = INCOMPLETE_ROW.match(line)
        if match:
            rows.append(Explained(*(g.strip() for g in match.groups())))
    return rows


@dataclass(frozen=True)
class IncompleteNode:
    target: str
    html: str
    message: str  # what axe says it could not decide
    matches: tuple[str, ...]  # the element selectors of the explained rows this node matches


@dataclass
class Incomplete:
    rule: str
    kind: str
    url: str
    help: str
    targets: list[str]
    nodes: list[IncompleteNode] = field(default_factory=list)


@dataclass
class PageReport:
    """What the checks found on one page (or one page's error state)."""

    user: str
    language: str
    url: str
    kind: str
    status: int
    title: str = ""
    skeleton: str = ""
    problems: list[str] = field(default_factory=list)
    incomplete: list[Incomplete] = field(default_factory=list)

    def where(self) -> str:
        return f"{self.url} ({self.kind}, {self.user}, {self.language})"


def page_kind(app: Flask, url: str, status: int = 200) -> str:
    """A stable name for what a URL shows: its endpoint (and step slug), e.g.
    `registration.step:aarsag`; `404` for pages that do not exist."""
    path = urlsplit(url).path or "/"
    adapter = app.url_map.bind("localhost")
    try:
        endpoint, args = adapter.match(path, method="GET")
    except RequestRedirect as redirect:
        return page_kind(app, redirect.new_url, status)
    except HTTPException as error:
        return str(error.code)
    if status >= 400:
        return str(status)
    slug = args.get("slug")
    return f"{endpoint}:{slug}" if slug else str(endpoint)


def ensure_scripts(page: Any) -> None:
    page.evaluate(PAGE_CHECKS_JS)


def js(page: Any, call: str, *args: Any) -> Any:
    ensure_scripts(page)
    if args:
        return page.evaluate(f"(args) => window.__a11y.{call}(...args)", list(args))
    return page.evaluate(f"() => window.__a11y.{call}()")


def axe_init_script() -> str:
    """axe-core, for `context.add_init_script` (injected on each page, outside the page's CSP)."""
    return _axe_source()


def run_axe(page: Any) -> dict[str, Any]:
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(_axe_source())
    options = {
        "runOnly": {"type": "tag", "values": WCAG_TAGS},
        "resultTypes": ["violations", "incomplete"],
    }
    return page.evaluate(
        "(options) => axe.run(document, options)"
        ".then((r) => ({violations: r.violations, incomplete: r.incomplete}))",
        options,
    )


def _nodes(nodes: list[dict[str, Any]], limit: int = 4) -> list[str]:
    out = []
    for node in nodes[:limit]:
        target = " ".join(str(t) for t in node.get("target", []))
        summary = (node.get("failureSummary") or "").replace("\n", " ").strip()
        out.append(f"{target} {node.get('html', '')[:120]} {summary[:200]}".strip())
    if len(nodes) > limit:
        out.append(f"… and {len(nodes) - limit} more")
    return out


def _incomplete_nodes(
    page: Any, nodes: list[dict[str, Any]], selectors: list[str]
) -> list[IncompleteNode]:
    targets = [str(node.get("target", [""])[-1]) for node in nodes]
    matches = page.evaluate(
        """([targets, selectors]) => targets.map((target) => {
          const el = target && document.querySelector(target);
          return el ? selectors.filter((s) => el.matches(s)) : [];
        })""",
        [targets, selectors],
    )
    return [
        IncompleteNode(
            target,
            str(node.get("html", ""))[:120],
            " ".join(
                str(check.get("message", ""))
                for group in ("any", "all", "none")
                for check in node.get(group, [])
            )
            or str(node.get("failureSummary", "")),
            tuple(found),
        )
        for target, node, found in zip(targets, nodes, matches, strict=True)
    ]


def check_page(page: Any, report: PageReport, *, error_state: bool = False) -> None:
    """Run every per-page check on what `page` shows now, adding to `report`. Call it right
    after the page has loaded: the keyboard check starts from where the browser put focus."""
    problems = report.problems
    if not error_state:
        check_keyboard_start(page, report)
    axe = run_axe(page)
    for violation in axe["violations"]:
        problems.append(
            f"axe {violation['id']} ({violation['impact']}): {violation['help']}\n      "
            + "\n      ".join(_nodes(violation["nodes"]))
        )
    selectors = sorted({row.elements for row in explained_rows() if row.elements != "*"})
    for result in axe["incomplete"]:
        report.incomplete.append(
            Incomplete(
                result["id"],
                report.kind + (" (errors)" if error_state else ""),
                report.url,
                result["help"],
                _nodes(result["nodes"], 3),
                _incomplete_nodes(page, result["nodes"], selectors),
            )
        )

    info = js(page, "structure")
    report.title = info["title"]
    if info["lang"] != report.language:
        problems.append(f"html lang is {info['lang']!r}, expected {report.language!r}")
    if info["h1"] != 1:
        problems.append(f"{info['h1']} h1 elements, expected exactly one")
    levels = [h["level"] for h in info["headings"]]
    report.skeleton = js(page, "skeleton")
    for before, heading in zip(levels, info["headings"][1:], strict=False):
        if heading["level"] > before + 1:
            problems.append(
                f"heading level skipped: h{before} then h{heading['level']} ({heading['text']!r})"
            )
    _check_title(info["title"], report, error_state)
    if info["hasSiteHeader"] and not info["languageLinks"]:
        problems.append("no link to the other language")
    for link in info["languageLinks"]:
        if link["code"] == report.language:
            problems.append(f"the language link {link['text']!r} points at the current language")
        if link["lang"] != link["code"] or link["hreflang"] != link["code"]:
            problems.append(
                f"the language link {link['text']!r} has lang={link['lang']!r} "
                f"hreflang={link['hreflang']!r}, expected {link['code']!r}"
            )
    problems.extend(f"1.3.5 autocomplete: {p}" for p in js(page, "autocomplete"))
    problems.extend(f"2.5.8 target size: {p}" for p in js(page, "targetSize"))
    problems.extend(f"1.4.12 text spacing clips text: {p}" for p in js(page, "textSpacing"))
    _check_reflow(page, report)


def check_keyboard_start(page: Any, report: PageReport) -> None:
    """The light keyboard check of every page: no positive tabindex, the first Tab reaches the
    skip link, and Enter on it moves focus to the main content. (A page whose script has put
    focus on an error summary starts there instead; the error-state checks cover it.)"""
    start = js(page, "keyboardStart")
    report.problems.extend(f"positive tabindex: {m}" for m in start["positiveTabindex"])
    if start["errorSummary"]:
        return
    if start["focused"] is not None:
        report.problems.append(f"focus is on {start['focused']} before any key is pressed")
        return
    page.keyboard.press("Tab")
    first = js(page, "focusedLink")
    if first["href"] != "#main-content":
        report.problems.append(
            f"the first Tab reaches {first['describe']}, not the skip link to #main-content"
        )
        return
    page.keyboard.press("Enter")
    focused = page.evaluate("() => document.activeElement && document.activeElement.id")
    if focused != "main-content":
        report.problems.append(
            f"the skip link moves focus to #{focused or '(nothing)'}, not to #main-content"
        )
    # Leave the page as it loaded for the other checks: no #main-content in the address (a form
    # sent from here would carry it to its error page, and the browser would focus main there),
    # scrolled to the top, nothing focused, and the skip link's slide back out of view (a CSS
    # transition) finished, so it covers nothing axe looks at.
    page.evaluate(
        """async () => {
          history.replaceState(history.state, "", location.pathname + location.search);
          window.scrollTo(0, 0);
          if (document.activeElement) { document.activeElement.blur(); }
          await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
          const skip = document.querySelector(".skipnav");
          const moving = skip ? skip.getAnimations() : [];
          await Promise.all(moving.map((a) => a.finished.catch(() => null)));
        }"""
    )


def check_error_state(page: Any, report: PageReport) -> None:
    """What a form's error page must do besides the per-page checks: focus on the error
    summary, its links move focus to their fields, each message is tied to its field by
    aria-describedby (the "Error:" title prefix is `check_page(error_state=True)`'s)."""
    state = js(page, "errorState")
    if not state["hasSummary"]:
        report.problems.append("the form's error state shows no error summary (#error-summary)")
        return
    if not state["summaryFocused"]:
        report.problems.append(
            f"focus is on {state['focused']}, not on the error summary, after the failed submit"
        )
    report.problems.extend(
        f"error message not tied by aria-describedby: {m}" for m in state["untied"]
    )
    report.problems.extend(f"error summary links to missing #{m}" for m in state["missingTargets"])
    report.problems.extend(
        f"the field {m} is not described by its error message (aria-describedby)"
        for m in state["notDescribed"]
    )
    for position, target in enumerate(state["links"]):
        page.locator("#error-summary a[href^='#']").nth(position).click()
        focused = page.evaluate("() => document.activeElement && document.activeElement.id")
        if focused != target:
            report.problems.append(
                f"error summary link {position + 1} (#{target}) moves focus to #{focused}"
            )


def _check_title(title: str, report: PageReport, error_state: bool) -> None:
    prefix = ERROR_PREFIX[report.language]
    core = title.removesuffix(SITE_SUFFIX)
    if error_state and not title.startswith(prefix):
        report.problems.append(f"title {title!r} of the error page does not start with {prefix!r}")
    if not error_state and title.startswith(prefix):
        report.problems.append(f"title {title!r} says there is an error, but there is none")
    if core == title or len(core.removeprefix(prefix).strip(" –")) < 3:
        report.problems.append(f"title {title!r} does not say where you are (… – Jobnet)")


def _check_reflow(page: Any, report: PageReport) -> None:
    page.set_viewport_size(NARROW)
    try:
        page.evaluate(
            "() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))"
        )
        result = js(page, "reflow")
    finally:
        page.set_viewport_size(WIDE)
    if result["lost"]:
        report.problems.append(
            "1.4.10 reflow: at 320 CSS px these are hidden: " + "; ".join(result["lost"])
        )
    if result["overflow"] > 1:
        report.problems.append(
            f"1.4.10 reflow: scrolls {result['overflow']}px sideways at 320 CSS px: "
            + ("; ".join(result["offenders"]) or "no single element found")
        )


def format_reports(reports: list[PageReport]) -> str:
    lines = []
    for report in reports:
        if report.problems:
            lines.append(f"\n{report.where()} — title {report.title!r}")
            lines.extend(f"  - {problem}" for problem in report.problems)
    return "\n".join(lines)
