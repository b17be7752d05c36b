"""Denmark's 98 municipalities (kommuner) and the comparison groups used by the statistics.

Codes are the four-digit municipality codes of the CPR register (0101 København …). Comparison
groups (sammenligningsgrupper) put municipalities with similar labour markets together, in the
manner of jobindsats.dk, so a municipality can be benchmarked against its peers: this code list
groups them by size and labour-market type (the capital and the big cities, the ring around the
capital, the towns of the larger urban areas, the mixed provincial municipalities, and the
outlying and island municipalities).
"""

from __future__ import annotations

from dataclasses import dataclass

COUNTRY_CODE = "DK"


@dataclass(frozen=True)
class Municipality:
    code: str
    name: str
    comparison_group: str


@dataclass(frozen=True)
class ComparisonGroup:
    code: str
    name_en: str
    name_da: str


COMPARISON_GROUPS: tuple[ComparisonGroup, ...] = (
    ComparisonGroup("1", "The capital and the big cities", "Hovedstaden og de store byer"),
    ComparisonGroup("2", "Suburbs of Copenhagen", "Omegnskommuner til København"),
    ComparisonGroup("3", "Urban municipalities", "Bykommuner"),
    ComparisonGroup("4", "Mixed provincial municipalities", "Blandede provinskommuner"),
    ComparisonGroup("5", "Outlying and island municipalities", "Yder- og økommuner"),
)

# (code, name, comparison group)
_MUNICIPALITIES: tuple[tuple[str, str, str], ...] = (
    ("0101", "København", "1"),
    ("0147", "Frederiksberg", "1"),
    ("0151", "Ballerup", "2"),
    ("0153", "Brøndby", "2"),
    ("0155", "Dragør", "2"),
    ("0157", "Gentofte", "2"),
    ("0159", "Gladsaxe", "2"),
    ("0161", "Glostrup", "2"),
    ("0163", "Herlev", "2"),
    ("0165", "Albertslund", "2"),
    ("0167", "Hvidovre", "2"),
    ("0169", "Høje-Taastrup", "2"),
    ("0173", "Lyngby-Taarbæk", "2"),
    ("0175", "Rødovre", "2"),
    ("0183", "Ishøj", "2"),
    ("0185", "Tårnby", "2"),
    ("0187", "Vallensbæk", "2"),
    ("0190", "Furesø", "2"),
    ("0201", "Allerød", "2"),
    ("0210", "Fredensborg", "3"),
    ("0217", "Helsingør", "3"),
    ("0219", "Hillerød", "3"),
    ("0223", "Hørsholm", "2"),
    ("0230", "Rudersdal", "2"),
    ("0240", "Egedal", "2"),
    ("0250", "Frederikssund", "3"),
    ("0253", "Greve", "2"),
    ("0259", "Køge", "3"),
    ("0260", "Halsnæs", "4"),
    ("0265", "Roskilde", "3"),
    ("0269", "Solrød", "2"),
    ("0270", "Gribskov", "4"),
    ("0306", "Odsherred", "5"),
    ("0316", "Holbæk", "3"),
    ("0320", "Faxe", "4"),
    ("0326", "Kalundborg", "4"),
    ("0329", "Ringsted", "4"),
    ("0330", "Slagelse", "3"),
    ("0336", "Stevns", "4"),
    ("0340", "Sorø", "4"),
    ("0350", "Lejre", "4"),
    ("0360", "Lolland", "5"),
    ("0370", "Næstved", "3"),
    ("0376", "Guldborgsund", "5"),
    ("0390", "Vordingborg", "5"),
    ("0400", "Bornholm", "5"),
    ("0410", "Middelfart", "4"),
    ("0420", "Assens", "4"),
    ("0430", "Faaborg-Midtfyn", "4"),
    ("0440", "Kerteminde", "4"),
    ("0450", "Nyborg", "4"),
    ("0461", "Odense", "1"),
    ("0479", "Svendborg", "4"),
    ("0480", "Nordfyns", "4"),
    ("0482", "Langeland", "5"),
    ("0492", "Ærø", "5"),
    ("0510", "Haderslev", "4"),
    ("0530", "Billund", "4"),
    ("0540", "Sønderborg", "3"),
    ("0550", "Tønder", "5"),
    ("0561", "Esbjerg", "3"),
    ("0563", "Fanø", "5"),
    ("0573", "Varde", "4"),
    ("0575", "Vejen", "4"),
    ("0580", "Aabenraa", "4"),
    ("0607", "Fredericia", "3"),
    ("0615", "Horsens", "3"),
    ("0621", "Kolding", "3"),
    ("0630", "Vejle", "3"),
    ("0657", "Herning", "3"),
    ("0661", "Holstebro", "4"),
    ("0665", "Lemvig", "5"),
    ("0671", "Struer", "4"),
    ("0706", "Syddjurs", "4"),
    ("0707", "Norddjurs", "5"),
    ("0710", "Favrskov", "4"),
    ("0727", "Odder", "4"),
    ("0730", "Randers", "3"),
    ("0740", "Silkeborg", "3"),
    ("0741", "Samsø", "5"),
    ("0746", "Skanderborg", "4"),
    ("0751", "Aarhus", "1"),
    ("0756", "Ikast-Brande", "4"),
    ("0760", "Ringkøbing-Skjern", "4"),
    ("0766", "Hedensted", "4"),
    ("0773", "Morsø", "5"),
    ("0779", "Skive", "4"),
    ("0787", "Thisted", "5"),
    ("0791", "Viborg", "3"),
    ("0810", "Brønderslev", "4"),
    ("0813", "Frederikshavn", "5"),
    ("0820", "Vesthimmerlands", "4"),
    ("0825", "Læsø", "5"),
    ("0840", "Rebild", "4"),
    ("0846", "Mariagerfjord", "4"),
    ("0849", "Jammerbugt", "4"),
    ("0851", "Aalborg", "1"),
    ("0860", "Hjørring", "4"),
)

MUNICIPALITIES: tuple[Municipality, ...] = tuple(Municipality(*row) for row in _MUNICIPALITIES)
BY_CODE: dict[str, Municipality] = {m.code: m for m in MUNICIPALITIES}
GROUP_BY_CODE: dict[str, ComparisonGroup] = {g.code: g for g in COMPARISON_GROUPS}


def municipality(code: str | None) -> Municipality | None:
    return BY_CODE.get(code) if code else None


def comparison_group_of(code: str) -> ComparisonGroup | None:
    """The comparison group of the municipality with this code (None for an unknown code)."""
    found = BY_CODE.get(code)
    return GROUP_BY_CODE[found.comparison_group] if found else None


def members(group_code: str) -> tuple[Municipality, ...]:
    """The municipalities of a comparison group, by name."""
    return tuple(
        sorted(
            (m for m in MUNICIPALITIES if m.comparison_group == group_code), key=lambda m: m.name
        )
    )


def group_name(group: ComparisonGroup, language: str) -> str:
    return group.name_da if language == "da" else group.name_en
