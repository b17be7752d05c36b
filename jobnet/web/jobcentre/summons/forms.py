"""The summons journeys' pages. The rules are the domain's (`jobnet.domain.summons`), checked
here first for a good experience; DFDG checks them again."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from flask import session
from flask_babel import lazy_gettext as _l
from wtforms import RadioField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired, Length, ValidationError

from jobnet.domain.appointment_time import danish_instant, moment_for, parse_clock
from jobnet.domain.clock import now_utc
from jobnet.domain.summons import (
    DEFAULT_DURATION_MINUTES,
    MAX_DAYS_AHEAD,
    MAX_DURATION_MINUTES,
    MAX_PLACE_LENGTH,
    MAX_TEXT_LENGTH,
    MIN_DURATION_MINUTES,
    NEEDS_JOIN_DETAILS,
    NEEDS_PLACE,
    SummonsProblem,
    check_contact_options,
    check_letter_date,
)
from jobnet.web.citizen.summons.labels import INTERVIEW_FORMS, INTERVIEW_TYPES
from jobnet.web.journeys.changes import Mandatory
from jobnet.web.journeys.machinery import DRAFTS_KEY
from jobnet.web.journeys.messages import lazy_problem_message, problem_message
from jobnet.web.platform.forms import DatePartsField, JourneyForm, date_required
from jobnet.web.platform.number_field import WholeNumberField

MAX_REASON_LENGTH = 500


def start_instant(day: date | None, clock_text: str | None) -> datetime | None:
    """The typed day and time as an aware instant in Danish time, when both are valid."""
    clock = parse_clock(clock_text)
    if day is None or clock is None:
        return None
    return danish_instant(day, clock)


def target_summons(journey_name: str) -> dict[str, Any]:
    """The summons a move or cancel journey is about (kept in its draft when it started)."""
    draft = (session.get(DRAFTS_KEY) or {}).get(journey_name) or {}
    return draft.get("summons") or {}


class _WhenMixin:
    """A date (day, month, year) and a time HH:MM, in Danish time, later than now."""

    starts_on: DatePartsField
    starts_time: StringField
    situation: Any

    def validate_starts_time(self, field: StringField) -> None:
        if not (field.data or "").strip():
            raise ValidationError(_l("Enter the time of the interview"))
        clock = parse_clock(field.data)
        if clock is None:
            raise ValidationError(_l("Enter the time as hours and minutes, for example 09:30"))
        day = self.starts_on.data
        if day is None:
            return
        instant = danish_instant(day, clock)
        if instant is None:
            raise ValidationError(
                _l("This time does not exist on that day, because the clocks are put forward")
            )
        now = moment_for(self.situation.today, now_utc())
        if instant <= now:
            raise ValidationError(problem_message(SummonsProblem.IN_THE_PAST))
        if instant > now + timedelta(days=MAX_DAYS_AHEAD):
            raise ValidationError(problem_message(SummonsProblem.TOO_FAR_AHEAD))


def _letter_rules(form: Any, field: DatePartsField) -> None:
    if field.data is None:
        return
    problems = check_letter_date(field.data, form.situation.today)
    if problems:
        raise ValidationError(problem_message(problems[0][1]))
    created = getattr(form, "created_letter", None)
    if created is not None and field.data < created:
        raise ValidationError(problem_message(SummonsProblem.LETTER_TOO_EARLY))


def _letter_field() -> DatePartsField:
    return DatePartsField(
        _l("Date the letter is sent"),
        description=_l(
            "The day the letter is sent to the citizen: today, or yesterday for a letter sent "
            "yesterday. The summons is recorded the same day."
        ),
        validators=[date_required(_l("Enter the date the letter is sent")), _letter_rules],
    )


letter_field = _letter_field  # for the other changes of a summons (a booking's withdrawal)


def _time_field() -> StringField:
    return StringField(
        _l("Time"),
        validators=[Mandatory()],
        description=_l("Danish time, as hours and minutes, for example 09:30."),
        render_kw={"autocomplete": "off", "data-width": "xs"},
    )


class WhenForm(_WhenMixin, JourneyForm):
    starts_on = DatePartsField(
        _l("Date of the interview"),
        validators=[date_required(_l("Enter the date of the interview"))],
    )
    starts_time = _time_field()
    duration_minutes = WholeNumberField(
        _l("Duration in minutes"),
        default=DEFAULT_DURATION_MINUTES,
        minimum=MIN_DURATION_MINUTES,
        maximum=MAX_DURATION_MINUTES,
        required=_l("Enter the duration in minutes"),
        not_a_number=_l("Enter the duration as a whole number of minutes, for example 45"),
        out_of_range=lazy_problem_message(SummonsProblem.DURATION_OUT_OF_RANGE),
        render_kw={"inputmode": "numeric", "data-width": "xs"},
    )


class HowForm(JourneyForm):
    type = RadioField(
        _l("Type of interview"),
        choices=[SelectChoice(code.value, label) for code, label in INTERVIEW_TYPES.items()],
        validators=[InputRequired(_l("Choose the type of interview"))],
    )
    form = RadioField(
        _l("Interview form"),
        choices=[SelectChoice(code.value, label) for code, label in INTERVIEW_FORMS.items()],
        validators=[InputRequired(_l("Choose the interview form"))],
    )
    place = TextAreaField(
        _l("Place"),
        description=_l("The address, for an interview in person."),
        validators=[Length(max=MAX_PLACE_LENGTH)],
    )
    join_details = TextAreaField(
        _l("How to join"),
        description=_l("The link or how to log on, for a video or digital interview."),
        validators=[Length(max=MAX_PLACE_LENGTH)],
    )

    def validate_place(self, field: TextAreaField) -> None:
        if self.form.data in {f.value for f in NEEDS_PLACE} and not (field.data or "").strip():
            raise ValidationError(problem_message(SummonsProblem.PLACE_MISSING))

    def validate_join_details(self, field: TextAreaField) -> None:
        needs = {f.value for f in NEEDS_JOIN_DETAILS}
        if self.form.data in needs and not (field.data or "").strip():
            raise ValidationError(problem_message(SummonsProblem.JOIN_DETAILS_MISSING))


class LetterForm(JourneyForm):
    contact_options = TextAreaField(
        _l("The citizen's contact options"),
        description=_l(
            "How the citizen contacts the job centre about the interview, for example a phone "
            "number and opening hours."
        ),
        validators=[Mandatory(), Length(max=MAX_TEXT_LENGTH)],
    )
    bring = TextAreaField(_l("What to bring"), validators=[Length(max=MAX_TEXT_LENGTH)])
    letter_sent_date = _letter_field()

    def validate_contact_options(self, field: TextAreaField) -> None:
        """§ 27(1) no. 6: the citizen's contact options are part of every summons."""
        problems = check_contact_options(field.data)
        if problems:
            raise ValidationError(problem_message(problems[0][1]))


class _ChangeForm(JourneyForm):
    """Moving or cancelling one summons: its letter date is not before the summons' own."""

    journey_name = ""

    def prepare(self, situation: Any) -> None:
        created = target_summons(self.journey_name).get("created_letter")
        self.created_letter = date.fromisoformat(created) if created else None


def _reason_field(label: Any, message: Any) -> TextAreaField:
    return TextAreaField(
        label,
        description=_l("The citizen sees the reason."),
        validators=[InputRequired(message), Length(max=MAX_REASON_LENGTH)],
    )


class MoveForm(_WhenMixin, _ChangeForm):
    journey_name = "jobcentre_summons_move"

    starts_on = DatePartsField(
        _l("New date of the interview"),
        validators=[date_required(_l("Enter the new date of the interview"))],
    )
    starts_time = _time_field()
    reason = _reason_field(_l("Why is the interview moved?"), _l("Enter why it is moved"))
    letter_sent_date = _letter_field()

    def validate_starts_time(self, field: StringField) -> None:
        super().validate_starts_time(field)
        current = target_summons(self.journey_name).get("starts_at")
        instant = start_instant(self.starts_on.data, field.data)
        if current and instant is not None and instant == datetime.fromisoformat(current):
            raise ValidationError(problem_message(SummonsProblem.SAME_TIME))


class CancelForm(_ChangeForm):
    journey_name = "jobcentre_summons_cancel"

    reason = _reason_field(_l("Why is the interview cancelled?"), _l("Enter why it is cancelled"))
    letter_sent_date = _letter_field()
