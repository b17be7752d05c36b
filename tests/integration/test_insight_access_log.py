"""My data → Who has seen or changed my data: repeated reads are one line on the page, every
entry stays in the CSV, and the CSV opens in a Danish spreadsheet as the job log's does
(issue 20 defects 19 and 20)."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable
from datetime import timedelta

from flask import Flask
from flask.testing import FlaskClient

from tests.integration.test_insight_pages import (
    METTE,
    caseworker_reads,
    citizen,  # noqa: F401  (fixture)
    dfdg_rows,
    insight_app,  # noqa: F401  (fixture)
    person_id,
)

ROW = re.compile(r"<tr>\s*<td class=\"jobnet-nowrap\">.*?</tr>", re.S)


def _log_reads(app: Flask, spaced_minutes: list[float], action: str = "cv.read") -> None:
    """System reads of Mette's data, `spaced_minutes` before now, a day ago."""
    from jobnet.dfdg.models.audit import AuditEntry
    from jobnet.dfdg.models.base import utcnow

    mette = person_id(app, METTE)
    store = app.extensions["dfdg_app"].extensions["dfdg_store"]
    now = utcnow() - timedelta(days=1)
    with store.session() as session:
        for minutes in spaced_minutes:
            session.add(
                AuditEntry(
                    person_id=mette,
                    actor_type="system",
                    action=action,
                    channel="system",
                    system="batch",
                    actor_id="cv-matcher",
                    outcome="ok",
                    at=now - timedelta(minutes=minutes),
                )
            )


def _csv(client: FlaskClient, query: str = "") -> list[list[str]]:
    download = client.get("/mine-data/hvem-har-set.csv" + query)
    assert download.status_code == 200
    raw = download.get_data()
    assert raw.startswith(b"\xef\xbb\xbf"), "UTF-8 with a byte order mark"
    text = raw.decode("utf-8")[1:]
    return list(csv.reader(io.StringIO(text), delimiter=";"))


def test_the_access_log_csv_is_semicolon_separated_utf8_with_bom_as_the_job_log(
    citizen: Callable[[str], FlaskClient],  # noqa: F811
    insight_app: Flask,  # noqa: F811
) -> None:
    caseworker_reads(insight_app, METTE)
    client = citizen(METTE)
    text = client.get("/mine-data/hvem-har-set.csv").get_data(as_text=True)
    header = text.lstrip("\ufeff").splitlines()[0]
    assert header.split(";")[:4] == ["When", "Who", "What", "Purpose"]
    joblog = client.get("/joblog/joblog.csv").get_data(as_text=True)
    assert ";" in joblog.lstrip("\ufeff").splitlines()[0]
    table = _csv(client)
    assert all(len(row) == len(table[0]) for row in table)
    assert ["Hanne Mikkelsen, Jobcenter København", "Opfølgning på jobplan"] in [
        [row[1], row[3]] for row in table[1:]
    ]
    client.get("/language/da")
    danish = _csv(client)
    assert danish[0][:4] == ["Hvornår", "Hvem", "Hvad", "Formål"]


def test_repeated_reads_by_one_actor_are_one_line_and_the_csv_keeps_every_one(
    citizen: Callable[[str], FlaskClient],  # noqa: F811
    insight_app: Flask,  # noqa: F811
) -> None:
    from jobnet.dfdg.models.audit import AuditEntry

    _log_reads(insight_app, [0, 0.1, 0.2, 0.5, 1, 2, 3])  # seven reads in three minutes
    _log_reads(insight_app, [60])  # an hour earlier: a read of its own
    client = citizen(METTE)
    html = client.get("/mine-data/hvem-har-set?actor_type=system").get_data(as_text=True)
    rows = [row for row in ROW.findall(html) if "cv-matcher" in row]
    assert len(rows) == 2, rows
    assert "7 times" in rows[0]
    assert "times" not in rows[1]
    entries = dfdg_rows(insight_app, AuditEntry, person_id=person_id(insight_app, METTE))
    reads = [entry for entry in entries if entry.actor_id == "cv-matcher"]
    table = _csv(client, "?actor_type=system")
    assert len([row for row in table[1:] if "cv-matcher" in row[1]]) == len(reads) == 8
    client.get("/language/da")
    dansk = client.get("/mine-data/hvem-har-set?actor_type=system").get_data(as_text=True)
    assert "7 gange" in dansk


def test_reads_of_another_category_or_by_another_actor_are_not_grouped(
    citizen: Callable[[str], FlaskClient],  # noqa: F811
    insight_app: Flask,  # noqa: F811
) -> None:
    _log_reads(insight_app, [0, 0.5], action="cv.read")
    _log_reads(insight_app, [1], action="plan.read")
    _log_reads(insight_app, [1.5, 2], action="cv.read")
    html = citizen(METTE).get("/mine-data/hvem-har-set?actor_type=system").get_data(as_text=True)
    rows = [row for row in ROW.findall(html) if "cv-matcher" in row]
    assert len(rows) == 3
    assert ["2 times" in row for row in rows] == [True, False, True]
