"""Health and the OpenAPI document (both public, neither audited)."""

from __future__ import annotations

from flask import Response, jsonify, request
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from jobnet.dfdg.api.blueprint import api
from jobnet.dfdg.context import current_store
from jobnet.dfdg.schemas.base import Health, Liveness


@api.route(
    "GET",
    "/health",
    summary="Is DFDG up, and can it reach its database?",
    tags=("meta",),
    responses={
        200: ("Up", Health),
        503: ("The database cannot be reached", Health),
    },
    public=True,
    transactional=False,
)
def health() -> tuple[Response, int]:
    try:
        # Autocommit: no transaction, so no ROLLBACK to make psycopg forget the statements it
        # prepared on the pooled connection (health is asked every few seconds).
        with current_store().autocommit_engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except SQLAlchemyError:
        body = Health(status="unavailable", database="unavailable")
        return jsonify(body.model_dump(mode="json")), 503
    return jsonify(Health(status="ok", database="ok").model_dump(mode="json")), 200


@api.route(
    "GET",
    "/live",
    summary="Does the DFDG process answer? (Liveness: checks nothing else, not even the database.)",
    tags=("meta",),
    responses={200: ("The process answers", Liveness)},
    public=True,
    transactional=False,
)
def live() -> Response:
    return jsonify(Liveness(status="ok").model_dump(mode="json"))


@api.route(
    "GET",
    "/openapi.json",
    summary="This OpenAPI 3.1 document",
    tags=("meta",),
    responses={200: ("The OpenAPI document", None)},
    public=True,
    transactional=False,
)
def openapi_document() -> Response:
    return jsonify(api.document(server_url=request.script_root + api.url_prefix))
