"""Make or revise the citizen's plan. Revising starts from the current version's values (each
measure keeps its key); DFDG adds the revision as a new version and keeps the earlier ones."""

from __future__ import annotations

from datetime import date
from typing import Any

from flask import render_template, request, session
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel import ngettext
from werkzeug.datastructures import MultiDict

from jobnet.clients.dfdg_client.client import get_dfdg_client
from jobnet.clients.dfdg_client.commands import Command
from jobnet.clients.dfdg_client.plans import (
    PLAN_CREATE,
    PLAN_REVISION,
    JobPlan,
    MeasureInput,
    PlanInput,
    create_plan_command,
    revise_plan_command,
)
from jobnet.web.auth.users import acting_jobcentre_required, current_actor, subject_person_id
from jobnet.web.citizen.plan.labels import measure_type_label
from jobnet.web.jobcentre.plan import bp
from jobnet.web.jobcentre.plan.forms import MeasuresForm, TargetsForm, measure_pairs, split_targets
from jobnet.web.journeys.machinery import (
    AnswerRow,
    Journey,
    Page,
    Step,
    add_journey_routes,
    current_situation,
)
from jobnet.web.journeys.receipts.summaries import format_date, summary_formatter
from jobnet.web.platform.i18n import format_local_number

TARGETS = "maal"
MEASURES = "indsatser"


def _measure_text(measure: dict[str, Any]) -> str:
    parts = [measure_type_label(measure["type"])]
    if measure.get("occupation"):
        parts.append(measure["occupation"])
    parts.append(
        _(
            "%(start)s to %(end)s",
            start=format_date(measure["start_date"]),
            end=format_date(measure["end_date"]),
        )
    )
    hours = measure["weekly_hours"]
    parts.append(
        ngettext(
            "%(hours)s hour a week",
            "%(hours)s hours a week",
            1 if hours == 1 else 2,
            hours=format_local_number(hours),
        )
    )
    provider = [measure.get(name) for name in ("provider_name", "provider_cvr")]
    if any(provider):
        parts.append(
            _("provider %(provider)s", provider=" ".join(value for value in provider if value))
        )
    if measure.get("provider_p_number"):
        parts.append(_("P-number %(number)s", number=measure["provider_p_number"]))
    return ", ".join(parts)


def _from_plan(plan: JobPlan) -> dict[str, Any]:
    """The current version's values as the journey's answers."""
    version = plan.current
    measures = [
        {
            "key": item.key,
            "type": item.type,
            "occupation": item.occupation,
            "provider_name": item.provider_name,
            "provider_cvr": item.provider_cvr,
            "provider_p_number": item.provider_p_number,
            "start_date": item.start_date.isoformat(),
            "end_date": item.end_date.isoformat(),
            "weekly_hours": item.weekly_hours,
        }
        for item in version.measures
    ]
    return {
        TARGETS: {
            "targets": "\n".join(version.targets),
            "applications_per_week": version.applications_per_week,
            "copies_per_week": version.copies_per_week,
            "copies_period": version.copies_period,
        },
        MEASURES: {"measures": measures},
    }


class PlanJourney(Journey):
    name = "jobcentre_plan"
    kind = PLAN_CREATE
    title = _l("The citizen's plan")
    steps = [
        Step(TARGETS, TargetsForm, _l("Employment targets and job search")),
        Step(
            MEASURES,
            MeasuresForm,
            _l("Activities and measures"),
            "jobcentre/citizens/plan_measures.html",
        ),
    ]

    def _start_draft(self) -> dict[str, Any]:
        """A new draft; revising fills it with the current version, shown on every page."""
        draft = super()._start_draft()
        person_id = subject_person_id()
        assert person_id is not None
        plan = get_dfdg_client().current_plan(person_id, current_actor())
        draft["revises"] = plan.current.number if plan else None
        if plan is not None:
            answers = _from_plan(plan)
            draft["answers"] = answers
            draft["typed"] = {
                TARGETS: [[key, str(value)] for key, value in answers[TARGETS].items()],
                MEASURES: measure_pairs(answers[MEASURES]["measures"]),
            }
        session.modified = True
        return draft

    def step_context(self, step: Any, situation: Any) -> dict[str, Any]:
        revises = (self.draft() or {}).get("revises")
        if revises:
            return {"intro": _("You are revising version %(number)s of the plan.", number=revises)}
        return {"intro": _("The citizen has no plan yet: you are making it.")}

    def _save_answers(self, step: Step, form: Any) -> None:
        if step.slug != MEASURES:
            super()._save_answers(step, form)
            return
        draft = self.draft() or self._start_draft()
        measures = form.answers()
        draft["answers"][MEASURES] = {"measures": measures}
        draft.setdefault("typed", {})[MEASURES] = measure_pairs(measures)
        session.modified = True

    def step(self, slug: str) -> Page:
        if slug == MEASURES and request.method == "POST" and "add_measure" in request.form:
            return self._add_measure()
        return super().step(slug)

    def _add_measure(self) -> Page:
        """Show the measures page again with the rows kept (removed ones left out) and one more
        empty row; nothing is checked until the caseworker continues."""
        situation = current_situation()
        if self.draft() is None:
            self._start_draft()
        step = self._step(MEASURES)
        typed = MeasuresForm(formdata=request.form, meta={"csrf": False})
        kept = [entry.form for entry in typed.measures if not entry.form.is_left_out()]
        pairs = [["csrf_token", request.form.get("csrf_token", "")]]
        for index, measure in enumerate(kept):
            old_prefix = measure.key.name.removesuffix("key")
            for key, value in request.form.items(multi=True):
                if key.startswith(old_prefix):
                    pairs.append([f"measures-{index}-{key.removeprefix(old_prefix)}", value])
        form = MeasuresForm(formdata=MultiDict([(pair[0], pair[1]) for pair in pairs]))
        form.prepare(situation)
        form.measures.append_entry()
        draft = self.draft()
        assert draft is not None
        draft.setdefault("typed", {})[MEASURES] = pairs[1:]
        session.modified = True
        return render_template(
            step.template,
            journey=self,
            step=step,
            form=form,
            situation=situation,
            back_url=self._back_url(step),
            extra=self.step_context(step, situation),
        )

    def command(self, answers: dict[str, Any], person_id: str, reference: str) -> Command:
        plan = PlanInput(
            targets=tuple(split_targets(answers.get("targets"))),
            applications_per_week=int(answers["applications_per_week"]),
            copies_per_week=int(answers.get("copies_per_week") or 0),
            copies_period=answers.get("copies_period") or "week",
            measures=tuple(
                MeasureInput(
                    type=item["type"],
                    start_date=date.fromisoformat(item["start_date"]),
                    end_date=date.fromisoformat(item["end_date"]),
                    weekly_hours=float(item["weekly_hours"]),
                    provider_cvr=item.get("provider_cvr"),
                    provider_p_number=item.get("provider_p_number"),
                    provider_name=item.get("provider_name"),
                    occupation=item.get("occupation"),
                    key=item.get("key"),
                )
                for item in answers.get("measures") or []
            ),
            reference=reference,
        )
        if (self.draft() or {}).get("revises"):
            return revise_plan_command(person_id, plan)
        return create_plan_command(person_id, plan)

    def summary(self, answers: dict[str, Any]) -> dict[str, Any]:
        return {**answers, "revises": (self.draft() or {}).get("revises")}

    def answer_rows(self, answers: dict[str, Any]) -> list[AnswerRow]:
        measures = answers.get("measures") or []
        rows = [
            AnswerRow(
                _("Employment targets"), "; ".join(split_targets(answers.get("targets"))), TARGETS
            ),
            AnswerRow(
                _("Applications a week"), str(answers.get("applications_per_week", "")), TARGETS
            ),
            AnswerRow(_("Copies of applications"), copies_words(answers), TARGETS),
        ]
        rows += [
            AnswerRow(_("Measure %(number)s", number=index), _measure_text(measure), MEASURES)
            for index, measure in enumerate(measures, start=1)
        ]
        if not measures:
            rows.append(AnswerRow(_("Activities and measures"), _("None"), MEASURES))
        return rows


def copies_words(answers: dict[str, Any]) -> str:
    """The copies agreed, in words: "2 a week", "1 a calendar month", "None"."""
    number = int(answers.get("copies_per_week") or 0)
    if not number:
        return _("None")
    if answers.get("copies_period") == "month":
        return ngettext("%(num)d a calendar month", "%(num)d a calendar month", number)
    return ngettext("%(num)d a week", "%(num)d a week", number)


def _plan_rows(summary: dict[str, Any]) -> list[tuple[str, str]]:
    measures = summary.get("measures") or []
    rows = [
        (_("Employment targets"), "; ".join(split_targets(summary.get("targets")))),
        (_("Applications a week"), str(summary.get("applications_per_week", ""))),
        (_("Copies of applications"), copies_words(summary)),
        (
            _("Activities and measures"),
            "; ".join(_measure_text(measure) for measure in measures) or _("None"),
        ),
    ]
    if summary.get("revises"):
        rows.insert(0, (_("Revises"), _("Version %(number)s", number=summary["revises"])))
    return rows


summary_formatter(PLAN_CREATE, _l("Plan made"))(_plan_rows)
summary_formatter(PLAN_REVISION, _l("Plan revised"))(_plan_rows)

_journey = PlanJourney()
add_journey_routes(bp, _journey, access=acting_jobcentre_required)
