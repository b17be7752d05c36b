"""Everything DFDG holds about a person, category by category: the registry of the export.

Each kind of record plugs in with `register_category(name, collect_fn, history_fn, model=…)`:
`collect_fn(context)` answers the person's records (pydantic models of `model`), and
`history_fn(context, record_id)` the versions of one of them (None when the person has no such
record). A record type that is part of a category rather than one (a CV section, a CV entry, the
plan) has its history registered alone with `register_history(name, history_fn)`. The export's
JSON Schema in the OpenAPI document is built from the registered models, so it lists every
category with the structure of its records.

Address protection lives here too: a protected address is given to the citizen themself only.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, create_model
from sqlalchemy.orm import Session

from jobnet.dfdg.actor import ActorContext
from jobnet.dfdg.models.persons import Person
from jobnet.dfdg.queries import actors as actor_queries
from jobnet.dfdg.schemas.insight import EXPORT_FORMAT, EXPORT_VERSION, RecordVersion
from jobnet.domain.codes import ActorType


def shows_protected_address(actor: ActorContext, person_id: str) -> bool:
    """Whether `actor` is the person themself: a citizen actor naming this very person (a
    citizen actor naming no one is not)."""
    return actor.type == ActorType.CITIZEN and actor.id is not None and actor.id == person_id


def visible_address(person: Person, actor: ActorContext) -> tuple[str | None, ...]:
    """(street, postcode, city) as `actor` may see them: nothing of a protected address for
    anyone but the person themself."""
    if person.address_protected and not shows_protected_address(actor, person.id):
        return (None, None, None)
    return (person.street, person.postcode, person.city)


@dataclass(frozen=True)
class ExportContext:
    """What a category needs to answer: the session, the person, who asks, and today."""

    session: Session
    person: Person
    actor: ActorContext
    today: date

    def organisation_names(self, cvrs: Iterable[str | None]) -> dict[str, str]:
        return actor_queries.organisation_names(self.session, cvrs)


Collect = Callable[[ExportContext], Sequence[BaseModel] | BaseModel | None]
History = Callable[[ExportContext, str], list[RecordVersion] | None]


@dataclass(frozen=True)
class Category:
    name: str
    title: str
    model: type[BaseModel]
    collect: Collect
    history: History | None
    single: bool


_CATEGORIES: dict[str, Category] = {}
_HISTORIES: dict[str, History] = {}


def register_category(
    name: str,
    collect_fn: Collect,
    history_fn: History | None = None,
    *,
    model: type[BaseModel],
    title: str,
    single: bool = False,
) -> Category:
    """Add a category to the export (in registration order). `single`: one object, not a list.

    `name` is also the record type of the history endpoint when `history_fn` is given.
    """
    if name in _CATEGORIES or name in _HISTORIES:
        raise ValueError(f"the export category {name!r} is registered already")
    category = Category(name, title, model, collect_fn, history_fn, single)
    _CATEGORIES[name] = category
    return category


def register_history(name: str, history_fn: History) -> None:
    """Add a record type to the history endpoint that is no export category of its own."""
    if name in _CATEGORIES or name in _HISTORIES:
        raise ValueError(f"the record type {name!r} is registered already")
    _HISTORIES[name] = history_fn


def categories() -> list[Category]:
    return list(_CATEGORIES.values())


def category(name: str) -> Category | None:
    return _CATEGORIES.get(name)


def record_types() -> list[str]:
    """The record types whose history can be asked for."""
    names = [item.name for item in _CATEGORIES.values() if item.history is not None]
    return names + list(_HISTORIES)


def history_of(record_type: str) -> History | None:
    """The history function of `record_type`, or None when it has none."""
    item = _CATEGORIES.get(record_type)
    if item is not None:
        return item.history
    return _HISTORIES.get(record_type)


class ExportBase(BaseModel):
    model_config = ConfigDict(from_attributes=True)


def export_model() -> type[BaseModel]:
    """The export document's model, from the categories registered so far."""
    fields: dict[str, Any] = {}
    for item in _CATEGORIES.values():
        annotation: Any = (item.model | None) if item.single else list[item.model]  # type: ignore[name-defined]
        fields[item.name] = (annotation, Field(description=item.title))
    categories_model = create_model("PersonExportCategories", __base__=ExportBase, **fields)
    return create_model(
        "PersonExport",
        __base__=ExportBase,
        __doc__="Everything DFDG holds about the person (GDPR art. 15 and 20), by category",
        format=(str, Field(description=f"Always {EXPORT_FORMAT}", examples=[EXPORT_FORMAT])),
        version=(str, Field(description="The version of this structure", examples=["1.0"])),
        generated_at=(datetime, Field(description="When DFDG made this document (UTC)")),
        person_id=(str, Field(description="DFDG's own id of the person")),
        address_shown=(
            bool,
            Field(description="False when a protected address was left out for this reader"),
        ),
        categories=(categories_model, Field(description="The person's records by category")),
    )


def build_export(context: ExportContext, model: type[BaseModel], now: datetime) -> BaseModel:
    """The export document of `context.person` in `model` (see `export_model`)."""
    collected: dict[str, Any] = {}
    for item in _CATEGORIES.values():
        records = item.collect(context)
        collected[item.name] = records if item.single else list(records or [])
    return model.model_validate(
        {
            "format": EXPORT_FORMAT,
            "version": EXPORT_VERSION,
            "generated_at": now,
            "person_id": context.person.id,
            "address_shown": not context.person.address_protected
            or shows_protected_address(context.actor, context.person.id),
            "categories": collected,
        }
    )
