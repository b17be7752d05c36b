"""The forms of booking an interview: the citizen's choice of a slot, and the job centre's slot
and booking request. The rules are the domain's (`jobnet.domain.booking`); DFDG checks them
again and decides whether a place is free."""

from __future__ import annotations

from datetime import datetime

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    RadioField,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired, Length, ValidationError
from wtforms.widgets import CheckboxInput, ListWidget

from jobnet.domain.appointment_time import danish_instant, parse_clock
from jobnet.domain.booking import (
    MAX_CAPACITY,
    MAX_DEADLINE_DAYS,
    MIN_CAPACITY,
    BookingProblem,
)
from jobnet.domain.summons import (
    DEFAULT_DURATION_MINUTES,
    MAX_DURATION_MINUTES,
    MAX_PLACE_LENGTH,
    MAX_TEXT_LENGTH,
    MIN_DURATION_MINUTES,
    NEEDS_JOIN_DETAILS,
    NEEDS_PLACE,
    InterviewForm,
    SummonsProblem,
)
from jobnet.web.citizen.summons.labels import INTERVIEW_FORMS, INTERVIEW_TYPES
from jobnet.web.journeys.changes import Mandatory
from jobnet.web.journeys.messages import lazy_problem_message, problem_message
from jobnet.web.platform.forms import DatePartsField, KeyField, date_required
from jobnet.web.platform.number_field import WholeNumberField


class MultiCheckboxField(SelectMultipleField):
    """Several choices as checkboxes."""

    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


class ChooseSlotForm(FlaskForm):
    """The citizen picks one of the free slots offered (choices set by the view)."""

    class Meta:
        locales = ("da", "en")

    key = KeyField()
    slot_id = RadioField(
        _l("Choose a time"),
        choices=[],
        validate_choice=True,
        validators=[InputRequired(lazy_problem_message(BookingProblem.NOT_OFFERED))],
    )


class RemoveSlotForm(FlaskForm):
    """The job centre takes a time off its list: the button, and the command's key."""

    class Meta:
        locales = ("da", "en")

    key = KeyField()


def _choices(mapping: dict) -> list[SelectChoice]:
    return [SelectChoice(str(code.value), label) for code, label in mapping.items()]


class SlotForm(FlaskForm):
    """A slot of the job centre's list: when, how long, how, where, how many."""

    class Meta:
        locales = ("da", "en")

    key = KeyField()
    starts_on = DatePartsField(
        _l("Date"), validators=[date_required(_l("Enter the date of the time"))]
    )
    starts_time = StringField(
        _l("Time"),
        validators=[Mandatory()],
        description=_l("Danish time, as hours and minutes, for example 09:30."),
        render_kw={"autocomplete": "off"},
    )
    duration_minutes = WholeNumberField(
        _l("Duration in minutes"),
        minimum=MIN_DURATION_MINUTES,
        maximum=MAX_DURATION_MINUTES,
        default=DEFAULT_DURATION_MINUTES,
        required=_l("Enter the duration in minutes"),
        description=_l(
            "From %(least)s to %(most)s minutes.",
            least=MIN_DURATION_MINUTES,
            most=MAX_DURATION_MINUTES,
        ),
    )
    form = RadioField(
        _l("Interview form"),
        choices=_choices(INTERVIEW_FORMS),
        validators=[InputRequired(_l("Choose the interview form"))],
    )
    place = StringField(
        _l("Place"),
        description=_l("Required for an interview in person."),
        validators=[Length(max=MAX_PLACE_LENGTH)],
    )
    join_details = StringField(
        _l("How to join"),
        description=_l("Required for a video or digital interview."),
        validators=[Length(max=MAX_PLACE_LENGTH)],
    )
    capacity = WholeNumberField(
        _l("Number of places"),
        minimum=MIN_CAPACITY,
        maximum=MAX_CAPACITY,
        default=1,
        required=_l("Enter the number of places"),
        description=_l("How many citizens can book this time: 1 to %(most)s.", most=MAX_CAPACITY),
    )

    def starts_at(self) -> datetime | None:
        clock = parse_clock(self.starts_time.data)
        day = self.starts_on.data
        return danish_instant(day, clock) if day is not None and clock is not None else None

    def validate_starts_time(self, field: StringField) -> None:
        if not (field.data or "").strip():
            raise ValidationError(_l("Enter the time"))
        if parse_clock(field.data) is None:
            raise ValidationError(_l("Enter the time as hours and minutes, for example 09:30"))
        if self.starts_on.data is not None and self.starts_at() is None:
            raise ValidationError(
                _l("This time does not exist on that day, because the clocks are put forward")
            )

    def validate_place(self, field: StringField) -> None:
        if self.form.data in NEEDS_PLACE and not (field.data or "").strip():
            raise ValidationError(problem_message(SummonsProblem.PLACE_MISSING))

    def validate_join_details(self, field: StringField) -> None:
        if self.form.data in NEEDS_JOIN_DETAILS and not (field.data or "").strip():
            raise ValidationError(problem_message(SummonsProblem.JOIN_DETAILS_MISSING))


def _at_least_one(form: FlaskForm, field: SelectMultipleField) -> None:
    # Not InputRequired: that would mark every checkbox required, as if all had to be ticked.
    if not field.data:
        raise ValidationError(problem_message(BookingProblem.NO_SLOTS))


class OpenBookingForm(FlaskForm):
    """The caseworker asks the citizen to book: type, form, deadline, the slots offered."""

    class Meta:
        locales = ("da", "en")

    key = KeyField()
    type = SelectField(_l("Type of interview"), choices=_choices(INTERVIEW_TYPES))
    form = RadioField(
        _l("Interview form"),
        choices=_choices(INTERVIEW_FORMS),
        validators=[InputRequired(_l("Choose the interview form"))],
    )
    deadline = DatePartsField(
        _l("Book by"),
        description=_l(
            "The last day the citizen can book: today to %(days)s days ahead.",
            days=MAX_DEADLINE_DAYS,
        ),
        validators=[date_required(_l("Enter the last day to book"))],
    )
    slot_ids = MultiCheckboxField(
        _l("Times offered"),
        choices=[],
        validators=[_at_least_one],
    )
    contact_options = TextAreaField(
        _l("The citizen's contact options"),
        description=_l("How the citizen can contact the job centre about the interview."),
        validators=[
            InputRequired(lazy_problem_message(SummonsProblem.CONTACT_OPTIONS_MISSING)),
            Length(max=MAX_TEXT_LENGTH),
        ],
    )
    bring = TextAreaField(_l("What to bring"), validators=[Length(max=MAX_TEXT_LENGTH)])

    def check_slots(self, forms: dict[str, str]) -> bool:
        """Every slot chosen of the chosen form (`forms`: slot id -> its form)."""
        chosen = [forms.get(slot_id) for slot_id in self.slot_ids.data or []]
        if self.form.data and any(form != self.form.data for form in chosen):
            self.slot_ids.errors = [problem_message(BookingProblem.SLOT_WRONG_FORM)]
        return not self.slot_ids.errors


FORM_CODES = frozenset(form.value for form in InterviewForm)
