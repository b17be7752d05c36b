"""The citizen's messages (issue 23): write with an attachment through the outbox with a
receipt, the thread with the job centre's answer and when it was read, refused uploads keep
what was typed, downloads are attachments, and a message written while DFDG is down arrives
once."""

from __future__ import annotations

import io
import re
from collections.abc import Callable

from flask import Flask
from flask.testing import FlaskClient
from werkzeug.datastructures import FileStorage, MultiDict
from werkzeug.test import encode_multipart

from tests.helpers import csrf_token
from tests.integration.outbox_helpers import (
    FaultyTransport,
    make_due,
    mette_client,
    outbox_commands,
    run_worker_round,
)
from tests.integration.test_journeys import (  # noqa: F401 - fixtures
    EN,
    METTE,
    citizen,
    journey_app,
)

PDF = b"%PDF-1.4\n%%EOF\n"
HTML = b"<!doctype html><script>alert(document.cookie)</script>"


def _form(client: FlaskClient, path: str = "/beskeder/ny") -> tuple[str, str]:
    page = client.get(path, headers=EN)
    assert page.status_code == 200, page.get_data(as_text=True)
    key = re.search(r'name="key" type="hidden" value="([^"]+)"', page.get_data(as_text=True))
    assert key
    return csrf_token(page), key.group(1)


def _write(
    client: FlaskClient, files: list[tuple[bytes, str]], subject: str = "Lægeerklæring"
) -> tuple[object, str]:
    token, key = _form(client)
    data = {
        "csrf_token": token,
        "key": key,
        "subject": subject,
        "text": "Her er min lægeerklæring.\nVenlig hilsen",
        "attachments": [FileStorage(io.BytesIO(content), filename=name) for content, name in files],
    }
    # Encoded here in memory: the test client spools a big body to a file it never closes.
    boundary, body = encode_multipart(MultiDict(data))
    response = client.post(
        "/beskeder/ny",
        data=body,
        headers=EN,
        content_type=f"multipart/form-data; boundary={boundary}",
    )
    return response, key


def test_a_citizen_writes_with_an_attachment_and_sees_the_thread(
    citizen: Callable[[str], FlaskClient],  # noqa: F811
    journey_app: Flask,  # noqa: F811
) -> None:
    client = citizen(METTE)
    assert 'href="/beskeder/"' in client.get("/min-side/", headers=EN).get_data(as_text=True)
    sent, _key = _write(client, [(PDF, "erklaering.pdf")])
    assert sent.status_code == 302 and "/kvittering/" in sent.location, sent.get_data(as_text=True)
    receipt = client.get(sent.location, headers=EN).get_data(as_text=True)
    assert "Message to the job centre" in receipt and "erklaering.pdf" in receipt
    listing = client.get("/beskeder/", headers=EN).get_data(as_text=True)
    found = re.search(r'href="/beskeder/([0-9a-f-]{36})"', listing)
    assert found and "Lægeerklæring" in listing
    thread = client.get(f"/beskeder/{found.group(1)}", headers=EN).get_data(as_text=True)
    assert "Not read by the job centre yet" in thread
    link = re.search(r'href="(/beskeder/[0-9a-f-]{36}/bilag/[0-9a-f-]{36})"', thread)
    assert link
    download = client.get(link.group(1))
    assert download.status_code == 200 and download.data == PDF
    assert download.mimetype == "application/pdf"
    assert download.headers["Content-Disposition"].startswith("attachment;")
    assert download.headers["X-Content-Type-Options"] == "nosniff"
    # The body DFDG got is not kept in the web store with its files.
    [command] = [c for c in outbox_commands(journey_app) if c.kind == "message_start"]
    assert command.status == "registered"
    assert "content" not in command.body["attachments"][0]


def test_a_pdf_name_with_html_inside_is_refused_and_the_text_kept(
    citizen: Callable[[str], FlaskClient],  # noqa: F811
) -> None:
    client = citizen(METTE)
    refused, _key = _write(client, [(HTML, "cv.pdf")], subject="Mit CV")
    page = refused.get_data(as_text=True)
    assert refused.status_code == 200
    assert "cv.pdf: The file is not a PDF, JPEG or PNG file." in page
    assert 'value="Mit CV"' in page and "Her er min lægeerklæring." in page
    assert "Choose the files again" in page
    assert "You have no messages." in client.get("/beskeder/", headers=EN).get_data(as_text=True)


def test_a_12_mb_file_is_refused_with_a_message_and_the_text_kept(
    citizen: Callable[[str], FlaskClient],  # noqa: F811
) -> None:
    client = citizen(METTE)
    big = b"%PDF-1.4\n" + b"0" * (12 * 1024 * 1024)
    refused, _key = _write(client, [(big, "scan.pdf")])
    page = refused.get_data(as_text=True)
    assert refused.status_code == 200
    assert "scan.pdf: The file is larger than 10 MB." in page
    assert 'value="Lægeerklæring"' in page and "Her er min lægeerklæring." in page


def test_written_while_dfdg_is_down_it_gets_a_receipt_and_arrives_once(
    faulty: tuple[Flask, FaultyTransport],
) -> None:
    app, transport = faulty
    client = mette_client(app)
    token, key = _form(client)
    transport.mode = "down"
    data = {
        "csrf_token": token,
        "key": key,
        "subject": "Ferie",
        "text": "Jeg holder ferie i uge 30.",
        "attachments": [(io.BytesIO(PDF), "ferie.pdf")],
    }
    sent = client.post("/beskeder/ny", data=data, content_type="multipart/form-data")
    assert sent.status_code == 302 and "/kvittering/" in sent.location
    data["attachments"] = [(io.BytesIO(PDF), "ferie.pdf")]
    again = client.post("/beskeder/ny", data=data, content_type="multipart/form-data")
    assert again.location == sent.location  # the same key: the same receipt
    [command] = outbox_commands(app)
    assert command.status == "received"
    transport.mode = "ok"
    make_due(app)
    run_worker_round(app)
    make_due(app)
    run_worker_round(app)
    [command] = outbox_commands(app)
    assert command.status == "registered"
    listing = client.get("/beskeder/", headers=EN).get_data(as_text=True)
    assert listing.count("Ferie") == 1 and "On its way" not in listing
