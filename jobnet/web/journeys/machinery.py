"""The shape every citizen journey shares: question pages, check your answers, one submit,
a receipt.

A journey keeps its answers in the server-side session as a draft, together with the
idempotency key made when its first page was shown. Submitting stores the command in the outbox
(the receipt) and tries to deliver it at once; the key makes a double click, a resubmit after
the back button or a second tab the same command. Journeys subclass `Journey` and keep their
views thin: each view calls `step()`, `check_answers()` or `submit()`.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any, ClassVar

from flask import abort, current_app, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_login import current_user
from flask_wtf import FlaskForm
from werkzeug.datastructures import MultiDict
from werkzeug.wrappers import Response

from jobnet.clients.dfdg_client.client import get_dfdg_client
from jobnet.clients.dfdg_client.commands import Command
from jobnet.clients.dfdg_client.errors import DfdgUnavailable
from jobnet.web.auth.resume import resumed_form
from jobnet.web.auth.users import current_actor, subject_person_id, subject_required
from jobnet.web.journeys import last_known, outbox
from jobnet.web.journeys.kept_status import (
    DRAFTS_KEY,
    current_situation,
    forget_kept_statuses,
    web_store,
)
from jobnet.web.journeys.situation import Situation
from jobnet.web.platform.forms import DatePartsField, SubmitForm
from jobnet.web.store.models import OutboxCommand

Page = str | Response | tuple[str, int]


@dataclass(frozen=True)
class Step:
    """One question page: its URL slug, its form and its page title."""

    slug: str
    form: type[FlaskForm]
    title: Any
    template: str = "journeys/step.html"


@dataclass(frozen=True)
class AnswerRow:
    label: str
    value: str
    step: str


def _serialise(data: dict[str, Any]) -> dict[str, Any]:
    return {
        key: value.isoformat() if isinstance(value, date) else value
        for key, value in data.items()
        if key not in ("csrf_token", "submit")
    }


def _typed_fields(form: FlaskForm) -> list[list[str]]:
    """What was typed into the form's own fields (a date's parts are `<name>-day` …): anything
    else posted along is not kept, so a draft holds no more than the form asks for."""
    own = {name for name in form._fields if name != "csrf_token"}
    return [
        [key, value]
        for key, value in request.form.items(multi=True)
        if key in own or key.partition("-")[0] in own
    ]


def _show_errors(form: FlaskForm) -> None:
    """Check what the form holds, as if it were sent now, and keep the errors to show; the
    token is this page's own, since nothing came from the browser."""
    if "csrf_token" in form:
        form.csrf_token.data = form.csrf_token.current_token
    form.validate()


class Journey(ABC):
    """A journey's pages and rules. Subclasses set the class attributes and `command()`."""

    name: ClassVar[str]  # the blueprint's name
    kind: ClassVar[str]  # the command kind (clients.dfdg_client.commands)
    steps: ClassVar[list[Step]]
    title: ClassVar[Any]
    template_folder: ClassVar[str]

    # -- what each journey says ------------------------------------------------------------

    def not_possible(self, situation: Situation) -> str | None:
        """Why this person cannot use the journey now (a sentence), or None."""
        return None

    # Open to someone whose status is not known (never seen, logged in while DFDG is away):
    # the journey's rules need no status, and DFDG's decide at delivery.
    while_unknown: ClassVar[bool] = False

    def _reason(self, situation: Situation) -> str | None:
        if situation.unknown and not self.while_unknown:
            return _(
                "Jobnet cannot see your registration until the employment database (DFDG) can "
                "be reached again, so this report cannot be made yet. You can register as a "
                "jobseeker or report sickness now."
            )
        return self.not_possible(situation)

    @abstractmethod
    def command(self, answers: dict[str, Any], person_id: str, reference: str) -> Command:
        """The command for DFDG that the answers make."""

    def summary(self, answers: dict[str, Any]) -> dict[str, Any]:
        """What the receipt shows; the journey's answers by default."""
        return answers

    @abstractmethod
    def answer_rows(self, answers: dict[str, Any]) -> list[AnswerRow]:
        """The check-your-answers rows, each with its change link."""

    # -- the draft in the session ----------------------------------------------------------

    def _drafts(self) -> dict[str, Any]:
        return session.setdefault(DRAFTS_KEY, {})

    def draft(self) -> dict[str, Any] | None:
        draft = self._drafts().get(self.name)
        if draft and draft.get("person_id") == subject_person_id():
            return draft
        return None

    def _start_draft(self) -> dict[str, Any]:
        draft: dict[str, Any] = {
            "key": outbox.new_idempotency_key(),
            "person_id": subject_person_id(),
            "answers": {},
        }
        self._drafts()[self.name] = draft
        session.modified = True
        return draft

    def _save_answers(self, step: Step, form: FlaskForm) -> None:
        """Keep both the answers and what was typed, so pages show it again exactly and the
        check page can validate it again."""
        draft = self.draft() or self._start_draft()
        draft["answers"][step.slug] = _serialise(form.data)
        draft.setdefault("typed", {})[step.slug] = _typed_fields(form)
        session.modified = True

    def _keep_typed(self, step: Step) -> None:
        draft = self.draft() or self._start_draft()
        draft.setdefault("typed", {})[step.slug] = _typed_fields(step.form(formdata=None))
        session.modified = True

    def _typed(self, step: Step) -> MultiDict[str, str] | None:
        typed = (self.draft() or {}).get("typed", {}).get(step.slug)
        return MultiDict([tuple(pair) for pair in typed]) if typed is not None else None

    def _forget_draft(self) -> None:
        self._drafts().pop(self.name, None)
        session.modified = True

    def answers(self) -> dict[str, Any]:
        """All answers so far, merged across steps."""
        merged: dict[str, Any] = {}
        for step_answers in (self.draft() or {}).get("answers", {}).values():
            merged.update(step_answers)
        return merged

    # -- pages -----------------------------------------------------------------------------

    def _step(self, slug: str) -> Step:
        for step in self.steps:
            if step.slug == slug:
                return step
        abort(404)

    def _next_url(self, step: Step) -> str:
        if request.args.get("change"):
            return url_for(f"{self.name}.check")
        index = self.steps.index(step)
        if index + 1 < len(self.steps):
            return url_for(f"{self.name}.step", slug=self.steps[index + 1].slug)
        return url_for(f"{self.name}.check")

    def _back_url(self, step: Step) -> str:
        if request.args.get("change"):
            return url_for(f"{self.name}.check")
        index = self.steps.index(step)
        if index == 0:
            return self.exit_url()
        return url_for(f"{self.name}.step", slug=self.steps[index - 1].slug)

    def exit_url(self) -> str:
        return (
            url_for("min_side.index") if current_user.is_citizen else url_for("caseworker.citizen")
        )

    def _form(self, step: Step, situation: Situation) -> FlaskForm:
        formdata: MultiDict[str, str] | None = (
            request.form if request.method == "POST" else resumed_form() or self._typed(step)
        )
        form = step.form(formdata=formdata)
        form.situation = situation
        form.prepare(situation)
        return form

    def _not_possible_page(self, reason: str) -> tuple[str, int]:
        page = render_template(
            "journeys/not_possible.html", journey=self, reason=reason, exit_url=self.exit_url()
        )
        return page, 200

    def start(self) -> Response:
        """The journey's entry: the draft (a new one with a new key if none), then page one."""
        if self.draft() is None:
            self._start_draft()
        return redirect(url_for(f"{self.name}.step", slug=self.steps[0].slug))

    def step(self, slug: str) -> Page:
        step = self._step(slug)
        try:
            situation = current_situation(keep_in=self.draft())
        except DfdgUnavailable:
            if request.method == "POST":
                self._keep_typed(step)  # shown again when the person comes back
            raise
        reason = self._reason(situation)
        if reason:
            return self._not_possible_page(reason)
        if self.draft() is None:
            self._start_draft()
        form = self._form(step, situation)
        if request.method == "POST" and form.validate():
            self._save_answers(step, form)
            return redirect(self._next_url(step))
        if request.method == "GET" and request.args.get("recheck") and self._typed(step):
            _show_errors(form)
        return render_template(
            step.template,
            journey=self,
            step=step,
            form=form,
            situation=situation,
            back_url=self._back_url(step),
            extra=self.step_context(step, situation),
        )

    def step_context(self, step: Step, situation: Situation) -> dict[str, Any]:
        """Anything more a step's template needs (hints with dates, for example)."""
        return {}

    def _first_invalid_step(self, situation: Situation) -> Step | None:
        for step in self.steps:
            typed = self._typed(step)
            if typed is None:
                return step
            form = step.form(formdata=typed, meta={"csrf": False})
            form.situation = situation
            form.prepare(situation)
            if not form.validate():
                return step
        return None

    def _back_to(self, step: Step) -> Response:
        """To a question not answered, or whose answer no longer holds (the situation changed
        since): then the page says why, as if the answer had just been sent."""
        if self._typed(step) is None:
            return redirect(url_for(f"{self.name}.step", slug=step.slug))
        return redirect(url_for(f"{self.name}.step", slug=step.slug, recheck=1))

    def check_answers(self) -> Page:
        situation = current_situation(keep_in=self.draft())
        reason = self._reason(situation)
        if reason:
            return self._not_possible_page(reason)
        draft = self.draft()
        if draft is None:
            return self.start()
        missing = self._first_invalid_step(situation)
        if missing is not None:
            return self._back_to(missing)
        form = SubmitForm(data={"key": draft["key"]})
        return self._render_check(form)

    def _render_check(self, form: SubmitForm) -> str:
        return render_template(
            "journeys/check.html",
            journey=self,
            form=form,
            rows=self.answer_rows(self.answers()),
            back_url=url_for(f"{self.name}.step", slug=self.steps[-1].slug),
        )

    def submit(self) -> Page:
        form = SubmitForm()
        if not form.validate_on_submit() or not form.key.data:
            abort(400)
        person_id = subject_person_id()
        assert person_id is not None
        existing = receipt_for_key(form.key.data)
        if existing is not None:
            return redirect(url_for("receipts.show", reference=existing.reference))
        draft = self.draft()
        if draft is None or draft["key"] != form.key.data:
            return self.start()
        # Store first: nothing is asked of DFDG before the command and its receipt are kept.
        # The answers are checked once more against what is known (the status kept on the
        # journey's pages and the commands on their way); DFDG checks them all at delivery,
        # and what it refuses shows as refused, with why, on the receipt and Min side.
        situation = current_situation(keep_in=draft, offline=True)
        if situation is not None:
            reason = self._reason(situation)
            missing = None if reason else self._first_invalid_step(situation)
            if reason or missing:
                # The same command sent a moment ago from another tab changes the situation
                # (a sickness just reported): that tab's receipt is the answer, not an error.
                if (existing := receipt_for_key(form.key.data)) is not None:
                    return redirect(url_for("receipts.show", reference=existing.reference))
                if reason:
                    return self._not_possible_page(reason)
                assert missing is not None
                return self._back_to(missing)
        answers = self.answers()
        reference = outbox.new_reference()
        command = self.command(answers, person_id, reference)
        receipt = send(person_id, command, self.summary(answers), draft["key"], reference)
        self._forget_draft()
        return redirect(url_for("receipts.show", reference=receipt.reference))


def send(
    person_id: str, command: Command, summary: dict[str, Any], key: str, reference: str
) -> OutboxCommand:
    """Store the command with its receipt, then try to deliver it (and anything of the same
    person still waiting before it) at once."""
    receipt = outbox.record(
        web_store(),
        person_id=person_id,
        kind=command.kind,
        method=command.method,
        path=command.path,
        body=command.body,
        summary=summary,
        actor=current_actor(),
        idempotency_key=key,
        organisation_name=getattr(current_user, "organisation_name", None),
        reference=reference,
    )
    forget_kept_statuses()
    if not last_known.dfdg_seems_away():  # else the worker delivers it when DFDG is back
        budget = current_app.config["OUTBOX_SEND_BUDGET_SECONDS"]
        outbox.deliver_queue(web_store(), get_dfdg_client(), person_id, budget=budget)
    return receipt


def receipt_for_key(key: str) -> OutboxCommand | None:
    """The receipt already made with this idempotency key, if it is this person's; a key of
    someone else's is a 404."""
    existing = outbox.find_by_key(web_store(), key)
    if existing is not None and existing.person_id != subject_person_id():
        abort(404)
    return existing


def date_answer(answers: dict[str, Any], name: str) -> date | None:
    value = answers.get(name)
    return date.fromisoformat(value) if isinstance(value, str) and value else None


def rule_validator(check: Callable[[FlaskForm, Any], str | None]) -> Callable[..., None]:
    """A WTForms validator from a function answering the problem's message, or None."""
    from wtforms.validators import ValidationError

    def validate(form: FlaskForm, field: Any) -> None:
        if isinstance(field, DatePartsField) and field.data is None:
            return
        message = check(form, field)
        if message:
            raise ValidationError(message)

    return validate


def add_journey_routes(
    bp: Any, journey: Journey, access: Callable[[Any], Any] = subject_required
) -> None:
    """The four routes of a journey: entry, question pages, check your answers, submit.

    `/tjek` is registered before `/<slug>` so it is never taken for a question page. `access` is
    who may use it: the citizen or a caseworker on their behalf, unless the journey says else.
    """

    @access
    def start() -> Page:
        return journey.start()

    @access
    def check() -> Page:
        return journey.check_answers()

    @access
    def submit() -> Page:
        return journey.submit()

    @access
    def step(slug: str) -> Page:
        return journey.step(slug)

    bp.add_url_rule("/", "start", start, methods=["GET"])
    bp.add_url_rule("/tjek", "check", check, methods=["GET"])
    bp.add_url_rule("/send", "submit", submit, methods=["POST"])
    bp.add_url_rule("/<slug>", "step", step, methods=["GET", "POST"])
