"""Saving a change to a record in DFDG (a CV section, a job log entry) through the outbox.

The change forms carry the command's idempotency key, made when the form is first shown, so a
double click or a resubmit after the back button saves once. The rules are the shared ones of
`jobnet.domain`; `RuleForm` words their issues at the fields. After a save the person is sent
back with a receipt-style confirmation (the reference number) — or, when DFDG refused the
change, to the receipt that says why.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from flask import flash, redirect, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from werkzeug.wrappers import Response

from jobnet.clients.dfdg_client.commands import Command
from jobnet.domain.fields import FieldProblem, Issue
from jobnet.web.auth.users import subject_person_id
from jobnet.web.journeys import outbox, outbox_reads
from jobnet.web.journeys.machinery import receipt_for_key, send, web_store
from jobnet.web.platform.forms import JourneyForm, KeyField, valid_key
from jobnet.web.store.models import OutboxCommand

# Each a sentence of its own, in both languages: the field's question is never glued in
# ("When did you apply? must be filled in."). A required field words its own message with
# `Mandatory(message)`; the sentence below is for a field that has none.
MESSAGES: dict[FieldProblem, Any] = {
    FieldProblem.REQUIRED: _l("Fill in this field."),
    FieldProblem.TOO_LONG: _l("Write at most %(limit)s characters."),
    FieldProblem.TOO_MANY: _l("There are too many. Remove some."),
    FieldProblem.IN_THE_FUTURE: _l("The date cannot be in the future."),
    FieldProblem.TOO_FAR_BACK: _l("The date is too far back."),
    FieldProblem.TOO_FAR_AHEAD: _l("The date is too far ahead."),
    FieldProblem.END_BEFORE_START: _l("The end date cannot be before the start date."),
    FieldProblem.END_MISSING: _l("Enter the end date, unless it is still going on."),
    FieldProblem.END_AND_ONGOING: _l(
        "Leave the end date empty when it is still going on. Remove the date or the tick."
    ),
    FieldProblem.INVALID_EMAIL: _l("Enter an e-mail address like name@example.dk."),
    FieldProblem.INVALID_PHONE: _l(
        "Enter a Danish phone number with 8 digits, for example 20 30 40 50."
    ),
    FieldProblem.INVALID_URL: _l("Enter a web address that starts with http:// or https://."),
    FieldProblem.INVALID_CHOICE: _l("Choose one of the options."),
    FieldProblem.DUPLICATE: _l("You already have this on your CV."),
}


WINDOW_PROBLEMS = {
    FieldProblem.IN_THE_FUTURE,
    FieldProblem.TOO_FAR_BACK,
    FieldProblem.TOO_FAR_AHEAD,
}


def issue_message(problem: FieldProblem, field: Any = None, limit: int | None = None) -> str:
    """The sentence for a rule's problem at a field: the field's own required message if it has
    one (see `Mandatory`)."""
    if problem == FieldProblem.REQUIRED and field is not None:
        own = required_message(field)
        if own is not None:
            return str(own)
    if problem in WINDOW_PROBLEMS and getattr(field, "window", None) is not None:
        return str(field.window)  # the same sentence as in the field's hint
    return str(MESSAGES[problem]) % {"limit": limit or ""}


class RuleForm(JourneyForm):
    """A change form: its idempotency key, and the shared rules checked after the fields."""

    key = KeyField()
    limits: Mapping[str, int] = {}

    def rule_issues(self) -> list[Issue]:
        """The issues the domain rules find in the form's data (each form says which)."""
        return []

    def ensure_key(self) -> None:
        if not self.key.data:
            self.key.data = outbox.new_idempotency_key()

    def validate(self, extra_validators: Any = None) -> bool:
        valid = super().validate(extra_validators)
        if any(getattr(field, "parse_error", None) for field in self):
            return False
        for issue in self.rule_issues():
            field = getattr(self, issue.field, None)
            if field is None or field.errors:
                continue
            field.errors = [issue_message(issue.code, field, self.limits.get(issue.field))]
            valid = False
        return valid


def save(
    build: Callable[[str, str], Command],
    summary: dict[str, Any],
    key: str,
    done_url: str,
) -> Response:
    """Send the command `build(person_id, reference)` once for `key`; confirm and go back."""
    person_id = subject_person_id()
    assert person_id is not None
    receipt = receipt_for_key(key)
    if receipt is None:
        reference = outbox.new_reference()
        receipt = send(person_id, build(person_id, reference), summary, key, reference)
    # `send` answers the receipt as recorded; read how far delivery has come since.
    current = outbox_reads.find(web_store(), receipt.reference, person_id)
    return confirm(current or receipt, done_url)


def resubmitted(done_url: str) -> Response | None:
    """A form posted again with a key that already has a receipt (double click, back button):
    the same confirmation again, nothing sent twice. None for anything else."""
    key = valid_key(request.form.get("key")) if request.method == "POST" else None
    existing = receipt_for_key(key) if key else None
    return confirm(existing, done_url) if existing is not None else None


def confirm(receipt: OutboxCommand, done_url: str) -> Response:
    if receipt.status == outbox.REJECTED:
        return redirect(url_for("receipts.show", reference=receipt.reference))
    if receipt.status == outbox.REGISTERED:
        flash(
            _(
                "Saved in the employment database (DFDG). Reference number %(reference)s.",
                reference=receipt.reference,
            ),
            "success",
        )
    else:
        flash(
            _(
                "Received. It will be saved in the employment database (DFDG) as soon as "
                "possible; you do not need to do it again. Reference number %(reference)s.",
                reference=receipt.reference,
            ),
            "info",
        )
    return redirect(done_url)


def key_of(form: RuleForm) -> str:
    """The posted key; a form without one gets a fresh key (it is a new change)."""
    form.ensure_key()
    return str(form.key.data)


class Mandatory:
    """Marks a field as required (its label says so) while the shared rule checks it; `message`
    is what the person reads when it is left empty, a sentence of its own."""

    field_flags = {"required": True}

    def __init__(self, message: Any = None) -> None:
        self.message = message

    def __call__(self, form: Any, field: Any) -> None:
        return None


def required_message(field: Any) -> Any | None:
    return next(
        (v.message for v in field.validators if isinstance(v, Mandatory) and v.message), None
    )
