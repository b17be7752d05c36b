"""My Plan: the current plan, earlier versions and a print view. Read-only for the citizen;
the job centre makes and revises the plan."""

from __future__ import annotations

from typing import Any

from flask import abort, render_template
from flask.sansio.blueprints import BlueprintSetupState

from jobnet.clients.dfdg_client.client import get_dfdg_client
from jobnet.clients.dfdg_client.errors import DfdgNotFound
from jobnet.clients.dfdg_client.plans import JobPlan, plan_from_answer
from jobnet.web.auth.users import current_actor, subject_person_id, subject_required
from jobnet.web.citizen.plan import bp
from jobnet.web.citizen.plan.labels import measure_is_company_based, measure_type_label
from jobnet.web.journeys import known_answers


@bp.record_once
def _register_labels(state: BlueprintSetupState) -> None:
    state.app.jinja_env.globals.update(
        measure_type_label=measure_type_label, measure_is_company_based=measure_is_company_based
    )


def _plan() -> JobPlan | None:
    """The current plan; while DFDG is away, the citizen's own last known one (saying from
    when)."""
    person_id = str(subject_person_id())
    answer = known_answers.own_answer(
        person_id, "plan", lambda: get_dfdg_client().current_plan_answer(person_id, current_actor())
    )
    return plan_from_answer(answer)


@bp.get("/")
@subject_required
def index() -> str:
    return render_template("citizen/plan/index.html", plan=_plan())


@bp.get("/print")
@subject_required
def print_view() -> str:
    return render_template("citizen/plan/print.html", plan=_plan())


@bp.get("/version/<int:number>")
@subject_required
def revision(number: int) -> str:
    person_id = str(subject_person_id())
    try:
        version = get_dfdg_client().plan_revision(person_id, number, current_actor())
    except DfdgNotFound:
        abort(404)
    context: dict[str, Any] = {"version": version}
    return render_template("citizen/plan/revision.html", **context)
