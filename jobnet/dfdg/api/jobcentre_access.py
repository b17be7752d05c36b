"""What the job centre's own registrations (plans, summons) share: who may read and write them,
their rule messages, and DFDG's "now".

Reads: a citizen reads only their own data (another person's id answers 404, as if unknown).
Writes: only a caseworker of the job centre of the person's municipality (403 otherwise; an
unemployment insurance fund's employee is told `jobcentre_only`).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime, time

from sqlalchemy.orm import Session

from jobnet.dfdg import clock
from jobnet.dfdg.actor import ActorContext, current_actor
from jobnet.dfdg.api.fund_access import JOBCENTRE_ONLY_MESSAGE, acting_fund
from jobnet.dfdg.api.records import NO_PERSON, person_for_read, person_for_write
from jobnet.dfdg.api.records import actor_out as actor_out  # where the summons and plans take it
from jobnet.dfdg.models.base import utcnow
from jobnet.dfdg.models.persons import Organisation, Person
from jobnet.dfdg.queries import organisations as organisation_queries
from jobnet.dfdg.rules import (
    CASEWORKER_ONLY,
    MESSAGES,
    OUTSIDE_ORGANISATION,
    RuleViolation,
    refuse,
    refuse_not_found,
)
from jobnet.dfdg.schemas.base import FieldError
from jobnet.domain.cannot_come import MAX_NOTE_LENGTH, CannotComeProblem
from jobnet.domain.clock import today_in_denmark
from jobnet.domain.codes import ActorType, OrganisationKind
from jobnet.domain.fund_reach import JOBCENTRE_ONLY
from jobnet.domain.plans import (
    MAX_APPLICATIONS_PER_WEEK,
    MAX_MEASURES,
    MAX_TARGET_LENGTH,
    MAX_TARGETS,
    MAX_WEEKLY_HOURS,
    PlanProblem,
)
from jobnet.domain.problems import rule_set_name
from jobnet.domain.summons import (
    MAX_DAYS_AHEAD,
    MAX_DURATION_MINUTES,
    MAX_PLACE_LENGTH,
    MIN_DURATION_MINUTES,
    SummonsProblem,
)

NO_PLAN = "no_plan"
PLAN_EXISTS = "plan_exists"
UNKNOWN_MEASURE = "unknown_measure"

# Fixed time of day standing for "now" while a testing app pins DFDG's today.
_PINNED_TIME_OF_DAY = time(12, 0)

CODE_MESSAGES: dict[str, str] = {
    CASEWORKER_ONLY: "Only a caseworker of a job centre may register this",
    JOBCENTRE_ONLY: JOBCENTRE_ONLY_MESSAGE,
    OUTSIDE_ORGANISATION: "The person does not belong to the caseworker's job centre",
    NO_PLAN: "The person has no job plan to revise",
    PLAN_EXISTS: "The person already has a job plan; revise it instead",
    UNKNOWN_MEASURE: "No measure of the current plan has this key",
    PlanProblem.NO_TARGETS: "Name at least one employment target",
    PlanProblem.TOO_MANY_TARGETS: f"Name at most {MAX_TARGETS} employment targets",
    PlanProblem.TARGET_TOO_LONG: f"An employment target has at most {MAX_TARGET_LENGTH} characters",
    PlanProblem.APPLICATIONS_OUT_OF_RANGE: "Applications a week must be 0 to "
    f"{MAX_APPLICATIONS_PER_WEEK}",
    PlanProblem.COPIES_OUT_OF_RANGE: "Copies a week must be 0 to the applications a week",
    PlanProblem.TOO_MANY_MEASURES: f"A plan has at most {MAX_MEASURES} measures",
    PlanProblem.END_BEFORE_START: "The end date is before the start date",
    PlanProblem.HOURS_OUT_OF_RANGE: f"Weekly hours must be 0 to {MAX_WEEKLY_HOURS}",
    PlanProblem.CVR_INVALID: "A CVR number has eight digits",
    PlanProblem.P_NUMBER_INVALID: "A P-number has ten digits",
    PlanProblem.PROVIDER_MISSING: "A company-based measure needs the provider's CVR and P-number",
    PlanProblem.OCCUPATION_MISSING: "A company-based measure needs the occupation",
    PlanProblem.DUPLICATE_MEASURE: "The same measure key is given twice",
    SummonsProblem.NOT_AWARE: "The time needs its UTC offset",
    SummonsProblem.IN_THE_PAST: "The interview time must be in the future",
    SummonsProblem.TOO_FAR_AHEAD: f"The interview may be at most {MAX_DAYS_AHEAD} days ahead",
    SummonsProblem.DURATION_OUT_OF_RANGE: f"The duration must be {MIN_DURATION_MINUTES} to "
    f"{MAX_DURATION_MINUTES} minutes",
    SummonsProblem.LETTER_IN_THE_FUTURE: "The letter date must not be in the future",
    SummonsProblem.LETTER_TOO_EARLY: "The letter date is before the summons' own letter",
    SummonsProblem.LETTER_TOO_FAR_BACK: "The letter is recorded the day it is sent (§ 27): "
    "the letter date may be today or yesterday",
    SummonsProblem.CONTACT_OPTIONS_MISSING: "The person's contact options for the interview "
    "are required (§ 27)",
    SummonsProblem.PLACE_MISSING: "An interview in person needs the place",
    SummonsProblem.JOIN_DETAILS_MISSING: "A video or digital interview needs how to join",
    SummonsProblem.TEXT_TOO_LONG: f"At most {MAX_PLACE_LENGTH} characters",
    SummonsProblem.ALREADY_CANCELLED: "The summons is cancelled",
    SummonsProblem.ALREADY_HELD: "The interview has taken place",
    SummonsProblem.SAME_TIME: "The summons already has this time and place",
    CannotComeProblem.INTERVIEW_STARTED: "The interview has started or taken place",
    CannotComeProblem.SUMMONS_CANCELLED: "The summons is cancelled",
    CannotComeProblem.ALREADY_TOLD: "The person has already said they cannot come at this time",
    CannotComeProblem.NOTE_TOO_LONG: f"The note has at most {MAX_NOTE_LENGTH} characters",
    CannotComeProblem.NOTE_REQUIRED: "Say why in the note when the reason is other",
}


def broken(field: str, code: str) -> FieldError:
    return FieldError(
        field=field, code=code, message=CODE_MESSAGES.get(code, code), rules=rule_set_name(code)
    )


def rule_violation(problems: Iterable[tuple[str, str]], *, status: int = 422) -> RuleViolation:
    """The broken rules (field, code) as a problem; the first one names it."""
    errors = [broken(field, code) for field, code in problems]
    error = RuleViolation(errors[0].code, errors, status=status)
    error.detail = CODE_MESSAGES.get(error.code, MESSAGES.get(error.code, error.code))
    return error


def now() -> datetime:
    """DFDG's now in UTC; noon of the pinned day while a testing app pins today."""
    real = utcnow()
    today = clock.today()
    if today == today_in_denmark(real):
        return real
    return datetime.combine(today, _PINNED_TIME_OF_DAY, tzinfo=clock.DANISH_TIME).astimezone(UTC)


def person_for_subject_read(session: Session, person_id: str, action: str) -> Person:
    """The person; a citizen asking for anyone but themself gets the audited 404 of an unknown
    person."""
    person = person_for_read(session, person_id, action)
    actor = current_actor()
    if actor.type == ActorType.CITIZEN and actor.id != person.id:
        refuse_not_found(session, action, person.id, NO_PERSON)
    return person


def jobcentre_of(session: Session, actor: ActorContext, person: Person) -> Organisation | None:
    """The acting caseworker's organisation if it is the job centre of the person's
    municipality; None for anyone else (another kind of organisation, another municipality, no
    caseworker)."""
    if actor.type != ActorType.CASEWORKER or actor.organisation is None:
        return None
    organisation = organisation_queries.by_cvr(session, actor.organisation)
    if organisation is None or organisation.kind != OrganisationKind.JOBCENTRE:
        return None
    if organisation.municipality_code != person.municipality_code:
        return None
    return organisation


def jobcentre_write(session: Session, person_id: str, action: str) -> tuple[Person, Organisation]:
    """The person (locked) and the acting caseworker's job centre, which must be the person's;
    403 `caseworker_only` or `outside_organisation` (audited) otherwise."""
    person = person_for_write(session, person_id, action)
    actor = current_actor()
    if actor.type != ActorType.CASEWORKER:
        refuse(session, action, person.id, rule_violation([("actor", CASEWORKER_ONLY)], status=403))
    organisation = jobcentre_of(session, actor, person)
    if organisation is None and acting_fund(session, actor) is not None:
        problem = [("X-Actor-Organisation", JOBCENTRE_ONLY)]
        refuse(session, action, person.id, rule_violation(problem, status=403))
    if organisation is None:
        problem = [("X-Actor-Organisation", OUTSIDE_ORGANISATION)]
        refuse(session, action, person.id, rule_violation(problem, status=403))
    return person, organisation
