"""Files sent to DFDG inside JSON (a message's attachments, a job log entry's copies): decoded
from base64, checked by their content against the area's rules, and kept under a safe name."""

from __future__ import annotations

import base64
import binascii
from collections.abc import Callable, Mapping, Sequence

from sqlalchemy.orm import Session

from jobnet.dfdg.problems import field_error, validation_problem
from jobnet.dfdg.rules import RuleViolation, refuse
from jobnet.dfdg.schemas.base import FieldError
from jobnet.dfdg.schemas.messages import AttachmentIn
from jobnet.domain.messages import AttachmentFacts, AttachmentKind, safe_filename, sniff_kind
from jobnet.domain.problems import rule_set_name

# A file once every rule holds: (safe name, kind by its content, content).
CheckedFiles = list[tuple[str, AttachmentKind, bytes]]

# The area's rules over the files' facts: every broken one as (field, problem code).
FileRules = Callable[[list[AttachmentFacts]], Sequence[tuple[str, str]]]


def violation(problems: Sequence[tuple[str, str]], words: Mapping[str, str]) -> RuleViolation:
    """The broken rules (field, code) as a 422 problem, each in `words`; the first names it."""
    errors = [
        FieldError(field=field, code=code, message=words.get(code, code), rules=rule_set_name(code))
        for field, code in problems
    ]
    error = RuleViolation(errors[0].code, errors)
    error.detail = words.get(errors[0].code, errors[0].code)
    return error


def decoded(items: Sequence[AttachmentIn], field: str) -> list[bytes]:
    """Each file's content; a 422 naming `<field>.<index>.content` for each that is not base64."""
    contents: list[bytes] = []
    errors: list[FieldError] = []
    for index, item in enumerate(items):
        try:
            contents.append(base64.b64decode(item.content, validate=True))
        except (binascii.Error, ValueError):
            name = f"{field}.{index}.content"
            errors.append(field_error(name, "not_base64", "Must be base64 (RFC 4648)"))
    if errors:
        raise validation_problem(errors)
    return contents


def checked_files(
    session: Session,
    action: str,
    person_id: str,
    *,
    field: str,
    items: Sequence[AttachmentIn],
    rules: FileRules,
    words: Mapping[str, str],
) -> CheckedFiles:
    """The files as (safe name, kind, content) once `rules` find nothing broken; an audited 422
    naming each broken rule otherwise."""
    contents = decoded(items, field)
    problems = rules([AttachmentFacts(size=len(data), head=data[:16]) for data in contents])
    if problems:
        refuse(session, action, person_id, violation(problems, words))
    kept: CheckedFiles = []
    for item, content in zip(items, contents, strict=True):
        kind = sniff_kind(content[:16])
        assert kind is not None  # the rules refuse a file of no known kind
        kept.append((safe_filename(item.filename, kind), kind, content))
    return kept
