"""Numbers DFDG can store: a request's integers fit a signed 64-bit column (BIGINT).

A bigger one reached the database driver and gave a 500 (`OverflowError` on SQLite, a
NumericValueOutOfRange on PostgreSQL); it is bad input, so a 422 naming the field.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from jobnet.dfdg.problems import ProblemError, field_error, validation_problem

BIGGEST_STORED_INTEGER = 2**63 - 1
SMALLEST_STORED_INTEGER = -(2**63)


def _out_of_range(value: Any, path: str) -> Iterator[str]:
    if isinstance(value, BaseModel):
        for name, field in type(value).model_fields.items():
            yield from _out_of_range(getattr(value, name), _join(path, field.alias or name))
    elif isinstance(value, bool):
        return
    elif isinstance(value, int):
        if not SMALLEST_STORED_INTEGER <= value <= BIGGEST_STORED_INTEGER:
            yield path
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            yield from _out_of_range(item, _join(path, str(index)))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _out_of_range(item, _join(path, str(key)))


def _join(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name


def check_stored_ranges(model: BaseModel) -> None:
    """A 422 problem naming each integer of `model` that no database column can hold."""
    fields = list(_out_of_range(model, ""))
    if fields:
        raise out_of_range_problem(fields)


def out_of_range_problem(fields: list[str]) -> ProblemError:
    message = f"Must be from {SMALLEST_STORED_INTEGER} to {BIGGEST_STORED_INTEGER}"
    return validation_problem(
        [field_error(name, "number_out_of_range", message) for name in fields]
    )
