"""The floor of the production shape: the web app itself, with two pages that do the least a
logged-in page of this architecture must do. Served only by `bench/run.py --floor`.

- `/bench/floor/logged-in`: the session read and the citizen check, no DFDG call, a line of HTML;
- `/bench/floor/dfdg-read`: the same plus one DFDG call, the person's master data (in DFDG the
  person and their contact-group period, the access check and the audit entry, one transaction).

Min side does both and more (its status, absences, interviews and outbox, and its template), so
these rows show how much of its cost is the shape itself.
"""

from flask_login import current_user
from markupsafe import escape

from app import app
from jobnet.clients.dfdg_client.client import get_dfdg_client
from jobnet.web.auth.users import citizen_actor, citizen_required

PAGE = "<!DOCTYPE html><html lang=da><title>floor</title><p>{}</p></html>"


@app.get("/bench/floor/logged-in")
@citizen_required
def logged_in() -> str:
    return PAGE.format(escape(current_user.id))


@app.get("/bench/floor/dfdg-read")
@citizen_required
def dfdg_read() -> str:
    person = get_dfdg_client().get_person(current_user.id, citizen_actor())
    return PAGE.format(escape(person.given_name))
