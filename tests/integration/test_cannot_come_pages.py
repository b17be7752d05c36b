""" "I can't come" on a summons: the form, its rules, the receipt, the summons and the
caseworker's view show it."""

from __future__ import annotations

import re
from collections.abc import Callable

from flask import Flask
from flask.testing import FlaskClient

from tests.helpers import csrf_token
from tests.integration.test_journeys import (  # noqa: F401 - fixtures
    EN,
    METTE,
    citizen,
    journey_app,
)


def _upcoming_summons(client: FlaskClient) -> str:
    listing = client.get("/indkaldelser/", headers=EN).get_data(as_text=True)
    upcoming = listing.split('id="upcoming-heading"')[1].split("</section>")[0]
    found = re.search(r'href="/indkaldelser/([0-9a-f-]{36})"', upcoming)
    assert found, upcoming
    return found.group(1)


def test_i_cant_come_with_sickness(
    citizen: Callable[[str], FlaskClient],  # noqa: F811
    journey_app: Flask,  # noqa: F811
) -> None:
    client = citizen(METTE)
    summons_id = _upcoming_summons(client)
    show = client.get(f"/indkaldelser/{summons_id}", headers=EN).get_data(as_text=True)
    assert f'href="/indkaldelser/{summons_id}/kan-ikke-komme"' in show
    path = f"/indkaldelser/{summons_id}/kan-ikke-komme"
    form = client.get(path, headers=EN)
    assert form.status_code == 200
    token = csrf_token(form)
    key = re.search(
        r'id="key" name="key" type="hidden" value="([^"]+)"', form.get_data(as_text=True)
    )
    assert key
    empty = client.post(path, data={"csrf_token": token, "key": key.group(1)}, headers=EN)
    assert "Choose why you cannot come" in empty.get_data(as_text=True)
    other = client.post(
        path, data={"csrf_token": token, "key": key.group(1), "reason": "other"}, headers=EN
    )
    assert "Write why you cannot come." in other.get_data(as_text=True)
    data = {"csrf_token": token, "key": key.group(1), "reason": "sickness", "note": "Feber"}
    sent = client.post(path, data=data)
    assert sent.status_code == 302 and "/kvittering/" in sent.location
    receipt = client.get(sent.location, headers=EN).get_data(as_text=True)
    assert "I am sick" in receipt and "Feber" in receipt
    again = client.post(path, data=data)  # the same key: the same receipt
    assert again.location == sent.location
    show = client.get(f"/indkaldelser/{summons_id}", headers=EN).get_data(as_text=True)
    assert "You have told the job centre that you cannot come" in show
    assert 'href="/sygemelding/' in show  # report sickness as well
    assert f'href="/indkaldelser/{summons_id}/kan-ikke-komme"' not in show
    closed = client.get(path, headers=EN).get_data(as_text=True)
    assert "You have already told the job centre" in closed
    duties = client.get("/pligter/", headers=EN).get_data(as_text=True)
    assert "You have told the job centre you cannot come to your interview" in duties
