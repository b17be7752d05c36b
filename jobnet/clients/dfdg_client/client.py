"""The web app's only door to DFDG: typed calls over HTTP or in-process, same code path.

No view, form or template talks to DFDG any other way, and nothing here imports DFDG's models:
answers are parsed from the API's JSON into frozen pydantic models (`values.parse`), each area
in its own module."""

from __future__ import annotations

from flask import current_app

from jobnet.clients.dfdg_client.booking import BookingCalls
from jobnet.clients.dfdg_client.cv import CvCalls
from jobnet.clients.dfdg_client.duties import DutyCalls
from jobnet.clients.dfdg_client.fund_events import FundEventCalls
from jobnet.clients.dfdg_client.insight import InsightCalls
from jobnet.clients.dfdg_client.joblog import JoblogCalls
from jobnet.clients.dfdg_client.letters import LetterCalls
from jobnet.clients.dfdg_client.messages import MessageCalls
from jobnet.clients.dfdg_client.notices import NoticeCalls
from jobnet.clients.dfdg_client.persons import PersonCalls
from jobnet.clients.dfdg_client.plans import PlanCalls
from jobnet.clients.dfdg_client.statistics import StatisticsCalls
from jobnet.clients.dfdg_client.status import StatusCalls
from jobnet.clients.dfdg_client.summons import SummonsCalls


class DfdgClient(
    PersonCalls,
    StatusCalls,
    InsightCalls,
    PlanCalls,
    SummonsCalls,
    CvCalls,
    JoblogCalls,
    StatisticsCalls,
    DutyCalls,
    MessageCalls,
    LetterCalls,
    NoticeCalls,
    FundEventCalls,
    BookingCalls,
):
    """Typed calls to DFDG's API, one mixin an area. Build it with `in_process` or `over_http`."""


def get_dfdg_client() -> DfdgClient:
    """The app's DFDG client (made in create_app)."""
    return current_app.extensions["dfdg_client"]
