"""Pushing fund events to the funds that registered a webhook (DFDG_FUND_WEBHOOKS).

DFDG_FUND_WEBHOOKS is JSON (or a JSON file's path): `{"<fund CVR>": {"url": "https://…",
"secret": "<at least 32 characters>"}}`. It holds secrets, like DFDG_SYSTEM_TOKENS; the registry
of systems (DFDG_SYSTEMS) holds none.

Each push is a POST of the event as JSON with
- `X-DFDG-Event-Id`: the event's id, the same on every attempt (a fund that gets an event
  twice — DFDG was stopped between the fund's answer and recording it — knows it by this id,
  and must dedupe on it: `jobnet.fund_system.receiver` does);
- `X-DFDG-Timestamp`: seconds since the epoch;
- `X-DFDG-Signature`: `sha256=` and the hex HMAC-SHA256, keyed with the fund's secret, of
  `<timestamp>.<body>`.

`deliver_due` (run by DFDG's worker, `flask --app jobnet.dfdg.wsgi dfdg work`, or once by
`dfdg deliver-fund-events`; a thread of the web process under `make run`) pushes each event
whose turn has come, oldest first; a 2xx answer marks it delivered, anything else (or no answer)
tries again after a back-off that doubles (`BACKOFF_FIRST` up to `BACKOFF_MAX`). A person's later
event waits while an earlier one of theirs is not delivered, so each fund gets a person's events
in order.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import time
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import select
from sqlalchemy.orm import Session

from jobnet.dfdg.models.fund_events import FundEvent
from jobnet.dfdg.models.persons import Organisation
from jobnet.dfdg.queries import audit as audit_queries
from jobnet.environment import UnsafeConfiguration

SETTING = "DFDG_FUND_WEBHOOKS"
BACKOFF_FIRST = timedelta(seconds=30)
BACKOFF_MAX = timedelta(hours=6)
GIVE_UP_AFTER = 20
MIN_SECRET_LENGTH = 32
DELIVERY_SYSTEM = "dfdg-webhooks"
_CACHE_KEY = "_DFDG_FUND_WEBHOOKS_PARSED"


@dataclass(frozen=True)
class Webhook:
    url: str
    secret: str


def parse_webhooks(raw: str | Mapping[str, Any] | None) -> dict[str, Webhook]:
    if not raw:
        return {}
    if isinstance(raw, str):
        text = raw.strip()
        try:
            data = json.loads(text if text.startswith("{") else Path(text).read_text("utf-8"))
        except (OSError, ValueError) as error:
            raise UnsafeConfiguration(f"{SETTING} cannot be read: {error}") from None
    else:
        data = raw
    hooks: dict[str, Webhook] = {}
    for cvr, entry in dict(data).items():
        url, secret = str(entry.get("url", "")), str(entry.get("secret", ""))
        if not url.startswith(("https://", "http://")) or len(secret) < MIN_SECRET_LENGTH:
            raise UnsafeConfiguration(
                f"{SETTING} entry {cvr!r} needs an http(s) url and a secret of at least "
                f"{MIN_SECRET_LENGTH} characters"
            )
        hooks[str(cvr)] = Webhook(url, secret)
    return hooks


def webhooks(config: Mapping[str, Any]) -> dict[str, Webhook]:
    """The webhooks of the app's settings, parsed once."""
    cached = config.get(_CACHE_KEY)
    if cached is None or cached[0] is not config.get(SETTING):
        cached = (config.get(SETTING), parse_webhooks(config.get(SETTING)))
        if isinstance(config, dict):
            config[_CACHE_KEY] = cached
    return cached[1]


def signature(secret: str, timestamp: str, body: bytes) -> str:
    mac = hmac.new(secret.encode("utf-8"), timestamp.encode("ascii") + b"." + body, hashlib.sha256)
    return "sha256=" + mac.hexdigest()


def verify(secret: str, timestamp: str, body: bytes, presented: str) -> bool:
    """What a fund's receiver checks (also used by the tests)."""
    return hmac.compare_digest(signature(secret, timestamp, body), presented)


def backoff(attempts: int) -> timedelta:
    return min(BACKOFF_FIRST * (2 ** max(attempts - 1, 0)), BACKOFF_MAX)


@dataclass
class DeliveryResult:
    delivered: int = 0
    failed: int = 0
    waiting: int = 0


def _due(session: Session) -> list[FundEvent]:
    query = select(FundEvent).where(FundEvent.webhook_state == "pending")
    return list(session.scalars(query.order_by(FundEvent.fund_id, FundEvent.fund_sequence)))


def _audit_sent(session: Session, event: FundEvent, fund: Organisation, outcome: str) -> None:
    audit_queries.add_entry(
        session,
        {
            "person_id": event.person_id,
            "actor_type": "system",
            "actor_id": DELIVERY_SYSTEM,
            "actor_name": fund.name,
            "organisation": fund.cvr,
            "on_behalf_of": None,
            "purpose": "Chapter 11: events for the member's unemployment insurance fund",
            "action": "fund_event.sent",
            "channel": "system",
            "system": DELIVERY_SYSTEM,
            "outcome": outcome,
        },
    )


def _post(http: httpx.Client, hook: Webhook, body: bytes, event_id: str) -> str | None:
    """None when the fund took it (2xx); else why not."""
    timestamp = str(int(time.time()))
    headers = {
        "Content-Type": "application/json",
        "X-DFDG-Event-Id": event_id,
        "X-DFDG-Timestamp": timestamp,
        "X-DFDG-Signature": signature(hook.secret, timestamp, body),
    }
    try:
        response = http.post(hook.url, content=body, headers=headers)
    except httpx.HTTPError as error:
        return f"no answer: {type(error).__name__}"
    if 200 <= response.status_code < 300:
        return None
    return f"HTTP {response.status_code}"


def deliver_due(
    session: Session,
    hooks: Mapping[str, Webhook],
    http: httpx.Client,
    now: datetime,
    render: Any,
) -> DeliveryResult:
    """Push every event whose turn has come; commit after each, so one delivered is never
    pushed again. `render(session, event)` gives the event's JSON body."""
    result = DeliveryResult()
    waiting_persons: set[tuple[str, str]] = set()
    funds = {o.id: o for o in session.scalars(select(Organisation))}
    for event in _due(session):
        key = (event.fund_id, event.person_id)
        fund = funds[event.fund_id]
        hook = hooks.get(fund.cvr)
        due = event.webhook_next_at is None or event.webhook_next_at <= now
        if key in waiting_persons or not due or hook is None:
            waiting_persons.add(key)
            result.waiting += 1
            continue
        error = _post(http, hook, json.dumps(render(session, event)).encode("utf-8"), event.id)
        event.webhook_attempts += 1
        if error is None:
            event.webhook_state = "delivered"
            event.webhook_last_error = None
            if event.delivered_at is None:
                event.delivered_at, event.delivered_via = now, "webhook"
            _audit_sent(session, event, fund, "ok")
            result.delivered += 1
        else:
            event.webhook_last_error = error[:200]
            event.webhook_next_at = now + backoff(event.webhook_attempts)
            if event.webhook_attempts >= GIVE_UP_AFTER:
                event.webhook_state = "failed"
            waiting_persons.add(key)
            result.failed += 1
        session.commit()
    return result
