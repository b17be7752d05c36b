"""Form pieces shared by the journeys: a day/month/year date field and a list of text inputs."""

from __future__ import annotations

from datetime import date
from typing import Any

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import Field, HiddenField
from wtforms.validators import ValidationError

from jobnet.domain.cpr import InvalidCpr, normalise_cpr


class DatePartsField(Field):
    """A date typed as day, month and year in three inputs (the DKFDS date pattern).

    What the person typed is kept as typed in `parts`, so an invalid date is shown back exactly
    as entered together with the error.
    """

    def __init__(self, label: Any = None, validators: Any = None, **kwargs: Any) -> None:
        super().__init__(label, validators, **kwargs)
        self.parts = {"day": "", "month": "", "year": ""}
        self.parse_error: str | None = None

    def process_formdata(self, valuelist: list[Any]) -> None:
        # The real inputs are <name>-day, <name>-month and <name>-year; see process().
        pass

    def process(self, formdata: Any, data: Any = None, extra_filters: Any = None) -> None:
        self.process_errors: list[Any] = []
        self.parse_error = None
        if formdata is not None and any(f"{self.name}-{p}" in formdata for p in self.parts):
            self.parts = {p: (formdata.get(f"{self.name}-{p}") or "").strip() for p in self.parts}
            self.data = self._parse()
            return
        value = data if data is not None else self.default
        if callable(value):
            value = value()
        if isinstance(value, str) and value:
            value = date.fromisoformat(value)
        self.data = value if isinstance(value, date) else None
        if self.data:
            self.parts = {
                "day": str(self.data.day),
                "month": str(self.data.month),
                "year": str(self.data.year),
            }

    def _parse(self) -> date | None:
        day, month, year = self.parts["day"], self.parts["month"], self.parts["year"]
        if not (day or month or year):
            return None
        if not (day and month and year):
            self.parse_error = str(_l("Enter a full date with day, month and year"))
            return None
        if not (day.isdigit() and month.isdigit() and year.isdigit()):
            self.parse_error = str(_l("Enter the date with numbers only"))
            return None
        if len(year) != 4:
            self.parse_error = str(_l("Enter the year with 4 digits"))
            return None
        try:
            return date(int(year), int(month), int(day))
        except ValueError:
            self.parse_error = str(_l("Enter a real date"))
            return None

    def pre_validate(self, form: Any) -> None:
        if self.parse_error:
            raise ValidationError(self.parse_error)

    def _value(self) -> str:
        return self.data.isoformat() if self.data else ""


def date_required(message: Any) -> Any:
    """A validator: the date must be given (an unparsable date already has its own error)."""

    def check(form: Any, field: DatePartsField) -> None:
        if field.data is None and not field.parse_error:
            raise ValidationError(str(message))

    return check


def check_cpr_field(value: str | None, missing_message: Any) -> None:
    """Raise the person's words for a CPR number that is missing, malformed or has no real
    date in it (the same sentences wherever a CPR number is typed)."""
    if not (value or "").strip():
        raise ValidationError(str(missing_message))
    try:
        normalise_cpr(value or "")
    except InvalidCpr as error:
        if error.code == "date":
            raise ValidationError(
                _l("The first six digits of the CPR number must be a real date")
            ) from None
        raise ValidationError(
            _l("Enter the CPR number as 10 digits, for example 010190-1234")
        ) from None


class JourneyForm(FlaskForm):
    """Every journey page's form. The idempotency key travels with the answers, so a resubmit
    after the back button or from a second tab is the same command, not a new one."""

    class Meta:
        locales = ("da", "en")

    def prepare(self, situation: Any) -> None:
        """Fit the form to the person (choices that depend on their situation); most don't."""


class SubmitForm(FlaskForm):
    """The check-your-answers page: one button and the command's idempotency key."""

    key = HiddenField()
