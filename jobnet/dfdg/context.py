"""Per-request state of the DFDG API: the database session and the connected system."""

from __future__ import annotations

from collections.abc import Mapping

from flask import current_app, g
from sqlalchemy.orm import Session

from jobnet.db import Store
from jobnet.dfdg.assertion import AssertionVerifier
from jobnet.dfdg.systems import ConnectedSystem, unknown_system

STORE_KEY = "dfdg_store"
TOKENS_KEY = "dfdg_system_tokens"
SYSTEMS_KEY = "dfdg_systems"
VERIFIER_KEY = "dfdg_assertion_verifier"


def current_store() -> Store:
    return current_app.extensions[STORE_KEY]


def system_tokens() -> Mapping[str, tuple[str, ...]]:
    return current_app.extensions[TOKENS_KEY]


def connected_system() -> ConnectedSystem:
    """The registry entry of the system the request was authenticated as."""
    name = current_system()
    return current_app.extensions[SYSTEMS_KEY].get(name) or unknown_system(name)


def assertion_verifier() -> AssertionVerifier:
    return current_app.extensions[VERIFIER_KEY]


def request_session() -> Session:
    """The request's session, opened on first use and closed when the app context ends."""
    session = g.get("dfdg_session")
    if session is None:
        session = current_store().session_factory()
        g.dfdg_session = session
    return session


def close_request_session(_exc: BaseException | None = None) -> None:
    session = g.pop("dfdg_session", None)
    if session is not None:
        session.rollback()
        session.close()


def current_system() -> str:
    """The connected system the request was authenticated as."""
    return g.dfdg_system
