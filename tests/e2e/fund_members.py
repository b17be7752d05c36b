"""Fund members made for a browser test in the live app's DFDG (each test its own person)."""

from __future__ import annotations

from datetime import date

from tests.e2e.conftest import LiveServer

IN_GROUP_1_SINCE = date(2024, 1, 2)
MEMBER_SINCE = date(2020, 1, 1)


def make_fund_member(
    live_server: LiveServer,
    cpr: str,
    given_name: str,
    family_name: str,
    fund_cvr: str,
    *,
    registered: bool = False,
) -> None:
    """A person of København in contact group 1 since 2 January 2024 and a member of the fund
    since 2020; with `registered`, registered as a jobseeker (by themself) from that January
    day. Nothing when the person is there already (the other run of the test made them)."""
    from jobnet.dfdg.models.registrations import Registration
    from jobnet.dfdg.queries import fund_memberships
    from jobnet.dfdg.queries import organisations as organisation_queries
    from jobnet.dfdg.queries import persons as person_queries

    store = live_server.app.extensions["dfdg_app"].extensions["dfdg_store"]
    with store.session() as session:
        claims = person_queries.PersonClaims(
            cpr=cpr, given_name=given_name, family_name=family_name, municipality_code="0101"
        )
        person, created = person_queries.ensure(session, claims)
        if not created:
            return
        period = person_queries.add_period(session, person, 1, None, IN_GROUP_1_SINCE)
        if registered:
            session.flush()
            session.add(
                Registration(
                    person_id=person.id,
                    category="unemployment_benefit",
                    start_date=IN_GROUP_1_SINCE,
                    degree="full_time",
                    weekly_hours=None,
                    job_titles=["Bogholder"],
                    contact_group_period_id=period.id,
                    created_by_type="citizen",
                    created_by_id=person.id,
                    created_by_name=f"{given_name} {family_name}",
                    created_by_organisation=None,
                )
            )
        fund = organisation_queries.by_cvr(session, fund_cvr)
        assert fund is not None
        fund_memberships.join(session, person.id, fund.id, MEMBER_SINCE)
