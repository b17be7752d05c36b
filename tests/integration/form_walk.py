"""Pieces of the generated-input test (test_generated_input.py): finding the forms a user can
reach, reading a form's fields from its HTML, generating values for them with Hypothesis, and
telling whether an error message is in the page's language."""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from babel.messages.pofile import read_po
from flask import Flask
from flask.testing import FlaskClient
from hypothesis import strategies as st
from werkzeug.exceptions import HTTPException

CATALOG = (
    Path(__file__).resolve().parents[2] / "translations" / "da" / "LC_MESSAGES" / "messages.po"
)
SKIP_PREFIXES = ("/auth/", "/language/", "/mitid-sim/", "/static/", "/assets/", "/dfdg/")
DOWNLOADS = (".ics", ".csv", ".json", ".pdf", ".xml", ".zip", ".txt", ".svg", ".png")
CRAWL_LIMIT = 250

# -- values ----------------------------------------------------------------------------------

NASTY_TEXT = [
    "",
    " ",
    " \t\r\n ",
    "x" * 5000,
    "²",
    "٣٠",
    "１２",
    "9" * 4301,
    "-1",
    "0",
    "1e400",
    "nan",
    "\x00",
    "a\x00b",
    "\x1b[31m\x07",
    "\u202eabc",
    "\ufeff",
    "🙂" * 3,
    "<script>x</script>",
    "' OR 1=1 --",
    "%(field)s %s {0}",
]
NUMBERS = [0, 1, 4, 5, 7, 8, 20, 29, 30, 31, 36, 37, 100, 479, 480, 481, 2**31, 2**63]
DAY_OFFSETS = [-36500, -3653, -731, -366, -365, -91, -90, -8, -7, -1, 0, 1, 14, 89, 90, 91]
DAY_OFFSETS += [364, 365, 366, 367, 731, 3653]
FIXED_DATES = [(1, 1, 1), (1, 1, 1900), (31, 12, 1899), (1, 7, 2200), (31, 12, 9999)]


def text_values() -> st.SearchStrategy[str]:
    return st.one_of(
        st.sampled_from(NASTY_TEXT),
        st.sampled_from(NUMBERS).flatmap(lambda n: st.sampled_from([str(n), str(-n), f" {n} "])),
        st.text(max_size=30),
    )


def date_values(today: date) -> st.SearchStrategy[tuple[str, str, str]]:
    """Day, month and year: at and beyond every window, impossible dates, other digits."""

    def parts(day: date) -> tuple[str, str, str]:
        return str(day.day), str(day.month), str(day.year)

    near = st.sampled_from(DAY_OFFSETS).map(lambda offset: parts(today + timedelta(days=offset)))
    fixed = st.sampled_from(FIXED_DATES).map(lambda d: tuple(str(p) for p in d))
    broken = st.tuples(
        st.sampled_from(["", "0", "29", "31", "32", "٣", "１", "9" * 4301, " 1 "]),
        st.sampled_from(["", "0", "2", "13", "٢", "x"]),
        st.sampled_from(["", "26", "2026", "0000", "２０２６", "10000", str(today.year)]),
    )
    return st.one_of(near, fixed, broken, st.tuples(text_values(), text_values(), text_values()))


# -- forms in HTML ---------------------------------------------------------------------------


@dataclass
class Form:
    method: str
    action: str
    texts: dict[str, str] = field(default_factory=dict)  # name -> value shown
    hidden: dict[str, str] = field(default_factory=dict)
    choices: dict[str, list[str]] = field(default_factory=dict)  # radios, selects
    checkboxes: dict[str, list[str]] = field(default_factory=dict)

    def date_fields(self) -> list[str]:
        return sorted({n[: -len("-day")] for n in self.texts if n.endswith("-day")})

    def field_count(self) -> int:
        return len(self.texts) + len(self.choices) + len(self.checkboxes)


class _FormParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.forms: list[Form] = []
        self.errors: list[str] = []
        self.lang = ""
        self._textarea: str | None = None
        self._select: str | None = None
        self._error_depth = 0
        self._sr_only = 0
        self._summary_li = False
        self._in_summary = False
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        classes = a.get("class", "").split()
        if tag == "html":
            self.lang = a.get("lang", "")
        if self._error_depth and tag == "span":
            self._error_depth += 1
            if "sr-only" in classes:
                self._sr_only = self._error_depth
        if tag == "span" and "form-error-message" in classes:
            self._error_depth, self._text = 1, []
        if "jobnet-error-summary" in classes:
            self._in_summary = True
        if tag == "form":
            self.forms.append(Form(a.get("method", "get").lower(), a.get("action", "")))
        if not self.forms or "name" not in a:
            return
        form, name = self.forms[-1], a["name"]
        kind = a.get("type", "text").lower()
        if tag == "input" and kind == "hidden":
            form.hidden[name] = a.get("value", "")
        elif tag == "input" and kind == "radio":
            form.choices.setdefault(name, []).append(a.get("value", "on"))
        elif tag == "input" and kind == "checkbox":
            form.checkboxes.setdefault(name, []).append(a.get("value", "y"))
        elif tag == "input" and kind not in ("submit", "button", "image", "reset", "file"):
            form.texts[name] = a.get("value", "")
        elif tag == "textarea":
            self._textarea, form.texts[name] = name, ""
        elif tag == "select":
            self._select, form.choices[name] = name, []

    def handle_endtag(self, tag: str) -> None:
        if tag == "textarea":
            self._textarea = None
        if tag == "select":
            self._select = None
        if self._error_depth and tag == "span":
            if self._sr_only == self._error_depth:
                self._sr_only = 0
            self._error_depth -= 1
            if not self._error_depth:
                self.errors.append("".join(self._text).strip())

    def handle_data(self, data: str) -> None:
        if self._textarea and self.forms:
            self.forms[-1].texts[self._textarea] += data
        if self._error_depth and not self._sr_only:
            self._text.append(data)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)


def parse_page(html: str) -> _FormParser:
    parser = _FormParser()
    parser.feed(html)
    # <option> values: read separately, the parser above only names the select
    for form in parser.forms:
        for name in form.choices:
            if not form.choices[name]:
                block = re.search(rf'<select[^>]*name="{re.escape(name)}".*?</select>', html, re.S)
                form.choices[name] = re.findall(
                    r'<option[^>]*value="([^"]*)"', block.group(0) if block else ""
                )
    return parser


def forms_on(html: str, path: str, skip_actions: Iterable[str]) -> dict[str, Form]:
    """The page's forms by the path they post to, but for those in `skip_actions`."""
    skip = set(skip_actions)
    found: dict[str, Form] = {}
    for form in parse_page(html).forms:
        action = urlsplit(urljoin(path, form.action or path)).path
        if action not in skip and form.method in ("get", "post"):
            if form.method == "get" and not form.field_count():
                continue
            found.setdefault(action, form)
    return found


def main_form(html: str, path: str, skip_actions: Iterable[str]) -> Form | None:
    """The page's own form: the one with the most fields."""
    return max(forms_on(html, path, skip_actions).values(), key=Form.field_count, default=None)


def same(shown: str, typed: str) -> bool:
    """Whether a value shown in a form is what was typed (ends trimmed, line ends and NUL as
    HTML reads them)."""

    def norm(value: str) -> str:
        return value.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "\ufffd").strip()

    return norm(shown) == norm(typed) or norm(shown) == norm(typed).replace("\ufffd", "")


# -- which language an error is in -----------------------------------------------------------


def _worded(text: str) -> bool:
    """A sentence with words of its own (not a bare "%(name)s", which matches anything)."""
    return len(re.findall(r"[^\W\d_]", re.sub(r"%\([a-z_]+\)[sd]", "", text))) >= 3


def _pattern(text: str) -> str:
    parts = re.split(r"%\([a-z_]+\)[sd]|%[sd]", text)
    return ".+".join(re.escape(part) for part in parts)


@cache
def language_patterns() -> dict[str, re.Pattern[str]]:
    """Every sentence of the catalog as a pattern, per language (placeholders match anything)."""
    with CATALOG.open("rb") as handle:
        catalog = read_po(handle)
    texts: dict[str, list[str]] = {"en": [], "da": []}
    for message in catalog:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strs = message.string if isinstance(message.string, tuple) else (message.string,)
        texts["en"] += [_pattern(t) for t in ids if _worded(t)]
        texts["da"] += [_pattern(t) for t in strs if _worded(t)]
    return {
        lang: re.compile("|".join(f"(?:{p})" for p in sorted(set(ps), key=len, reverse=True)), re.S)
        for lang, ps in texts.items()
    }


def in_language(message: str, language: str) -> bool:
    return language_patterns()[language].fullmatch(message.strip()) is not None


# -- finding the forms -------------------------------------------------------------------------


def endpoint_of(app: Flask, path: str, method: str) -> str | None:
    adapter = app.url_map.bind("localhost")
    try:
        endpoint, _ = adapter.match(urlsplit(path).path, method=method)
    except HTTPException:
        return None
    return str(endpoint)


def shape(path: str) -> str:
    parts = urlsplit(path)
    normal = re.sub(r"/[0-9a-fA-F-]{6,}(?=/|$)|/\d+(?=/|$)", "/#", parts.path)
    keys = sorted(k.split("=")[0] for k in parts.query.split("&") if k)
    return normal + ("?" + "&".join(keys) if keys else "")


def crawl(
    client: FlaskClient, starts: Iterable[str], skip_actions: Iterable[str]
) -> list[tuple[str, str]]:
    """Follow links from `starts` (one page of each shape); answer (page, action) for every
    form on them."""
    queue, seen, found = deque(starts), set(), []
    while queue and len(seen) < CRAWL_LIMIT:
        path = queue.popleft()
        if shape(path) in seen:
            continue
        seen.add(shape(path))
        response = client.get(path)
        if response.status_code in (301, 302, 303) and response.location.startswith("/"):
            queue.appendleft(response.location)
            continue
        if response.status_code != 200 or "html" not in (response.content_type or ""):
            continue
        html = response.get_data(as_text=True)
        found += [(path, action) for action in forms_on(html, path, skip_actions)]
        for link in re.findall(r'href="([^"#]+)', html):
            link = urljoin(path, link.replace("&amp;", "&"))
            local = link.startswith("/") and not link.startswith(SKIP_PREFIXES)
            if local and not urlsplit(link).path.endswith(DOWNLOADS):
                queue.append(link)
    left = [path for path in queue if shape(path) not in seen]
    assert not left, f"the crawl reached its limit of {CRAWL_LIMIT} pages"
    return found
