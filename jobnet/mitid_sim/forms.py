"""The simulator's login forms: pick a demo identity or type a test person, and a level."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import RadioField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired, Length, ValidationError

from jobnet.demo_identities import (
    DEMO_CASEWORKERS,
    DEMO_ORGANISATIONS,
    DEMO_PERSONS,
    DemoCaseworker,
)
from jobnet.domain.cpr import normalise_cpr
from jobnet.mitid_sim.records import DEFAULT_LEVEL
from jobnet.web.platform.forms import check_cpr_field

OTHER_PERSON = "other"
NAME_MAX_LENGTH = 100


def _formatted_cpr(cpr: str) -> str:
    return f"{cpr[:6]}-{cpr[6:]}"


def _person_choices() -> list[SelectChoice]:
    choices = [
        SelectChoice(person.cpr, f"{person.full_name} ({_formatted_cpr(person.cpr)})")
        for person in DEMO_PERSONS
    ]
    choices.append(SelectChoice(OTHER_PERSON, _l("Another test person (type the details below)")))
    return choices


def _caseworker_choices() -> list[SelectChoice]:
    organisations = {org.cvr: org.name for org in DEMO_ORGANISATIONS}
    return [
        SelectChoice(
            caseworker.professional_id,
            f"{caseworker.full_name}, {organisations.get(caseworker.organisation_cvr, '')}",
        )
        for caseworker in DEMO_CASEWORKERS
    ]


def _level_field() -> RadioField:
    return RadioField(
        _l("Assurance level"),
        choices=[
            SelectChoice("Low", _l("Low")),
            SelectChoice("Substantial", _l("Substantial")),
            SelectChoice("High", _l("High")),
        ],
        default=DEFAULT_LEVEL,
        validators=[InputRequired(message=_l("Choose an assurance level"))],
    )


class CitizenLoginForm(FlaskForm):
    """A demo person or a typed test person (CPR number and name), and the assurance level."""

    person = RadioField(
        _l("Who do you want to log in as?"),
        choices=_person_choices(),
        validators=[InputRequired(message=_l("Choose who you want to log in as"))],
    )
    cpr = StringField(_l("CPR number"), validators=[Length(max=11)])
    given_name = StringField(_l("First name"), validators=[Length(max=NAME_MAX_LENGTH)])
    family_name = StringField(_l("Last name"), validators=[Length(max=NAME_MAX_LENGTH)])
    level = _level_field()

    @property
    def typing_a_person(self) -> bool:
        return self.person.data == OTHER_PERSON

    def validate_cpr(self, field: StringField) -> None:
        if self.typing_a_person:
            check_cpr_field(field.data, _l("Enter the test person's CPR number"))

    def validate_given_name(self, field: StringField) -> None:
        if self.typing_a_person and not (field.data or "").strip():
            raise ValidationError(_l("Enter the test person's first name"))

    def validate_family_name(self, field: StringField) -> None:
        if self.typing_a_person and not (field.data or "").strip():
            raise ValidationError(_l("Enter the test person's last name"))

    def chosen_person(self) -> tuple[str, str, str]:
        """(CPR number, first name, last name) of the person chosen or typed."""
        if self.typing_a_person:
            return (
                normalise_cpr(self.cpr.data),
                self.given_name.data.strip(),
                self.family_name.data.strip(),
            )
        person = next(p for p in DEMO_PERSONS if p.cpr == self.person.data)
        return person.cpr, person.given_name, person.family_name


class CaseworkerLoginForm(FlaskForm):
    """A demo caseworker of one of the job centres, and the assurance level."""

    caseworker = RadioField(
        _l("Which caseworker do you want to log in as?"),
        choices=_caseworker_choices(),
        validators=[InputRequired(message=_l("Choose the caseworker you want to log in as"))],
    )
    level = _level_field()

    def chosen_caseworker(self) -> DemoCaseworker:
        return next(c for c in DEMO_CASEWORKERS if c.professional_id == self.caseworker.data)


class CancelForm(FlaskForm):
    """The Cancel button: only the CSRF token is checked."""
