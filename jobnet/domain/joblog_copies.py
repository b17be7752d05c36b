"""Copies of applications in the job log (issue 22): what a copy may be.

The unemployment insurance funds' guidance asks a person receiving unemployment benefit to
"upload copies of applications as agreed" (shared/domain.md); My Plan says how many a week
(`copies_per_week` of a plan version). A copy belongs to one job log entry; an entry has at most
`MAX_COPIES` copies. A copy is a PDF, JPEG or PNG of at most `MAX_ATTACHMENT_BYTES`, judged by
its first bytes, never by its name (the messages' rules, `jobnet.domain.messages`).
Pure functions: no Flask, no database.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum

from jobnet.domain.messages import MAX_ATTACHMENT_BYTES, AttachmentFacts, sniff_kind

MAX_COPIES = 5


class CopyProblem(StrEnum):
    TOO_MANY_COPIES = "too_many_copies"
    COPY_TOO_BIG = "copy_too_big"
    COPY_KIND = "copy_kind"
    COPY_EMPTY = "copy_empty"


def check_copy(facts: AttachmentFacts) -> CopyProblem | None:
    """Why one file cannot be a copy, or None when it can."""
    if facts.size == 0:
        return CopyProblem.COPY_EMPTY
    if facts.size > MAX_ATTACHMENT_BYTES:
        return CopyProblem.COPY_TOO_BIG
    if sniff_kind(facts.head) is None:
        return CopyProblem.COPY_KIND
    return None


def check_copies(existing: int, added: Sequence[AttachmentFacts]) -> list[tuple[str, CopyProblem]]:
    """Every rule the added files break, as (field, problem): `copies.<index>` for a file,
    `copies` when the entry would hold more than `MAX_COPIES`."""
    problems: list[tuple[str, CopyProblem]] = []
    if existing + len(added) > MAX_COPIES:
        problems.append(("copies", CopyProblem.TOO_MANY_COPIES))
    for index, facts in enumerate(added[:MAX_COPIES]):
        problem = check_copy(facts)
        if problem is not None:
            problems.append((f"copies.{index}", problem))
    return problems
