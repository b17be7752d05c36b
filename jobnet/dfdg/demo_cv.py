"""Demo CVs and job logs for a few demo persons (idempotent: only for a person with none)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from jobnet.dfdg.models.cv import Cv, CvEntry, CvVersion, JoblogEntry, JoblogEntryVersion
from jobnet.dfdg.models.joblog_copies import JoblogCopy
from jobnet.dfdg.queries import joblog as joblog_queries
from jobnet.dfdg.queries import persons as person_queries

HANNE = ("CVR:29190011-RID:41120001", "Hanne Mikkelsen", "29190011")

# cpr -> (single sections, list entries by section, approved by the job centre days ago or None)
DEMO_CVS: dict[str, dict[str, Any]] = {
    "1203851234": {  # Mette Nielsen
        "email": "mette.nielsen@example.dk",
        "phone": "20304050",
        "job_titles": ["Sygeplejerske", "Social- og sundhedsassistent"],
        "job_area": "Storkøbenhavn",
        "work_time": "full_time",
        "driving_licences": ["B"],
        "profile": "Erfaren sygeplejerske med hjerte for patienterne og styr på travle vagter.",
        "searchable": True,
        "approved_days_ago": 20,
        "entries": [
            (
                "experience",
                {
                    "employer": "Rigshospitalet",
                    "title": "Sygeplejerske",
                    "start_date": -2400,
                    "end_date": -120,
                    "ongoing": False,
                    "description": "Medicinsk afdeling, dag- og aftenvagter.",
                },
            ),
            (
                "education",
                {
                    "institution": "Københavns Professionshøjskole",
                    "programme": "Professionsbachelor i sygepleje",
                    "start_date": -4000,
                    "end_date": -2500,
                    "completed": True,
                },
            ),
            (
                "courses",
                {"name": "Førstehjælp", "provider": "Dansk Røde Kors", "completed_on": -300},
            ),
            ("skills", {"name": "Medicinhåndtering"}),
            ("languages", {"language": "Engelsk", "level": "very_good"}),
        ],
    },
    "0507921457": {  # Lars Jensen
        "email": None,
        "phone": "31425364",
        "job_titles": ["Lagermedarbejder", "Chauffør"],
        "job_area": "Aarhus",
        "work_time": "both",
        "driving_licences": ["B", "C", "CE"],
        "profile": None,
        "searchable": False,
        "approved_days_ago": None,
        "entries": [
            (
                "experience",
                {
                    "employer": "Lagerhuset A/S",
                    "title": "Truckfører",
                    "start_date": -1500,
                    "end_date": -60,
                    "ongoing": False,
                    "description": None,
                },
            ),
            ("skills", {"name": "Truckcertifikat B"}),
        ],
    },
}

# cpr -> (days ago, employer, job title, kind, status, link)
DEMO_JOBLOGS: dict[str, tuple[tuple[int, str, str, str, str, str | None], ...]] = {
    "1203851234": (
        (
            2,
            "Region Hovedstaden",
            "Sygeplejerske",
            "advertised",
            "sent",
            "https://job.example.dk/1",
        ),
        (6, "Bispebjerg Hospital", "Sygeplejerske", "advertised", "interview", None),
        (9, "Plejehjemmet Solgården", "Social- og sundhedsassistent", "unsolicited", "sent", None),
        (16, "Hvidovre Hospital", "Sygeplejerske", "advertised", "rejected", None),
    ),
    "0507921457": (
        (1, "Fragtmanden", "Chauffør", "advertised", "sent", "https://job.example.dk/2"),
        (12, "Lagerhuset A/S", "Lagermedarbejder", "other", "offered", None),
    ),
}


def _citizen(person_id: str, name: str, prefix: str = "created_by") -> dict[str, Any]:
    return {
        f"{prefix}_type": "citizen",
        f"{prefix}_id": person_id,
        f"{prefix}_name": name,
        f"{prefix}_organisation": None,
    }


def _dated(data: dict[str, Any], today: date) -> dict[str, Any]:
    """Day offsets (ints, except for booleans) become ISO dates."""
    return {
        name: (today + timedelta(days=value)).isoformat()
        if name in ("start_date", "end_date", "completed_on") and isinstance(value, int)
        else value
        for name, value in data.items()
    }


def _add_cv(session: Session, person_id: str, name: str, demo: dict[str, Any], today: date) -> None:
    approved = demo["approved_days_ago"]
    approval: dict[str, Any] = {"approval_status": "not_assessed"}
    if approved is not None:
        professional_id, caseworker, cvr = HANNE
        approval = {
            "approval_status": "approved",
            "approval_date": today - timedelta(days=approved),
            "approved_by_type": "caseworker",
            "approved_by_id": professional_id,
            "approved_by_name": caseworker,
            "approved_by_organisation": cvr,
        }
    cv = Cv(
        person_id=person_id,
        email=demo["email"],
        phone=demo["phone"],
        job_titles=demo["job_titles"],
        job_area=demo["job_area"],
        work_time=demo["work_time"],
        driving_licences=demo["driving_licences"],
        profile=demo["profile"],
        searchable=demo["searchable"],
        version=1 + len(demo["entries"]),
        **approval,
        **_citizen(person_id, name),
    )
    session.add(cv)
    session.flush()
    session.add(
        CvVersion(
            cv_id=cv.id,
            person_id=person_id,
            section="cv",
            action="create",
            data={"job_titles": cv.job_titles, "searchable": cv.searchable},
            actor_type="citizen",
            actor_id=person_id,
            actor_name=name,
        )
    )
    for section, data in demo["entries"]:
        entry = CvEntry(
            cv_id=cv.id,
            person_id=person_id,
            section=section,
            data=_dated(data, today),
            version=1,
            **_citizen(person_id, name),
        )
        session.add(entry)
        session.flush()
        session.add(
            CvVersion(
                cv_id=cv.id,
                person_id=person_id,
                entry_id=entry.id,
                section=section,
                action="create",
                data=entry.data,
                actor_type="citizen",
                actor_id=person_id,
                actor_name=name,
            )
        )


# A one-page PDF saying "Ansøgning" (a demo copy of an application).
DEMO_COPY = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)


def _add_joblog(
    session: Session,
    person_id: str,
    name: str,
    demos: tuple[tuple[int, str, str, str, str, str | None], ...],
    today: date,
) -> None:
    for index, (days_ago, employer, title, kind, status, link) in enumerate(demos):
        entry = JoblogEntry(
            person_id=person_id,
            applied_on=today - timedelta(days=days_ago),
            employer=employer,
            job_title=title,
            kind=kind,
            status=status,
            link=link,
            version=1,
            **_citizen(person_id, name),
        )
        session.add(entry)
        session.flush()
        session.add(
            JoblogEntryVersion(
                entry_id=entry.id,
                person_id=person_id,
                version=1,
                action="create",
                data=joblog_queries.snapshot(entry),
                actor_type="citizen",
                actor_id=person_id,
                actor_name=name,
            )
        )
        if index == 0:  # a copy of the application (issue 22) on the first demo entry
            session.add(
                JoblogCopy(
                    entry_id=entry.id,
                    person_id=person_id,
                    filename="ansoegning.pdf",
                    kind="pdf",
                    size=len(DEMO_COPY),
                    content=DEMO_COPY,
                    created_by_type="citizen",
                    created_by_id=person_id,
                )
            )


def add_demo_cvs_and_joblogs(session: Session, today: date) -> int:
    """Add the demo CVs and job logs missing; answers how many persons got something."""
    session.flush()
    added = 0
    for cpr in sorted(set(DEMO_CVS) | set(DEMO_JOBLOGS)):
        person = person_queries.find_by_cpr(session, cpr)
        if person is None:
            continue
        name = f"{person.given_name} {person.family_name}"
        has_cv = session.scalar(select(exists().where(Cv.person_id == person.id)))
        has_log = session.scalar(select(exists().where(JoblogEntry.person_id == person.id)))
        if cpr in DEMO_CVS and not has_cv:
            _add_cv(session, person.id, name, DEMO_CVS[cpr], today)
        if cpr in DEMO_JOBLOGS and not has_log:
            _add_joblog(session, person.id, name, DEMO_JOBLOGS[cpr], today)
        added += int(not (has_cv and has_log))
    return added
