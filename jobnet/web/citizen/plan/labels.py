"""Words for the plan's code lists, in the user's language."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

from jobnet.domain.plans import MeasureType, is_company_based

MEASURE_TYPES = {
    MeasureType.TRAINING: _l("Training"),
    MeasureType.WAGE_SUBSIDY: _l("Wage subsidy job"),
    MeasureType.COMPANY_INTERNSHIP: _l("Company internship"),
    MeasureType.JOB_SEARCH_COURSE: _l("Job search course"),
    MeasureType.GUIDANCE: _l("Guidance"),
    MeasureType.OTHER: _l("Other activity"),
}


def measure_type_label(value: str) -> str:
    try:
        return str(MEASURE_TYPES[MeasureType(value)])
    except ValueError:
        return value


def measure_is_company_based(value: str) -> bool:
    try:
        return is_company_based(MeasureType(value))
    except ValueError:
        return False
