"""The OpenAPI 3.1 document of the DFDG API, built from what the routes declare.

Routes are registered through `ApiRegistry.route`, which adds the Flask URL rule and records the
operation (body, query, responses, headers) at the same time, so the document cannot drift from
the routes. Schemas come from the pydantic models the views use.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import wraps
from typing import Any

from flask import Blueprint
from pydantic import BaseModel
from pydantic.json_schema import models_json_schema

from jobnet.dfdg.actor import ACTOR_HEADERS, load_actor
from jobnet.dfdg.http_headers import answer_header_documents, request_header_schema
from jobnet.dfdg.schemas.base import Problem
from jobnet.dfdg.unit_of_work import IDEMPOTENCY_HEADER, REPLAY_HEADER, idempotent, transactional

View = Callable[..., Any]
ResponseSpec = tuple[str, type[BaseModel] | None]

_RULE_PARAM = re.compile(r"<(?:[a-z_]+:)?([a-z_]+)>")
_REF = "#/components/schemas/{model}"

ERROR_DESCRIPTIONS = {
    400: "The request body is not valid JSON",
    401: "Missing or wrong bearer token, or an end-user assertion that is not valid",
    403: "The connected system is not registered for this (audited)",
    404: "Not found",
    409: "A request with the same Idempotency-Key is still in progress",
    422: "Invalid fields, headers or parameters (each named in `errors`), "
    "or an Idempotency-Key reused with a different request",
    500: "Internal error",
}


@dataclass(frozen=True)
class Operation:
    method: str
    rule: str
    endpoint: str
    summary: str
    description: str | None
    tags: tuple[str, ...]
    responses: Mapping[int, ResponseSpec]
    request_body: type[BaseModel] | None = None
    query: type[BaseModel] | None = None
    path_params: Mapping[str, str] = field(default_factory=dict)
    public: bool = False
    actor_headers: bool = False
    idempotent: bool = False
    transactional: bool = True

    def error_statuses(self) -> set[int]:
        statuses = {500}
        if not self.public:
            # 422: an X-Actor-* header (refused) or a bad claim in the assertion.
            statuses |= {401, 403, 422}
        if self.request_body is not None:
            statuses |= {400, 422}
        if self.query is not None or self.actor_headers:
            statuses.add(422)
        if self.idempotent:
            statuses |= {409, 422}
        return statuses


class ApiRegistry:
    """Routes of one blueprint together with their OpenAPI operations."""

    def __init__(self, blueprint: Blueprint, url_prefix: str, *, title: str, version: str) -> None:
        self.blueprint = blueprint
        self.url_prefix = url_prefix
        self.title = title
        self.version = version
        self.operations: list[Operation] = []
        # Endpoints open without a bearer token; kept up to date by `route`, read every request.
        self.public_endpoints: set[str] = set()

    def route(
        self,
        method: str,
        rule: str,
        *,
        summary: str,
        responses: Mapping[int, ResponseSpec],
        description: str | None = None,
        tags: tuple[str, ...] = (),
        request_body: type[BaseModel] | None = None,
        query: type[BaseModel] | None = None,
        path_params: Mapping[str, str] | None = None,
        public: bool = False,
        actor_headers: bool = False,
        idempotent: bool = False,
        transactional: bool = True,
    ) -> Callable[[View], View]:
        """Register `view` at `rule` for `method` and describe it in the document.

        `actor_headers`: the operation reads or writes person data for someone (every
        authenticated operation verifies the end-user assertion and the system's scope first);
        `idempotent` wraps the view in the Idempotency-Key handling; otherwise the view runs in
        a transaction committed when it returns.
        """

        def decorator(view: View) -> View:
            operation = Operation(
                method=method.upper(),
                rule=rule,
                endpoint=view.__name__,
                summary=summary,
                description=description or (view.__doc__ or "").strip() or None,
                tags=tags,
                responses=dict(responses),
                request_body=request_body,
                query=query,
                path_params=dict(path_params or {}),
                public=public,
                actor_headers=actor_headers,
                idempotent=idempotent,
                transactional=transactional,
            )
            self.operations.append(operation)
            if public:
                self.public_endpoints.add(f"{self.blueprint.name}.{operation.endpoint}")
            self.blueprint.add_url_rule(
                rule, endpoint=view.__name__, view_func=_wrap(view, operation), methods=[method]
            )
            return view

        return decorator

    def document(self, server_url: str | None = None) -> dict[str, Any]:
        return build_document(self, server_url)


def _wrap(view: View, operation: Operation) -> View:
    inner = view
    if operation.idempotent:
        inner = idempotent(inner)
    elif operation.transactional:
        inner = transactional(inner)
    if operation.public:
        return inner
    area = operation.tags[0] if operation.tags else ""

    @wraps(inner)
    def with_actor(*args: Any, **kwargs: Any) -> Any:
        from jobnet.dfdg.access import check_person_access
        from jobnet.dfdg.context import request_session
        from jobnet.dfdg.organisation_reach import check_organisation_reach
        from jobnet.dfdg.scope import check_scope

        person_id = kwargs.get("person_id")
        actor = load_actor(person_route=person_id is not None)
        # Every operation, whoever adds it, keeps to the calling system's registered scope,
        # and every person-scoped one passes the access rules, before the view runs.
        check_scope(
            actor,
            area=area,
            method=operation.method,
            endpoint=operation.endpoint,
            person_id=person_id,
        )
        if person_id is not None:
            check_person_access(person_id, endpoint=operation.endpoint, view_args=kwargs)
        else:
            # The job centre's organisation-wide routes are refused to a fund's employee.
            check_organisation_reach(request_session(), actor, operation.endpoint)
        return inner(*args, **kwargs)

    return with_actor


def openapi_path(url_prefix: str, rule: str) -> str:
    """A Flask rule as an OpenAPI path: /persons/<person_id> → /persons/{person_id}."""
    return url_prefix + _RULE_PARAM.sub(r"{\1}", rule)


def _models(registry: ApiRegistry) -> list[tuple[type[BaseModel], str]]:
    """Each model once, in the mode it is used in: request bodies validated, answers serialised."""
    models: dict[str, tuple[type[BaseModel], str]] = {Problem.__name__: (Problem, "serialization")}
    for op in registry.operations:
        if op.request_body is not None:
            models[op.request_body.__name__] = (op.request_body, "validation")
        for _, model in op.responses.values():
            if model is not None:
                models.setdefault(model.__name__, (model, "serialization"))
    return list(models.values())


def _schemas(registry: ApiRegistry) -> dict[str, Any]:
    _, top = models_json_schema(_models(registry), ref_template=_REF)  # type: ignore[arg-type]
    return top.get("$defs", {})


def _ref(model: type[BaseModel]) -> dict[str, str]:
    return {"$ref": _REF.format(model=model.__name__)}


def _header(name: str, description: str, *, required: bool) -> dict[str, Any]:
    return {
        "name": name,
        "in": "header",
        "required": required,
        "description": description,
        "schema": request_header_schema(name),
    }


def _query_parameters(model: type[BaseModel]) -> list[dict[str, Any]]:
    schema = model.model_json_schema(ref_template=_REF)
    required = set(schema.get("required", []))
    return [
        {
            "name": name,
            "in": "query",
            "required": name in required,
            "description": prop.get("description", ""),
            "schema": {key: value for key, value in prop.items() if key != "description"},
        }
        for name, prop in schema.get("properties", {}).items()
    ]


def _parameters(op: Operation) -> list[dict[str, Any]]:
    params = [
        {
            "name": name,
            "in": "path",
            "required": True,
            "description": op.path_params.get(name, ""),
            "schema": {"type": "string"},
        }
        for name in _RULE_PARAM.findall(op.rule)
    ]
    if op.query is not None:
        params += _query_parameters(op.query)
    if not op.public:
        params += [_header(name, text, required=False) for name, text in ACTOR_HEADERS.items()]
    if op.idempotent:
        params.append(
            _header(
                IDEMPOTENCY_HEADER,
                "A unique key per command (1-200 visible ASCII characters), made when the form "
                "is first shown; a repeated key with the same body gets the first answer",
                required=True,
            )
        )
    return params


def _responses(op: Operation) -> dict[str, Any]:
    responses: dict[str, Any] = {}
    for status, (description, model) in sorted(op.responses.items()):
        entry: dict[str, Any] = {"description": description}
        if model is not None:
            media = "application/problem+json" if model is Problem else "application/json"
            entry["content"] = {media: {"schema": _ref(model)}}
        if model is not None:
            entry["headers"] = answer_header_documents()
        if op.idempotent and 200 <= status < 300:
            entry.setdefault("headers", {})[REPLAY_HEADER] = {
                "description": "true when this is the stored answer to an earlier request",
                "schema": {"type": "string", "enum": ["true"]},
            }
        responses[str(status)] = entry
    for status in sorted(op.error_statuses()):
        responses.setdefault(
            str(status),
            {
                "description": ERROR_DESCRIPTIONS[status],
                "headers": answer_header_documents(),
                "content": {"application/problem+json": {"schema": _ref(Problem)}},
            },
        )
    return responses


def _operation(op: Operation) -> dict[str, Any]:
    document: dict[str, Any] = {
        "operationId": op.endpoint,
        "summary": op.summary,
        "tags": list(op.tags),
        "parameters": _parameters(op),
        "responses": _responses(op),
    }
    if op.description:
        document["description"] = op.description
    if op.public:
        document["security"] = []
    if op.request_body is not None:
        document["requestBody"] = {
            "required": True,
            "content": {"application/json": {"schema": _ref(op.request_body)}},
        }
    return document


def build_document(registry: ApiRegistry, server_url: str | None = None) -> dict[str, Any]:
    """The OpenAPI 3.1 document of every operation registered so far.

    `server_url` is where the API is mounted (the blueprint's prefix after the WSGI script
    root, e.g. /dfdg/api/v1 when embedded in the web app); paths are relative to it."""
    paths: dict[str, dict[str, Any]] = {}
    for op in registry.operations:
        path = openapi_path("", op.rule)
        paths.setdefault(path, {})[op.method.lower()] = _operation(op)
    return {
        "openapi": "3.1.0",
        "info": {
            "title": registry.title,
            "version": registry.version,
            "description": "DFDG, the system of record. Every call except the public ones "
            "(health, liveness, the anonymised statistics and this document) is made by a "
            "connected system with its bearer token; who acts comes only from a signed end-user "
            "assertion (X-Actor-Assertion) that the system makes, each system keeps to its "
            "registered scope, and every read and write of person data is audited. Errors are "
            "RFC 9457 problem details.",
        },
        "servers": [{"url": server_url or registry.url_prefix}],
        "security": [{"bearerAuth": []}],
        "paths": paths,
        "components": {
            "schemas": _schemas(registry),
            "securitySchemes": {
                "bearerAuth": {
                    "type": "http",
                    "scheme": "bearer",
                    "description": "A connected system's token (DFDG_SYSTEM_TOKENS)",
                }
            },
        },
    }
