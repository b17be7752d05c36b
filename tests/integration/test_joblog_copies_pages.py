"""Copies of applications on the job log pages (issue 22): attached when adding or changing an
application, listed, downloaded as an attachment, removed with "are you sure"; a file refused
by its content or size keeps what was typed; attached while DFDG is down: a receipt, and it
arrives once."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from flask import Flask
from flask.testing import FlaskClient
from werkzeug.datastructures import FileStorage, MultiDict
from werkzeug.test import TestResponse, encode_multipart

from jobnet.dfdg.models.joblog_copies import JoblogCopy
from tests.helpers import csrf_token
from tests.integration.cv_joblog_helpers import (
    ANNE,
    TODAY,
    audit_actions,
    citizen,
    date_fields,
    dfdg_rows,
    errors,
    form_post,
    hidden,
    page_app,
    person_id,
)
from tests.integration.outbox_helpers import (
    FaultyTransport,
    make_due,
    mette_client,
    outbox_commands,
    run_worker_round,
)
from tests.integration.test_journeys import TODAY as JOURNEY_TODAY

__all__ = ["citizen", "page_app"]

Login = Callable[[str], FlaskClient]
PDF = b"%PDF-1.4\n%%EOF\n"
HTML = b"<!doctype html><script>alert(document.cookie)</script>"


def _application(**overrides: object) -> dict[str, object]:
    data: dict[str, object] = {
        **date_fields("applied_on", TODAY - timedelta(days=1)),
        "employer": "Føtex",
        "job_title": "Kassemedarbejder",
        "kind": "advertised",
        "status": "sent",
        "link": "",
        "note": "Sendt via jobportalen",
    }
    return {**data, **overrides}


def _copies(app: Flask, cpr: str) -> list[JoblogCopy]:
    pid = person_id(app, cpr)
    return [c for c in dfdg_rows(app, JoblogCopy) if c.person_id == pid]


def _post_with_files(
    client: FlaskClient, path: str, files: list[tuple[bytes, str]], **fields: Any
) -> TestResponse:
    page = client.get(path)
    assert page.status_code == 200, page.status_code
    data: dict[str, Any] = {
        "csrf_token": csrf_token(page),
        "key": hidden(page, "key"),
        **_application(**fields),
        "copies": [FileStorage(io.BytesIO(content), filename=name) for content, name in files],
    }
    # Encoded in memory: the test client spools a big body to a file it never closes.
    boundary, body = encode_multipart(MultiDict(data))
    return client.post(path, data=body, content_type=f"multipart/form-data; boundary={boundary}")


def test_a_copy_is_attached_listed_downloaded_and_removed(citizen: Login, page_app: Flask) -> None:
    client = citizen(ANNE)
    added = _post_with_files(client, "/joblog/ny", [(PDF, "ansøgning Føtex.pdf")])
    assert added.status_code == 302, added.get_data(as_text=True)
    (copy,) = _copies(page_app, ANNE)
    assert copy.filename == "ansøgning Føtex.pdf" and copy.kind == "pdf"
    listed = client.get("/joblog/").get_data(as_text=True)
    assert "Copy: ansøgning Føtex.pdf" in listed
    path = f"/joblog/{copy.entry_id}/kopi/{copy.id}"
    file = client.get(path)
    assert file.status_code == 200 and file.data == PDF
    assert file.mimetype == "application/pdf"
    assert file.headers["Content-Disposition"].startswith("attachment;")
    assert file.headers["X-Content-Type-Options"] == "nosniff"
    later = _post_with_files(client, f"/joblog/{copy.entry_id}", [(PDF, "bilag.pdf")])
    assert later.status_code == 302
    assert len([c for c in _copies(page_app, ANNE) if c.removed_at is None]) == 2
    weeks = client.get("/joblog/uger").get_data(as_text=True)
    assert "With a copy" not in weeks  # Anne's plan asks for no copies
    confirm = client.get(f"{path}/fjern").get_data(as_text=True)
    assert "Are you sure you want to remove the copy?" in confirm
    assert form_post(client, f"{path}/fjern", {}).status_code == 302
    removed = next(c for c in dfdg_rows(page_app, JoblogCopy) if c.id == copy.id)
    assert removed.removed_at is not None
    assert client.get(path).status_code == 404
    actions = audit_actions(page_app, person_id(page_app, ANNE))
    assert {"joblog.create", "joblog.copy.read", "joblog.copy.remove"} <= set(actions)


def test_a_pdf_name_with_html_inside_is_refused_and_the_text_kept(
    citizen: Login, page_app: Flask
) -> None:
    client = citizen(ANNE)
    refused = _post_with_files(client, "/joblog/ny", [(HTML, "ansøgning.pdf")])
    page = refused.get_data(as_text=True)
    assert refused.status_code == 200
    assert "ansøgning.pdf: The copy is not a PDF, JPEG or PNG file." in page
    assert 'value="Føtex"' in page and "Sendt via jobportalen" in page
    assert "Choose the files again" in page
    assert _copies(page_app, ANNE) == []


def test_a_12_mb_file_is_refused_with_a_message_and_the_text_kept(
    citizen: Login, page_app: Flask
) -> None:
    client = citizen(ANNE)
    big = b"%PDF-1.4\n" + b"0" * (12 * 1024 * 1024)
    refused = _post_with_files(client, "/joblog/ny", [(big, "scan.pdf")])
    page = refused.get_data(as_text=True)
    assert refused.status_code == 200
    assert "scan.pdf: The copy is larger than 10 MB." in page
    assert 'value="Føtex"' in page and 'value="Kassemedarbejder"' in page
    assert _copies(page_app, ANNE) == []


def test_attached_while_dfdg_is_down_it_gets_a_receipt_and_arrives_once(
    faulty: tuple[Flask, FaultyTransport],
) -> None:
    app, transport = faulty
    client = mette_client(app)
    page = client.get("/joblog/ny")
    assert page.status_code == 200
    transport.mode = "down"
    data: dict[str, Any] = {
        "csrf_token": csrf_token(page),
        "key": hidden(page, "key"),
        **_application(**date_fields("applied_on", JOURNEY_TODAY)),
        "copies": [(io.BytesIO(PDF), "kopi.pdf")],
    }
    sent = client.post("/joblog/ny", data=data, content_type="multipart/form-data")
    assert sent.status_code == 302, errors(sent)
    data["copies"] = [(io.BytesIO(PDF), "kopi.pdf")]
    client.post("/joblog/ny", data=data, content_type="multipart/form-data")
    [command] = outbox_commands(app)
    assert command.status == "received"
    transport.mode = "ok"
    for _round in range(2):
        make_due(app)
        run_worker_round(app)
    [command] = outbox_commands(app)
    assert command.status == "registered"
    copies = [c for c in dfdg_rows(app, JoblogCopy) if c.filename == "kopi.pdf"]
    assert len(copies) == 1
