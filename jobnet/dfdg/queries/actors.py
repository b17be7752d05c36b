"""Who acted: the actor columns written on records, and names of actors' organisations."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from jobnet.dfdg.actor import ActorContext
from jobnet.dfdg.models.persons import Organisation

ActorColumns = dict[str, str | None]


def actor_columns(prefix: str, actor: ActorContext) -> ActorColumns:
    """The `<prefix>_type/_id/_name/_organisation` column values for `actor`."""
    return {
        f"{prefix}_type": actor.type,
        f"{prefix}_id": actor.id,
        f"{prefix}_name": actor.name,
        f"{prefix}_organisation": actor.organisation,
    }


# Built once: every page showing who acted runs it.
_NAMES = select(Organisation.cvr, Organisation.name).where(
    Organisation.cvr.in_(bindparam("cvrs", expanding=True))
)


def organisation_names(session: Session, cvrs: Iterable[str | None]) -> dict[str, str]:
    """Organisation name by CVR number for the given numbers (one query; none when empty)."""
    wanted = {cvr for cvr in cvrs if cvr}
    if not wanted:
        return {}
    return {cvr: name for cvr, name in session.execute(_NAMES, {"cvrs": sorted(wanted)})}
