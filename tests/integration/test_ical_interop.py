"""The summons calendar file read by an iCalendar implementation of another make.

Jobnet writes its .ics files with the Python `icalendar` package, and the summons tests read them
back with the same package, which could hide a shared misreading of RFC 5545. Here Mozilla's
ical.js (npm, installed by the set-up step; the library behind Thunderbird's calendar) reads
them: it must find one event whose local time, converted by the file's own VTIMEZONE, is the
right UTC instant on both sides of the change from summer to winter time.
"""

from __future__ import annotations

import json
import subprocess
from datetime import datetime
from pathlib import Path
from typing import Any

from flask import Flask
from flask.testing import FlaskClient

from tests.integration.test_summons_pages import CPH, METTE, app, citizen, summon

ROOT = Path(__file__).resolve().parents[2]
READER = ROOT / "tests" / "interop" / "ical_read.mjs"

__all__ = ["app"]  # the fixture: demo data on the summons tests' fixed day


def read_with_ical_js(client: FlaskClient, summons_id: str, tmp_path: Path) -> dict[str, Any]:
    response = client.get(f"/indkaldelser/{summons_id}/kalender.ics")
    assert response.status_code == 200
    path = tmp_path / f"{summons_id}.ics"
    path.write_bytes(response.data)
    result = subprocess.run(
        ["node", str(READER), str(path)], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_ical_js_reads_the_right_instant_on_both_sides_of_the_change_to_winter_time(
    app: Flask, tmp_path: Path
) -> None:
    summer = summon(app, METTE, datetime(2026, 10, 23, 10, 0, tzinfo=CPH))  # UTC+2
    winter = summon(app, METTE, datetime(2026, 10, 26, 10, 0, tzinfo=CPH))  # UTC+1
    client = citizen(app, METTE)
    for summons_id, start_utc, end_utc in (
        (summer, "2026-10-23T08:00:00.000Z", "2026-10-23T08:45:00.000Z"),
        (winter, "2026-10-26T09:00:00.000Z", "2026-10-26T09:45:00.000Z"),
    ):
        calendar = read_with_ical_js(client, summons_id, tmp_path)
        assert calendar["method"] == "PUBLISH"
        [event] = calendar["events"]
        assert event["uid"] == f"summons-{summons_id}@jobnet.dk"
        assert event["tzid"] == "Europe/Copenhagen"
        assert (event["start_utc"], event["end_utc"]) == (start_utc, end_utc)
        assert event["status"] == "CONFIRMED"
        assert event["summary"]
