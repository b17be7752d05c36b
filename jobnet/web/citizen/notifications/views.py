"""The citizen's choice of how to be told, their address and number, and the code."""

from __future__ import annotations

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user
from werkzeug.wrappers import Response
from wtforms.fields.choices import SelectChoice

from jobnet.web.auth.users import citizen_required
from jobnet.web.citizen.notifications import bp
from jobnet.web.notifications import choices, pages
from jobnet.web.notifications.forms import HOW_CHOICES, CodeForm, EmailForm, HowForm, PhoneForm
from jobnet.web.platform.i18n import current_language

NEEDS = {"email": ("email",), "sms": ("sms",), "both": ("email", "sms"), "none": ()}


def _subject() -> str:
    return choices.subject_of(choices.CITIZEN, current_user.id)


def _how_form(choice: choices.Choice, posted: bool = False) -> HowForm:
    form = HowForm() if posted else HowForm(formdata=None, how=choice.how)
    offered = pages.senders()
    form.how.choices = [
        SelectChoice(value, label)
        for value, label in HOW_CHOICES
        if all(c in offered for c in NEEDS[value])
    ]
    return form


def _page(
    how: HowForm | None = None, posted: str | None = None, form: EmailForm | PhoneForm | None = None
) -> str:
    choice = choices.get(pages.store(), _subject())
    forms = pages.address_forms()
    if posted is not None and form is not None:
        forms[posted] = form
    return render_template(
        "citizen/notifications/index.html",
        choice=choice,
        how_form=how or _how_form(choice),
        address_forms=forms,
    )


@bp.get("/")
@citizen_required
def index() -> str:
    return _page()


@bp.post("/")
@citizen_required
def save_how() -> str | Response:
    choice = choices.get(pages.store(), _subject())
    form = _how_form(choice, posted=True)
    if form.validate():
        confirmed = {"email": choice.email is not None, "sms": choice.phone is not None}
        missing = [c for c in NEEDS[str(form.how.data)] if not confirmed[c]]
        if not missing:
            choices.save_how(pages.store(), _subject(), str(form.how.data), current_language())
            flash(_("Your choice is saved."), "success")
            return redirect(url_for("notifications.index"), code=303)
        form.how.errors = [
            _("Confirm your e-mail address first")
            if missing[0] == "email"
            else _("Confirm your mobile number first")
        ]
    return _page(how=form)


@bp.post("/<channel>/kode")
@citizen_required
def send_code(channel: str) -> str | Response:
    pages.offered(channel)
    form = pages.address_forms(posted=channel)[channel]
    if form.validate() and pages.request_code(_subject(), channel, form):
        return redirect(url_for("notifications.confirm", channel=channel), code=303)
    return _page(posted=channel, form=form)


@bp.route("/<channel>/bekraeft", methods=["GET", "POST"])
@citizen_required
def confirm(channel: str) -> str | Response:
    pages.offered(channel)
    address = choices.pending_address(pages.store(), _subject(), channel)
    form = CodeForm()
    if form.is_submitted() and form.validate() and pages.check_code(_subject(), channel, form):
        flash(_("Thank you. It is confirmed, and we will use it."), "success")
        return redirect(url_for("notifications.index"), code=303)
    return render_template(
        "citizen/notifications/confirm.html",
        form=form,
        channel=channel,
        address=address,
        back=url_for("notifications.index"),
    )
