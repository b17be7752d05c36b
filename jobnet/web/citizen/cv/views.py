"""Mit CV: the overview of every section, one page per section, add / change / remove for the
list sections with an "are you sure" page. Every save is a command to DFDG via the outbox."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from flask import abort, render_template, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from werkzeug.wrappers import Response

from jobnet.clients.dfdg_client.client import get_dfdg_client
from jobnet.clients.dfdg_client.cv import (
    CV_ENTRY_ADD,
    CV_ENTRY_EDIT,
    CV_ENTRY_REMOVE,
    CV_KINDS,
    CV_SECTION,
    Cv,
    CvEntry,
    cv_entry_add_command,
    cv_entry_edit_command,
    cv_entry_remove_command,
    cv_section_command,
    parse_cv,
)
from jobnet.domain.cv import LIST_SECTIONS
from jobnet.web.auth.resume import form_data
from jobnet.web.auth.users import current_actor, subject_person_id, subject_required
from jobnet.web.citizen.cv import bp
from jobnet.web.citizen.cv.forms import (
    ContactForm,
    CourseForm,
    DrivingLicencesForm,
    EducationForm,
    ExperienceForm,
    JobWishesForm,
    LanguageForm,
    ProfileForm,
    RemoveForm,
    SectionForm,
    SkillForm,
    VisibilityForm,
)
from jobnet.web.citizen.cv.texts import (
    approval_label,
    describe_entry,
    section_rows,
    summary_values,
    value_text,
)
from jobnet.web.journeys import known_answers, outbox_reads
from jobnet.web.journeys.changes import key_of, resubmitted, save
from jobnet.web.journeys.labels import report_actor_label
from jobnet.web.journeys.machinery import web_store
from jobnet.web.journeys.receipts.summaries import summary_formatter

Page = str | Response


@dataclass(frozen=True)
class SectionPage:
    section: str  # jobnet.domain.cv.Section
    slug: str
    title: Any
    form: type[SectionForm]
    add_title: Any = None
    edit_title: Any = None

    @property
    def is_list(self) -> bool:
        return self.section in LIST_SECTIONS


PAGES = (
    SectionPage("contact", "kontakt", _l("Contact details"), ContactForm),
    SectionPage("job_wishes", "jobonsker", _l("Job wishes"), JobWishesForm),
    SectionPage(
        "experience",
        "erhvervserfaring",
        _l("Work experience"),
        ExperienceForm,
        _l("Add work experience"),
        _l("Change work experience"),
    ),
    SectionPage(
        "education",
        "uddannelse",
        _l("Education"),
        EducationForm,
        _l("Add education"),
        _l("Change education"),
    ),
    SectionPage(
        "courses",
        "kurser",
        _l("Courses and certificates"),
        CourseForm,
        _l("Add a course or certificate"),
        _l("Change course or certificate"),
    ),
    SectionPage(
        "skills", "kompetencer", _l("Skills"), SkillForm, _l("Add a skill"), _l("Change skill")
    ),
    SectionPage(
        "languages",
        "sprog",
        _l("Languages"),
        LanguageForm,
        _l("Add a language"),
        _l("Change language"),
    ),
    SectionPage("driving_licences", "koerekort", _l("Driving licences"), DrivingLicencesForm),
    SectionPage("profile", "profil", _l("Profile"), ProfileForm),
    SectionPage("visibility", "synlighed", _l("Visibility to employers"), VisibilityForm),
)
PAGE_BY_SLUG = {page.slug: page for page in PAGES}
PAGE_BY_SECTION = {page.section: page for page in PAGES}


def _page(slug: str, *, is_list: bool) -> SectionPage:
    page = PAGE_BY_SLUG.get(slug)
    if page is None or page.is_list != is_list:
        abort(404)
    return page


def _person_id() -> str:
    person_id = subject_person_id()
    assert person_id is not None
    return person_id


def _cv() -> Cv:
    """The CV; while DFDG is away, the citizen's own last known one (saying from when)."""
    person_id = _person_id()
    return parse_cv(
        known_answers.own_answer(
            person_id, "cv", lambda: get_dfdg_client().cv_answer(person_id, current_actor())
        )
    )


def _entry(cv: Cv, page: SectionPage, entry_id: str) -> CvEntry:
    entry = cv.entry(page.section, entry_id)
    if entry is None:
        abort(404)
    return entry


def _single_values(cv: Cv, section: str) -> dict[str, Any]:
    values: dict[str, dict[str, Any]] = {
        "contact": {"email": cv.email, "phone": cv.phone},
        "job_wishes": {
            "titles": list(cv.job_titles),
            "area": cv.job_area,
            "work_time": cv.work_time,
        },
        "driving_licences": {"licences": list(cv.driving_licences)},
        "profile": {"text": cv.profile},
        "visibility": {"searchable": cv.searchable},
    }
    return values[section]


def _form(page: SectionPage, cv: Cv, values: dict[str, Any], except_id: str | None) -> SectionForm:
    """Filled from what was posted or kept from an expired session, else from the saved values."""
    formdata = form_data()
    form = page.form(data=page.form.data_from(values)) if formdata is None else page.form(formdata)
    form.today = cv.today
    name = "language" if page.section == "languages" else "name"
    others = [e for e in cv.entries(page.section) if e.id != except_id] if page.is_list else []
    form.others = [str(e[name] or "") for e in others]
    return form


def _summary(page: SectionPage, values: dict[str, Any]) -> dict[str, Any]:
    return {"section": page.section, "values": summary_values(values)}


def _render(page: SectionPage, form: SectionForm, title: Any, **extra: Any) -> str:
    form.ensure_key()
    return render_template(
        "citizen/cv/section.html",
        page=page,
        form=form,
        title=title,
        back_url=url_for("cv.index"),
        **extra,
    )


def _saved(
    page: SectionPage, form: SectionForm, build: Callable[[str, str], Any], values: dict[str, Any]
) -> Response:
    return save(build, _summary(page, values), key_of(form), url_for("cv.index"))


# --- pages ------------------------------------------------------------------------------------


@bp.get("/")
@subject_required
def index() -> str:
    person_id = _person_id()
    cv = _cv()
    pending = outbox_reads.pending_for_person(web_store(), person_id, set(CV_KINDS))
    sections = [
        {
            "page": page,
            "rows": [] if page.is_list else section_rows(page.section, cv),
            "entries": [(e, *describe_entry(e)) for e in cv.entries(page.section)]
            if page.is_list
            else [],
        }
        for page in PAGES
    ]
    return render_template(
        "citizen/cv/index.html",
        cv=cv,
        person=cv.holder,
        sections=sections,
        pending=len(pending),
        approval_label=approval_label(
            cv.approval_status, cv.approved_by.organisation_name if cv.approved_by else None
        ),
        changed_by=_changed_by_caseworker(cv),
    )


def _changed_by_caseworker(cv: Cv) -> str | None:
    """The caseworker's name and job centre when a caseworker made the CV's latest change."""
    if cv.updated_by is None or cv.updated_by.type != "caseworker":
        return None
    return report_actor_label(cv.updated_by.model_dump())


@bp.route("/<slug>", methods=["GET", "POST"])
@subject_required
def section(slug: str) -> Page:
    if (again := resubmitted(url_for("cv.index"))) is not None:
        return again
    page = _page(slug, is_list=False)
    cv = _cv()
    form = _form(page, cv, _single_values(cv, page.section), None)
    if form.validate_on_submit():
        body = form.body()
        return _saved(
            page,
            form,
            lambda person_id, ref: cv_section_command(person_id, page.section, body, ref),
            body,
        )
    return _render(page, form, page.title)


@bp.route("/<slug>/ny", methods=["GET", "POST"])
@subject_required
def add(slug: str) -> Page:
    if (again := resubmitted(url_for("cv.index"))) is not None:
        return again
    page = _page(slug, is_list=True)
    cv = _cv()
    form = _form(page, cv, {}, None)
    if form.validate_on_submit():
        body = form.body()
        return _saved(
            page,
            form,
            lambda person_id, ref: cv_entry_add_command(person_id, page.section, body, ref),
            body,
        )
    return _render(page, form, page.add_title)


@bp.route("/<slug>/<entry_id>", methods=["GET", "POST"])
@subject_required
def edit(slug: str, entry_id: str) -> Page:
    if (again := resubmitted(url_for("cv.index"))) is not None:
        return again
    page = _page(slug, is_list=True)
    cv = _cv()
    entry = _entry(cv, page, entry_id)
    form = _form(page, cv, dict(entry.fields), entry.id)
    if form.validate_on_submit():
        body = form.body()
        return _saved(
            page,
            form,
            lambda person_id, ref: cv_entry_edit_command(
                person_id, page.section, entry.id, body, ref
            ),
            body,
        )
    remove_url = url_for("cv.remove", slug=page.slug, entry_id=entry.id)
    return _render(page, form, page.edit_title, remove_url=remove_url)


@bp.route("/<slug>/<entry_id>/fjern", methods=["GET", "POST"])
@subject_required
def remove(slug: str, entry_id: str) -> Page:
    if (again := resubmitted(url_for("cv.index"))) is not None:
        return again
    page = _page(slug, is_list=True)
    entry = _entry(_cv(), page, entry_id)
    form = RemoveForm()
    if form.validate_on_submit():
        values = dict(entry.fields)
        return save(
            lambda person_id, ref: cv_entry_remove_command(person_id, page.section, entry.id, ref),
            _summary(page, values),
            key_of(form),
            url_for("cv.index"),
        )
    form.ensure_key()
    heading, details = describe_entry(entry)
    return render_template(
        "citizen/cv/remove.html",
        page=page,
        form=form,
        heading=heading,
        details=details,
        back_url=url_for("cv.edit", slug=page.slug, entry_id=entry.id),
    )


# --- receipts ---------------------------------------------------------------------------------


def _receipt_rows(what: Any) -> Callable[[dict[str, Any]], list[tuple[str, str]]]:
    def rows(summary: dict[str, Any]) -> list[tuple[str, str]]:
        page = PAGE_BY_SECTION.get(summary.get("section", ""))
        section_label = str(page.title) if page else str(summary.get("section", ""))
        values = summary.get("values") or {}
        labels = _field_labels(page.form) if page else {}
        value_rows = [
            (labels.get(name, name), value_text(name, value))
            for name, value in values.items()
            if name in labels and value_text(name, value)
        ]
        return [(_("CV section"), section_label), (_("What changed"), str(what)), *value_rows]

    return rows


def _field_labels(form_class: type[SectionForm]) -> dict[str, str]:
    form = form_class(formdata=None, meta={"csrf": False})
    return {
        field.name: str(field.label.text)
        for field in form
        if field.type not in ("HiddenField", "CSRFTokenField")
    }


for _kind, _label, _what in (
    (CV_SECTION, _l("CV changed"), _l("Changed")),
    (CV_ENTRY_ADD, _l("Added to the CV"), _l("Added")),
    (CV_ENTRY_EDIT, _l("Changed in the CV"), _l("Changed")),
    (CV_ENTRY_REMOVE, _l("Removed from the CV"), _l("Removed")),
):
    summary_formatter(_kind, _label)(_receipt_rows(_what))
