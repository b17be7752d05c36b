"""The job centre's caseworker marks an interview that has begun as not attended (issue 24): the
link on the citizen's overview, a comment for the fund, the check page, the receipt; the
summons shows "Not attended"; for a member of a fund in contact group 1 the no_show event goes
to the fund. Not before the interview has begun, not twice, and never by a fund's employee."""

from __future__ import annotations

from typing import Any

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from tests.helpers import login_caseworker, login_citizen
from tests.integration.test_caseworker import (
    METTE,
    caseworker,  # noqa: F401 - the fixture
    open_citizen,
)
from tests.integration.test_caseworker_summons import DAY, create_summons, summons_rows
from tests.integration.test_journeys import (
    answer,
    errors,
    journey_app,  # noqa: F401 - the fixture
    submit,
)

START = "/sagsbehandler/indkaldelse/ikke-moedt/"
STEP = START + "ikke-moedt"
FUND_A = "39190021"  # Mette Nielsen's fund in the demo data


def _events(app: Flask) -> list[Any]:
    from jobnet.dfdg.models.fund_events import FundEvent

    store = app.extensions["dfdg_app"].extensions["dfdg_store"]
    with store.session() as session:
        return list(session.scalars(select(FundEvent)))


def _summoned(client: FlaskClient, app: Flask) -> str:
    """The caseworker opens Mette for an interview and summons her; the summons' id."""
    open_citizen(client, METTE, "interview")
    create_summons(client)
    return str(summons_rows(app)[-1].id)


def _today_is(app: Flask, day: Any) -> None:
    app.extensions["dfdg_app"].config["DFDG_FIXED_TODAY"] = day.isoformat()


def test_a_caseworker_marks_a_members_interview_not_attended_and_the_fund_gets_it(
    caseworker: FlaskClient,  # noqa: F811
    journey_app: Flask,  # noqa: F811
) -> None:
    summons_id = _summoned(caseworker, journey_app)
    link = f"{START}?summons={summons_id}"
    assert link not in caseworker.get("/sagsbehandler/borger").get_data(as_text=True)
    # Not begun: the journey says so instead of asking.
    caseworker.get(link)
    early = caseworker.get(STEP).get_data(as_text=True)
    assert "The interview has not begun, so it cannot be marked as not attended." in early

    _today_is(journey_app, DAY)  # noon of the interview's day: the 10:00 interview has begun
    overview = caseworker.get("/sagsbehandler/borger").get_data(as_text=True)
    assert "Interviews that have begun" in overview and link in overview
    assert caseworker.get(link).location == STEP
    page = answer(caseworker, STEP, {"comment": "x" * 2001})
    assert "The comment can be at most 2000 characters." in errors(page)
    assert "x" * 2001 in page.get_data(as_text=True)  # kept
    answer(caseworker, STEP, {"comment": "Mødte ikke op og ringede ikke"})
    check = caseworker.get(START + "tjek").get_data(as_text=True)
    assert "Mødte ikke op og ringede ikke" in check
    response = submit(caseworker, "sagsbehandler/indkaldelse/ikke-moedt")
    receipt = caseworker.get(response.location).get_data(as_text=True)
    assert "Interview not attended" in receipt
    assert "Registered in the employment database" in receipt

    marked = summons_rows(journey_app)[-1]
    assert marked.not_attended_at is not None and marked.not_attended_by_type == "caseworker"
    [event] = _events(journey_app)
    assert (event.type, event.source, event.summons_id) == ("no_show", "automatic", summons_id)
    assert event.event_date == DAY and event.comment == "Mødte ikke op og ringede ikke"

    overview = caseworker.get("/sagsbehandler/borger").get_data(as_text=True)
    assert "Not attended" in overview and link not in overview
    caseworker.get(link)
    again = caseworker.get(STEP).get_data(as_text=True)
    assert "The summons is already marked as not attended." in again

    # The citizen sees it on the summons too, with who marked it.
    citizen = journey_app.test_client()
    citizen.get("/language/en")
    login_citizen(citizen, METTE)
    own = citizen.get(f"/indkaldelser/{summons_id}").get_data(as_text=True)
    assert "Not attended" in own and "Jobcenter København" in own
    # Her duty page says it is missed and that her fund was told: the event went to fund A.
    duties = citizen.get("/pligter/").get_data(as_text=True)
    missed = duties.split('id="missed-heading"')[1].split("</section>")[0]
    assert f'data-duty="interview:{summons_id}" data-state="missed"' in missed
    assert "Your unemployment insurance fund has been told that you did not attend." in missed


def test_a_funds_employee_sees_not_attended_but_cannot_mark_it(
    caseworker: FlaskClient,  # noqa: F811
    journey_app: Flask,  # noqa: F811
) -> None:
    summons_id = _summoned(caseworker, journey_app)
    _today_is(journey_app, DAY)
    fund = journey_app.test_client()
    fund.get("/language/en")
    login_caseworker(fund, "CVR:39190021-RID:41120007")
    open_citizen(fund, METTE, "case_processing")
    overview = fund.get("/sagsbehandler/borger").get_data(as_text=True)
    assert "Interviews that have begun" in overview
    assert START not in overview and "Not marked" in overview
    assert fund.get(f"{START}?summons={summons_id}").status_code == 403
