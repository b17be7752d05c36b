"""Messages in DFDG (issue 23): a person writes to their job centre with attachments, the job
centre's inbox, taking and answering, read receipts, another job centre's 404, the rules on
attachments (by content), the audit, the export and the retention period."""

from __future__ import annotations

import base64
from datetime import timedelta

from flask.testing import FlaskClient

from jobnet.db import Store
from jobnet.dfdg.message_retention import purge_expired_messages
from jobnet.dfdg.models.base import utcnow
from tests.integration.dfdg.jobseeker_helpers import (
    audit_actions,
    get,
    new_person,
    post,
    rule_code,
)

PDF = b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
HTML = b"<html><script>alert(1)</script></html>"
KOEBENHAVN = "29190011"
AARHUS = "29190012"


def _file(name: str, content: bytes) -> dict[str, str]:
    return {"filename": name, "content": base64.b64encode(content).decode("ascii")}


def _other_jobcentre(caseworker: dict[str, str]) -> dict[str, str]:
    return {**caseworker, "X-Actor-Id": "CVR:29190012-RID:1", "X-Actor-Organisation": AARHUS}


def _write(client: FlaskClient, person_id: str, citizen: dict[str, str], **extra: object) -> dict:
    body = {"subject": "Mit CV", "text": "Kan I se på mit CV?", **extra}
    response = post(client, f"/persons/{person_id}/message-threads", body, citizen)
    assert response.status_code == 201, response.get_data(as_text=True)
    return response.get_json()


def test_a_person_writes_the_job_centre_answers_and_the_person_sees_it_read(
    dfdg_client: FlaskClient, dfdg_store: Store, citizen: dict[str, str], caseworker: dict[str, str]
) -> None:
    person_id = new_person(dfdg_store)
    thread = _write(
        dfdg_client, person_id, citizen, attachments=[_file("cv.pdf", PDF)], reference="JN-1"
    )
    assert thread["organisation_cvr"] == KOEBENHAVN and thread["awaiting_answer"] is True
    [message] = thread["messages"]
    [attachment] = message["attachments"]
    assert (attachment["kind"], attachment["content_type"], attachment["size"]) == (
        "pdf",
        "application/pdf",
        len(PDF),
    )
    assert message["read_at"] is None and message["reference"] == "JN-1"

    inbox = get(dfdg_client, f"/organisations/{KOEBENHAVN}/message-threads?show=unread", caseworker)
    assert inbox.status_code == 200, inbox.get_data(as_text=True)
    [listed] = inbox.get_json()["threads"]
    assert (listed["id"], listed["unread"], listed["given_name"]) == (thread["id"], True, "Test")
    unanswered = get(
        dfdg_client, f"/organisations/{KOEBENHAVN}/message-threads?show=unanswered", caseworker
    )
    assert [t["id"] for t in unanswered.get_json()["threads"]] == [thread["id"]]

    base = f"/organisations/{KOEBENHAVN}/message-threads/{thread['id']}"
    taken = post(dfdg_client, f"{base}/take", {}, caseworker)
    assert taken.status_code == 200 and taken.get_json()["taken_by_name"] == "Hanne Møller"
    read = get(dfdg_client, base, caseworker).get_json()
    assert read["messages"][0]["read_at"] and read["messages"][0]["read_by_name"] == "Hanne Møller"
    content = get(dfdg_client, f"{base}/attachments/{attachment['id']}", caseworker).get_json()
    assert base64.b64decode(content["content"]) == PDF

    answer = post(dfdg_client, f"{base}/messages", {"text": "Ja, vi ringer i morgen."}, caseworker)
    assert answer.status_code == 201, answer.get_data(as_text=True)
    assert answer.get_json()["awaiting_answer"] is False
    inbox = get(dfdg_client, f"/organisations/{KOEBENHAVN}/message-threads?show=unread", caseworker)
    assert inbox.get_json()["threads"] == []

    mine = get(dfdg_client, f"/persons/{person_id}/message-threads", citizen).get_json()
    assert mine["threads"][0]["unread"] is True
    path = f"/persons/{person_id}/message-threads/{thread['id']}"
    seen = get(dfdg_client, path, citizen).get_json()
    first, second = seen["messages"]
    assert first["read_at"] is not None  # the person sees when the job centre read it
    assert second["sent_by"]["name"] == "Hanne Møller"
    assert second["sent_by"]["organisation_name"] == "Jobcenter København"
    again = get(dfdg_client, f"/persons/{person_id}/message-threads", citizen).get_json()
    assert again["threads"][0]["unread"] is False

    actions = audit_actions(dfdg_store, person_id)
    for action in ("messages.start", "messages.inbox", "messages.take", "messages.read"):
        assert (action, "ok") in actions
    assert ("messages.attachment", "ok") in actions and ("messages.send", "ok") in actions


def test_another_job_centre_finds_no_thread(
    dfdg_client: FlaskClient, dfdg_store: Store, citizen: dict[str, str], caseworker: dict[str, str]
) -> None:
    person_id = new_person(dfdg_store)
    thread = _write(dfdg_client, person_id, citizen, attachments=[_file("a.png", PNG)])
    aarhus = _other_jobcentre(caseworker)
    base = f"/organisations/{AARHUS}/message-threads/{thread['id']}"
    assert get(dfdg_client, base, aarhus).status_code == 404
    assert post(dfdg_client, f"{base}/messages", {"text": "Hej"}, aarhus).status_code == 404
    assert post(dfdg_client, f"{base}/take", {}, aarhus).status_code == 404
    attachment = thread["messages"][0]["attachments"][0]["id"]
    assert get(dfdg_client, f"{base}/attachments/{attachment}", aarhus).status_code == 404
    assert (
        get(dfdg_client, f"/organisations/{AARHUS}/message-threads", aarhus).get_json()["threads"]
        == []
    )
    # Nor through København's inbox, nor the person's own routes.
    own = f"/organisations/{KOEBENHAVN}/message-threads/{thread['id']}"
    assert get(dfdg_client, own, aarhus).status_code == 403
    person_path = f"/persons/{person_id}/message-threads/{thread['id']}"
    assert get(dfdg_client, person_path, aarhus).status_code in (403, 404)
    assert ("messages.read", "not_found") in audit_actions(dfdg_store, person_id)
    # Another person is not found either.
    other = new_person(dfdg_store, "0202901234")
    response = get(dfdg_client, person_path, {**citizen, "X-Actor-Id": other})
    assert response.status_code == 404


def test_attachments_are_judged_by_their_content(
    dfdg_client: FlaskClient, dfdg_store: Store, citizen: dict[str, str]
) -> None:
    person_id = new_person(dfdg_store)
    path = f"/persons/{person_id}/message-threads"
    body = {"subject": "S", "text": "T", "attachments": [_file("cv.pdf", HTML)]}
    code, fields = rule_code(post(dfdg_client, path, body, citizen))
    assert (code, fields) == ("attachment_kind", {"attachments.0": "attachment_kind"})
    big = b"%PDF-" + b"0" * (10 * 1024 * 1024)
    body = {"subject": "S", "text": "T", "attachments": [_file("big.pdf", big)]}
    code, _ = rule_code(post(dfdg_client, path, body, citizen))
    assert code == "attachment_too_big"
    body = {"subject": "S", "text": "T", "attachments": [_file("a.png", PNG)] * 6}
    code, _ = rule_code(post(dfdg_client, path, body, citizen))
    assert code == "too_many_attachments"
    code, fields = rule_code(post(dfdg_client, path, {"subject": " ", "text": ""}, citizen))
    assert fields == {"subject": "subject_required", "text": "text_required"}
    bad = {"subject": "S", "text": "T", "attachments": [{"filename": "a", "content": "%%"}]}
    assert post(dfdg_client, path, bad, citizen).status_code == 422
    assert ("messages.start", "rejected") in audit_actions(dfdg_store, person_id)
    assert get(dfdg_client, path, citizen).get_json()["threads"] == []


def test_a_caseworker_starts_a_thread_only_with_their_own_citizens(
    dfdg_client: FlaskClient, dfdg_store: Store, citizen: dict[str, str], caseworker: dict[str, str]
) -> None:
    person_id = new_person(dfdg_store)
    path = f"/persons/{person_id}/message-threads"
    body = {"subject": "Indkaldelse", "text": "Vi har sendt dig en indkaldelse."}
    started = post(dfdg_client, path, body, caseworker)
    assert started.status_code == 201, started.get_data(as_text=True)
    assert started.get_json()["started_by_type"] == "caseworker"
    assert post(dfdg_client, path, body, _other_jobcentre(caseworker)).status_code == 403
    mine = get(dfdg_client, path, citizen).get_json()["threads"]
    assert [(t["subject"], t["unread"]) for t in mine] == [("Indkaldelse", True)]


def test_messages_are_in_the_export_and_history_and_expire(
    dfdg_client: FlaskClient, dfdg_store: Store, citizen: dict[str, str]
) -> None:
    person_id = new_person(dfdg_store)
    thread = _write(dfdg_client, person_id, citizen, attachments=[_file("b.png", PNG)])
    export = get(dfdg_client, f"/persons/{person_id}/export", citizen)
    assert export.status_code == 200, export.get_data(as_text=True)
    [exported] = export.get_json()["categories"]["messages"]
    assert exported["subject"] == "Mit CV"
    assert exported["messages"][0]["attachments"][0]["filename"] == "b.png"
    assert "content" not in exported["messages"][0]["attachments"][0]
    history = get(dfdg_client, f"/persons/{person_id}/history/messages/{thread['id']}", citizen)
    assert history.status_code == 200, history.get_data(as_text=True)
    [version] = history.get_json()["versions"]
    assert version["values"]["text"] == "Kan I se på mit CV?"

    with dfdg_store.session() as session:
        assert purge_expired_messages(session, utcnow(), 30) == 0
        assert purge_expired_messages(session, utcnow() + timedelta(days=31), 30) == 1
    threads = get(dfdg_client, f"/persons/{person_id}/message-threads", citizen).get_json()
    assert threads["threads"] == []


def test_the_persons_fund_sees_their_other_data_but_not_their_messages(
    dfdg_client: FlaskClient, dfdg_store: Store, citizen: dict[str, str], caseworker: dict[str, str]
) -> None:
    from datetime import date

    from tests.integration.dfdg.test_fund_memberships import FUND_A, _join

    person_id = new_person(dfdg_store, group=1)
    thread = _write(dfdg_client, person_id, citizen)
    _join(dfdg_store, person_id, FUND_A, date(2020, 1, 1))
    fund = {**caseworker, "X-Actor-Id": "CVR:39190021-RID:1", "X-Actor-Organisation": FUND_A}
    assert get(dfdg_client, f"/persons/{person_id}", fund).status_code == 200
    path = f"/persons/{person_id}/message-threads"
    for response in (
        get(dfdg_client, path, fund),
        get(dfdg_client, f"{path}/{thread['id']}", fund),
        post(dfdg_client, path, {"subject": "S", "text": "T"}, fund),
    ):
        assert response.status_code == 403
        assert response.get_json()["code"] == "jobcentre_only"
    assert get(dfdg_client, f"/organisations/{FUND_A}/message-threads", fund).status_code == 403
    # The whole record (with the messages) is the person's own right of access, not the fund's.
    export = get(dfdg_client, f"/persons/{person_id}/export", fund)
    assert export.status_code == 403, export.get_data(as_text=True)
    assert export.get_json()["code"] == "person_only"


def _notices(store: Store) -> list[tuple[str, str]]:
    from sqlalchemy import select

    from jobnet.dfdg.models.notices import Notice

    with store.session() as session:
        return [(n.person_id, n.kind) for n in session.scalars(select(Notice).order_by(Notice.id))]


def test_the_person_is_told_when_the_job_centre_writes_not_when_they_do(
    dfdg_client: FlaskClient, dfdg_store: Store, citizen: dict[str, str], caseworker: dict[str, str]
) -> None:
    person_id = new_person(dfdg_store)
    thread = _write(dfdg_client, person_id, citizen)
    assert _notices(dfdg_store) == []
    base = f"/organisations/{KOEBENHAVN}/message-threads/{thread['id']}"
    assert post(dfdg_client, f"{base}/messages", {"text": "Svar"}, caseworker).status_code == 201
    assert _notices(dfdg_store) == [(person_id, "message")]
    body = {"subject": "Indkaldelse", "text": "Se din indkaldelse."}
    started = post(dfdg_client, f"/persons/{person_id}/message-threads", body, caseworker)
    assert started.status_code == 201
    assert _notices(dfdg_store) == [(person_id, "message"), (person_id, "message")]
    # A refused answer tells no one (the notice is in the message's transaction).
    refused = post(dfdg_client, f"{base}/messages", {"text": ""}, caseworker)
    assert refused.status_code == 422
    assert len(_notices(dfdg_store)) == 2
