"""The plan journey's pages: employment targets and the job-search requirement, then the
measures as a list of sub-forms (add another with a button; remove with a checkbox)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from flask_babel import lazy_gettext as _l
from wtforms import (
    BooleanField,
    FieldList,
    Form,
    FormField,
    HiddenField,
    RadioField,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import ValidationError

from jobnet.domain.numbers import parse_decimal
from jobnet.domain.plans import (
    MAX_APPLICATIONS_PER_WEEK,
    MAX_MEASURES,
    MAX_TEXT_LENGTH,
    WEEKS_IN_A_MONTH_AT_LEAST,
    CopiesPeriod,
    MeasureDraft,
    MeasureType,
    PlanProblem,
    check_measure,
    check_targets,
    max_copies,
)
from jobnet.web.citizen.plan.labels import MEASURE_TYPES
from jobnet.web.journeys.changes import Mandatory
from jobnet.web.journeys.messages import lazy_problem_message, problem_message
from jobnet.web.platform.forms import DatePartsField, JourneyForm, TranslatedMeta, date_required
from jobnet.web.platform.number_field import WholeNumberField

MEASURE_FIELDS = (
    "key",
    "type",
    "occupation",
    "provider_name",
    "provider_cvr",
    "provider_p_number",
    "start_date",
    "end_date",
    "weekly_hours",
)
DATE_FIELDS = ("start_date", "end_date")


def split_targets(text: str | None) -> list[str]:
    """One employment target a line; empty lines are left out."""
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def parse_hours(text: str | None) -> float | None:
    """Hours a week as typed: "12", "12.5" or the Danish "12,5" (digits 0-9 only)."""
    return parse_decimal(text)


class TargetsForm(JourneyForm):
    targets = TextAreaField(
        _l("Employment targets"),
        validators=[Mandatory(_l("Enter at least one employment target"))],
        description=_l(
            "One target a line, for example: Job as a warehouse worker within 3 months."
        ),
    )
    applications_per_week = WholeNumberField(
        _l("Job-search requirement: applications a week"),
        minimum=0,
        maximum=MAX_APPLICATIONS_PER_WEEK,
        required=_l("Enter how many jobs the citizen must apply for a week"),
        not_a_number=lazy_problem_message(PlanProblem.APPLICATIONS_OUT_OF_RANGE),
        out_of_range=lazy_problem_message(PlanProblem.APPLICATIONS_OUT_OF_RANGE),
        render_kw={"inputmode": "numeric", "data-width": "xs"},
    )
    copies_per_week = WholeNumberField(
        _l("Copies of applications"),
        description=_l(
            "Of those applications, how many the citizen must upload a copy of in the job log, "
            "each week or each calendar month (below). 0 or empty: no copies."
        ),
        minimum=0,
        maximum=MAX_APPLICATIONS_PER_WEEK * WEEKS_IN_A_MONTH_AT_LEAST,
        not_a_number=lazy_problem_message(PlanProblem.COPIES_OUT_OF_RANGE),
        out_of_range=lazy_problem_message(PlanProblem.COPIES_OUT_OF_RANGE),
        render_kw={"inputmode": "numeric", "data-width": "xs"},
    )

    copies_period = RadioField(
        _l("The copies are counted"),
        description=_l(
            "A week runs from Monday to Sunday. By the month: at most four times the "
            "applications a week."
        ),
        choices=[
            SelectChoice(CopiesPeriod.WEEK.value, _l("Each week")),
            SelectChoice(CopiesPeriod.MONTH.value, _l("Each calendar month")),
        ],
        default=CopiesPeriod.WEEK.value,
    )

    def validate_copies_per_week(self, field: WholeNumberField) -> None:
        applications = self.applications_per_week.data
        period = self.copies_period.data or CopiesPeriod.WEEK.value
        if (
            field.data
            and isinstance(applications, int)
            and field.data > max_copies(applications, period)
        ):
            raise ValidationError(problem_message(PlanProblem.COPIES_OUT_OF_RANGE))

    def validate_targets(self, field: TextAreaField) -> None:
        problems = check_targets(split_targets(field.data))
        if problems:
            raise ValidationError(problem_message(problems[0][1]))


class MeasureForm(Form):
    """One measure. A row left empty, or marked for removal, is not part of the plan."""

    class Meta(TranslatedMeta):
        pass

    key = HiddenField()
    type = SelectField(
        _l("Type of measure"),
        choices=[SelectChoice("", _l("Choose the type"))]
        + [SelectChoice(code.value, label) for code, label in MEASURE_TYPES.items()],
    )
    occupation = StringField(_l("Occupation (company-based measures)"))
    provider_name = StringField(_l("Provider's name"))
    provider_cvr = StringField(
        _l("Provider's CVR number (company-based measures)"),
        render_kw={"inputmode": "numeric", "autocomplete": "off"},
    )
    provider_p_number = StringField(
        _l("Provider's P-number (company-based measures)"),
        render_kw={"inputmode": "numeric", "autocomplete": "off"},
    )
    start_date = DatePartsField(
        _l("Start date"), validators=[date_required(_l("Enter the start date"))]
    )
    end_date = DatePartsField(_l("End date"), validators=[date_required(_l("Enter the end date"))])
    weekly_hours = StringField(
        _l("Average hours a week"), render_kw={"inputmode": "decimal", "autocomplete": "off"}
    )
    remove = BooleanField(_l("Remove this measure from the plan"))

    def is_left_out(self) -> bool:
        if self.remove.data:
            return True
        typed = [self.type.data, self.occupation.data, self.provider_name.data]
        typed += [self.provider_cvr.data, self.provider_p_number.data, self.weekly_hours.data]
        dates = [any(field.parts.values()) for field in (self.start_date, self.end_date)]
        return not any((value or "").strip() for value in typed) and not any(dates)

    def validate(self, extra_validators: Any = None) -> bool:
        if self.is_left_out():
            return True
        valid = super().validate(extra_validators)
        if not self.type.data:
            self.type.errors = [*self.type.errors, str(_l("Choose the type of measure"))]
            return False
        hours = parse_hours(self.weekly_hours.data)
        if hours is None:
            self.weekly_hours.errors = [
                *self.weekly_hours.errors,
                str(_l("Enter the average hours a week as a number, for example 12,5")),
            ]
            return False
        for name in ("occupation", "provider_name", "provider_cvr", "provider_p_number"):
            field = getattr(self, name)
            if len((field.data or "").strip()) > MAX_TEXT_LENGTH:
                field.errors = [*field.errors, str(_l("The text is too long."))]
                valid = False
        if not valid:
            return False
        for name, problem in check_measure(self.draft()):
            field = getattr(self, name)
            field.errors = [*field.errors, problem_message(problem)]
            valid = False
        return valid

    def draft(self) -> MeasureDraft:
        start, end = self.start_date.data, self.end_date.data
        assert isinstance(start, date) and isinstance(end, date)
        return MeasureDraft(
            type=MeasureType(self.type.data),
            start_date=start,
            end_date=end,
            weekly_hours=parse_hours(self.weekly_hours.data) or 0.0,
            provider_cvr=_optional(self.provider_cvr.data),
            provider_p_number=_optional(self.provider_p_number.data),
            provider_name=_optional(self.provider_name.data),
            occupation=_optional(self.occupation.data),
            key=_optional(self.key.data),
        )

    def answer(self) -> dict[str, Any]:
        """The measure as JSON-ready answers."""
        measure = self.draft()
        return {
            "key": measure.key,
            "type": measure.type.value,
            "occupation": measure.occupation,
            "provider_name": measure.provider_name,
            "provider_cvr": measure.provider_cvr,
            "provider_p_number": measure.provider_p_number,
            "start_date": measure.start_date.isoformat(),
            "end_date": measure.end_date.isoformat(),
            "weekly_hours": measure.weekly_hours,
        }


def _optional(value: str | None) -> str | None:
    return (value or "").strip() or None


class MeasuresForm(JourneyForm):
    measures = FieldList(FormField(MeasureForm), label=_l("Activities and measures"))

    def kept_measures(self) -> list[MeasureForm]:
        return [entry.form for entry in self.measures if not entry.form.is_left_out()]

    def validate_measures(self, field: FieldList) -> None:
        if len(self.kept_measures()) > MAX_MEASURES:
            raise ValidationError(problem_message(PlanProblem.TOO_MANY_MEASURES))

    def answers(self) -> list[dict[str, Any]]:
        return [measure.answer() for measure in self.kept_measures()]


def _hours_text(hours: Any) -> str:
    value = float(hours)
    return str(int(value)) if value.is_integer() else str(value).replace(".", ",")


def measure_pairs(measures: Iterable[dict[str, Any]]) -> list[list[str]]:
    """Measures (JSON-ready answers) as the form data of the measures page, numbered from 0."""
    pairs: list[list[str]] = []
    for index, measure in enumerate(measures):
        prefix = f"measures-{index}-"
        for name in MEASURE_FIELDS:
            value = measure.get(name)
            if name in DATE_FIELDS:
                day = date.fromisoformat(str(value))
                pairs += [
                    [f"{prefix}{name}-day", str(day.day)],
                    [f"{prefix}{name}-month", str(day.month)],
                    [f"{prefix}{name}-year", str(day.year)],
                ]
            elif name == "weekly_hours":
                pairs.append([prefix + name, _hours_text(value)])
            else:
                pairs.append([prefix + name, "" if value is None else str(value)])
    return pairs
