"""Small helpers for DFDG's tests."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select

from jobnet.db import Store
from jobnet.dfdg.models.base import Base


def count_rows(store: Store, model: type[Base]) -> int:
    with store.session() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def rows(store: Store, model: type[Base]) -> list[Any]:
    with store.session() as session:
        return list(session.scalars(select(model)))


def assert_problem(response: Any, status: int, slug: str) -> dict[str, Any]:
    assert response.status_code == status, response.get_data(as_text=True)
    assert response.mimetype == "application/problem+json"
    body = response.get_json()
    assert body["status"] == status
    assert body["type"].endswith(":" + slug)
    assert body["title"]
    return body


def error_fields(body: dict[str, Any]) -> dict[str, str]:
    return {error["field"]: error["code"] for error in body["errors"]}
