"""How each person wants to be told, and confirming an address with a code (web store).

A code is six digits from `secrets`, kept only as an HMAC under the app's SECRET_KEY, valid
for 15 minutes and 5 attempts; at most 5 codes go to one address a day (whoever asks), so the
page cannot be used to flood someone's inbox or phone.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from jobnet.db import Store
from jobnet.domain import notifications as rules
from jobnet.web.notifications import queue, texts
from jobnet.web.store.models import ConfirmationCode, NotificationChoice

CITIZEN, CASEWORKER = "citizen", "caseworker"


def subject_of(kind: str, identifier: str) -> str:
    return f"{kind}:{identifier}"


@dataclass(frozen=True)
class Choice:
    email: str | None = None
    phone: str | None = None
    by_email: bool = False
    by_sms: bool = False
    daily_digest: bool = False

    @property
    def how(self) -> str:
        if self.by_email and self.by_sms:
            return "both"
        if self.by_email:
            return "email"
        if self.by_sms:
            return "sms"
        return "none"


def get(store: Store, subject: str) -> Choice:
    with store.read() as session:
        row = session.get(NotificationChoice, subject)
        if row is None:
            return Choice()
        return Choice(row.email, row.phone, row.by_email, row.by_sms, row.daily_digest)


def _row(session: Session, subject: str, language: str) -> NotificationChoice:
    row = session.get(NotificationChoice, subject)
    if row is None:
        row = NotificationChoice(
            subject=subject,
            by_email=False,
            by_sms=False,
            daily_digest=False,
            language=language,
            updated_at=queue.now_utc(),
        )
        session.add(row)
    row.language = language
    row.updated_at = queue.now_utc()
    return row


def save_how(store: Store, subject: str, how: str, language: str) -> None:
    """Set the channels ("email", "sms", "both", "none"); only confirmed ones are kept on."""
    with store.session() as session:
        row = _row(session, subject, language)
        row.by_email = how in {"email", "both"} and row.email is not None
        row.by_sms = how in {"sms", "both"} and row.phone is not None


def save_digest(store: Store, subject: str, on: bool, cvr: str | None, language: str) -> None:
    with store.session() as session:
        row = _row(session, subject, language)
        row.daily_digest = on and row.email is not None
        row.organisation_cvr = cvr


def _hash(secret: str, code_id: int, code: str) -> str:
    message = f"{code_id}:{code}".encode()
    return hmac.new(secret.encode("utf-8"), message, hashlib.sha256).hexdigest()


def codes_today(store: Store, address: str, now: datetime) -> int:
    query = select(func.count()).where(
        ConfirmationCode.address == address,
        ConfirmationCode.created_at > now - timedelta(days=1),
    )
    with store.read() as session:
        return int(session.scalar(query) or 0)


def send_code(
    store: Store, secret: str, subject: str, channel: str, address: str, language: str
) -> int | None:
    """Make a code for the address and queue it on its channel; the queued row's id, or None
    when the address has had its codes for today. Earlier codes of the person for the same
    channel stop working."""
    now = queue.now_utc()
    if codes_today(store, address, now) >= rules.CODES_PER_ADDRESS_PER_DAY:
        return None
    code = rules.new_code()
    with store.session() as session:
        session.execute(
            update(ConfirmationCode)
            .where(
                ConfirmationCode.subject == subject,
                ConfirmationCode.channel == channel,
                ConfirmationCode.used_at.is_(None),
            )
            .values(expires_at=now)
        )
        row = ConfirmationCode(
            subject=subject,
            channel=channel,
            address=address,
            code_hash="",
            attempts=0,
            created_at=now,
            expires_at=now + rules.CODE_LIFETIME,
        )
        session.add(row)
        session.flush()
        row.code_hash = _hash(secret, row.id, code)
        return queue.add(
            session,
            key=f"code:{row.id}",
            subject=subject,
            kind="code",
            channel=channel,
            address=address,
            language=language,
            words=texts.code(code, language),
            due_at=now,
        )


def pending_address(store: Store, subject: str, channel: str) -> str | None:
    """The address the person's latest live code went to, if any."""
    with store.read() as session:
        row = _live_code(session, subject, channel, queue.now_utc())
        return row.address if row is not None else None


def _live_code(
    session: Session, subject: str, channel: str, now: datetime
) -> ConfirmationCode | None:
    query = (
        select(ConfirmationCode)
        .where(
            ConfirmationCode.subject == subject,
            ConfirmationCode.channel == channel,
            ConfirmationCode.used_at.is_(None),
            ConfirmationCode.expires_at > now,
        )
        .order_by(ConfirmationCode.id.desc())
        .limit(1)
    )
    return session.scalars(query).first()


CONFIRMED, WRONG, USED_UP, NO_CODE = "confirmed", "wrong", "used_up", "no_code"


def confirm(store: Store, secret: str, subject: str, channel: str, code: str, language: str) -> str:
    """Check the code typed: CONFIRMED (the address is the person's now, and used), WRONG,
    USED_UP (too many attempts: ask for a new code) or NO_CODE (none live)."""
    now = queue.now_utc()
    with store.session() as session:
        row = _live_code(session, subject, channel, now)
        if row is None:
            return NO_CODE
        if row.attempts >= rules.CODE_ATTEMPTS:
            return USED_UP
        row.attempts += 1
        if not hmac.compare_digest(row.code_hash, _hash(secret, row.id, code)):
            return USED_UP if row.attempts >= rules.CODE_ATTEMPTS else WRONG
        row.used_at = now
        choice = _row(session, subject, language)
        if channel == "email":
            choice.email, choice.by_email = row.address, True
        else:
            choice.phone, choice.by_sms = row.address, True
        return CONFIRMED


def digest_subscribers(store: Store) -> list[NotificationChoice]:
    query = select(NotificationChoice).where(
        NotificationChoice.daily_digest.is_(True),
        NotificationChoice.email.is_not(None),
        NotificationChoice.organisation_cvr.is_not(None),
    )
    with store.read() as session:
        return list(session.scalars(query))


def mark_digest(store: Store, subject: str, day: date) -> bool:
    """Take the day's digest for `subject`; False when it was taken already (another worker)."""
    with store.session() as session:
        result = session.execute(
            update(NotificationChoice)
            .where(
                NotificationChoice.subject == subject,
                (NotificationChoice.last_digest_on.is_(None))
                | (NotificationChoice.last_digest_on != day),
            )
            .values(last_digest_on=day)
        )
        return bool(result.rowcount == 1)  # type: ignore[attr-defined]
