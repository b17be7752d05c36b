"""The words for fund events: their types, offer statuses and how they reached the fund."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

from jobnet.domain.fund_events import FundEventType, OfferStatus

EVENT_TYPES = {
    FundEventType.NO_SHOW.value: _l("Did not attend an interview"),
    FundEventType.JOB_REFUSED.value: _l("Refused a job"),
    FundEventType.OFFER_REFUSED.value: _l("Refused an offer"),
    FundEventType.OFFER_ABSENCE.value: _l("Stayed away from an offer"),
    FundEventType.AVAILABILITY_DOUBT.value: _l("Doubt about availability for work"),
    FundEventType.OFFER_START.value: _l("An offer starts"),
    FundEventType.OFFER_END.value: _l("An offer ends"),
    FundEventType.OFFER_CHANGE.value: _l("An offer is changed"),
    FundEventType.BOOKING_DEADLINE_MISSED.value: _l("Did not book an interview by the deadline"),
}
OFFER_STATUSES = {
    OfferStatus.GRANTED.value: _l("Granted"),
    OfferStatus.STARTED.value: _l("Started"),
    OfferStatus.CHANGED.value: _l("Changed"),
    OfferStatus.ENDED.value: _l("Ended"),
    OfferStatus.CANCELLED.value: _l("Cancelled"),
}


def event_type_label(code: str | None) -> str:
    return str(EVENT_TYPES.get(code or "", code or ""))


def offer_status_label(code: str | None) -> str:
    return str(OFFER_STATUSES.get(code or "", code or ""))
