"""Issue 20, defects 8, 9, 11, 12, 14, 17 and 18: input that crashed or was stored absurdly, and
words that were wrong. Each test failed before its fix."""

from __future__ import annotations

import html as html_module
import re
from collections.abc import Callable
from datetime import date, timedelta

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import func, select

from tests.helpers import csrf_token, login_caseworker, login_citizen
from tests.integration.test_journeys import (
    METTE,
    TODAY,
    answer,
    date_fields,
    errors,
    journey_app,  # noqa: F401 - the fixture
)

AHMAD = "0309014821"  # group 3, not registered
HANNE = "CVR:29190011-RID:41120001"
OTHER_DIGITS = ["²", "٣٠", "１２", "9" * 4301]


def logged_in(app: Flask, cpr: str = METTE, language: str = "en") -> FlaskClient:
    client = app.test_client()
    client.get(f"/language/{language}")
    login_citizen(client, cpr)
    return client


def caseworker_on(app: Flask, cpr: str = METTE, language: str = "en") -> FlaskClient:
    client = app.test_client()
    client.get(f"/language/{language}")
    login_caseworker(client, HANNE)
    page = client.get("/sagsbehandler/")
    data = {"csrf_token": csrf_token(page), "cpr": cpr, "purpose": "case_processing"}
    assert client.post("/sagsbehandler/", data=data).status_code == 302
    return client


def text_of(page: object) -> str:
    return html_module.unescape(page.get_data(as_text=True))  # type: ignore[attr-defined]


# -- 8: digits that are not 0-9, and numbers of thousands of digits --------------------------


@pytest.mark.parametrize("typed", OTHER_DIGITS)
def test_weekly_hours_in_other_digits_are_refused_and_kept(
    journey_app: Flask,  # noqa: F811
    typed: str,
) -> None:
    client = logged_in(journey_app, AHMAD)
    client.get("/tilmelding/")
    page = answer(
        client, "/tilmelding/ledighedsgrad", {"degree": "part_time", "weekly_hours": typed}
    )
    assert page.status_code == 200
    assert any("whole number" in e for e in errors(page)), errors(page)
    assert f'value="{typed}"' in page.get_data(as_text=True)


@pytest.mark.parametrize("typed", OTHER_DIGITS)
def test_summons_duration_in_other_digits_is_refused_and_kept(
    journey_app: Flask,  # noqa: F811
    typed: str,
) -> None:
    client = caseworker_on(journey_app)
    client.get("/sagsbehandler/indkaldelse/ny/")
    fields = {
        **date_fields("starts_on", TODAY + timedelta(days=3)),
        "starts_time": "10:00",
        "duration_minutes": typed,
    }
    page = answer(client, "/sagsbehandler/indkaldelse/ny/tidspunkt", fields)
    assert page.status_code == 200
    assert any("whole number" in e for e in errors(page)), errors(page)
    assert f'value="{typed}"' in page.get_data(as_text=True)


@pytest.mark.parametrize("typed", ["٣", "nan", "inf", "1e400", "9" * 4301])
def test_measure_hours_that_are_not_a_number_are_refused(
    journey_app: Flask,  # noqa: F811
    typed: str,
) -> None:
    from jobnet.web.jobcentre.plan.forms import parse_hours

    assert parse_hours(typed) is None
    assert parse_hours("12,5") == 12.5
    assert parse_hours("37") == 37.0


def test_a_date_typed_in_other_digits_is_refused_as_numbers_only(
    journey_app: Flask,  # noqa: F811
) -> None:
    client = logged_in(journey_app)
    client.get("/sygemelding/")
    typed = {"first_day-day": "２", "first_day-month": "١١", "first_day-year": "２０２６"}
    page = answer(client, "/sygemelding/foerste-sygedag", typed)
    assert page.status_code == 200
    assert any("numbers" in e for e in errors(page)), errors(page)
    assert 'value="２０２６"' in page.get_data(as_text=True)


# -- 9: every date field has a window, stated in its hint and its error -----------------------


def test_a_holiday_in_2200_is_refused_with_the_window(journey_app: Flask) -> None:  # noqa: F811
    client = logged_in(journey_app)
    client.get("/ferie/")
    hint = text_of(client.get("/ferie/periode"))
    assert "within the next year" in hint
    fields = {
        **date_fields("first_day", date(2200, 7, 1)),
        **date_fields("last_day", date(2200, 7, 14)),
    }
    page = answer(client, "/ferie/periode", fields)
    assert page.status_code == 200
    assert any("within the next year" in e for e in errors(page)), errors(page)


def test_a_job_log_entry_of_1900_is_refused_with_the_window(
    journey_app: Flask,  # noqa: F811
) -> None:
    client = logged_in(journey_app)
    hint = text_of(client.get("/joblog/ny"))
    assert "at most one year back" in hint
    page = client.get("/joblog/ny")
    data = {
        "csrf_token": csrf_token(page),
        **date_fields("applied_on", date(1900, 1, 1)),
        "employer": "Lager A/S",
        "job_title": "Lagerarbejder",
        "kind": "advertised",
        "status": "sent",
    }
    page = client.post("/joblog/ny", data=data)
    assert page.status_code == 200
    assert any("at most one year back" in e for e in errors(page)), errors(page)


def test_dfdg_refuses_a_holiday_in_2200_and_a_job_log_entry_of_1900() -> None:
    from jobnet.domain.absences import AbsenceProblem, check_holiday
    from jobnet.domain.fields import FieldProblem
    from jobnet.domain.joblog import check_entry

    problem = check_holiday(
        date(2200, 7, 1),
        date(2200, 7, 14),
        TODAY,
        contact_group=1,
        match_group=None,
        registered_since=date(2024, 9, 2),
        other_absences=[],
    )
    assert problem == AbsenceProblem.TOO_FAR_AHEAD
    entry = check_entry(
        applied_on=date(1900, 1, 1),
        employer="Lager A/S",
        job_title="Lagerarbejder",
        kind="advertised",
        status="sent",
        link=None,
        note=None,
        today=TODAY,
    )
    assert [(issue.field, issue.code) for issue in entry] == [
        ("applied_on", FieldProblem.TOO_FAR_BACK)
    ]
    one_year_back = TODAY - timedelta(days=365)
    assert (
        check_holiday(
            TODAY + timedelta(days=365),
            TODAY + timedelta(days=366),
            TODAY,
            contact_group=1,
            match_group=None,
            registered_since=date(2024, 9, 2),
            other_absences=[],
        )
        is None
    )
    assert not check_entry(
        applied_on=one_year_back,
        employer="Lager A/S",
        job_title="Lagerarbejder",
        kind="advertised",
        status="sent",
        link=None,
        note=None,
        today=TODAY,
    )


# -- 11: the phone example in the hint is a phone number ---------------------------------------


def test_the_phone_example_in_the_hint_is_accepted(journey_app: Flask) -> None:  # noqa: F811
    from jobnet.domain.cv import normalise_phone

    client = logged_in(journey_app)
    page = text_of(client.get("/cv/kontakt"))
    example = re.search(r"for example ([0-9 ]{11})", page)
    assert example, "no example in the phone hint"
    assert normalise_phone(example.group(1)) is not None
    page = client.get("/cv/kontakt")
    refused = client.post("/cv/kontakt", data={"csrf_token": csrf_token(page), "phone": "1234"})
    said = re.search(r"for example ([0-9 ]{11})", " ".join(errors(refused)))
    assert said, errors(refused)
    assert normalise_phone(said.group(1)) is not None
    assert normalise_phone("٢٠٣٠٤٠٥٠") is None  # digits that are not 0-9 are no phone number


# -- 12: the art. 15 request is registered once ---------------------------------------------


def _insight_requests(app: Flask) -> int:
    from jobnet.dfdg.models.insight import InsightRequest

    store = app.extensions["dfdg_app"].extensions["dfdg_store"]
    with store.session() as session:
        return int(session.scalar(select(func.count()).select_from(InsightRequest)) or 0)


def _post_request(client: FlaskClient, page: object) -> object:
    html = page.get_data(as_text=True)  # type: ignore[attr-defined]
    key = re.search(r'name="key" type="hidden" value="([^"]+)"', html)
    assert key
    data = {"csrf_token": csrf_token(html), "key": key.group(1), "note": ""}
    return client.post("/mine-data/anmod-om-indsigt", data=data)


@pytest.fixture
def today_app(make_app: Callable[..., Flask]) -> Flask:
    """Demo data on today's real date (the art. 15 request is received on the real today)."""
    from jobnet.dfdg.demo import load_demo_data

    app = make_app()
    with app.extensions["dfdg_app"].extensions["dfdg_store"].session() as session:
        load_demo_data(session)
    return app


def test_an_insight_request_sent_from_two_tabs_is_registered_once(today_app: Flask) -> None:
    client = logged_in(today_app)
    first_tab = client.get("/mine-data/anmod-om-indsigt")
    second_tab = client.get("/mine-data/anmod-om-indsigt")
    first = _post_request(client, first_tab)
    second = _post_request(client, second_tab)
    assert first.location.startswith("/kvittering/JN-")  # type: ignore[attr-defined]
    assert second.location == first.location  # type: ignore[attr-defined]
    assert _insight_requests(today_app) == 1


def test_an_insight_request_sent_again_after_back_is_registered_once(today_app: Flask) -> None:
    client = logged_in(today_app)
    first = _post_request(client, client.get("/mine-data/anmod-om-indsigt"))
    back = client.get("/mine-data/anmod-om-indsigt")  # Back reloads the page (no-store)
    assert "already sent a request" in text_of(back)
    again = _post_request(client, back)
    assert again.location == first.location  # type: ignore[attr-defined]
    assert _insight_requests(today_app) == 1


# -- 14: messages built when a module is loaded, and "optional" on a required field -----------


def test_number_messages_are_danish_on_danish_pages(journey_app: Flask) -> None:  # noqa: F811
    client = caseworker_on(journey_app, language="da")
    client.get("/sagsbehandler/indkaldelse/ny/")
    fields = {
        **date_fields("starts_on", TODAY + timedelta(days=3)),
        "starts_time": "10:00",
        "duration_minutes": "481",
    }
    page = answer(client, "/sagsbehandler/indkaldelse/ny/tidspunkt", fields)
    shown = errors(page)
    assert shown and not any("minutes" in e for e in shown), shown
    assert any("minutter" in e for e in shown), shown
    client.get("/sagsbehandler/plan/")
    page = answer(
        client, "/sagsbehandler/plan/maal", {"targets": "Job", "applications_per_week": "31"}
    )
    shown = errors(page)
    assert shown and not any("whole number" in e for e in shown), shown
    page = answer(
        client, "/sagsbehandler/plan/maal", {"targets": "Job", "applications_per_week": "x"}
    )
    shown = errors(page)
    assert shown and not any("Not a valid" in e for e in shown), shown


def test_an_unknown_choice_is_refused_in_danish(journey_app: Flask) -> None:  # noqa: F811
    client = logged_in(journey_app, AHMAD, language="da")
    client.get("/tilmelding/")
    page = answer(client, "/tilmelding/aarsag", {"category": "no-such-choice"})
    shown = errors(page)
    assert shown and not any("Not a valid" in e for e in shown), shown


def test_the_employment_targets_are_not_marked_optional(journey_app: Flask) -> None:  # noqa: F811
    client = caseworker_on(journey_app, language="da")
    client.get("/sagsbehandler/plan/")
    page = text_of(client.get("/sagsbehandler/plan/maal"))
    assert "Beskæftigelsesmål" in page
    assert "Beskæftigelsesmål (valgfrit)" not in re.sub(r"<[^>]+>", "", page)


# -- 17: a required field's message is a sentence of its own ----------------------------------


@pytest.mark.parametrize("language", ["en", "da"])
def test_required_messages_do_not_glue_the_question_in(
    journey_app: Flask,  # noqa: F811
    language: str,
) -> None:
    client = logged_in(journey_app, language=language)
    page = client.get("/joblog/ny")
    questions = [
        html_module.unescape(label).strip()
        for label in re.findall(
            r'<label class="form-label"[^>]*>([^<]+)', page.get_data(as_text=True)
        )
    ]
    page = client.post("/joblog/ny", data={"csrf_token": csrf_token(page)})
    shown = errors(page)
    assert len(shown) >= 3, shown
    for message in shown:
        assert not any(question and question in message for question in questions), message
        assert message[0].isupper(), message


# -- 18: plural forms and the time left ----------------------------------------------------------


def test_one_minute_is_singular(make_app: Callable[..., Flask]) -> None:
    app = make_app(SESSION_IDLE_MINUTES=1)
    client = app.test_client()
    client.get("/language/en")
    page = text_of(client.get("/auth/session-expired"))
    assert "after 1 minute without" in page, page
    client.get("/language/da")
    page = text_of(client.get("/auth/session-expired"))
    assert "efter 1 minut uden" in page, page


def test_the_timeout_warning_says_how_long_is_left(make_app: Callable[..., Flask]) -> None:
    from jobnet.dfdg.demo import load_demo_data

    app = make_app(SESSION_IDLE_MINUTES=1)
    with app.extensions["dfdg_app"].extensions["dfdg_store"].session() as session:
        load_demo_data(session)
    client = logged_in(app)
    page = text_of(client.get("/min-side/"))
    assert "in a few minutes" not in page
    assert "in 30 seconds" in page
    app.config["SESSION_IDLE_MINUTES"] = 30
    page = text_of(client.get("/min-side/"))
    assert "in 5 minutes" in page


def test_the_access_log_filter_has_a_window_and_no_5xx(today_app: Flask) -> None:
    client = logged_in(today_app)
    query = {
        **date_fields("date_from", date(9999, 12, 1)),
        **date_fields("date_to", date(9999, 12, 31)),
    }
    page = client.get("/mine-data/hvem-har-set", query_string=query)
    assert page.status_code == 200
    assert "It can be at most two years back, and not in the future." in errors(page), errors(page)
    assert 'value="9999"' in page.get_data(as_text=True)
