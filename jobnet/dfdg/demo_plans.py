"""Demo job plans and summons, made by the demo caseworkers of each person's job centre.

Mette Nielsen's plan has an earlier version; her summons are in the past, in the future, moved
and cancelled. Days are placed relative to the day the demo data is loaded; a person who already
has a plan (or summons) gets none added, so loading again adds nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from jobnet.dfdg.clock import DANISH_TIME
from jobnet.dfdg.models.base import new_id
from jobnet.dfdg.models.persons import Person
from jobnet.dfdg.models.plans import JobPlan, JobPlanVersion, PlanMeasure
from jobnet.dfdg.models.summons import Summons, SummonsChange
from jobnet.dfdg.queries import persons as person_queries
from jobnet.domain.plans import MeasureType
from jobnet.domain.summons import ChangeKind, InterviewForm, InterviewType, SummonsStatus

# (professional id, name, CVR) of demo caseworkers (jobnet.demo_identities).
HANNE = ("CVR:29190011-RID:41120001", "Hanne Mikkelsen", "29190011")
SOEREN = ("CVR:29190011-RID:41120002", "Søren Holm", "29190011")
BIRGITTE = ("CVR:29190012-RID:41120003", "Birgitte Østergaard", "29190012")
Caseworker = tuple[str, str, str]

METTE, LARS, HENRIK = "1203851234", "0507921457", "0812824167"

KBH_ADDRESS = "Jobcenter København, Kalvebod Brygge 45, 1560 København V"
AARHUS_ADDRESS = "Jobcenter Aarhus, Værkmestergade 15, 8000 Aarhus C"
KBH_CONTACT = (
    "Ring til Jobcenter København på 33 17 33 17, hverdage 9-15, eller skriv i Mit Jobnet."
)
AARHUS_CONTACT = "Ring til Jobcenter Aarhus på 89 40 22 22, hverdage 9-14."


@dataclass(frozen=True)
class DemoMeasure:
    key: str
    type: MeasureType
    start_in_days: int
    end_in_days: int
    weekly_hours: float
    provider_name: str | None = None
    provider_cvr: str | None = None
    provider_p_number: str | None = None
    occupation: str | None = None


@dataclass(frozen=True)
class DemoPlanVersion:
    in_days: int  # the revision date relative to the load day
    by: Caseworker
    targets: tuple[str, ...]
    applications_per_week: int
    measures: tuple[DemoMeasure, ...]


COURSE = DemoMeasure(
    "8d0c1e6a-3f1b-4a55-9f0e-1c2d3e4f5a01",
    MeasureType.JOB_SEARCH_COURSE,
    -50,
    -29,
    10,
    provider_name="Jobværkstedet København",
)
INTERNSHIP = DemoMeasure(
    "8d0c1e6a-3f1b-4a55-9f0e-1c2d3e4f5a02",
    MeasureType.COMPANY_INTERNSHIP,
    7,
    62,
    30,
    provider_name="Demo Plejecenter Nørrebro ApS",
    provider_cvr="41234567",
    provider_p_number="1023456789",
    occupation="Sygeplejerske",
)

DEMO_PLANS: dict[str, tuple[DemoPlanVersion, ...]] = {
    METTE: (
        DemoPlanVersion(
            -60,
            HANNE,
            ("Job som sygeplejerske på et hospital i Region Hovedstaden",),
            3,
            (COURSE,),
        ),
        DemoPlanVersion(
            -14,
            SOEREN,
            (
                "Job som sygeplejerske på et hospital i Region Hovedstaden",
                "Deltidsjob som social- og sundhedsassistent i hjemmeplejen",
            ),
            4,
            (COURSE, INTERNSHIP),
        ),
    ),
    LARS: (
        DemoPlanVersion(
            -30,
            BIRGITTE,
            ("Fast job som lagermedarbejder i Aarhus-området",),
            2,
            (
                DemoMeasure(
                    "8d0c1e6a-3f1b-4a55-9f0e-1c2d3e4f5a11",
                    MeasureType.TRAINING,
                    -20,
                    -6,
                    37,
                    provider_name="AMU Østjylland (truckcertifikat)",
                ),
                DemoMeasure(
                    "8d0c1e6a-3f1b-4a55-9f0e-1c2d3e4f5a12",
                    MeasureType.WAGE_SUBSIDY,
                    14,
                    180,
                    37,
                    provider_name="Demo Lager og Logistik A/S",
                    provider_cvr="42345678",
                    provider_p_number="1034567890",
                    occupation="Lagermedarbejder",
                ),
            ),
        ),
    ),
    HENRIK: (
        DemoPlanVersion(
            -21,
            SOEREN,
            ("Job som kok i et storkøkken, 25 timer om ugen",),
            2,
            (DemoMeasure("8d0c1e6a-3f1b-4a55-9f0e-1c2d3e4f5a21", MeasureType.GUIDANCE, 0, 30, 3),),
        ),
    ),
}


@dataclass(frozen=True)
class DemoSummons:
    in_days: int
    at: time
    type: InterviewType
    form: InterviewForm
    by: Caseworker
    letter_in_days: int
    place: str | None = None
    join_details: str | None = None
    contact: str = KBH_CONTACT
    bring: str | None = None
    moved_to: tuple[int, time] | None = None  # (days, time) after a move made the day before
    cancelled: bool = False


DEMO_SUMMONS: dict[str, tuple[DemoSummons, ...]] = {
    METTE: (
        DemoSummons(
            -10,
            time(10, 0),
            InterviewType.JOB_INTERVIEW,
            InterviewForm.IN_PERSON,
            HANNE,
            -24,
            place=KBH_ADDRESS,
            bring="Dit CV og en liste over de job, du har søgt.",
        ),
        DemoSummons(
            7,
            time(9, 30),
            InterviewType.CV_INTERVIEW,
            InterviewForm.VIDEO,
            HANNE,
            -3,
            join_details="Brug linket i dit brev, eller gå til https://video.jobcenter.example/kbh "
            "og skriv mødekoden 482 913.",
            bring="Dit CV, gerne opdateret på Jobnet.",
        ),
        DemoSummons(
            3,
            time(10, 0),
            InterviewType.FOLLOW_UP,
            InterviewForm.IN_PERSON,
            SOEREN,
            -12,
            place=KBH_ADDRESS,
            moved_to=(14, time(13, 0)),
        ),
        DemoSummons(
            5,
            time(11, 0),
            InterviewType.AVAILABILITY,
            InterviewForm.PHONE,
            HANNE,
            -8,
            join_details="Jobcentret ringer til dig på det telefonnummer, du har oplyst.",
            cancelled=True,
        ),
    ),
    LARS: (
        DemoSummons(
            2,
            time(10, 0),
            InterviewType.JOB_INTERVIEW,
            InterviewForm.IN_PERSON,
            BIRGITTE,
            -6,
            place=AARHUS_ADDRESS,
            contact=AARHUS_CONTACT,
            bring="Dokumentation for dine jobansøgninger.",
        ),
    ),
}


def _utc(day: date, at: time) -> datetime:
    return datetime.combine(day, at, tzinfo=DANISH_TIME).astimezone(UTC)


def _actor(prefix: str, caseworker: Caseworker) -> dict[str, str]:
    professional_id, name, cvr = caseworker
    return {
        f"{prefix}_type": "caseworker",
        f"{prefix}_id": professional_id,
        f"{prefix}_name": name,
        f"{prefix}_organisation": cvr,
    }


def _plan(person: Person, versions: tuple[DemoPlanVersion, ...], today: date) -> JobPlan:
    plan = JobPlan(
        id=new_id(),
        person_id=person.id,
        created_date=today + timedelta(days=versions[0].in_days),
    )
    for number, demo in enumerate(versions, start=1):
        day = today + timedelta(days=demo.in_days)
        version = JobPlanVersion(
            number=number,
            revision_date=day,
            targets=list(demo.targets),
            applications_per_week=demo.applications_per_week,
            organisation_cvr=demo.by[2],
            created_at=_utc(day, time(12, 0)),
            **_actor("created_by", demo.by),
        )
        version.measures = [
            PlanMeasure(
                key=measure.key,
                position=position,
                type=measure.type.value,
                start_date=today + timedelta(days=measure.start_in_days),
                end_date=today + timedelta(days=measure.end_in_days),
                weekly_hours=measure.weekly_hours,
                provider_name=measure.provider_name,
                provider_cvr=measure.provider_cvr,
                provider_p_number=measure.provider_p_number,
                occupation=measure.occupation,
            )
            for position, measure in enumerate(demo.measures)
        ]
        plan.versions.append(version)
    return plan


def _change(summons: Summons, kind: ChangeKind, day: date, by: Caseworker) -> SummonsChange:
    return SummonsChange(
        number=len(summons.changes) + 1,
        kind=kind.value,
        at=_utc(day, time(9, 0)),
        letter_sent_date=day,
        starts_at=summons.starts_at,
        duration_minutes=summons.duration_minutes,
        form=summons.form,
        place=summons.place,
        join_details=summons.join_details,
        **_actor("by", by),
    )


def _summons(person: Person, demo: DemoSummons, today: date) -> Summons:
    letter_day = today + timedelta(days=demo.letter_in_days)
    summons = Summons(
        person_id=person.id,
        organisation_cvr=demo.by[2],
        status=SummonsStatus.ACTIVE.value,
        sequence=0,
        starts_at=_utc(today + timedelta(days=demo.in_days), demo.at),
        duration_minutes=45,
        form=demo.form.value,
        type=demo.type.value,
        place=demo.place,
        join_details=demo.join_details,
        contact_options=demo.contact,
        bring=demo.bring,
        letter_sent_date=letter_day,
        created_at=_utc(letter_day, time(9, 0)),
        **_actor("created_by", demo.by),
    )
    summons.changes = [_change(summons, ChangeKind.CREATED, letter_day, demo.by)]
    changed_day = today - timedelta(days=1)
    if demo.moved_to is not None:
        previous = summons.starts_at
        days, at = demo.moved_to
        summons.starts_at = _utc(today + timedelta(days=days), at)
        summons.status = SummonsStatus.MOVED.value
        move = _change(summons, ChangeKind.MOVED, changed_day, demo.by)
        move.previous_starts_at = previous
        move.reason = "Din sagsbehandler er på kursus den dag."
        summons.changes.append(move)
    if demo.cancelled:
        summons.status = SummonsStatus.CANCELLED.value
        cancellation = _change(summons, ChangeKind.CANCELLED, changed_day, demo.by)
        cancellation.reason = "Samtalen er ikke længere nødvendig."
        summons.changes.append(cancellation)
    summons.sequence = len(summons.changes) - 1
    summons.letter_sent_date = summons.changes[-1].letter_sent_date
    return summons


def add_demo_plans_and_summons(session: Session, today: date) -> tuple[int, int]:
    """Add the demo plans and summons that are missing; (plans added, summons added)."""
    session.flush()
    plans = summons = 0
    for cpr in {**DEMO_PLANS, **DEMO_SUMMONS}:
        person = person_queries.find_by_cpr(session, cpr)
        if person is None:
            continue
        versions = DEMO_PLANS.get(cpr)
        has_plan = session.scalar(select(exists().where(JobPlan.person_id == person.id)))
        if versions and not has_plan:
            session.add(_plan(person, versions, today))
            plans += 1
        demos = DEMO_SUMMONS.get(cpr, ())
        has_summons = session.scalar(select(exists().where(Summons.person_id == person.id)))
        if demos and not has_summons:
            session.add_all(_summons(person, demo, today) for demo in demos)
            summons += len(demos)
    return plans, summons
