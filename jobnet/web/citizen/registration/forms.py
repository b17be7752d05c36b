from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _l
from wtforms import FieldList, RadioField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired, ValidationError

from jobnet.domain.jobseeker import (
    MAX_JOB_TITLES,
    RegistrationCategory,
    UnemploymentDegree,
    check_job_titles,
    check_registration_start,
    check_weekly_hours,
    clean_job_titles,
)
from jobnet.web.journeys.machinery import rule_validator
from jobnet.web.journeys.messages import problem_message
from jobnet.web.platform.forms import DatePartsField, JourneyForm, date_required

CATEGORY_CHOICES = [
    SelectChoice(
        RegistrationCategory.UNEMPLOYMENT_BENEFIT.value,
        _l("I want unemployment benefit (dagpenge) from my unemployment insurance fund"),
    ),
    SelectChoice(
        RegistrationCategory.CASH_BENEFIT.value,
        _l("I am applying for cash benefit (kontanthjælp) from my municipality"),
    ),
    SelectChoice(
        RegistrationCategory.WITHOUT_BENEFIT.value,
        _l("I want to register without receiving any benefit"),
    ),
]
DEGREE_CHOICES = [
    SelectChoice(UnemploymentDegree.FULL_TIME.value, _l("Full time (37 hours a week)")),
    SelectChoice(UnemploymentDegree.PART_TIME.value, _l("Part time")),
]


class CategoryForm(JourneyForm):
    category = RadioField(
        _l("Why are you registering?"),
        choices=CATEGORY_CHOICES,
        validators=[InputRequired(_l("Choose why you are registering"))],
    )


def _start_rules(form: Any, field: DatePartsField) -> str | None:
    if field.data is None:
        return None  # date_required has said so
    problem = check_registration_start(field.data, form.situation.today)
    return problem_message(problem) if problem else None


class StartDateForm(JourneyForm):
    start_date = DatePartsField(
        _l("From which day are you a jobseeker?"),
        description=_l("Today or a day within the next 90 days. For example 1 12 2026."),
        validators=[
            date_required(_l("Enter the day you start as a jobseeker")),
            rule_validator(_start_rules),
        ],
    )


class DegreeForm(JourneyForm):
    degree = RadioField(
        _l("How much do you want to work?"),
        choices=DEGREE_CHOICES,
        validators=[InputRequired(_l("Choose full time or part time"))],
    )
    weekly_hours = StringField(
        _l("Hours a week, if part time"),
        description=_l("A whole number from 1 to 36."),
        render_kw={"inputmode": "numeric", "data-width": "xs"},
    )

    def validate_weekly_hours(self, field: StringField) -> None:
        degree = self.degree.data
        if degree not in {d.value for d in UnemploymentDegree}:
            return
        text = (field.data or "").strip()
        if degree == UnemploymentDegree.PART_TIME and text and not text.isdigit():
            raise ValidationError(_l("Enter the hours as a whole number, for example 20"))
        hours = int(text) if text.isdigit() else None
        problem = check_weekly_hours(UnemploymentDegree(degree), hours)
        if problem:
            raise ValidationError(problem_message(problem))


class JobTitlesForm(JourneyForm):
    job_titles = FieldList(
        StringField(_l("Job title")),
        label=_l("Which jobs are you looking for?"),
        description=_l(
            "Write one to %(count)s job titles, for example Warehouse worker.", count=MAX_JOB_TITLES
        ),
        min_entries=MAX_JOB_TITLES,
        max_entries=MAX_JOB_TITLES,
    )

    def validate_job_titles(self, field: FieldList) -> None:
        problem = check_job_titles(clean_job_titles([entry.data or "" for entry in field]))
        if problem:
            raise ValidationError(problem_message(problem))
