"""The notices endpoints (issue 23): the notifying system collects what waits (only the kind,
per person), acknowledges it once, and counts a job centre's unread threads; no one acting as a
person may call them, and every person listed is audited."""

from __future__ import annotations

from flask.testing import FlaskClient

from jobnet.db import Store
from jobnet.dfdg.notices import notice_waiting
from tests.integration.dfdg.jobseeker_helpers import audit_actions, get, new_person, post

KOEBENHAVN = "29190011"
AARHUS = "29190012"


def test_the_system_collects_and_acknowledges_notices_once(
    dfdg_client: FlaskClient, dfdg_store: Store, auth: dict[str, str]
) -> None:
    person_id = new_person(dfdg_store)
    with dfdg_store.session() as session:
        notice_waiting(session, person_id, "message")
        notice_waiting(session, person_id, "letter")
    answer = get(dfdg_client, "/notices", auth)
    assert answer.status_code == 200, answer.get_data(as_text=True)
    found = answer.get_json()["notices"]
    assert [(n["person_id"], n["kind"]) for n in found] == [
        (person_id, "message"),
        (person_id, "letter"),
    ]
    assert set(found[0]) == {"id", "person_id", "kind", "created_at"}
    # Not acknowledged: answered again (nothing is lost when the collector fails).
    assert len(get(dfdg_client, "/notices", auth).get_json()["notices"]) == 2
    ids = [n["id"] for n in found]
    taken = post(dfdg_client, "/notices/acknowledge", {"ids": ids}, auth)
    assert taken.status_code == 200 and taken.get_json() == {"acknowledged": 2}
    again = post(dfdg_client, "/notices/acknowledge", {"ids": ids}, auth)
    assert again.get_json() == {"acknowledged": 0}
    assert get(dfdg_client, "/notices", auth).get_json()["notices"] == []
    actions = [action for action, _ in audit_actions(dfdg_store, person_id)]
    assert actions.count("notices.collect") == 2
    assert actions.count("notices.acknowledge") == 1


def test_a_limit_and_a_bad_limit(
    dfdg_client: FlaskClient, dfdg_store: Store, auth: dict[str, str]
) -> None:
    person_id = new_person(dfdg_store)
    with dfdg_store.session() as session:
        for _ in range(3):
            notice_waiting(session, person_id, "task")
    assert len(get(dfdg_client, "/notices?limit=2", auth).get_json()["notices"]) == 2
    assert get(dfdg_client, "/notices?limit=0", auth).status_code == 422


def test_no_one_acting_as_a_person_may_collect(
    dfdg_client: FlaskClient, citizen: dict[str, str], caseworker: dict[str, str]
) -> None:
    for headers in (citizen, caseworker):
        assert get(dfdg_client, "/notices", headers).status_code == 403
        refused = post(dfdg_client, "/notices/acknowledge", {"ids": [1]}, headers)
        assert refused.status_code == 403
        path = f"/organisations/{KOEBENHAVN}/unread-message-count"
        assert get(dfdg_client, path, headers).status_code == 403


def test_the_unread_count_is_the_job_centres_own(
    dfdg_client: FlaskClient,
    dfdg_store: Store,
    auth: dict[str, str],
    citizen: dict[str, str],
    caseworker: dict[str, str],
) -> None:
    person_id = new_person(dfdg_store)
    body = {"subject": "Mit CV", "text": "Kan I se på det?"}
    thread = post(dfdg_client, f"/persons/{person_id}/message-threads", body, citizen)
    assert thread.status_code == 201, thread.get_data(as_text=True)
    count = get(dfdg_client, f"/organisations/{KOEBENHAVN}/unread-message-count", auth)
    assert count.get_json() == {"cvr": KOEBENHAVN, "unread": 1}
    other = get(dfdg_client, f"/organisations/{AARHUS}/unread-message-count", auth)
    assert other.get_json() == {"cvr": AARHUS, "unread": 0}
    thread_path = f"/organisations/{KOEBENHAVN}/message-threads/{thread.get_json()['id']}"
    assert get(dfdg_client, thread_path, caseworker).status_code == 200
    count = get(dfdg_client, f"/organisations/{KOEBENHAVN}/unread-message-count", auth)
    assert count.get_json()["unread"] == 0
    assert get(dfdg_client, "/organisations/99999999/unread-message-count", auth).status_code == 404
