"""A summons whose interview has begun, written straight into the embedded DFDG (for the walks
that need the caseworker's "Mark not attended" page to reach: the a11y crawl)."""

from __future__ import annotations

from datetime import datetime, timedelta

from flask import Flask

from jobnet.dfdg.models.summons import Summons, SummonsChange
from jobnet.dfdg.queries import persons as person_queries

KOBENHAVN = "29190011"


def seed_begun_interview(app: Flask, cpr: str, starts_at: datetime) -> str:
    """A summons of the person (København) that started at `starts_at`; returns its id."""
    store = app.extensions["dfdg_app"].extensions["dfdg_store"]
    details = {
        "starts_at": starts_at,
        "duration_minutes": 45,
        "form": "in_person",
        "place": "Jobcenter København, Nyropsgade 1",
        "letter_sent_date": (starts_at - timedelta(days=7)).date(),
    }
    with store.session() as session:
        person = person_queries.find_by_cpr(session, cpr)
        assert person is not None
        summons = Summons(
            person_id=person.id,
            organisation_cvr=KOBENHAVN,
            status="active",
            sequence=0,
            type="job_interview",
            contact_options="Ring 33 66 33 66",
            created_by_type="caseworker",
            created_by_organisation=KOBENHAVN,
            **details,
        )
        session.add(summons)
        session.flush()
        session.add(
            SummonsChange(
                summons_id=summons.id,
                number=1,
                kind="created",
                by_type="caseworker",
                by_organisation=KOBENHAVN,
                **details,
            )
        )
        session.commit()
        return summons.id
