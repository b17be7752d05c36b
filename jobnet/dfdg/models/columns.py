"""The column blocks many DFDG tables share, as mixins: a table lists them among its bases and
gets the same columns (name, type, nullability, default, foreign key) as if it spelled them out.

The schema does not change with them: `tests/integration/dfdg/test_migrations.py` compares the
models with the migrations. Only the order of a table's columns in `Base.metadata` differs: the
key and the person come first, the mixins' other columns after the table's own (the migrations,
not the models, create the tables).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from jobnet.dfdg.models.base import (
    ACTOR_ID,
    ACTOR_NAME,
    ACTOR_ORGANISATION,
    ACTOR_TYPE,
    UtcDateTime,
    new_id,
    utcnow,
)


class HasId:
    """A random UUID as the primary key."""

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id, sort_order=-2)


class PersonRecord(HasId):
    """A record of one person's, deleted with the person."""

    person_id: Mapped[str] = mapped_column(
        String(36), ForeignKey("persons.id", ondelete="CASCADE"), sort_order=-1
    )


class SourceReference:
    """The receipt reference of the request that wrote the record."""

    source_reference: Mapped[str | None] = mapped_column(String(100))


class CreatedBy:
    """Who created the record (from the request's X-Actor-* headers)."""

    created_by_type: Mapped[str] = mapped_column(ACTOR_TYPE)
    created_by_id: Mapped[str | None] = mapped_column(ACTOR_ID)
    created_by_name: Mapped[str | None] = mapped_column(ACTOR_NAME)
    created_by_organisation: Mapped[str | None] = mapped_column(ACTOR_ORGANISATION)


class Created(CreatedBy):
    """When and by whom the record was created."""

    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)


class Updated:
    """When and by whom the record was last changed (null: never)."""

    updated_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    updated_by_type: Mapped[str | None] = mapped_column(ACTOR_TYPE)
    updated_by_id: Mapped[str | None] = mapped_column(ACTOR_ID)
    updated_by_name: Mapped[str | None] = mapped_column(ACTOR_NAME)
    updated_by_organisation: Mapped[str | None] = mapped_column(ACTOR_ORGANISATION)


class Deleted:
    """When and by whom the record was deleted; the row stays (null: it stands)."""

    deleted_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    deleted_by_type: Mapped[str | None] = mapped_column(ACTOR_TYPE)
    deleted_by_id: Mapped[str | None] = mapped_column(ACTOR_ID)
    deleted_by_name: Mapped[str | None] = mapped_column(ACTOR_NAME)
    deleted_by_organisation: Mapped[str | None] = mapped_column(ACTOR_ORGANISATION)


class Removed:
    """When and by whom the record was taken away; the row stays (null: it stands)."""

    removed_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    removed_by_type: Mapped[str | None] = mapped_column(ACTOR_TYPE)
    removed_by_id: Mapped[str | None] = mapped_column(ACTOR_ID)
    removed_by_name: Mapped[str | None] = mapped_column(ACTOR_NAME)
    removed_by_organisation: Mapped[str | None] = mapped_column(ACTOR_ORGANISATION)


class By:
    """Who wrote a message or a change (the time has its own name in each table)."""

    by_type: Mapped[str] = mapped_column(ACTOR_TYPE)
    by_id: Mapped[str | None] = mapped_column(ACTOR_ID)
    by_name: Mapped[str | None] = mapped_column(ACTOR_NAME)
    by_organisation: Mapped[str | None] = mapped_column(ACTOR_ORGANISATION)


class Acted(SourceReference):
    """Who made a version, when, and under which receipt reference."""

    at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)
    actor_type: Mapped[str] = mapped_column(ACTOR_TYPE)
    actor_id: Mapped[str | None] = mapped_column(ACTOR_ID)
    actor_name: Mapped[str | None] = mapped_column(ACTOR_NAME)
    actor_organisation: Mapped[str | None] = mapped_column(ACTOR_ORGANISATION)
