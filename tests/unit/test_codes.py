"""Code lists: contact groups, match groups and which groups have match groups."""

from __future__ import annotations

import pytest

from jobnet.demo_identities import DEMO_CASEWORKERS, DEMO_ORGANISATIONS, DEMO_PERSONS
from jobnet.domain.codes import (
    ActorType,
    Channel,
    ContactGroup,
    MatchGroup,
    OrganisationKind,
    has_match_group,
    match_group_problem,
)
from jobnet.domain.cpr import is_valid_cpr


def test_code_lists() -> None:
    assert [group.value for group in ContactGroup] == list(range(1, 9))
    assert [group.value for group in MatchGroup] == [1, 2, 3]
    assert {kind.value for kind in OrganisationKind} == {"jobcentre", "akasse"}
    assert {actor.value for actor in ActorType} == {"citizen", "caseworker", "system"}
    assert {channel.value for channel in Channel} == {"web", "api", "system"}


def test_only_groups_2_and_3_have_match_groups() -> None:
    assert [group for group in range(1, 9) if has_match_group(group)] == [2, 3]


@pytest.mark.parametrize(
    ("contact_group", "match_group", "allowed"),
    [
        (1, None, True),
        (2, 1, True),
        (3, 3, True),
        (2, None, False),
        (2, 4, False),
        (1, 1, False),
        (8, None, True),
        (9, None, False),
        (0, None, False),
    ],
)
def test_match_group_problem(contact_group: int, match_group: int | None, allowed: bool) -> None:
    assert (match_group_problem(contact_group, match_group) is None) is allowed


def test_demo_persons_cover_the_groups() -> None:
    assert len(DEMO_PERSONS) >= 12
    assert all(is_valid_cpr(person.cpr) for person in DEMO_PERSONS)
    assert len({person.cpr for person in DEMO_PERSONS}) == len(DEMO_PERSONS)
    current = {
        (p.current_contact_group.contact_group, p.current_contact_group.match_group)
        for p in DEMO_PERSONS
        if p.current_contact_group is not None
    }
    assert {(1, None), (2, 1), (2, 2), (2, 3), (6, None), (7, None), (8, None)} <= current
    assert any(group == 3 for group, _ in current)
    assert any(p.current_contact_group is None for p in DEMO_PERSONS)
    assert sum(p.address_protected for p in DEMO_PERSONS) == 1
    assert {"0101", "0751", "0461", "0851"} <= {p.municipality_code for p in DEMO_PERSONS}
    for person in DEMO_PERSONS:
        for period in person.contact_groups:
            assert match_group_problem(period.contact_group, period.match_group) is None


def test_demo_caseworkers_belong_to_job_centres_or_funds() -> None:
    centres = {org.cvr for org in DEMO_ORGANISATIONS if org.kind == "jobcentre"}
    funds = {org.cvr for org in DEMO_ORGANISATIONS if org.kind == "akasse"}
    for cvr in ("29190011", "29190012"):
        assert sum(c.organisation_cvr == cvr for c in DEMO_CASEWORKERS) >= 2
    assert all(c.organisation_cvr in centres | funds for c in DEMO_CASEWORKERS)
    # A fund's employee to try the fund's pages with (no municipality: a fund is nationwide).
    fund_staff = [c for c in DEMO_CASEWORKERS if c.organisation_cvr in funds]
    assert fund_staff and all(c.municipality_code is None for c in fund_staff)
    assert len({c.professional_id for c in DEMO_CASEWORKERS}) == len(DEMO_CASEWORKERS)
