"""The public statistics as JSON, and the OpenAPI document that describes the web's public
statistics addresses. The same figures as the page and the CSV file; a suppressed cell has no
value (null) and `suppressed` true."""

from __future__ import annotations

from typing import Any

from jobnet.clients.dfdg_client.statistics import StatisticsTable
from jobnet.domain.statistics import MEASURES, month_key
from jobnet.web.journeys.labels import contact_group_label
from jobnet.web.public.statistics.tables import area_name


def figures_document(table: StatisticsTable, measure_name: str, language: str) -> dict[str, Any]:
    """The figures of `table` with names in `language`; codes stay as DFDG has them."""
    return {
        "measure": table.measure,
        "measure_name": measure_name,
        "language": language,
        "from_month": month_key(table.from_month),
        "to_month": month_key(table.to_month),
        "min_persons": table.min_persons,
        "areas": [
            {"kind": kind, "code": code, "name": area_name((kind, code), language)}
            for kind, code in table.areas
        ],
        "figures": [
            {
                "month": month_key(figure.month),
                "area_kind": figure.area_kind,
                "area_code": figure.area_code,
                "contact_group": figure.contact_group,
                "contact_group_name": contact_group_label(figure.contact_group)
                if figure.contact_group
                else None,
                "value": None if figure.suppressed else figure.value,
                "persons": None if figure.suppressed else figure.persons,
                "suppressed": figure.suppressed,
            }
            for figure in table.figures
        ],
        "revisions": [
            {
                "month": month_key(revision.month),
                "revision": revision.revision,
                "revised_at": revision.revised_at.isoformat(),
            }
            for revision in table.revisions
        ],
    }


_MONTH = {"type": "string", "pattern": "^[0-9]{4}-(0[1-9]|1[0-2])$", "examples": ["2026-01"]}
_QUERY = [
    {
        "name": "measure",
        "in": "query",
        "required": False,
        "description": "What to count; registered jobseekers when left out",
        "schema": {"type": "string", "enum": [m.value for m in MEASURES]},
    },
    {
        "name": "municipality",
        "in": "query",
        "required": False,
        "description": "A municipality's four-digit code; the whole country when left out. "
        "The municipality's comparison group and the whole country are included too.",
        "schema": {"type": "string", "pattern": "^[0-9]{4}$"},
    },
    {
        "name": "period_from",
        "in": "query",
        "required": False,
        "description": "The first month; the first of the newest 12 computed months when left out",
        "schema": _MONTH,
    },
    {
        "name": "period_to",
        "in": "query",
        "required": False,
        "description": "The last month; the newest computed month when left out",
        "schema": _MONTH,
    },
]
_NULLABLE_INT = {"type": ["integer", "null"]}
_SCHEMAS: dict[str, Any] = {
    "Figures": {
        "type": "object",
        "required": [
            "measure",
            "measure_name",
            "language",
            "from_month",
            "to_month",
            "min_persons",
            "areas",
            "figures",
            "revisions",
        ],
        "properties": {
            "measure": {"type": "string", "enum": [m.value for m in MEASURES]},
            "measure_name": {"type": "string"},
            "language": {"type": "string", "enum": ["da", "en"]},
            "from_month": _MONTH,
            "to_month": _MONTH,
            "min_persons": {
                "type": "integer",
                "description": "Cells with fewer persons than this (but more than none) are "
                "suppressed, and so is any cell they could be worked out from",
            },
            "areas": {"type": "array", "items": {"$ref": "#/components/schemas/Area"}},
            "figures": {"type": "array", "items": {"$ref": "#/components/schemas/Figure"}},
            "revisions": {"type": "array", "items": {"$ref": "#/components/schemas/Revision"}},
        },
    },
    "Area": {
        "type": "object",
        "required": ["kind", "code", "name"],
        "properties": {
            "kind": {"type": "string", "enum": ["municipality", "comparison_group", "country"]},
            "code": {"type": "string"},
            "name": {"type": "string"},
        },
    },
    "Figure": {
        "type": "object",
        "required": [
            "month",
            "area_kind",
            "area_code",
            "contact_group",
            "contact_group_name",
            "value",
            "persons",
            "suppressed",
        ],
        "properties": {
            "month": _MONTH,
            "area_kind": {"type": "string"},
            "area_code": {"type": "string"},
            "contact_group": {
                "type": ["integer", "null"],
                "description": "1-8; null for all contact groups together",
            },
            "contact_group_name": {"type": ["string", "null"]},
            "value": {**_NULLABLE_INT, "description": "null when suppressed"},
            "persons": {**_NULLABLE_INT, "description": "null when suppressed"},
            "suppressed": {"type": "boolean"},
        },
    },
    "Revision": {
        "type": "object",
        "required": ["month", "revision", "revised_at"],
        "properties": {
            "month": _MONTH,
            "revision": {"type": "integer"},
            "revised_at": {"type": "string", "format": "date-time"},
        },
    },
    "Errors": {
        "type": "object",
        "required": ["errors"],
        "properties": {
            "errors": {
                "type": "object",
                "description": "The messages of each parameter that was not accepted",
                "additionalProperties": {"type": "array", "items": {"type": "string"}},
            }
        },
    },
}


def openapi_document(json_path: str, csv_path: str) -> dict[str, Any]:
    """OpenAPI 3.1 for the public statistics addresses (no login, no person data)."""
    language = {
        "name": "Accept-Language",
        "in": "header",
        "required": False,
        "description": "da (the default) or en: the language of the names and the CSV header",
        "schema": {"type": "string"},
    }
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Jobnet public statistics",
            "version": "1",
            "description": "Monthly figures on jobseekers from the employment database (DFDG), "
            "for a municipality, its comparison group and the whole country. Public: no login "
            "and no person data.",
        },
        "security": [],
        "paths": {
            json_path: {
                "get": {
                    "operationId": "statisticsJson",
                    "summary": "The figures as JSON",
                    "parameters": [*_QUERY, language],
                    "responses": {
                        "200": {
                            "description": "The figures",
                            "content": {
                                "application/json": {
                                    "schema": {"$ref": "#/components/schemas/Figures"}
                                }
                            },
                        },
                        "400": {
                            "description": "A parameter was not accepted, or there are no "
                            "figures yet",
                            "content": {
                                "application/json": {
                                    "schema": {"$ref": "#/components/schemas/Errors"}
                                }
                            },
                        },
                    },
                }
            },
            csv_path: {
                "get": {
                    "operationId": "statisticsCsv",
                    "summary": "The same figures as CSV (semicolons in Danish, commas in English)",
                    "parameters": [*_QUERY, language],
                    "responses": {
                        "200": {
                            "description": "The figures; a suppressed cell is –",
                            "content": {"text/csv": {"schema": {"type": "string"}}},
                        },
                        "400": {
                            "description": "A parameter was not accepted",
                            "content": {"text/plain": {"schema": {"type": "string"}}},
                        },
                    },
                }
            },
        },
        "components": {"schemas": _SCHEMAS},
    }
