"""Who is logged in, and the access decorators every view must carry.

A view is either `@public`, `@citizen_required` or `@caseworker_required`; a test walks the URL
map and fails on any endpoint without one. The user lives in the server-side session; Flask-Login
supplies `current_user`.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from functools import wraps
from typing import Any, TypeVar, cast

from flask import abort, redirect, request, session, url_for
from flask_login import AnonymousUserMixin, LoginManager, current_user, login_user

from jobnet.clients.dfdg_client.values import Actor
from jobnet.domain.codes import ActorType, OrganisationKind
from jobnet.web.auth.fund_pages import fund_may_open

F = TypeVar("F", bound=Callable[..., Any])

login_manager = LoginManager()
login_manager.login_view = "auth.login"
SESSION_USER = "user"
ACCESS_ATTRIBUTE = "jobnet_access"


@dataclass(frozen=True)
class User:
    """The person behind a session: a citizen, or a caseworker of an organisation."""

    kind: str  # "citizen" or "caseworker"
    id: str  # citizen: DFDG person id; caseworker: persistent professional id
    name: str
    organisation_cvr: str | None = None
    organisation_name: str | None = None
    municipality_code: str | None = None
    #: The kind of the caseworker's organisation in DFDG's registry: "jobcentre" or "akasse"
    #: (an unemployment insurance fund, whose employees see only the fund's members).
    organisation_kind: str | None = None

    is_authenticated = True
    is_active = True
    is_anonymous = False

    def get_id(self) -> str:
        return f"{self.kind}:{self.id}"

    @property
    def is_citizen(self) -> bool:
        return self.kind == "citizen"

    @property
    def is_caseworker(self) -> bool:
        return self.kind == "caseworker"

    @property
    def is_fund_employee(self) -> bool:
        """An employee of an unemployment insurance fund (logged in as a caseworker)."""
        return self.is_caseworker and self.organisation_kind == OrganisationKind.AKASSE

    @property
    def is_jobcentre_caseworker(self) -> bool:
        """A job centre's caseworker: only they make summons and plans."""
        return self.is_caseworker and self.organisation_kind == OrganisationKind.JOBCENTRE


class Anonymous(AnonymousUserMixin):
    kind = "anonymous"
    is_citizen = False
    is_caseworker = False
    is_fund_employee = False
    is_jobcentre_caseworker = False


login_manager.anonymous_user = Anonymous


@login_manager.user_loader
def _load_user(user_id: str) -> User | None:
    data = session.get(SESSION_USER)
    if not data:
        return None
    user = User(**data)
    return user if user.get_id() == user_id else None


@login_manager.unauthorized_handler
def _unauthorized() -> Any:
    return redirect(url_for("auth.login", next=request.full_path.rstrip("?")))


def start_session(user: User, level: str | None = None, **extra: Any) -> None:
    """Log `user` in: a new session id (no fixation), then the user, the login's time and
    level of assurance (for DFDG's end-user assertions) and `extra` stored in it."""
    regenerate = getattr(session, "regenerate", None)
    if regenerate is not None:
        regenerate()
    session[SESSION_USER] = asdict(user)
    session[LOGIN_KEY] = {"at": int(time.time()), "level": level}
    session.update(extra)
    login_user(user)


def _login() -> dict[str, Any]:
    """When and at which level the session's person logged in."""
    login = session.get(LOGIN_KEY)
    return login if isinstance(login, dict) else {}


def _mark(view: F, access: str) -> F:
    setattr(view, ACCESS_ATTRIBUTE, access)
    return view


def public(view: F) -> F:
    """Anyone may see this view."""
    return _mark(view, "public")


def _require(kind: str) -> Callable[[F], F]:
    def decorator(view: F) -> F:
        @wraps(view)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            if not current_user.is_authenticated:
                return login_manager.unauthorized()
            if current_user.kind != kind:
                abort(403)
            return view(*args, **kwargs)

        return _mark(cast(F, wrapper), kind)

    return decorator


citizen_required = _require("citizen")
caseworker_required = _require("caseworker")


def login_required(view: F) -> F:
    """Any logged-in user (citizen or caseworker)."""

    @wraps(view)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        if not current_user.is_authenticated:
            return login_manager.unauthorized()
        return view(*args, **kwargs)

    return _mark(cast(F, wrapper), "login")


ACTING_KEY = "acting"
LOGIN_KEY = "login"


def subject_person_id() -> str | None:
    """Whose data this request is about: the citizen themself, or the citizen a caseworker is
    acting on behalf of; None when there is no one."""
    if current_user.is_authenticated and current_user.is_citizen:
        return str(current_user.id)
    if current_user.is_authenticated and current_user.is_caseworker:
        acting = session.get(ACTING_KEY) or {}
        return acting.get("person_id")
    return None


def subject_required(view: F) -> F:
    """A citizen, or a caseworker acting on behalf of a citizen."""

    @wraps(view)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        if not current_user.is_authenticated:
            return login_manager.unauthorized()
        if subject_person_id() is None:
            abort(403)
        _refuse_fund_outside_reach()
        return view(*args, **kwargs)

    return _mark(cast(F, wrapper), "subject")


def _refuse_fund_outside_reach() -> None:
    """A fund's employee opens only the pages the funds' reach table lets a fund use (403 for
    the rest, as DFDG would refuse the data behind them): `jobnet.web.auth.fund_pages`."""
    if current_user.is_fund_employee and not fund_may_open(request.endpoint):
        abort(403)


def acting_caseworker_required(view: F) -> F:
    """A caseworker who has opened a citizen (the job centre's own registrations)."""

    @wraps(view)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        if not current_user.is_authenticated:
            return login_manager.unauthorized()
        if not current_user.is_caseworker:
            abort(403)
        if subject_person_id() is None:
            return redirect(url_for("caseworker.index"))
        _refuse_fund_outside_reach()
        return view(*args, **kwargs)

    return _mark(cast(F, wrapper), "acting_caseworker")


def jobcentre_required(view: F) -> F:
    """A job centre's caseworker: what is the job centre's alone (an unemployment insurance
    fund's employee is refused with 403, as DFDG would refuse them)."""

    @wraps(view)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        if not current_user.is_authenticated:
            return login_manager.unauthorized()
        if not current_user.is_jobcentre_caseworker:
            abort(403)
        return view(*args, **kwargs)

    return _mark(cast(F, wrapper), "jobcentre")


def acting_jobcentre_required(view: F) -> F:
    """A job centre's caseworker who has opened a citizen: summons, plans, held interviews and
    the absences only a job centre registers (403 for a fund's employee)."""

    @wraps(view)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        if not current_user.is_authenticated:
            return login_manager.unauthorized()
        if not current_user.is_jobcentre_caseworker:
            abort(403)
        if subject_person_id() is None:
            return redirect(url_for("caseworker.index"))
        return view(*args, **kwargs)

    return _mark(cast(F, wrapper), "acting_jobcentre")


def current_actor() -> Actor:
    """The actor DFDG records: the citizen, or the caseworker acting on behalf with a purpose."""
    if current_user.is_caseworker:
        acting = session.get(ACTING_KEY) or {}
        return Actor(
            type=ActorType.CASEWORKER.value,
            id=current_user.id,
            name=current_user.name,
            organisation=current_user.organisation_cvr,
            on_behalf_of=acting.get("person_id"),
            purpose=acting.get("purpose"),
            channel="web",
            auth_time=_login().get("at"),
            level=_login().get("level"),
        )
    return citizen_actor()


def citizen_actor() -> Actor:
    """The actor DFDG's audit log records for the logged-in citizen."""
    return Actor(
        type=ActorType.CITIZEN.value,
        id=current_user.id,
        name=current_user.name,
        organisation=None,
        on_behalf_of=None,
        purpose=None,
        channel="web",
        auth_time=_login().get("at"),
        level=_login().get("level"),
    )
