"""My letters (/breve): the list newest first with the empty state, a summons letter and a plan
letter as pages in both languages, the PDF made from the same template (its text extracted with
pypdf holds what § 27(1) requires, its fonts are embedded, it is tagged), no access to another
person's letters, every read audited, and the PDF renders' abuse limit."""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterator
from datetime import date
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from pypdf import PdfReader
from sqlalchemy import select

from jobnet.dfdg.models.audit import AuditEntry
from jobnet.dfdg.models.summons import Summons
from jobnet.dfdg.queries import persons as person_queries
from tests.helpers import login_citizen

TODAY = date(2026, 10, 20)
METTE, LARS, EMMA = "1203851234", "0507921457", "0904025118"
EN, DA = {"Accept-Language": "en"}, {"Accept-Language": "da"}
LETTER_LINK = re.compile(r'href="(/breve/(?:indkaldelse/[^/"]+|plan)/\d+)"')


def _load(app: Flask) -> Flask:
    from jobnet.dfdg.demo import load_demo_data

    with app.extensions["dfdg_app"].extensions["dfdg_store"].session() as session:
        load_demo_data(session, TODAY)
    return app


@pytest.fixture
def app(make_app: Callable[..., Flask]) -> Flask:
    return _load(make_app(DFDG_FIXED_TODAY=TODAY.isoformat()))


def citizen(app: Flask, cpr: str) -> FlaskClient:
    client = app.test_client()
    login_citizen(client, cpr)
    return client


def dfdg_session(app: Flask) -> Any:
    return app.extensions["dfdg_app"].extensions["dfdg_store"].session()


def person_id(app: Flask, cpr: str) -> str:
    with dfdg_session(app) as session:
        person = person_queries.find_by_cpr(session, cpr)
        assert person is not None
        return person.id


def summons_by_status(app: Flask, cpr: str) -> dict[str, list[Summons]]:
    pid = person_id(app, cpr)
    found: dict[str, list[Summons]] = {}
    with dfdg_session(app) as session:
        for item in session.scalars(select(Summons).where(Summons.person_id == pid)):
            found.setdefault(item.status, []).append(item)
            session.expunge(item)
    return found


def audit_actions(app: Flask, pid: str) -> list[str]:
    with dfdg_session(app) as session:
        return list(
            session.scalars(
                select(AuditEntry.action).where(AuditEntry.person_id == pid).order_by(AuditEntry.id)
            )
        )


def pdf_text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


def _fonts(reader: PdfReader) -> Iterator[Any]:
    for page in reader.pages:
        fonts = page["/Resources"].get_object().get("/Font") or {}
        for ref in fonts.get_object().values():
            font = ref.get_object()
            for descendant in font.get("/DescendantFonts") or [font]:
                yield descendant.get_object()


def test_the_list_is_newest_first_in_both_languages(app: Flask) -> None:
    client = citizen(app, METTE)
    page = client.get("/breve/", headers=EN)
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert "<h1>Letters</h1>" in html
    # Four summons (one moved, one cancelled) and two plan versions: eight letters.
    assert len(LETTER_LINK.findall(html)) == 8
    assert "Summons to an interview: CV interview" in html
    assert "Your interview has been moved" in html
    assert "Your interview has been cancelled" in html
    assert "Your plan has been revised: version 2" in html
    sent = [date.fromisoformat(day) for day in re.findall(r'data-sent="(\d{4}-\d{2}-\d{2})"', html)]
    assert len(sent) == 8 and sent == sorted(sent, reverse=True)
    assert html.count("/brev.pdf") == 8
    danish = client.get("/breve/", headers=DA).get_data(as_text=True)
    assert "<h1>Breve</h1>" in danish and "Hent som PDF" in danish
    # The introduction names every kind of letter, withdrawn booking requests included.
    assert "withdrawn requests to book an interview" in html
    assert "tilbagekaldte anmodninger om at booke en samtale" in danish


def test_empty_state(app: Flask) -> None:
    html = citizen(app, EMMA).get("/breve/", headers=EN).get_data(as_text=True)
    assert "You have no letters from your job centre yet." in html
    assert not LETTER_LINK.findall(html)


def test_min_side_links_to_letters_and_the_list_marks_nothing_read(app: Flask) -> None:
    client = citizen(app, METTE)
    before = client.get("/min-side/", headers=EN).get_data(as_text=True)
    assert 'href="/breve/"' in before
    assert client.get("/breve/").status_code == 200
    # Opening the list is not reading the plan or the summons: Min side still says what is new.
    assert _news(before)
    assert _news(client.get("/min-side/", headers=EN).get_data(as_text=True)) == _news(before)


def _news(html: str) -> list[str]:
    return re.findall(r'>New</span> <a href="([^"]+)"', html)


def test_a_summons_letter_holds_what_section_27_requires(app: Flask) -> None:
    video = next(s for s in summons_by_status(app, METTE)["active"] if s.form == "video")
    client = citizen(app, METTE)
    page = client.get(f"/breve/indkaldelse/{video.id}/1", headers=EN)
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert "Summons to an interview: CV interview" in html
    assert "Mette" in html  # the person (§ 27(1))
    assert "27 October 2026" in html and "09:30 to" in html  # date and time
    assert "Video meeting" in html and "CV interview" in html  # form and type
    assert "video.jobcenter.example" in html  # where: how to join
    assert "Jobcenter København" in html  # from
    assert video.contact_options and video.contact_options in html  # contact options, no. 6
    assert "17 October 2026" in html  # the letter's date
    assert f"/breve/indkaldelse/{video.id}/1/brev.pdf" in html
    danish = client.get(f"/breve/indkaldelse/{video.id}/1", headers=DA).get_data(as_text=True)
    assert "Indkaldelse til samtale: CV-samtale" in danish
    assert "27. oktober 2026 kl. 09.30" in danish


def test_the_pdf_is_the_same_letter_with_embedded_fonts_and_tags(app: Flask) -> None:
    video = next(s for s in summons_by_status(app, METTE)["active"] if s.form == "video")
    response = citizen(app, METTE).get(f"/breve/indkaldelse/{video.id}/1/brev.pdf", headers=EN)
    assert response.status_code == 200
    assert response.mimetype == "application/pdf"
    assert response.headers["Content-Disposition"].startswith("attachment; filename=")
    reader = PdfReader(io.BytesIO(response.data))
    text = pdf_text(response.data)
    for required in (
        "Summons to an interview: CV interview",
        "Mette",
        "27 October 2026",
        "09:30 to",
        "Video meeting",
        "video.jobcenter.example",
        "Jobcenter København",
        " ".join((video.contact_options or "-").split()),
        "§ 27",
    ):
        assert required in text, required
    fonts = list(_fonts(reader))
    assert fonts
    for font in fonts:
        descriptor = font["/FontDescriptor"].get_object()
        assert any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))
    root = reader.trailer["/Root"].get_object()
    assert "/StructTreeRoot" in root  # tagged for screen readers
    assert root["/MarkInfo"]["/Marked"]
    assert root["/Lang"] == "en"


def test_an_in_person_summons_letter_and_its_danish_pdf_hold_each_element_of_section_27(
    app: Flask,
) -> None:
    """§ 27(1): the person, the date and time, the interview's form and type, the place, the
    contact options (no. 6); § 27(2): dated the day the letter is sent; from the job centre."""
    in_person = next(
        s for s in summons_by_status(app, METTE)["active"] if s.form == "in_person" and s.place
    )
    assert in_person.place and in_person.contact_options
    client = citizen(app, METTE)
    base = f"/breve/indkaldelse/{in_person.id}/1"
    for headers, form_word, letter_day in (
        (EN, "In person", in_person.letter_sent_date.strftime("%-d %B %Y")),
        (DA, "Fremmøde", None),
    ):
        page = client.get(base, headers=headers)
        assert page.status_code == 200
        pdf = client.get(f"{base}/brev.pdf", headers=headers)
        assert pdf.status_code == 200 and pdf.mimetype == "application/pdf"
        for text in (page.get_data(as_text=True), pdf_text(pdf.data)):
            flat = " ".join(text.split())
            assert "Mette Nielsen" in flat  # the person
            assert " ".join(in_person.place.split()) in flat  # the place
            assert " ".join(in_person.contact_options.split()) in flat  # no. 6
            assert "Jobcenter København" in flat  # who sends it
            assert form_word in flat  # the interview's form
            assert "§ 27" in flat
            if letter_day:
                assert letter_day in flat  # § 27(2): the letter's date
        reader = PdfReader(io.BytesIO(pdf.data))
        root = reader.trailer["/Root"].get_object()
        assert "/StructTreeRoot" in root and root["/MarkInfo"]["/Marked"]
        assert root["/Lang"] == ("en" if headers is EN else "da")


def test_moved_and_cancelled_letters_say_what_changed(app: Flask) -> None:
    statuses = summons_by_status(app, METTE)
    moved, cancelled = statuses["moved"][0], statuses["cancelled"][0]
    client = citizen(app, METTE)
    html = client.get(f"/breve/indkaldelse/{moved.id}/2", headers=EN).get_data(as_text=True)
    assert "Your interview has been moved" in html
    assert "has been moved to 3 November 2026 at 13:00" in html
    first = client.get(f"/breve/indkaldelse/{moved.id}/1", headers=EN).get_data(as_text=True)
    assert "23 October 2026" in first and "10:00 to" in first  # the letter as it was sent
    pdf = client.get(f"/breve/indkaldelse/{cancelled.id}/2/brev.pdf", headers=DA)
    assert pdf.status_code == 200
    text = pdf_text(pdf.data)
    assert "Din samtale er aflyst" in text and "Du skal ikke møde op." in text
    assert client.get(f"/breve/indkaldelse/{moved.id}/3").status_code == 404


def test_a_plan_letter_page_and_pdf(app: Flask) -> None:
    client = citizen(app, METTE)
    html = client.get("/breve/plan/2", headers=EN).get_data(as_text=True)
    assert "Your plan has been revised: version 2" in html
    assert "You must apply for 4 jobs a week." in html
    text = pdf_text(client.get("/breve/plan/1/brev.pdf", headers=EN).data)
    assert "Your plan" in text and "You must apply for 3 jobs a week." in text
    assert client.get("/breve/plan/3").status_code == 404


def test_another_persons_letters_are_not_found(app: Flask) -> None:
    lars_summons = summons_by_status(app, LARS)["active"][0]
    client = citizen(app, METTE)
    for path in (
        f"/breve/indkaldelse/{lars_summons.id}/1",
        f"/breve/indkaldelse/{lars_summons.id}/1/brev.pdf",
        "/breve/indkaldelse/" + "x" * 40 + "/1",
    ):
        assert client.get(path).status_code == 404, path
    emma = citizen(app, EMMA)
    assert emma.get("/breve/plan/1").status_code == 404
    assert emma.get("/breve/plan/1/brev.pdf").status_code == 404


def test_a_caseworker_has_no_letters_page(app: Flask) -> None:
    from tests.helpers import login_caseworker
    from tests.integration.test_caseworker import HANNE, open_citizen

    client = app.test_client()
    login_caseworker(client, HANNE.professional_id)
    open_citizen(client, METTE)
    assert client.get("/breve/").status_code == 403


def test_every_read_is_audited(app: Flask) -> None:
    pid = person_id(app, METTE)
    video = next(s for s in summons_by_status(app, METTE)["active"] if s.form == "video")
    client = citizen(app, METTE)
    before = len(audit_actions(app, pid))
    client.get("/breve/")
    assert audit_actions(app, pid)[before:] == ["letters.list"]
    before = len(audit_actions(app, pid))
    client.get(f"/breve/indkaldelse/{video.id}/1/brev.pdf")
    assert audit_actions(app, pid)[before:] == ["summons.read"]
    before = len(audit_actions(app, pid))
    client.get("/breve/plan/2")
    assert audit_actions(app, pid)[before:] == ["plan.revision.read"]


def test_pdf_renders_are_limited_per_person(make_app: Callable[..., Flask]) -> None:
    app = _load(
        make_app(
            DFDG_FIXED_TODAY=TODAY.isoformat(),
            ABUSE_LIMITS_ENABLED=True,
            RATE_LIMIT_PDF_RENDERS="2 per minute",
        )
    )
    client = citizen(app, METTE)
    assert client.get("/breve/plan/1/brev.pdf").status_code == 200
    assert client.get("/breve/plan/2/brev.pdf").status_code == 200
    refused = client.get("/breve/plan/1/brev.pdf", headers=EN)
    assert refused.status_code == 429 and "Retry-After" in refused.headers
    assert "downloaded many letters as PDF" in refused.get_data(as_text=True)
    assert client.get("/breve/plan/1", headers=EN).status_code == 200  # the page is not limited
    assert citizen(app, LARS).get("/breve/plan/1/brev.pdf").status_code == 200
