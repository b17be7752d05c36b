"""Attachments as the forms take them and as pages hand them out.

An upload is judged by its content (the first bytes), never by its name or the type the
browser claims, with the domain's rules (`jobnet.domain.messages`); a refused one is named in
the form's errors and everything else typed is kept. A download is always served as an
attachment with the content type of what the file is, and `nosniff`, so a browser never
renders it inline. The pages that take files accept a larger body than the app's others.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import quote

from flask import Blueprint, request
from flask.blueprints import BlueprintSetupState
from flask_babel import gettext as _
from werkzeug.datastructures import FileStorage
from werkzeug.wrappers import Response

from jobnet.clients.dfdg_client.messages import AttachmentFile
from jobnet.domain.messages import (
    CONTENT_TYPES,
    MAX_ATTACHMENT_BYTES,
    MAX_ATTACHMENTS,
    AttachmentFacts,
    AttachmentKind,
    MessageProblem,
    check_message,
    safe_filename,
    sniff_kind,
)
from jobnet.web.journeys.messages import problem_message

# Five files of the largest size, and the form around them: a bigger body is the 413 page.
UPLOAD_BODY_LIMIT = MAX_ATTACHMENTS * MAX_ATTACHMENT_BYTES + 2 * 1024 * 1024


def allow_uploads_on(bp: Blueprint, endpoints: Iterable[str]) -> None:
    """Let a POST to `endpoints` carry files: its body limit is raised before anything of the
    app (the CSRF check, the kept forms) reads the form."""
    chosen = frozenset(endpoints)

    def raise_limit() -> None:
        if request.endpoint in chosen and request.method == "POST":
            request.max_content_length = UPLOAD_BODY_LIMIT

    def register(state: BlueprintSetupState) -> None:
        state.app.before_request_funcs.setdefault(None, []).insert(0, raise_limit)

    bp.record_once(register)


@dataclass(frozen=True)
class Upload:
    filename: str
    data: bytes


def _chosen(files: Iterable[FileStorage | str | None]) -> list[FileStorage]:
    return [f for f in files if isinstance(f, FileStorage) and f.filename]


def read_uploads(files: Iterable[FileStorage | str | None]) -> tuple[list[Upload], list[str]]:
    """The chosen files that keep the rules, and a message for each that does not."""
    chosen = _chosen(files)
    errors: list[str] = []
    if len(chosen) > MAX_ATTACHMENTS:
        errors.append(problem_message(MessageProblem.TOO_MANY_ATTACHMENTS))
        return [], errors
    kept: list[Upload] = []
    for storage in chosen:
        data = storage.stream.read(MAX_ATTACHMENT_BYTES + 1)
        facts = [AttachmentFacts(size=len(data), head=data[:16])]
        problems = check_message(subject=None, text="-", attachments=facts, needs_subject=False)
        name = storage.filename or ""
        if problems:
            for _field, problem in problems:
                errors.append(
                    _("%(file)s: %(problem)s", file=name, problem=problem_message(problem))
                )
            continue
        kind = sniff_kind(data[:16])
        assert kind is not None
        kept.append(Upload(safe_filename(name, kind), data))
    return kept, errors


def download(file: AttachmentFile) -> Response:
    """The attachment as a download: its own content type, never inline, never sniffed."""
    kind = AttachmentKind(file.kind)
    response = Response(file.data, mimetype=CONTENT_TYPES[kind])
    ascii_name = file.filename.encode("ascii", "replace").decode("ascii").replace("?", "_")
    response.headers["Content-Disposition"] = (
        f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(file.filename)}"
    )
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response.headers["Cache-Control"] = "no-store"
    return response
