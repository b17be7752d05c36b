"""A person's notification choices follow them from a provisional id to their real one.

Someone never seen who logs in while DFDG is away gets a provisional person id
(`jobnet.web.journeys.provisional`), and may choose how to be told, confirming an address or
number with a code, under it. When DFDG is back and the provisional id becomes the real one,
their choice, codes and queued or sent e-mails and SMS move with them, in the same transaction
as their reports, so nothing is left under the provisional id and nothing is doubled:

- no choice under the real id: the provisional one becomes it;
- a choice under both: the one changed last wins (a later choice under the real id wins), and a
  confirmed address or number only the other holds is kept beside it (confirmed is confirmed),
  without turning its channel on.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import update
from sqlalchemy.orm import Session

from jobnet.web.store.models import ConfirmationCode, NotificationChoice, OutgoingNotification


def _later_wins(earlier: NotificationChoice, later: NotificationChoice) -> NotificationChoice:
    """`later` kept, with the confirmed addresses it lacks taken from `earlier`."""
    if later.email is None and earlier.email is not None:
        later.email = earlier.email
    if later.phone is None and earlier.phone is not None:
        later.phone = earlier.phone
    if later.organisation_cvr is None:
        later.organisation_cvr = earlier.organisation_cvr
    return later


def move_subject(session: Session, old: str, new: str) -> None:
    """Move everything the web store holds for notifications from subject `old` to `new`."""
    moving = session.get(NotificationChoice, old)
    if moving is not None:
        staying = session.get(NotificationChoice, new)
        if staying is None:
            session.add(
                NotificationChoice(
                    subject=new,
                    email=moving.email,
                    phone=moving.phone,
                    by_email=moving.by_email,
                    by_sms=moving.by_sms,
                    daily_digest=moving.daily_digest,
                    organisation_cvr=moving.organisation_cvr,
                    language=moving.language,
                    last_digest_on=moving.last_digest_on,
                    updated_at=moving.updated_at,
                )
            )
        elif _as_naive(moving.updated_at) > _as_naive(staying.updated_at):
            _copy_choice(moving, staying)
        else:
            _later_wins(moving, staying)
        session.delete(moving)
        session.flush()
    for table in (ConfirmationCode, OutgoingNotification):
        session.execute(update(table).where(table.subject == old).values(subject=new))


def _copy_choice(source: NotificationChoice, target: NotificationChoice) -> None:
    """The provisional choice was made later: it wins, keeping what only the target holds."""
    email, phone, cvr = target.email, target.phone, target.organisation_cvr
    for column in ("email", "phone", "by_email", "by_sms", "daily_digest", "language"):
        setattr(target, column, getattr(source, column))
    target.organisation_cvr = source.organisation_cvr or cvr
    target.email = source.email or email
    target.phone = source.phone or phone
    target.updated_at = source.updated_at


def _as_naive(moment: datetime) -> datetime:
    """SQLite gives back naive datetimes (UTC), PostgreSQL aware ones: compare them alike."""
    return moment.astimezone(UTC).replace(tzinfo=None) if moment.tzinfo else moment
