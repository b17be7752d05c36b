"""Fictitious demo identities: persons, organisations and caseworkers.

Pure data shared by the DFDG demo loader and the MitID simulator. Every person, CPR number,
address and company number here is made up for development, demos and tests.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

KOEBENHAVN = "0101"
AARHUS = "0751"
ODENSE = "0461"
AALBORG = "0851"


@dataclass(frozen=True)
class DemoContactGroupPeriod:
    contact_group: int
    match_group: int | None
    start_date: date
    end_date: date | None = None


@dataclass(frozen=True)
class DemoPerson:
    cpr: str
    given_name: str
    family_name: str
    street: str
    postcode: str
    city: str
    municipality_code: str
    address_protected: bool = False
    contact_groups: tuple[DemoContactGroupPeriod, ...] = ()

    @property
    def full_name(self) -> str:
        return f"{self.given_name} {self.family_name}"

    @property
    def current_contact_group(self) -> DemoContactGroupPeriod | None:
        """The open period (no end date), if the person is registered in a contact group."""
        for period in self.contact_groups:
            if period.end_date is None:
                return period
        return None


@dataclass(frozen=True)
class DemoOrganisation:
    kind: str  # "jobcentre" or "akasse"
    name: str
    cvr: str
    municipality_code: str | None


@dataclass(frozen=True)
class DemoCaseworker:
    professional_id: str  # persistent employee identity (RID-like)
    given_name: str
    family_name: str
    email: str
    organisation_cvr: str
    municipality_code: str | None

    @property
    def full_name(self) -> str:
        return f"{self.given_name} {self.family_name}"


def _period(
    group: int, match: int | None, start: date, end: date | None = None
) -> DemoContactGroupPeriod:
    return DemoContactGroupPeriod(group, match, start, end)


DEMO_PERSONS: tuple[DemoPerson, ...] = (
    DemoPerson(
        "1203851234",
        "Mette",
        "Nielsen",
        "Nørrebrogade 112, 3. tv.",
        "2200",
        "København N",
        KOEBENHAVN,
        contact_groups=(_period(1, None, date(2024, 9, 2)),),
    ),
    DemoPerson(
        "0507921457",
        "Lars",
        "Jensen",
        "Frederiks Allé 41, 1. th.",
        "8000",
        "Aarhus C",
        AARHUS,
        contact_groups=(_period(2, 1, date(2024, 3, 1)),),
    ),
    DemoPerson(
        "2211884672",
        "Fatima",
        "Hassan",
        "Vollsmose Allé 18, st. tv.",
        "5240",
        "Odense NØ",
        ODENSE,
        contact_groups=(_period(2, 2, date(2023, 11, 15)),),
    ),
    DemoPerson(
        "1702783319",
        "Jens",
        "Christensen",
        "Boulevarden 27, 2.",
        "9000",
        "Aalborg",
        AALBORG,
        contact_groups=(
            _period(2, 2, date(2022, 5, 1), date(2024, 1, 31)),
            _period(2, 3, date(2024, 2, 1)),
        ),
    ),
    DemoPerson(
        "0309014821",
        "Ahmad",
        "Karimi",
        "Tingbjerg Allé 7, 4. mf.",
        "2700",
        "Brønshøj",
        KOEBENHAVN,
        contact_groups=(_period(3, 1, date(2024, 6, 10)),),
    ),
    DemoPerson(
        "2804904086",
        "Sofie",
        "Andersen",
        "Silkeborgvej 212",
        "8230",
        "Åbyhøj",
        AARHUS,
        contact_groups=(_period(6, None, date(2025, 1, 6)),),
    ),
    DemoPerson(
        "1110752583",
        "Peter",
        "Sørensen",
        "Munkebjergvej 64",
        "5230",
        "Odense M",
        ODENSE,
        contact_groups=(
            _period(6, None, date(2021, 3, 1), date(2022, 8, 31)),
            _period(7, None, date(2022, 9, 1)),
        ),
    ),
    DemoPerson(
        "0601983694",
        "Anne",
        "Larsen",
        "Hasserisgade 9, 1.",
        "9000",
        "Aalborg",
        AALBORG,
        contact_groups=(_period(8, None, date(2025, 2, 3)),),
    ),
    DemoPerson(
        "1908871245",
        "Mads",
        "Rasmussen",
        "Amagerbrogade 150, 5. th.",
        "2300",
        "København S",
        KOEBENHAVN,
        contact_groups=(
            _period(8, None, date(2023, 1, 9), date(2023, 12, 31)),
            _period(1, None, date(2024, 1, 1)),
        ),
    ),
    DemoPerson(
        "2503954728",
        "Camilla",
        "Pedersen",
        "Skjulested 1",
        "8210",
        "Aarhus V",
        AARHUS,
        address_protected=True,
        contact_groups=(_period(1, None, date(2024, 10, 1)),),
    ),
    DemoPerson(
        "0812824167",
        "Henrik",
        "Madsen",
        "Valby Langgade 88, 2. tv.",
        "2500",
        "Valby",
        KOEBENHAVN,
        contact_groups=(
            _period(2, 3, date(2023, 4, 1), date(2023, 10, 31)),
            _period(2, 2, date(2023, 11, 1), date(2024, 8, 31)),
            _period(2, 1, date(2024, 9, 1)),
        ),
    ),
    DemoPerson(
        "1404004975",
        "Ida",
        "Kristensen",
        "Trøjborgvej 30, 3.",
        "8200",
        "Aarhus N",
        AARHUS,
        contact_groups=(_period(8, None, date(2025, 3, 17)),),
    ),
    DemoPerson(
        "3001932361",
        "Oliver",
        "Thomsen",
        "Hjallesevej 120",
        "5230",
        "Odense M",
        ODENSE,
    ),
    DemoPerson(
        "0904025118",
        "Emma",
        "Poulsen",
        "Istedgade 55, 4. th.",
        "1650",
        "København V",
        KOEBENHAVN,
    ),
)

DEMO_ORGANISATIONS: tuple[DemoOrganisation, ...] = (
    DemoOrganisation("jobcentre", "Jobcenter København", "29190011", KOEBENHAVN),
    DemoOrganisation("jobcentre", "Jobcenter Aarhus", "29190012", AARHUS),
    DemoOrganisation("jobcentre", "Jobcenter Odense", "29190013", ODENSE),
    DemoOrganisation("jobcentre", "Jobcenter Aalborg", "29190014", AALBORG),
    DemoOrganisation("akasse", "Demo A-kasse for Lønmodtagere", "39190021", None),
    DemoOrganisation("akasse", "Demo A-kasse for Akademikere", "39190022", None),
)

# Members of the demo funds: CPR -> (the fund's CVR, member since).
DEMO_FUND_MEMBERSHIPS: dict[str, tuple[str, date]] = {
    "1203851234": ("39190021", date(2019, 5, 1)),  # Mette Nielsen
    "2503954728": ("39190021", date(2021, 8, 1)),  # Camilla Pedersen
    "1908871245": ("39190022", date(2022, 2, 1)),  # Mads Rasmussen
}

DEMO_CASEWORKERS: tuple[DemoCaseworker, ...] = (
    DemoCaseworker(
        "CVR:29190011-RID:41120001",
        "Hanne",
        "Mikkelsen",
        "hanne.mikkelsen@jobcenter-kbh.example",
        "29190011",
        KOEBENHAVN,
    ),
    DemoCaseworker(
        "CVR:29190011-RID:41120002",
        "Søren",
        "Holm",
        "soeren.holm@jobcenter-kbh.example",
        "29190011",
        KOEBENHAVN,
    ),
    DemoCaseworker(
        "CVR:29190012-RID:41120003",
        "Birgitte",
        "Østergaard",
        "birgitte.oestergaard@jobcenter-aarhus.example",
        "29190012",
        AARHUS,
    ),
    DemoCaseworker(
        "CVR:29190012-RID:41120004",
        "Kasper",
        "Bach",
        "kasper.bach@jobcenter-aarhus.example",
        "29190012",
        AARHUS,
    ),
    DemoCaseworker(
        "CVR:29190013-RID:41120005",
        "Louise",
        "Frandsen",
        "louise.frandsen@jobcenter-odense.example",
        "29190013",
        ODENSE,
    ),
    DemoCaseworker(
        "CVR:29190014-RID:41120006",
        "Niels",
        "Dahl",
        "niels.dahl@jobcenter-aalborg.example",
        "29190014",
        AALBORG,
    ),
    # An unemployment insurance fund's employee: logs in through the caseworker login and
    # sees only the fund's members.
    DemoCaseworker(
        "CVR:39190021-RID:41120007",
        "Maja",
        "Lund",
        "maja.lund@demo-akasse.example",
        "39190021",
        None,
    ),
    DemoCaseworker(
        "CVR:39190022-RID:41120008",
        "Rasmus",
        "Vinther",
        "rasmus.vinther@demo-akademikere.example",
        "39190022",
        None,
    ),
)
