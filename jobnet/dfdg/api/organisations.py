"""The registry of organisations (job centres, a-kasser). Not person data: not audited."""

from __future__ import annotations

from flask import Response, jsonify

from jobnet.dfdg.api.blueprint import api
from jobnet.dfdg.context import request_session
from jobnet.dfdg.problems import ProblemError
from jobnet.dfdg.queries import organisations as organisation_queries
from jobnet.dfdg.schemas.base import Problem
from jobnet.dfdg.schemas.persons import OrganisationOut, OrganisationsResponse


@api.route(
    "GET",
    "/organisations",
    summary="All organisations: job centres and unemployment funds",
    tags=("organisations",),
    responses={200: ("The organisations", OrganisationsResponse)},
)
def list_organisations() -> Response:
    found = organisation_queries.all_organisations(request_session())
    body = OrganisationsResponse(
        organisations=[OrganisationOut.model_validate(org) for org in found]
    )
    return jsonify(body.model_dump(mode="json"))


@api.route(
    "GET",
    "/organisations/<cvr>",
    summary="One organisation by CVR number",
    tags=("organisations",),
    path_params={"cvr": "The organisation's CVR number (eight digits)"},
    responses={
        200: ("The organisation", OrganisationOut),
        404: ("No organisation has this CVR number", Problem),
    },
)
def get_organisation(cvr: str) -> Response:
    organisation = organisation_queries.by_cvr(request_session(), cvr)
    if organisation is None:
        raise ProblemError(404, "not-found", "No organisation has this CVR number")
    return jsonify(OrganisationOut.model_validate(organisation).model_dump(mode="json"))
