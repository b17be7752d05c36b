"""Generated input on every form (issue 20): for each form a citizen or a caseworker can reach, in
Danish and in English, post values that people and attackers type (empty, blanks, very long,
digits that are not 0-9, control characters, dates at and beyond every window, numbers at and
beyond every bound) and check that the answer is never a 5xx, that what was typed comes back in
the form, and that every error is in the page's language.

The forms are found, not listed: each user's pages are crawled from their start pages, and every
journey's question pages come from the journeys registered on the app. Every POST endpoint of the
app must then be walked or named in NOT_WALKED with the reason, so a new form cannot be skipped
without saying so.

The default run posts a few fixed vectors and GENERATED examples per form; set
JOBNET_FORM_EXAMPLES (for example 200) for a longer, randomised run.
"""

from __future__ import annotations

import inspect
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jobnet.domain.clock import DANISH_TIME
from tests.helpers import csrf_token, login_caseworker, login_citizen
from tests.integration.booking_seed import seed_booking
from tests.integration.form_walk import (
    Form,
    date_values,
    endpoint_of,
    forms_on,
    in_language,
    parse_page,
    same,
    shape,
    text_values,
)
from tests.integration.form_walk import crawl as crawl_pages
from tests.integration.interview_seed import seed_begun_interview
from tests.integration.test_journeys import TODAY, answer, date_fields, submit

GENERATED = int(os.environ.get("JOBNET_FORM_EXAMPLES", "3"))
RANDOMISED = "JOBNET_FORM_EXAMPLES" in os.environ
COLLECT = os.environ.get("JOBNET_FORM_COLLECT")  # a file: list every problem there, fail none

# Every POST endpoint that is not walked, and why.
NOT_WALKED = {
    "notifications.confirm": "its form is shown only while a code sent to a confirmed address "
    "waits; tests/integration/test_notifications.py posts wrong, used-up and malformed codes",
    "jobcentre_notifications.confirm": "as notifications.confirm, for a caseworker's address",
    "auth.logout": "one button with no typed field; it ends the session the walk runs in",
    "auth.keep_alive": "the timeout dialog's script posts it with no field",
    "mitid_sim.authorize": "the development login simulator, not served in production",
    "mitid_sim.token": "OpenID Connect token endpoint of the simulator: a protocol, not a form",
    "mitid_sim.userinfo": "OpenID Connect userinfo endpoint of the simulator: not a form",
    "mitid_sim.logout": "OpenID Connect end-session endpoint of the simulator: not a form",
    "auth.citizen_backchannel_logout": "called by the OpenID provider with a signed logout "
    "token (OpenID Back-Channel Logout), not a form; its refusals are in its own tests",
    "auth.caseworker_backchannel_logout": "the caseworker provider's back-channel logout: as "
    "the citizen's",
    "duties.revoke_feed": "one button with no typed field; it stops the feed the walk made",
    "caseworker.act_on_set_aside": "resend and cancel buttons for a set-aside command, no typed "
    "field; only shown when a command was set aside (tests/integration/"
    "test_receipt_whatever_fails.py)",
}
# Forms that change who the caseworker acts for: walked last, in their own session.
SESSION_CHANGING = {
    "caseworker.find_citizen",
    "caseworker.reopen_citizen",
    "caseworker.stop_acting",
}
CHROME_ACTIONS = ("/auth/logout", "/auth/keep-alive-page")
NASTY = ["", " \t ", "x" * 5000, "²", "٣٠", "9" * 4301, "\x00\x1b", "-1"]

METTE, MADS, OLIVER = "1203851234", "1908871245", "3001932361"
HANNE = "CVR:29190011-RID:41120001"


@dataclass(frozen=True)
class User:
    name: str
    login: Callable[[FlaskClient], None]
    journeys: tuple[str, ...]  # blueprint names whose question pages this user walks
    starts: tuple[str, ...]


def _citizen(cpr: str) -> Callable[[FlaskClient], None]:
    return lambda client: (login_citizen(client, cpr), None)[1]


def _caseworker(client: FlaskClient) -> None:
    login_caseworker(client, HANNE)
    page = client.get("/sagsbehandler/")
    data = {"csrf_token": csrf_token(page), "cpr": METTE, "purpose": "case_processing"}
    assert client.post("/sagsbehandler/", data=data).status_code == 302


USERS = {
    "citizen": User(
        "citizen",
        _citizen(METTE),
        ("sickness", "holiday", "deregistration"),
        (
            "/min-side/",
            "/cv/",
            "/joblog/",
            "/mine-data/",
            "/min-plan/",
            "/statistik/",
            "/beskeder/",
            "/book-samtale/",
        ),
    ),
    "newcomer": User("newcomer", _citizen(OLIVER), ("registration",), ("/min-side/",)),
    "sick": User("sick", _citizen(MADS), ("recovery",), ("/min-side/",)),
    "caseworker": User(
        "caseworker",
        _caseworker,
        (
            "held_interview",
            "fund_event",
            "cv_approval",
            "jobcentre_absence",
            "jobcentre_summons",
            "jobcentre_summons_move",
            "jobcentre_summons_cancel",
            "jobcentre_booking_withdraw",
            "jobcentre_summons_not_attended",
            "jobcentre_plan",
        ),
        (
            "/sagsbehandler/",
            "/sagsbehandler/borger",
            "/sagsbehandler/beskeder/",
            "/sagsbehandler/pligter/",
        ),
    ),
}


def _setup(user: str, client: FlaskClient, app: Flask) -> dict[str, str]:
    """Records the user's forms need (a holiday to cancel, an entry to change, a summons to
    move); answers the query each journey's entry needs."""
    if user == "citizen":
        client.get("/ferie/")
        period = {
            **date_fields("first_day", TODAY + timedelta(days=30)),
            **date_fields("last_day", TODAY + timedelta(days=34)),
        }
        answer(client, "/ferie/periode", period)
        submit(client, "ferie")
        entry = {
            **date_fields("applied_on", TODAY - timedelta(days=2)),
            "employer": "Lager A/S",
            "job_title": "Lagerarbejder",
            "kind": "advertised",
            "status": "sent",
        }
        answer(client, "/joblog/ny", entry)
        experience = {"employer": "Lager A/S", "job_title": "Pakker"}
        answer(
            client,
            "/cv/erhvervserfaring/ny",
            {**experience, **date_fields("start_date", date(2020, 1, 1)), "ongoing": "yes"},
        )
        answer(client, "/beskeder/ny", {"subject": "Spørgsmål", "text": "Hvornår ringer I?"})
        seed_booking(app, METTE, TODAY)
    if user == "sick":
        client.get("/sygemelding/")
        answer(
            client,
            "/sygemelding/foerste-sygedag",
            date_fields("first_day", TODAY - timedelta(days=3)),
        )
        submit(client, "sygemelding")
    if user == "caseworker":
        from tests.integration.test_caseworker_summons import create_summons, summons_rows

        create_summons(client)
        booking = seed_booking(app, METTE, TODAY)
        # A second request: the walk books one for the citizen, and the list of who has not
        # booked must still show a citizen to open.
        seed_booking(app, METTE, TODAY)
        summons = summons_rows(app)[-1].id
        begun = seed_begun_interview(app, METTE, datetime.combine(TODAY, time(9), DANISH_TIME))
        return {
            "jobcentre_summons_move": f"summons={summons}",
            "jobcentre_summons_cancel": f"summons={summons}",
            "jobcentre_booking_withdraw": f"booking={booking}",
            "jobcentre_summons_not_attended": f"summons={begun}",
        }
    return {}


def _journey(app: Flask, blueprint: str) -> Any:
    view = inspect.unwrap(app.view_functions[f"{blueprint}.step"])
    return inspect.getclosurevars(view).nonlocals["journey"]


@dataclass(frozen=True)
class FormPage:
    page: str  # where the form is shown
    action: str  # where it posts
    endpoint: str
    method: str = "post"


def _pages(app: Flask, user: User, client: FlaskClient, queries: dict[str, str]) -> list[FormPage]:
    """Every form the user can reach: each journey's question pages and send, and every form on
    the pages a crawl from the user's start pages finds."""
    pages: dict[tuple[str, ...], FormPage] = {}
    for blueprint in user.journeys:
        journey = _journey(app, blueprint)
        entry = app.url_map.bind("localhost").build(f"{blueprint}.start")
        query = queries.get(blueprint)
        client.get(f"{entry}?{query}" if query else entry)  # the draft the questions belong to
        for step in journey.steps:
            path = f"{entry}{step.slug}"
            pages[(f"{blueprint}.step", shape(path))] = FormPage(path, path, f"{blueprint}.step")
        send = f"{blueprint}.submit"
        pages[(send, "")] = FormPage("", f"{entry}send", send)
    for page, action in crawl_pages(client, user.starts, CHROME_ACTIONS):
        method = "post"
        endpoint = endpoint_of(app, action, "POST")
        if endpoint is None:  # a filter: a form that GETs its answer
            method, endpoint = "get", endpoint_of(app, action, "GET")
        if endpoint is None:
            continue
        # A form on every page (the acting banner's) is walked once; others once a page shape.
        where = "" if endpoint in SESSION_CHANGING else shape(page)
        pages.setdefault((endpoint, where), FormPage(page, action, endpoint, method))
    return sorted(pages.values(), key=_order)


def _order(target: FormPage) -> tuple[bool, bool, str, str]:
    """Forms that delete what others show, and those that change whom a caseworker acts for,
    last."""
    deletes = any(word in target.endpoint for word in ("delete", "remove", "cancel"))
    return (target.endpoint in SESSION_CHANGING, deletes, target.endpoint, target.page)


# -- one form, many answers --------------------------------------------------------------------


def _fixed_vectors(form: Form) -> Iterator[dict[str, Any]]:
    """The nasty values turn by turn in each field, then two dates far out of any window."""
    texts = sorted(form.texts)
    for turn in range(4):
        values = {name: NASTY[(turn + i) % len(NASTY)] for i, name in enumerate(texts)}
        for name, options in form.choices.items():
            values[name] = options[turn % len(options)] if options else NASTY[turn]
        yield values
    first = {n: options[0] for n, options in form.choices.items() if options}
    for day in (date(1900, 1, 1), date(2200, 7, 1)):
        dates = {}
        for name in form.date_fields():
            dates |= {
                f"{name}-day": str(day.day),
                f"{name}-month": str(day.month),
                f"{name}-year": str(day.year),
            }
        yield {name: "1" for name in texts} | dates | first


def _generated(form: Form, draw: Callable[..., Any]) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for name in form.date_fields():
        day, month, year = draw(date_values(TODAY))
        values |= {f"{name}-day": day, f"{name}-month": month, f"{name}-year": year}
    for name in form.texts:
        if name not in values:
            values[name] = draw(text_values())
    for name, options in form.choices.items():
        values[name] = draw(st.sampled_from([*options, "", "x" * 300, "\x00", None]))
    for name, options in form.checkboxes.items():
        values[name] = draw(st.lists(st.sampled_from([*options, "x"]), max_size=2))
    if "key" in form.hidden:
        values["key"] = draw(st.sampled_from([form.hidden["key"], "", "x" * 500, "\x00", "٣"]))
    return values


def _post(
    client: FlaskClient, target: FormPage, form: Form, language: str, values: dict[str, Any]
) -> None:
    """Post `values` in the form and check the answer: no 5xx, the page's language, and on a
    page with errors what was typed in the form again."""
    data = {**form.hidden, **{name: value for name, value in values.items() if value is not None}}
    if target.method == "get":
        response = client.get(target.action, query_string=data)
    else:
        response = client.post(target.action, data=data)
    context = f"{language} {target.page} -> {target.action}: {_short(values)}"
    _check(response.status_code < 500, f"{response.status_code} for {context}")
    if response.status_code != 200:
        return
    html = response.get_data(as_text=True)
    parsed = parse_page(html)
    _check(parsed.lang == language, f"page in {parsed.lang!r} for {context}")
    for message in parsed.errors:
        _check(in_language(message, language), f"{message!r} is not in {language}: {context}")
    again = forms_on(html, target.action, CHROME_ACTIONS).get(target.action)
    if again is not None and parsed.errors:
        for name, typed in values.items():
            if isinstance(typed, str) and name in again.texts:
                _check(
                    same(again.texts[name], typed),
                    f"{name}={typed[:40]!r} came back as {again.texts[name][:40]!r}: {context}",
                )


def _check(condition: bool, problem: str) -> None:
    if COLLECT and not condition:
        with open(COLLECT, "a", encoding="utf-8") as log:
            log.write(problem.replace("\n", " ")[:400] + "\n")
        return
    assert condition, problem


def _short(values: dict[str, Any]) -> str:
    return ", ".join(f"{k}={str(v)[:20]!r}" for k, v in values.items())


def _form_of(client: FlaskClient, target: FormPage, token_page: str) -> Form:
    if not target.page:  # a journey's send: the check page's form is its key and the token
        return Form(
            "post",
            target.action,
            hidden={"csrf_token": csrf_token(client.get(token_page)), "key": ""},
        )
    shown = client.get(target.page)
    form = forms_on(shown.get_data(as_text=True), target.page, CHROME_ACTIONS).get(target.action)
    assert form is not None, f"{target.page} ({shown.status_code}) shows no form to {target.action}"
    return form


def _generated_examples(client: FlaskClient, target: FormPage, form: Form, language: str) -> None:
    @settings(
        max_examples=GENERATED,
        deadline=None,
        database=None,
        derandomize=not RANDOMISED,
        suppress_health_check=list(HealthCheck),
    )
    @given(st.data())
    def example(data: st.DataObject) -> None:
        _post(client, target, form, language, _generated(form, data.draw))

    example()


def _walk(client: FlaskClient, target: FormPage, token_page: str) -> None:
    """The form shown once, then posted in both languages (a form that deletes what it shows
    may delete it with its first post: it is posted again all the same)."""
    form = _form_of(client, target, token_page)
    for language in ("da", "en"):
        client.get(f"/language/{language}")
        for values in _fixed_vectors(form):
            _post(client, target, form, language, values)

        _generated_examples(client, target, form, language)


@pytest.fixture
def walk_app(make_app: Callable[..., Flask]) -> Flask:
    from jobnet.dfdg.demo import load_demo_data

    app = make_app(DFDG_FIXED_TODAY=TODAY.isoformat())
    with app.extensions["dfdg_app"].extensions["dfdg_store"].session() as session:
        load_demo_data(session)
    return app


@pytest.mark.parametrize("user", sorted(USERS))
def test_generated_input_on_every_form(walk_app: Flask, user: str) -> None:
    client = walk_app.test_client()
    USERS[user].login(client)
    queries = _setup(user, client, walk_app)
    targets = _pages(walk_app, USERS[user], client, queries)
    assert targets, f"{user} reaches no form"
    for target in targets:
        _walk(client, target, USERS[user].starts[0])


def test_every_post_endpoint_is_walked_or_named(walk_app: Flask) -> None:
    """Every POST endpoint of the app is reached by the walk, or is in NOT_WALKED with a reason
    (and everything in NOT_WALKED still exists)."""
    posts = {r.endpoint for r in walk_app.url_map.iter_rules() if "POST" in (r.methods or ())}
    assert set(NOT_WALKED) <= posts, set(NOT_WALKED) - posts
    reached: set[str] = set()
    for user_name, user in USERS.items():
        client = walk_app.test_client()
        user.login(client)
        queries = _setup(user_name, client, walk_app)
        reached |= {target.endpoint for target in _pages(walk_app, user, client, queries)}
    assert posts - set(NOT_WALKED) <= reached, sorted(posts - set(NOT_WALKED) - reached)
