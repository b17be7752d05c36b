"""A real SMTP server (aiosmtpd) and a local HTTP SMS gateway in the test process, and the
steps of confirming an address with the code that arrives there (issue 23)."""

from __future__ import annotations

import email
import email.policy
import json
import re
import socket
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from email.message import EmailMessage
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from flask import Flask
from flask.testing import FlaskClient

from tests.helpers import csrf_token

EN = {"Accept-Language": "en"}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Mailbox:
    messages: list[EmailMessage] = field(default_factory=list)
    failures_left: int = 0  # answer this many DATA commands with a temporary failure
    refused: int = 0

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802
        if self.failures_left > 0:
            self.failures_left -= 1
            self.refused += 1
            return "451 4.3.0 Try again later"
        parsed = email.message_from_bytes(envelope.content, policy=email.policy.default)
        assert isinstance(parsed, EmailMessage)
        self.messages.append(parsed)
        return "250 OK"

    def to(self, address: str) -> list[EmailMessage]:
        return [m for m in self.messages if m["To"] == address]

    @staticmethod
    def body(message: EmailMessage) -> str:
        part = message.get_body(("plain",))
        assert part is not None
        return str(part.get_content())  # type: ignore[attr-defined]


@dataclass
class Gateway:
    port: int
    received: list[dict[str, Any]] = field(default_factory=list)
    failures_left: int = 0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/sms"


@pytest.fixture(name="mailbox")
def mailbox_fixture() -> Iterator[tuple[Mailbox, int]]:
    box = Mailbox()
    port = free_port()
    controller = Controller(box, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield box, port
    finally:
        controller.stop()


@pytest.fixture(name="gateway")
def gateway_fixture() -> Iterator[Gateway]:
    found = Gateway(port=0)

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802
            length = int(self.headers.get("Content-Length", "0"))
            body = json.loads(self.rfile.read(length))
            body["authorization"] = self.headers.get("Authorization")
            found.received.append(body)
            status = 500 if found.failures_left > 0 else 202
            found.failures_left = max(found.failures_left - 1, 0)
            self.send_response(status)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *_args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    found.port = int(server.server_address[1])
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield found
    finally:
        server.shutdown()
        server.server_close()


def sending_settings(smtp_port: int, gateway: Gateway) -> dict[str, Any]:
    return {
        "SMTP_HOST": "127.0.0.1",
        "SMTP_PORT": smtp_port,
        "SMTP_TLS": "none",
        "SMTP_FROM": "Jobnet <ikke-svar@jobnet.example>",
        "SMS_GATEWAY_URL": gateway.url,
        "SMS_GATEWAY_TOKEN": "gateway-test-token",
        "NOTIFY_QUIET_HOURS": "",
    }


def code_in(text: str) -> str:
    found = re.search(r"\b(\d{6})\b", text)
    assert found, text
    return found.group(1)


# The name of the address field of each channel's form.
FIELD = {"email": "address", "sms": "mobile"}


def confirm_address(
    client: FlaskClient,
    base: str,
    channel: str,
    address: str,
    read_code: Any,
    prefix: str | None = None,
) -> None:
    """Ask for a code at `base` (the page), read it where it arrived, type it."""
    page = client.get(base, headers=EN)
    assert page.status_code == 200, page.get_data(as_text=True)
    field_prefix = prefix or channel
    action = f"{base}{channel}/kode" if prefix is None else f"{base}kode"
    asked = client.post(
        action,
        data={
            f"{field_prefix}-csrf_token": csrf_token(page),
            f"{field_prefix}-{FIELD[channel]}": address,
        },
        headers=EN,
    )
    assert asked.status_code == 303, asked.get_data(as_text=True)
    confirm_page = client.get(asked.location, headers=EN)
    assert address in confirm_page.get_data(as_text=True) or channel == "sms"
    typed = client.post(
        asked.location,
        data={"csrf_token": csrf_token(confirm_page), "code": read_code()},
        headers=EN,
    )
    assert typed.status_code == 303, typed.get_data(as_text=True)


def choose(client: FlaskClient, how: str) -> Any:
    page = client.get("/min-side/besked-om-nyt/", headers=EN)
    token = csrf_token(page)
    return client.post(
        "/min-side/besked-om-nyt/", data={"csrf_token": token, "how": how}, headers=EN
    )


def person_id_of(app: Flask, cpr: str) -> str:
    from jobnet.dfdg.queries import persons as person_queries

    with app.extensions["dfdg_app"].extensions["dfdg_store"].session() as session:
        person = person_queries.find_by_cpr(session, cpr)
        assert person is not None
        return str(person.id)


def seed_contact_data(app: Flask, cpr: str) -> None:
    """A confirmed e-mail address chosen for notifications, and one e-mail sent, for the person:
    so My data's section on what Jobnet holds has something in it (the a11y crawl)."""
    from datetime import UTC, datetime

    from jobnet.web.notifications import choices
    from jobnet.web.store.models import NotificationChoice, OutgoingNotification

    subject = choices.subject_of(choices.CITIZEN, person_id_of(app, cpr))
    now = datetime.now(UTC)
    with app.extensions["web_store"].session() as session:
        session.add(
            NotificationChoice(
                subject=subject,
                email="borger@example.dk",
                by_email=True,
                by_sms=False,
                daily_digest=False,
                language="da",
                updated_at=now,
            )
        )
        session.add(
            OutgoingNotification(
                key=f"seed:{subject}",
                subject=subject,
                kind="message",
                channel="email",
                address="borger@example.dk",
                language="da",
                title="Du har en ny besked på Jobnet",
                text="Log ind på Jobnet for at læse den.",
                status="sent",
                attempts=1,
                due_at=now,
                created_at=now,
                sent_at=now,
            )
        )
