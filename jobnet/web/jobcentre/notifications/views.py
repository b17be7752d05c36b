"""The caseworker's daily e-mail of the inbox's unread messages: the address and the choice."""

from __future__ import annotations

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user
from werkzeug.wrappers import Response

from jobnet.web.auth.users import jobcentre_required
from jobnet.web.jobcentre.notifications import bp
from jobnet.web.notifications import choices, pages
from jobnet.web.notifications.forms import CodeForm, DigestForm, EmailForm
from jobnet.web.platform.i18n import current_language

EMAIL = "email"


def _subject() -> str:
    return choices.subject_of(choices.CASEWORKER, current_user.id)


def _page(digest: DigestForm | None = None, email: EmailForm | None = None) -> str:
    choice = choices.get(pages.store(), _subject())
    return render_template(
        "jobcentre/notifications/index.html",
        choice=choice,
        digest_form=digest
        or DigestForm(formdata=None, daily="yes" if choice.daily_digest else "no"),
        email_form=email or EmailForm(formdata=None, prefix=EMAIL),
    )


@bp.get("/")
@jobcentre_required
def index() -> str:
    pages.offered(EMAIL)
    return _page()


@bp.post("/")
@jobcentre_required
def save_digest() -> str | Response:
    pages.offered(EMAIL)
    form = DigestForm()
    if form.validate():
        choice = choices.get(pages.store(), _subject())
        if form.wants_daily and choice.email is None:
            form.daily.errors = [_("Confirm your e-mail address first")]
            return _page(digest=form)
        cvr = current_user.organisation_cvr
        choices.save_digest(pages.store(), _subject(), form.wants_daily, cvr, current_language())
        flash(_("Your choice is saved."), "success")
        return redirect(url_for("jobcentre_notifications.index"), code=303)
    return _page(digest=form)


@bp.post("/kode")
@jobcentre_required
def send_code() -> str | Response:
    pages.offered(EMAIL)
    form = EmailForm(prefix=EMAIL)
    if form.validate() and pages.request_code(_subject(), EMAIL, form):
        return redirect(url_for("jobcentre_notifications.confirm"), code=303)
    return _page(email=form)


@bp.route("/bekraeft", methods=["GET", "POST"])
@jobcentre_required
def confirm() -> str | Response:
    pages.offered(EMAIL)
    address = choices.pending_address(pages.store(), _subject(), EMAIL)
    form = CodeForm()
    if form.is_submitted() and form.validate() and pages.check_code(_subject(), EMAIL, form):
        flash(_("Thank you. It is confirmed, and we will use it."), "success")
        return redirect(url_for("jobcentre_notifications.index"), code=303)
    return render_template(
        "citizen/notifications/confirm.html",
        form=form,
        channel=EMAIL,
        address=address,
        back=url_for("jobcentre_notifications.index"),
    )
