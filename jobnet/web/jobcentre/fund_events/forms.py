"""The fund event form: what happened, when, and for an offer its company, status and dates.

The form checks the same rules as DFDG (`jobnet.domain.fund_events`) before the send, so the
caseworker hears about a deadline of §§ 61-62 on the question page."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from flask_babel import lazy_gettext as _l
from wtforms import RadioField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired

from jobnet.domain.fund_events import (
    AUTOMATIC_TYPES,
    MAX_CAUSE_LENGTH,
    MAX_COMMENT_LENGTH,
    OFFER_TYPES,
    FundEventType,
    Offer,
    OfferStatus,
    check_fund_event,
)
from jobnet.web.journeys.fund_event_labels import EVENT_TYPES, OFFER_STATUSES
from jobnet.web.journeys.messages import problem_message
from jobnet.web.platform.forms import DatePartsField, JourneyForm
from jobnet.web.platform.number_field import WholeNumberField

OFFER_FIELDS = (
    "company_cvr",
    "company_name",
    "status",
    "granted_on",
    "start_date",
    "end_date",
    "weekly_hours",
)


def offer_of(data: dict[str, Any]) -> Offer:
    status = data.get("status") or None
    hours = data.get("weekly_hours")
    return Offer(
        company_cvr=(data.get("company_cvr") or "").strip() or None,
        company_name=(data.get("company_name") or "").strip() or None,
        status=OfferStatus(status) if status in OFFER_STATUSES else None,
        granted_on=data.get("granted_on"),
        start_date=data.get("start_date"),
        end_date=data.get("end_date"),
        weekly_hours=Decimal(hours) if isinstance(hours, int) else None,
    )


class EventForm(JourneyForm):
    type = RadioField(
        _l("What happened?"),
        choices=[
            SelectChoice(code, label)
            for code, label in EVENT_TYPES.items()
            if code not in AUTOMATIC_TYPES  # they arise by themselves
        ],
        validators=[InputRequired(_l("Choose what happened"))],
    )
    event_date = DatePartsField(
        _l("Date of the event"),
        description=_l(
            "Report it on the day or the day after (§ 61). For an offer's change: the day the "
            "job centre learnt of it. Not needed when an offer starts or ends."
        ),
    )
    cause = StringField(
        _l("Cause (optional)"),
        description=_l("At most %(count)s characters.", count=MAX_CAUSE_LENGTH),
    )
    comment = TextAreaField(
        _l("Comment for the fund (optional)"),
        description=_l("At most %(count)s characters.", count=MAX_COMMENT_LENGTH),
    )
    company_cvr = StringField(
        _l("Offer: the company's CVR number"),
        render_kw={"inputmode": "numeric", "autocomplete": "off"},
    )
    company_name = StringField(_l("Offer: the company's name (optional)"))
    status = RadioField(
        _l("Offer: its status now"),
        choices=[SelectChoice(code, label) for code, label in OFFER_STATUSES.items()],
        validate_choice=False,
    )
    granted_on = DatePartsField(
        _l("Offer: the day it was granted"),
        description=_l("Needed when an offer starts."),
    )
    start_date = DatePartsField(_l("Offer: start date"))
    end_date = DatePartsField(_l("Offer: end date"))
    weekly_hours = WholeNumberField(
        _l("Offer: average hours a week"),
        minimum=1,
        maximum=37,
        render_kw={"inputmode": "numeric", "autocomplete": "off"},
    )

    def validate(self, extra_validators: Any = None) -> bool:
        valid = bool(super().validate(extra_validators))
        if not valid or self.type.data not in EVENT_TYPES or self.type.data in AUTOMATIC_TYPES:
            return False
        event_type = FundEventType(self.type.data)
        data = {name: getattr(self, name).data for name in OFFER_FIELDS}
        if event_type not in OFFER_TYPES:
            data = {}
        event_date = self.event_date.data
        if event_type not in OFFER_TYPES and event_date is None:
            self.event_date.errors = [str(_l("Enter the date of the event"))]
            return False
        broken = check_fund_event(
            event_type,
            event_date,
            self.situation.today,
            offer=offer_of(data),
            cause=self.cause.data,
            comment=self.comment.data,
        )
        if broken is None:
            return True
        field = getattr(self, broken.field, None) or self.type
        field.errors = [*field.errors, str(problem_message(broken.problem))]
        return False
