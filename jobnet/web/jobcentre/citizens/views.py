from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TypeVar

from flask import abort, current_app, flash, redirect, render_template, session, url_for
from flask_babel import gettext as _
from flask_login import current_user
from werkzeug.wrappers import Response

from jobnet.clients.dfdg_client.client import get_dfdg_client
from jobnet.clients.dfdg_client.errors import DfdgForbidden, DfdgNotFound, DfdgUnavailable
from jobnet.clients.dfdg_client.summons import DaySummons
from jobnet.clients.dfdg_client.values import Actor
from jobnet.domain.cpr import normalise_cpr
from jobnet.web.auth.fund_pages import fund_may_see_receipt, may_open
from jobnet.web.auth.users import (
    ACTING_KEY,
    acting_caseworker_required,
    caseworker_required,
    current_actor,
)
from jobnet.web.jobcentre.citizens import bp
from jobnet.web.jobcentre.citizens.forms import FindCitizenForm, ReopenCitizenForm, StopActingForm
from jobnet.web.journeys import outbox_reads
from jobnet.web.journeys.labels import INTERVIEW_LIST_PURPOSE
from jobnet.web.journeys.machinery import current_situation

T = TypeVar("T")
RECENT_KEY = "recent_citizens"  # DFDG person ids and names; never a CPR number
MAX_RECENT = 8


def search_actor(purpose: str) -> Actor:
    """The caseworker, acting for no citizen yet, with the purpose of the search."""
    return replace(current_actor(), on_behalf_of=None, purpose=purpose)


def _recent() -> list[dict[str, str]]:
    return list(session.get(RECENT_KEY, []))


def remember_citizen(person_id: str, name: str, purpose: str) -> None:
    """The caseworker now works on this citizen (with the purpose); listed as recently opened."""
    session[ACTING_KEY] = {"person_id": person_id, "name": name, "purpose": purpose}
    recent = [c for c in _recent() if c["person_id"] != person_id]
    session[RECENT_KEY] = [{"person_id": person_id, "name": name}, *recent][:MAX_RECENT]


def _interviews_today() -> list[DaySummons] | None:
    """The job centre's interviews today (DFDG's today), earliest first; None while DFDG cannot
    be reached, and for a fund's employee (a fund holds no interviews). DFDG audits the listing
    for every person on it."""
    if not current_user.is_jobcentre_caseworker:
        return None
    try:
        return get_dfdg_client().organisation_summons(
            current_user.organisation_cvr, None, search_actor(INTERVIEW_LIST_PURPOSE)
        )
    except (DfdgUnavailable, DfdgForbidden):
        return None


def _start_page(form: FindCitizenForm, status: int = 200) -> tuple[str, int]:
    page = render_template(
        "jobcentre/citizens/index.html",
        form=form,
        recent=_recent(),
        interviews=_interviews_today(),
    )
    return page, status


@bp.get("/")
@caseworker_required
def index() -> tuple[str, int]:
    return _start_page(FindCitizenForm())


@bp.post("/")
@caseworker_required
def find_citizen() -> Response | tuple[str, int]:
    """Open a citizen by CPR number (in the form body, never in a URL) with a purpose."""
    form = FindCitizenForm()
    if not form.validate():
        return _start_page(form, 200)
    client = get_dfdg_client()
    actor = search_actor(form.purpose_text())
    try:
        person_id = client.lookup_person(normalise_cpr(form.cpr.data), actor)
    except DfdgForbidden:
        person_id = None
    if person_id is None:
        # One answer whether DFDG has no such person or they live in another municipality:
        # a search must not tell where someone lives. DFDG audits both.
        form.cpr.errors = [_not_found_message()]
        return _start_page(form, 200)
    person = client.get_person(person_id, actor)
    remember_citizen(person_id, person.full_name, form.purpose_text())
    return redirect(url_for("caseworker.citizen"))


def _not_found_message() -> str:
    if current_user.is_fund_employee:
        return _(
            "%(organisation)s cannot open a citizen with this CPR number: no member of your "
            "fund has it. The search has been logged.",
            organisation=current_user.organisation_name,
        )
    return _(
        "%(organisation)s cannot open a citizen with this CPR number: no such citizen "
        "lives in your municipality. The search has been logged.",
        organisation=current_user.organisation_name,
    )


@bp.post("/genaabn")
@caseworker_required
def reopen_citizen() -> Response | tuple[str, int]:
    """Open a recently opened citizen again, by DFDG's person id from this session's list (in
    the form body, never in a URL), asking for the purpose again."""
    form = ReopenCitizenForm()
    recent = {c["person_id"]: c["name"] for c in _recent()}
    person_id = form.person_id.data or ""
    if person_id not in recent:
        abort(400)
    name = recent[person_id]
    if form.confirm.data != "yes":  # the button on the start page: ask for the purpose
        form = ReopenCitizenForm(formdata=None, person_id=person_id, confirm="yes")
        return render_template("jobcentre/citizens/reopen.html", form=form, name=name), 200
    if not form.validate_on_submit():
        return render_template("jobcentre/citizens/reopen.html", form=form, name=name), 200
    actor = search_actor(form.purpose_text())
    try:
        person = get_dfdg_client().get_person(person_id, actor)
    except (DfdgForbidden, DfdgNotFound):
        flash(_("You can no longer open the data of %(name)s.", name=name), "info")
        return redirect(url_for("caseworker.index"))
    remember_citizen(person_id, person.full_name, form.purpose_text())
    return redirect(url_for("caseworker.citizen"))


def _maybe(page: str, read: Callable[[], T]) -> T | None:
    """What the page for one citizen shows from another area: not asked for when the user may
    not open that area's page (a fund's employee), and None while DFDG cannot be reached."""
    if not may_open(page):
        return None
    try:
        return read()
    except DfdgUnavailable:
        return None


@bp.get("/borger")
@acting_caseworker_required
def citizen() -> str:
    situation = current_situation()
    acting = session[ACTING_KEY]
    store = current_app.extensions["web_store"]
    reports = outbox_reads.for_person(store, acting["person_id"], limit=10)
    if current_user.is_fund_employee:
        reports = [report for report in reports if fund_may_see_receipt(report.kind)]
    client = get_dfdg_client()
    person_id = acting["person_id"]
    return render_template(
        "jobcentre/citizens/citizen.html",
        situation=situation,
        duties=_maybe("duties.index", lambda: client.duties(person_id, current_actor())),
        bookings=_maybe("booking.index", lambda: client.bookings(person_id, current_actor())),
        summons=client.summons_overview(acting["person_id"], current_actor()),
        # Plans are the job centre's: a fund's employee is not shown one (nor is it fetched).
        plan=(
            client.current_plan(acting["person_id"], current_actor())
            if current_user.is_jobcentre_caseworker
            else None
        ),
        reports=reports,
        actor=current_actor(),
        stop_form=StopActingForm(),
    )


@bp.post("/stop")
@caseworker_required
def stop_acting() -> Response:
    form = StopActingForm()
    if form.validate_on_submit():
        session.pop(ACTING_KEY, None)
        flash(_("You are no longer working on a citizen's data."), "success")
    return redirect(url_for("caseworker.index"))
