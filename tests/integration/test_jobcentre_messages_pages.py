"""The job centre's messages (issue 23): the inbox shows a citizen's message unread, a
caseworker takes and answers it, the citizen reads the answer and sees when theirs was read;
a caseworker of another job centre gets 404; a caseworker starts a thread with a citizen."""

from __future__ import annotations

import re
from collections.abc import Callable

from flask import Flask
from flask.testing import FlaskClient

from jobnet.demo_identities import DEMO_CASEWORKERS
from tests.helpers import csrf_token, login_caseworker
from tests.integration.test_caseworker import open_citizen
from tests.integration.test_journeys import (  # noqa: F401 - fixtures
    EN,
    METTE,
    citizen,
    journey_app,
)
from tests.integration.test_messages_pages import PDF, _write

HANNE = DEMO_CASEWORKERS[0]  # Jobcenter København, Mette's
BIRGITTE = DEMO_CASEWORKERS[2]  # Jobcenter Aarhus
THREAD = re.compile(r'href="/sagsbehandler/beskeder/([0-9a-f-]{36})"')


def _caseworker(app: Flask, who: str) -> FlaskClient:
    client = app.test_client()
    client.get("/language/en")
    login_caseworker(client, who)
    return client


def _key(page: str) -> str:
    found = re.search(r'name="key" type="hidden" value="([^"]+)"', page)
    assert found
    return found.group(1)


def test_the_job_centre_takes_and_answers_and_the_citizen_sees_it(
    citizen: Callable[[str], FlaskClient],  # noqa: F811
    journey_app: Flask,  # noqa: F811
) -> None:
    mette = citizen(METTE)
    sent, _ = _write(mette, [(PDF, "erklaering.pdf")])
    assert sent.status_code == 302

    hanne = _caseworker(journey_app, HANNE.professional_id)
    start = hanne.get("/sagsbehandler/", headers=EN).get_data(as_text=True)
    assert 'href="/sagsbehandler/beskeder/"' in start
    unread = hanne.get("/sagsbehandler/beskeder/?vis=ulaeste", headers=EN).get_data(as_text=True)
    found = THREAD.search(unread)
    assert found and "Lægeerklæring" in unread and "Unread" in unread
    thread_id = found.group(1)
    path = f"/sagsbehandler/beskeder/{thread_id}"
    page = hanne.get(path, headers=EN)
    token = csrf_token(page)
    assert "No one has taken this thread." in page.get_data(as_text=True)
    taken = hanne.post(f"{path}/tag", data={"csrf_token": token})
    assert taken.status_code == 302
    page = hanne.get(path, headers=EN).get_data(as_text=True)
    assert f"Taken by {HANNE.given_name} {HANNE.family_name}" in page
    link = re.search(r'href="(/sagsbehandler/beskeder/[0-9a-f-]{36}/bilag/[0-9a-f-]{36})"', page)
    assert link and hanne.get(link.group(1)).data == PDF
    answer = {"csrf_token": token, "key": _key(page), "text": "Tak, vi har modtaget den."}
    answered = hanne.post(f"{path}/svar", data=answer, headers=EN)
    assert answered.status_code == 302
    page = hanne.get(path, headers=EN).get_data(as_text=True)
    assert "Your answer is sent." in page and "Tak, vi har modtaget den." in page
    again = hanne.post(f"{path}/svar", data=answer, headers=EN)  # the same key: once
    assert again.status_code == 302
    assert hanne.get(path).get_data(as_text=True).count("Tak, vi har modtaget den.") == 1
    unread = hanne.get("/sagsbehandler/beskeder/?vis=ulaeste", headers=EN).get_data(as_text=True)
    assert thread_id not in unread
    unanswered = hanne.get("/sagsbehandler/beskeder/?vis=ubesvarede").get_data(as_text=True)
    assert thread_id not in unanswered

    # Another caseworker sees who has it.
    soeren = _caseworker(journey_app, DEMO_CASEWORKERS[1].professional_id)
    other = soeren.get(path, headers=EN).get_data(as_text=True)
    assert f"Taken by {HANNE.given_name} {HANNE.family_name}" in other

    listing = mette.get("/beskeder/", headers=EN).get_data(as_text=True)
    assert "Unread" in listing
    thread = mette.get(f"/beskeder/{thread_id}", headers=EN).get_data(as_text=True)
    assert "Read by the job centre" in thread
    assert f"Answered by {HANNE.given_name} {HANNE.family_name}, Jobcenter København" in thread
    assert "Unread" not in mette.get("/beskeder/", headers=EN).get_data(as_text=True)


def test_another_job_centre_gets_404(
    citizen: Callable[[str], FlaskClient],  # noqa: F811
    journey_app: Flask,  # noqa: F811
) -> None:
    mette = citizen(METTE)
    _write(mette, [(PDF, "erklaering.pdf")])
    hanne = _caseworker(journey_app, HANNE.professional_id)
    found = THREAD.search(hanne.get("/sagsbehandler/beskeder/").get_data(as_text=True))
    assert found
    birgitte = _caseworker(journey_app, BIRGITTE.professional_id)
    assert THREAD.search(birgitte.get("/sagsbehandler/beskeder/").get_data(as_text=True)) is None
    path = f"/sagsbehandler/beskeder/{found.group(1)}"
    assert birgitte.get(path).status_code == 404
    page = birgitte.get("/sagsbehandler/beskeder/")
    data = {"csrf_token": csrf_token(page), "text": "Hej", "key": "k" * 20}
    assert birgitte.post(f"{path}/svar", data=data).status_code == 404
    assert birgitte.post(f"{path}/tag", data={"csrf_token": csrf_token(page)}).status_code == 404
    # A citizen reaches no caseworker page, and no one else's thread.
    assert mette.get(path).status_code == 403
    assert mette.get(f"/beskeder/{'0' * 8}-0000-0000-0000-{'0' * 12}").status_code == 404


def test_a_caseworker_starts_a_thread_with_the_citizen(
    citizen: Callable[[str], FlaskClient],  # noqa: F811
    journey_app: Flask,  # noqa: F811
) -> None:
    hanne = _caseworker(journey_app, HANNE.professional_id)
    assert open_citizen(hanne, METTE).status_code == 302
    overview = hanne.get("/sagsbehandler/borger", headers=EN).get_data(as_text=True)
    assert 'href="/sagsbehandler/beskeder/ny"' in overview
    form = hanne.get("/sagsbehandler/beskeder/ny", headers=EN)
    page = form.get_data(as_text=True)
    data = {
        "csrf_token": csrf_token(form),
        "key": _key(page),
        "subject": "Din indkaldelse",
        "text": "Vi har sendt dig en indkaldelse til samtale.",
    }
    sent = hanne.post("/sagsbehandler/beskeder/ny", data=data)
    assert sent.status_code == 302 and "/kvittering/" in sent.location
    receipt = hanne.get(sent.location, headers=EN).get_data(as_text=True)
    assert "Message to the citizen" in receipt and "Din indkaldelse" in receipt
    mette = citizen(METTE)
    listing = mette.get("/beskeder/", headers=EN).get_data(as_text=True)
    assert "Din indkaldelse" in listing and "Unread" in listing
