"""The registry of organisations: job centres and unemployment funds (a-kasser)."""

from __future__ import annotations

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from jobnet.dfdg.models.persons import Organisation


def all_organisations(session: Session) -> list[Organisation]:
    query = select(Organisation).order_by(Organisation.kind, Organisation.name)
    return list(session.scalars(query))


# Built once: every caseworker's access check runs it.
_BY_CVR = select(Organisation).where(Organisation.cvr == bindparam("cvr"))


def by_cvr(session: Session, cvr: str) -> Organisation | None:
    return session.scalars(_BY_CVR, {"cvr": cvr}).one_or_none()


def ensure(
    session: Session, *, kind: str, name: str, cvr: str, municipality_code: str | None
) -> tuple[Organisation, bool]:
    """The organisation with this CVR, created when new; (organisation, created)."""
    existing = by_cvr(session, cvr)
    if existing is not None:
        return existing, False
    organisation = Organisation(kind=kind, name=name, cvr=cvr, municipality_code=municipality_code)
    session.add(organisation)
    return organisation, True
