"""The statistics page's choice of measure, period and municipality (a GET form, no CSRF)."""

from __future__ import annotations

from datetime import date
from typing import Any

from flask_babel import format_date
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import SelectField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import ValidationError

from jobnet.domain import municipalities
from jobnet.domain.statistics import Measure, add_months, month_key, months, parse_month

MEASURE_LABELS = {
    Measure.REGISTERED: _l("Registered jobseekers at the end of the month"),
    Measure.NEW_REGISTRATIONS: _l("New registrations as a jobseeker"),
    Measure.DEREGISTRATIONS: _l("Deregistrations as a jobseeker"),
    Measure.SICKNESS_REPORTS: _l("Sickness reports"),
    Measure.HOLIDAYS: _l("Holidays reported"),
    Measure.INTERVIEWS_HELD: _l("Interviews held"),
    Measure.JOBLOG_ENTRIES: _l("Joblog entries"),
}

DEFAULT_MONTHS = 12


def month_label(month: date) -> str:
    return format_date(month, "LLLL y")


class StatisticsForm(FlaskForm):
    class Meta:
        csrf = False
        locales = ("da", "en")

    measure = SelectField(_l("What to show"), default=Measure.REGISTERED.value)
    municipality = SelectField(
        _l("Municipality"),
        default="",
        description=_l("It is compared with similar municipalities and with the whole country."),
    )
    period_from = SelectField(_l("From month"))
    period_to = SelectField(_l("To month"))

    def fill_choices(self, first: date, last: date) -> None:
        self.measure.choices = [
            SelectChoice(measure.value, str(label)) for measure, label in MEASURE_LABELS.items()
        ]
        self.municipality.choices = [SelectChoice("", str(_l("The whole country")))] + [
            SelectChoice(m.code, m.name)
            for m in sorted(municipalities.MUNICIPALITIES, key=lambda m: m.name)
        ]
        month_choices = [
            SelectChoice(month_key(month), month_label(month))
            for month in reversed(months(first, last))
        ]
        self.period_from.choices = month_choices
        self.period_to.choices = list(month_choices)
        if not self.period_to.data:
            self.period_to.data = month_key(last)
        if not self.period_from.data:
            self.period_from.data = month_key(max(first, add_months(last, 1 - DEFAULT_MONTHS)))

    def validate_period_to(self, field: Any) -> None:
        first, last = parse_month(self.period_from.data), parse_month(field.data)
        if first and last and first > last:
            raise ValidationError(str(_l("The end month must be the same as or after the start")))

    @property
    def chosen_measure(self) -> Measure:
        return Measure(self.measure.data)

    @property
    def chosen_municipality(self) -> str | None:
        return self.municipality.data or None
