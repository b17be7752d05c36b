"""Code lists of the common database (DFDG) shared by the web app and DFDG."""

from __future__ import annotations

from enum import IntEnum, StrEnum


class ContactGroup(IntEnum):
    """Contact groups (kontaktgrupper) 1-8."""

    UNEMPLOYMENT_BENEFIT = 1  # dagpenge
    CASH_BENEFIT = 2  # kontanthjælp / starthjælp
    INTRODUCTORY_BENEFIT = 3  # introduktionsydelse (Integration Act)
    REHABILITATION = 4  # revalidender
    PRE_REHABILITATION = 5  # forrevalidender
    SICKNESS_BENEFIT = 6  # sygedagpenge
    FLEX_JOB_ELIGIBLE = 7  # fleksvisiterede
    REGISTERED_WITHOUT_BENEFIT = 8  # tilmeldt uden ydelse


class MatchGroup(IntEnum):
    """Match groups for cash-aid and introductory-benefit recipients."""

    READY_FOR_JOB = 1
    READY_FOR_ACTIVITY = 2
    TEMPORARILY_PASSIVE = 3


MATCH_GROUP_CONTACT_GROUPS: frozenset[ContactGroup] = frozenset(
    {ContactGroup.CASH_BENEFIT, ContactGroup.INTRODUCTORY_BENEFIT}
)


class OrganisationKind(StrEnum):
    JOBCENTRE = "jobcentre"
    AKASSE = "akasse"


class ActorType(StrEnum):
    CITIZEN = "citizen"
    CASEWORKER = "caseworker"
    SYSTEM = "system"


class Channel(StrEnum):
    WEB = "web"
    API = "api"
    SYSTEM = "system"


def has_match_group(contact_group: int) -> bool:
    """True when persons in `contact_group` are placed in a match group."""
    return contact_group in MATCH_GROUP_CONTACT_GROUPS


def match_group_problem(contact_group: int, match_group: int | None) -> str | None:
    """Why this contact group / match group pair is not allowed, or None when it is."""
    if contact_group not in ContactGroup._value2member_map_:
        return "The contact group must be 1-8"
    if has_match_group(contact_group):
        if match_group is None:
            return "Contact groups 2 and 3 need a match group 1-3"
        if match_group not in MatchGroup._value2member_map_:
            return "The match group must be 1-3"
        return None
    if match_group is not None:
        return "Only contact groups 2 and 3 have a match group"
    return None
