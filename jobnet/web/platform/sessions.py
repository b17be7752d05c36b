"""Server-side, revocable sessions stored in the web app's own store.

The cookie carries a random token; the store keeps only its SHA-256, so a copy of the database
does not hand out live sessions. A session ends for good on logout (the row is deleted), after
SESSION_IDLE_MINUTES without a request, or SESSION_ABSOLUTE_HOURS after it began. Login calls
`regenerate()` so the session id changes (no fixation).
"""

from __future__ import annotations

import hashlib
import logging
import secrets
from datetime import UTC, datetime, timedelta
from typing import Any

from flask import Flask, Request, Response
from flask.json.tag import TaggedJSONSerializer
from flask.sessions import SessionInterface, SessionMixin
from sqlalchemy import bindparam, delete, select, update
from sqlalchemy.exc import SQLAlchemyError
from werkzeug.datastructures import CallbackDict

from jobnet.db import Store, is_unavailable, retry_on_disconnect
from jobnet.web.store.models import WebSession

log = logging.getLogger(__name__)
_serializer = TaggedJSONSerializer()
# A session's last-seen time is written at most this often, to spare the database a write
# on every request; idle expiry is therefore accurate to about a minute.
TOUCH_INTERVAL = timedelta(seconds=60)


def utcnow() -> datetime:
    return datetime.now(UTC)


def as_utc(value: datetime) -> datetime:
    """SQLite hands back naive datetimes; everything stored is UTC."""
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def provider_key(issuer: str, value: str) -> str:
    """What a session row keeps of the provider's sid or sub: a hash, scoped to the issuer."""
    return _hash(f"{issuer}\n{value}")


class ServerSession(CallbackDict[str, Any], SessionMixin):
    """A dict-like session whose contents live in the store."""

    def __init__(
        self,
        initial: dict[str, Any] | None = None,
        token: str | None = None,
        *,
        expired: bool = False,
        last_seen_at: datetime | None = None,
        created_at: datetime | None = None,
        expired_contents: dict[str, Any] | None = None,
        unavailable: bool = False,
    ) -> None:
        def on_update(_self: CallbackDict[str, Any]) -> None:
            self.modified = True

        super().__init__(initial or {}, on_update)
        self.token = token
        self.new = token is None
        self.modified = False
        self.expired = expired
        # What the expired session held (this request only, never saved): whose it was.
        self.expired_contents = expired_contents
        self.last_seen_at = last_seen_at
        self.created_at = created_at
        self.previous_token: str | None = None
        # (sid, sub) of the provider login, as provider_key()s; written when the row is made.
        self.provider_login: tuple[str | None, str | None] = (None, None)
        # The store could not be read: this session's contents are unknown, never to be saved.
        self.unavailable = unavailable

    def regenerate(self) -> None:
        """Give the session a new id, keeping its contents; the old id stops working."""
        if self.token is not None:
            self.previous_token = self.token
        self.token = None
        self.created_at = None
        self.modified = True

    def end(self) -> None:
        """End the session for good: its contents are dropped and its row deleted."""
        if self.token is not None:
            self.previous_token = self.token
        self.token = None
        self.clear()
        self.modified = True


# Built once: every request with a session cookie runs it.
_SESSION_ROW = select(
    WebSession.data, WebSession.last_seen_at, WebSession.absolute_expires_at, WebSession.created_at
).where(WebSession.id == bindparam("key"))
# A journey page saves its draft on every step: these two are built once as well.
_SAVE_DATA = (
    update(WebSession)
    .where(WebSession.id == bindparam("key"))
    .values(data=bindparam("new_data"), last_seen_at=bindparam("seen"))
)
_TOUCH = (
    update(WebSession)
    .where(WebSession.id == bindparam("key"))
    .values(last_seen_at=bindparam("seen"))
)


class ServerSessionInterface(SessionInterface):
    def __init__(self, store: Store) -> None:
        self.store = store

    def _limits(self, app: Flask) -> tuple[timedelta, timedelta]:
        return (
            timedelta(minutes=app.config["SESSION_IDLE_MINUTES"]),
            timedelta(hours=app.config["SESSION_ABSOLUTE_HOURS"]),
        )

    def open_session(self, app: Flask, request: Request) -> ServerSession:
        token = request.cookies.get(self.get_cookie_name(app))
        if not token:
            return ServerSession()
        idle, _absolute = self._limits(app)
        now = utcnow()
        key = _hash(token)

        def read() -> Any:
            # Core, not the ORM: this runs on every request and needs no tracked object.
            with self.store.autocommit_engine.connect() as connection:
                return connection.execute(_SESSION_ROW, {"key": key}).first()

        try:
            row = retry_on_disconnect(read)
        except SQLAlchemyError as error:
            if not is_unavailable(error):
                raise
            # The store cannot be reached: no session, and nothing written back; pages that
            # need it show the store-unavailable page (`store_down`), /health still answers.
            log.warning("session store unavailable: %s", type(error).__name__)
            return ServerSession(token=token, unavailable=True)
        if row is None:
            return ServerSession(expired=True)
        last_seen = as_utc(row.last_seen_at)
        if now - last_seen > idle or now > as_utc(row.absolute_expires_at):
            with self.store.engine.begin() as connection:
                connection.execute(delete(WebSession).where(WebSession.id == key))
            return ServerSession(
                expired=True, expired_contents=_serializer.loads(row.data.decode())
            )
        data = _serializer.loads(row.data.decode())
        return ServerSession(data, token, last_seen_at=last_seen, created_at=as_utc(row.created_at))

    def save_session(self, app: Flask, session: SessionMixin, response: Response) -> None:
        assert isinstance(session, ServerSession)
        if session.unavailable:
            return
        cookie_name = self.get_cookie_name(app)
        domain = self.get_cookie_domain(app)
        path = self.get_cookie_path(app)
        now = utcnow()
        if self._unchanged(session, now):
            # Most requests: nothing to write, so no transaction at all.
            response.vary.add("Cookie")
            return
        if session and session.token is not None and session.previous_token is None:
            self._update(session, now)
            response.vary.add("Cookie")
            return
        with self.store.session() as db:
            if session.previous_token is not None:
                db.execute(delete(WebSession).where(WebSession.id == _hash(session.previous_token)))
            if not session:
                if session.token is not None:
                    db.execute(delete(WebSession).where(WebSession.id == _hash(session.token)))
                if session.token is not None or session.previous_token or session.expired:
                    response.delete_cookie(cookie_name, domain=domain, path=path)
                return
            if session.token is None:
                self._create(app, db, session, now)
        if session.new or session.previous_token is not None:
            response.set_cookie(
                cookie_name,
                session.token or "",
                httponly=self.get_cookie_httponly(app),
                secure=self.get_cookie_secure(app),
                samesite=self.get_cookie_samesite(app),
                domain=domain,
                path=path,
            )
        response.vary.add("Cookie")

    @staticmethod
    def _unchanged(session: ServerSession, now: datetime) -> bool:
        """True when saving would neither write the store nor set or delete a cookie."""
        if session.previous_token is not None or session.modified:
            return False
        if not session:
            return not (session.token is not None or session.expired)
        if session.token is None:
            return False
        return not (session.last_seen_at and now - session.last_seen_at > TOUCH_INTERVAL)

    def _update(self, session: ServerSession, now: datetime) -> None:
        """The session's own row: its contents when changed, else only when it was last seen."""
        assert session.token is not None
        params: dict[str, Any] = {"key": _hash(session.token), "seen": now}
        if session.modified:
            params["new_data"] = _serializer.dumps(dict(session)).encode()

        def write() -> None:
            # One statement: in autocommit it is atomic all the same, one round trip not three;
            # the same values written twice are the same row, so a dropped connection retries.
            with self.store.autocommit_engine.connect() as connection:
                connection.execute(_SAVE_DATA if session.modified else _TOUCH, params)

        retry_on_disconnect(write)

    def _create(self, app: Flask, db: Any, session: ServerSession, now: datetime) -> None:
        _idle, absolute = self._limits(app)
        session.token = secrets.token_urlsafe(32)
        session.new = True
        db.add(
            WebSession(
                id=_hash(session.token),
                data=_serializer.dumps(dict(session)).encode(),
                created_at=now,
                last_seen_at=now,
                absolute_expires_at=now + absolute,
                provider_sid=session.provider_login[0],
                provider_sub=session.provider_login[1],
            )
        )

    @staticmethod
    def end_provider_sessions(
        store: Store, *, sid: str | None, sub: str | None, began_before: datetime
    ) -> int:
        """End the sessions of one provider login (by its sid, else every session of its sub)
        that began before `began_before`; returns how many. A later login is never ended by an
        earlier (or replayed) logout token."""
        if sid is not None:
            match = WebSession.provider_sid == sid
        elif sub is not None:
            match = WebSession.provider_sub == sub
        else:
            return 0
        with store.session() as db:
            result = db.execute(
                delete(WebSession).where(match, WebSession.created_at <= began_before)
            )
            return int(getattr(result, "rowcount", 0) or 0)

    @staticmethod
    def purge_expired(store: Store, idle: timedelta) -> int:
        """Delete sessions past their idle limit or absolute lifetime; returns how many."""
        now = utcnow()
        with store.session() as db:
            stale = db.scalars(
                select(WebSession.id).where(
                    (WebSession.last_seen_at < now - idle) | (WebSession.absolute_expires_at < now)
                )
            ).all()
            if stale:
                db.execute(delete(WebSession).where(WebSession.id.in_(stale)))
            return len(stale)
