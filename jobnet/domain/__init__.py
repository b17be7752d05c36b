"""Rules and code lists shared by the web app and DFDG. Pure Python: no Flask, no SQLAlchemy."""

from jobnet.domain.codes import (
    MATCH_GROUP_CONTACT_GROUPS,
    ActorType,
    Channel,
    ContactGroup,
    MatchGroup,
    OrganisationKind,
    has_match_group,
    match_group_problem,
)
from jobnet.domain.cpr import InvalidCpr, birth_date, is_valid_cpr, normalise_cpr

__all__ = [
    "MATCH_GROUP_CONTACT_GROUPS",
    "ActorType",
    "Channel",
    "ContactGroup",
    "InvalidCpr",
    "MatchGroup",
    "OrganisationKind",
    "birth_date",
    "has_match_group",
    "is_valid_cpr",
    "match_group_problem",
    "normalise_cpr",
]
