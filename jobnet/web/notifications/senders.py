"""How an e-mail or SMS leaves: SMTP, an HTTP SMS gateway, or (development) the log and the
developers' page. A sender raises SendFailed when the message surely did not leave, so it is
tried again; once the SMTP server or the gateway has accepted it, it counts as sent."""

from __future__ import annotations

import contextlib
import json
import logging
import smtplib
import ssl
import urllib.error
import urllib.request
from collections.abc import Mapping
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formatdate, parseaddr
from typing import Any, Protocol

from jobnet.environment import UnsafeConfiguration

log = logging.getLogger(__name__)
TLS_MODES = ("starttls", "ssl", "none")


@dataclass(frozen=True)
class Outgoing:
    key: str  # the same on every try: the Message-ID's and the gateway's reference
    channel: str
    address: str
    language: str
    title: str
    text: str


class SendFailed(Exception):
    pass


class Sender(Protocol):
    def send(self, message: Outgoing) -> None: ...


def _message_id(key: str, sender: str) -> str:
    domain = parseaddr(sender)[1].rpartition("@")[2] or "jobnet.invalid"
    safe = "".join(c if c.isalnum() or c in "-." else "." for c in key)
    return f"<{safe}@{domain}>"


class SmtpSender:
    def __init__(self, config: Mapping[str, Any]) -> None:
        self.host = str(config["SMTP_HOST"])
        self.port = int(config["SMTP_PORT"])
        self.tls = str(config["SMTP_TLS"]).lower()
        self.user = str(config["SMTP_USER"])
        self.password = str(config["SMTP_PASSWORD"])
        self.sender = str(config["SMTP_FROM"])
        self.timeout = float(config["SMTP_TIMEOUT_SECONDS"])
        if self.tls not in TLS_MODES:
            raise UnsafeConfiguration(f"SMTP_TLS must be one of {', '.join(TLS_MODES)}")

    def _email(self, message: Outgoing) -> EmailMessage:
        email = EmailMessage()
        email["From"] = self.sender
        email["To"] = message.address
        email["Subject"] = message.title
        email["Date"] = formatdate(localtime=False)
        email["Message-ID"] = _message_id(message.key, self.sender)
        email["Content-Language"] = message.language
        email["Auto-Submitted"] = "auto-generated"
        email.set_content(message.text)
        return email

    def _connect(self) -> smtplib.SMTP:
        if self.tls == "ssl":
            context = ssl.create_default_context()
            return smtplib.SMTP_SSL(self.host, self.port, timeout=self.timeout, context=context)
        connection = smtplib.SMTP(self.host, self.port, timeout=self.timeout)
        if self.tls == "starttls":
            connection.starttls(context=ssl.create_default_context())
        return connection

    def send(self, message: Outgoing) -> None:
        email = self._email(message)
        try:
            connection = self._connect()
        except (OSError, smtplib.SMTPException) as error:
            raise SendFailed(f"SMTP connect: {type(error).__name__}") from error
        try:
            if self.user:
                connection.login(self.user, self.password)
            connection.send_message(email)
        except (OSError, smtplib.SMTPException) as error:
            raise SendFailed(f"SMTP send: {type(error).__name__}") from error
        finally:
            # Accepted is accepted: a lost QUIT does not unsend it.
            with contextlib.suppress(OSError, smtplib.SMTPException):
                connection.quit()


class SmsGateway:
    """POSTs {"to", "from", "text", "reference"} as JSON to SMS_GATEWAY_URL (with a bearer
    token when SMS_GATEWAY_TOKEN is set); any 2xx answer is accepted. `reference` is the same
    on every try, for a gateway that drops repeats."""

    def __init__(self, config: Mapping[str, Any]) -> None:
        self.url = str(config["SMS_GATEWAY_URL"])
        self.token = str(config["SMS_GATEWAY_TOKEN"])
        self.sender = str(config["SMS_SENDER"])
        self.timeout = float(config["SMTP_TIMEOUT_SECONDS"])
        if not self.url.startswith(("https://", "http://")):
            raise UnsafeConfiguration("SMS_GATEWAY_URL must be an http(s) URL")

    def send(self, message: Outgoing) -> None:
        body = json.dumps(
            {
                "to": message.address,
                "from": self.sender,
                "text": message.text.strip(),
                "reference": message.key,
            }
        ).encode("utf-8")
        headers = {"Content-Type": "application/json"}
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        request = urllib.request.Request(self.url, data=body, headers=headers, method="POST")  # noqa: S310 - the URL is a setting
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as answer:  # noqa: S310
                status = answer.status
        except urllib.error.HTTPError as error:
            raise SendFailed(f"SMS gateway answered {error.code}") from error
        except (OSError, ValueError) as error:
            raise SendFailed(f"SMS gateway: {type(error).__name__}") from error
        if not 200 <= status < 300:
            raise SendFailed(f"SMS gateway answered {status}")


class DevOutgoing:
    """Development: the message is only logged (and listed at /dev/outgoing from its row)."""

    def send(self, message: Outgoing) -> None:
        log.info(
            "outgoing %s to %s: %s\n%s",
            message.channel,
            message.address,
            message.title,
            message.text,
        )


def senders_for(config: Mapping[str, Any]) -> dict[str, Sender]:
    """The sender of each channel these settings give; a channel without one is not offered."""
    found: dict[str, Sender] = {}
    dev = bool(config.get("DEV_OUTGOING_ENABLED"))
    if config.get("SMTP_HOST"):
        found["email"] = SmtpSender(config)
    elif dev:
        found["email"] = DevOutgoing()
    if config.get("SMS_GATEWAY_URL"):
        found["sms"] = SmsGateway(config)
    elif dev:
        found["sms"] = DevOutgoing()
    return found
