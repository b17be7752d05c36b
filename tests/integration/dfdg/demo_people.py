"""The demo data's people the DFDG tests read (jobnet.dfdg.demo), and the day they are read on."""

from __future__ import annotations

from datetime import date

from jobnet.db import Store
from jobnet.dfdg.queries import persons as person_queries

DEMO_TODAY = date(2026, 10, 20)  # DFDG's now is noon of this day (summer time)
EMMA = "0904025118"  # København, no summons and no plan in the demo data
METTE = "1203851234"  # København, demo summons, a plan with an earlier version
LARS = "0507921457"  # Aarhus


def demo_person_ids(store: Store) -> dict[str, str]:
    """{cpr: person id} of Emma, Mette and Lars (the demo data loaded)."""
    ids: dict[str, str] = {}
    with store.session() as session:
        for cpr in (EMMA, METTE, LARS):
            person = person_queries.find_by_cpr(session, cpr)
            assert person is not None, cpr
            ids[cpr] = person.id
    return ids
