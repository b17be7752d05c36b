"""One form per CV section. Each checks the shared rules of `jobnet.domain.cv` and gives the
body DFDG's API takes for the section."""

from __future__ import annotations

from datetime import date
from typing import Any

from flask_babel import lazy_gettext as _l
from wtforms import (
    BooleanField,
    FieldList,
    RadioField,
    SelectMultipleField,
    StringField,
    TextAreaField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired
from wtforms.widgets import CheckboxInput, ListWidget

from jobnet.domain import cv as rules
from jobnet.domain.fields import Issue
from jobnet.web.journeys.changes import Mandatory, RuleForm
from jobnet.web.platform.forms import DatePartsField

WORK_TIME_LABELS = {
    rules.WorkTime.FULL_TIME.value: _l("Full time"),
    rules.WorkTime.PART_TIME.value: _l("Part time"),
    rules.WorkTime.BOTH.value: _l("Full time or part time"),
}
LEVEL_LABELS = {
    rules.LanguageLevel.BASIC.value: _l("Basic"),
    rules.LanguageLevel.GOOD.value: _l("Good"),
    rules.LanguageLevel.VERY_GOOD.value: _l("Very good"),
    rules.LanguageLevel.FLUENT.value: _l("Fluent"),
    rules.LanguageLevel.NATIVE.value: _l("Native language"),
}
YES_NO = [SelectChoice("yes", _l("Yes")), SelectChoice("no", _l("No"))]


def _choices(labels: dict[str, Any]) -> list[SelectChoice]:
    return [SelectChoice(code, label) for code, label in labels.items()]


class MultiCheckboxField(SelectMultipleField):
    """Several choices as checkboxes (rendered by the CV's section template)."""

    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


class SectionForm(RuleForm):
    """A CV section's form: `today` and the section's other entries are set by the view."""

    limits = rules.LIMITS
    today: date
    others: list[str]

    def body(self) -> dict[str, Any]:
        """What DFDG stores for the section: each section's form defines it (WTForms' metaclass
        does not combine with ABCMeta, so this is checked when called)."""
        raise TypeError(f"{type(self).__name__} must define body()")  # pragma: no cover

    @classmethod
    def data_from(cls, values: dict[str, Any]) -> dict[str, Any]:
        """Form data from the section's saved values (the same names as the API's)."""
        return dict(values)


def _text(value: str | None) -> str | None:
    return (value or "").strip() or None


# --- single sections --------------------------------------------------------------------------


class ContactForm(SectionForm):
    email = StringField(
        _l("E-mail"),
        description=_l("Employers who find your CV can write to you here."),
        render_kw={"autocomplete": "email", "spellcheck": "false"},
    )
    phone = StringField(
        _l("Phone number"),
        description=_l("A Danish number with 8 digits, for example 12 34 56 78."),
        render_kw={"autocomplete": "tel", "inputmode": "tel", "data-width": "s"},
    )

    def rule_issues(self) -> list[Issue]:
        return rules.check_contact(self.email.data, self.phone.data)

    def body(self) -> dict[str, Any]:
        return {"email": _text(self.email.data), "phone": _text(self.phone.data)}

    @classmethod
    def data_from(cls, values: dict[str, Any]) -> dict[str, Any]:
        return {"email": values.get("email"), "phone": rules.format_phone(values.get("phone"))}


class JobWishesForm(SectionForm):
    titles = FieldList(
        StringField(),
        label=_l("Which jobs do you want?"),
        description=_l("Up to 5 job titles, for example Chef or Warehouse worker."),
        min_entries=rules.MAX_JOB_WISHES,
        max_entries=rules.MAX_JOB_WISHES,
    )
    area = StringField(
        _l("Where do you want to work?"),
        description=_l("A town, an area or a region, for example Aarhus or Northern Jutland."),
    )
    work_time = RadioField(
        _l("Full time or part time?"),
        choices=_choices(WORK_TIME_LABELS),
        validators=[InputRequired(_l("Choose full time, part time or both"))],
    )

    def rule_issues(self) -> list[Issue]:
        return rules.check_job_wishes(self.titles.data, self.area.data, self.work_time.data)

    def body(self) -> dict[str, Any]:
        return {
            "titles": rules.clean_titles(self.titles.data),
            "area": _text(self.area.data),
            "work_time": self.work_time.data,
        }


class DrivingLicencesForm(SectionForm):
    licences = MultiCheckboxField(
        _l("Which driving licences do you have?"),
        description=_l("Tick every category you hold. Leave them all empty if you have none."),
        choices=[SelectChoice(code.value, code.value) for code in rules.DrivingLicence],
    )

    def rule_issues(self) -> list[Issue]:
        return rules.check_driving_licences(self.licences.data or [])

    def body(self) -> dict[str, Any]:
        return {"licences": list(self.licences.data or [])}


class ProfileForm(SectionForm):
    text = TextAreaField(
        _l("Your profile"),
        description=_l(
            "A few lines about who you are and what you can do. At most 2000 characters."
        ),
    )

    def rule_issues(self) -> list[Issue]:
        return rules.check_profile(self.text.data)

    def body(self) -> dict[str, Any]:
        return {"text": _text(self.text.data)}


class VisibilityForm(SectionForm):
    searchable = RadioField(
        _l("May employers find your CV?"),
        description=_l(
            "If you say yes, employers searching for candidates can see your CV, but not your "
            "CPR number or address."
        ),
        choices=YES_NO,
        validators=[InputRequired(_l("Choose yes or no"))],
    )

    def body(self) -> dict[str, Any]:
        return {"searchable": self.searchable.data == "yes"}

    @classmethod
    def data_from(cls, values: dict[str, Any]) -> dict[str, Any]:
        return {"searchable": "yes" if values.get("searchable") else "no"}


# --- list sections ----------------------------------------------------------------------------


class ExperienceForm(SectionForm):
    employer = StringField(
        _l("Employer"), validators=[Mandatory()], render_kw={"autocomplete": "organization"}
    )
    title = StringField(
        _l("Job title"), validators=[Mandatory()], render_kw={"autocomplete": "organization-title"}
    )
    start_date = DatePartsField(
        _l("Start date"), validators=[Mandatory()], description=_l("For example 1 8 2019.")
    )
    end_date = DatePartsField(
        _l("End date"), description=_l("Leave it empty if you still work there.")
    )
    ongoing = BooleanField(_l("I still work there"))
    description = TextAreaField(
        _l("What did you do?"), description=_l("Your tasks and results. At most 2000 characters.")
    )

    def rule_issues(self) -> list[Issue]:
        return rules.check_experience(
            employer=self.employer.data,
            title=self.title.data,
            start_date=self.start_date.data,
            end_date=self.end_date.data,
            ongoing=bool(self.ongoing.data),
            description=self.description.data,
            today=self.today,
        )

    def body(self) -> dict[str, Any]:
        return {
            "employer": _text(self.employer.data),
            "title": _text(self.title.data),
            "start_date": self.start_date.data,
            "end_date": self.end_date.data,
            "ongoing": bool(self.ongoing.data),
            "description": _text(self.description.data),
        }


class EducationForm(SectionForm):
    institution = StringField(_l("School or institution"), validators=[Mandatory()])
    programme = StringField(_l("Education or programme"), validators=[Mandatory()])
    start_date = DatePartsField(
        _l("Start date"), validators=[Mandatory()], description=_l("For example 1 9 2015.")
    )
    completed = RadioField(
        _l("Have you completed it?"),
        choices=YES_NO,
        validators=[InputRequired(_l("Choose yes or no"))],
    )
    end_date = DatePartsField(
        _l("End date"),
        description=_l("When you completed it, or when you expect to complete it."),
    )

    def rule_issues(self) -> list[Issue]:
        return rules.check_education(
            institution=self.institution.data,
            programme=self.programme.data,
            start_date=self.start_date.data,
            end_date=self.end_date.data,
            completed=self.completed.data == "yes",
            today=self.today,
        )

    def body(self) -> dict[str, Any]:
        return {
            "institution": _text(self.institution.data),
            "programme": _text(self.programme.data),
            "start_date": self.start_date.data,
            "end_date": self.end_date.data,
            "completed": self.completed.data == "yes",
        }

    @classmethod
    def data_from(cls, values: dict[str, Any]) -> dict[str, Any]:
        return {**values, "completed": "yes" if values.get("completed") else "no"}


class CourseForm(SectionForm):
    name = StringField(_l("Course or certificate"), validators=[Mandatory()])
    provider = StringField(_l("Provider"), description=_l("Who held the course or issued it."))
    completed_on = DatePartsField(_l("Date completed"), description=_l("For example 15 3 2024."))

    def rule_issues(self) -> list[Issue]:
        return rules.check_course(
            name=self.name.data,
            provider=self.provider.data,
            completed_on=self.completed_on.data,
            today=self.today,
        )

    def body(self) -> dict[str, Any]:
        return {
            "name": _text(self.name.data),
            "provider": _text(self.provider.data),
            "completed_on": self.completed_on.data,
        }


class SkillForm(SectionForm):
    name = StringField(
        _l("Skill"),
        validators=[Mandatory()],
        description=_l("One skill, for example Forklift driving or Excel."),
    )

    def rule_issues(self) -> list[Issue]:
        return rules.check_skill(name=self.name.data, others=self.others)

    def body(self) -> dict[str, Any]:
        return {"name": _text(self.name.data)}


class LanguageForm(SectionForm):
    language = StringField(
        _l("Language"), validators=[Mandatory()], description=_l("For example English.")
    )
    level = RadioField(
        _l("How well do you speak and write it?"),
        choices=_choices(LEVEL_LABELS),
        validators=[InputRequired(_l("Choose how well you know the language"))],
    )

    def rule_issues(self) -> list[Issue]:
        return rules.check_language(
            language=self.language.data, level=self.level.data, others=self.others
        )

    def body(self) -> dict[str, Any]:
        return {"language": _text(self.language.data), "level": self.level.data}


class RemoveForm(RuleForm):
    """Are you sure? One button and the command's idempotency key."""
