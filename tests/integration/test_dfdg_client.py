"""The web app's DFDG client against the DFDG app: typed answers and typed failures."""

from __future__ import annotations

import json
import socket
import threading
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date, datetime

import httpx
import pytest
from flask import Flask
from joserfc import jwt
from joserfc.jwk import OKPKey
from werkzeug.middleware.dispatcher import DispatcherMiddleware
from werkzeug.serving import make_server

from jobnet.clients.dfdg_client.client import DfdgClient, get_dfdg_client
from jobnet.clients.dfdg_client.errors import (
    DfdgConflict,
    DfdgError,
    DfdgForbidden,
    DfdgNotFound,
    DfdgRejected,
    DfdgUnauthorized,
    DfdgUnavailable,
)
from jobnet.clients.dfdg_client.persons import AuditEntry, ContactGroupPeriod, Organisation, Person
from jobnet.clients.dfdg_client.transport import PooledHttp, Unreachable
from jobnet.clients.dfdg_client.values import Actor
from jobnet.dfdg import create_dfdg_app
from jobnet.dfdg.demo import load_demo_data
from jobnet.environment import DEV_ASSERTION_KEY
from tests.integration.dfdg.conftest import empty_dfdg_tables

TOKEN = "client-test-token"
CITIZEN = Actor(type="citizen", channel="web")


def citizen_of(person_id: str) -> Actor:
    """The citizen acting on their own data: DFDG requires them to name themself."""
    return replace(CITIZEN, id=person_id)


CASEWORKER = Actor(
    type="caseworker",
    id="CVR:29190012-RID:41120003",
    name="Birgitte Østergaard",
    organisation="29190012",
    purpose="Opfølgning på jobsøgning",
)
HENRIK = "081282-4167"
LARS_IN_AARHUS = "050792-1457"  # the caseworker's job centre may open him


@pytest.fixture(scope="module")
def dfdg_service(database_url_factory: Callable[[str], str]) -> Iterator[Flask]:
    app = create_dfdg_app(
        {
            "TESTING": True,
            "DFDG_DATABASE_URL": database_url_factory("dfdg_client"),
            "DFDG_SYSTEM_TOKENS": f"jobnet-web={TOKEN}",
            "AUTO_MIGRATE": True,
        }
    )
    yield app
    app.extensions["dfdg_store"].engine.dispose()


@pytest.fixture
def service(dfdg_service: Flask) -> Iterator[Flask]:
    store = dfdg_service.extensions["dfdg_store"]
    with store.session() as session:
        load_demo_data(session)
    yield dfdg_service
    empty_dfdg_tables(store)  # TRUNCATE on PostgreSQL: the audit log refuses DELETE


@pytest.fixture
def dfdg(service: Flask) -> Iterator[DfdgClient]:
    client = DfdgClient.in_process(service, TOKEN, timeout=5.0)
    yield client
    client.close()


def _mock_client(handler: Callable[[httpx.Request], httpx.Response]) -> DfdgClient:
    return DfdgClient("http://dfdg.test", TOKEN, 1.0, transport=httpx.MockTransport(handler))


def _problem(status: int, slug: str, **extra: object) -> httpx.Response:
    body = {"type": f"urn:jobnet:dfdg:problem:{slug}", "title": slug, "status": status, **extra}
    return httpx.Response(status, json=body, headers={"Content-Type": "application/problem+json"})


def test_health(dfdg: DfdgClient) -> None:
    health = dfdg.health()
    assert (health.status, health.database) == ("ok", "ok")


def test_lookup_and_get_person_are_typed(dfdg: DfdgClient) -> None:
    person_id = dfdg.lookup_person(HENRIK, CITIZEN)
    assert person_id is not None
    person = dfdg.get_person(person_id, citizen_of(person_id))
    assert isinstance(person, Person)
    assert person.full_name == "Henrik Madsen"
    assert person.birth_date == date(1982, 12, 8)
    assert isinstance(person.created_at, datetime)
    assert person.created_at.tzinfo is not None
    assert person.current_contact_group == ContactGroupPeriod(
        contact_group=2, match_group=1, start_date=date(2024, 9, 1)
    )


def test_lookup_of_unknown_cpr_is_none(dfdg: DfdgClient) -> None:
    assert dfdg.lookup_person("0101901234", CITIZEN) is None


def test_ensure_person_creates_once(dfdg: DfdgClient) -> None:
    claims = {"cpr": "150590-4821", "given_name": "Ulla", "family_name": "Bøgh"}
    created = dfdg.ensure_person(**claims, actor=CITIZEN, idempotency_key="login-1")
    again = dfdg.ensure_person(**claims, actor=CITIZEN, idempotency_key="login-1")
    other_key = dfdg.ensure_person(**claims, actor=CITIZEN, idempotency_key="login-2")
    assert created == again
    assert other_key.person_id == created.person_id
    assert created.current_contact_group is None
    assert dfdg.lookup_person("1505904821", CITIZEN) == created.person_id


def test_contact_groups_are_typed_periods(dfdg: DfdgClient) -> None:
    person_id = dfdg.lookup_person(HENRIK, CITIZEN)
    assert person_id is not None
    periods = dfdg.contact_groups(person_id, citizen_of(person_id))
    assert periods[0] == ContactGroupPeriod(
        contact_group=2, match_group=3, start_date=date(2023, 4, 1), end_date=date(2023, 10, 31)
    )
    assert [period.match_group for period in periods] == [3, 2, 1]


def test_audit_log_shows_the_caseworker(dfdg: DfdgClient) -> None:
    person_id = dfdg.lookup_person(LARS_IN_AARHUS, CITIZEN)
    assert person_id is not None
    dfdg.get_person(person_id, CASEWORKER)
    entries = dfdg.audit_log(person_id, citizen_of(person_id))
    assert all(isinstance(entry, AuditEntry) for entry in entries)
    newest = entries[0]
    assert (newest.action, newest.actor_name, newest.organisation) == (
        "person.read",
        "Birgitte Østergaard",
        "29190012",
    )
    assert newest.purpose == "Opfølgning på jobsøgning"
    assert newest.at.tzinfo is not None
    only_caseworkers = dfdg.audit_log(person_id, citizen_of(person_id), actor_type="caseworker")
    assert [entry.actor_type for entry in only_caseworkers] == ["caseworker"]
    assert dfdg.audit_log(person_id, citizen_of(person_id), date_to=date(2000, 1, 1)) == []
    assert len(dfdg.audit_log(person_id, citizen_of(person_id), limit=1)) == 1


def test_organisations(dfdg: DfdgClient) -> None:
    organisations = dfdg.organisations()
    assert all(isinstance(org, Organisation) for org in organisations)
    assert "Jobcenter København" in {org.name for org in organisations}
    aarhus = dfdg.organisation("29190012")
    assert (aarhus.kind, aarhus.municipality_code) == ("jobcentre", "0751")


def test_not_found(dfdg: DfdgClient) -> None:
    with pytest.raises(DfdgNotFound) as caught:
        dfdg.get_person("no-such-person", citizen_of("no-such-person"))
    assert caught.value.status == 404
    assert caught.value.problem_type == "not-found"
    with pytest.raises(DfdgNotFound):
        dfdg.organisation("00000000")


def test_rejected_names_the_fields(dfdg: DfdgClient) -> None:
    with pytest.raises(DfdgRejected) as caught:
        dfdg.ensure_person(
            cpr="3102901234",
            given_name="A",
            family_name="B",
            postcode="12",
            actor=CITIZEN,
            idempotency_key="bad-1",
        )
    fields = {(error.field, error.code) for error in caught.value.errors}
    assert fields == {("cpr", "cpr_date"), ("postcode", "string_pattern_mismatch")}
    with pytest.raises(DfdgRejected) as bad_actor:
        dfdg.lookup_person(HENRIK, Actor(type="caseworker", name="No one"))
    assert {error.field for error in bad_actor.value.errors} == {
        "X-Actor-Assertion.sub",
        "X-Actor-Assertion.org",
    }


def test_key_reused_with_another_body_is_rejected(dfdg: DfdgClient) -> None:
    dfdg.ensure_person(
        cpr="0202024321",
        given_name="Karl",
        family_name="Holm",
        actor=CITIZEN,
        idempotency_key="same",
    )
    with pytest.raises(DfdgRejected) as caught:
        dfdg.ensure_person(
            cpr="0303034321",
            given_name="Karl",
            family_name="Holm",
            actor=CITIZEN,
            idempotency_key="same",
        )
    assert caught.value.problem_type == "idempotency-key-reused"


def test_wrong_token_is_unauthorized(service: Flask) -> None:
    with DfdgClient.in_process(service, "wrong", timeout=5.0) as client:
        with pytest.raises(DfdgUnauthorized):
            client.organisations()
        assert client.health().status == "ok"


@pytest.mark.parametrize(
    ("response", "error_class"),
    [
        (_problem(400, "malformed-json"), DfdgRejected),
        (_problem(403, "forbidden"), DfdgForbidden),
        (_problem(409, "idempotency-request-in-progress"), DfdgConflict),
        (_problem(503, "service-unavailable"), DfdgUnavailable),
        (httpx.Response(502, text="<html>bad gateway</html>"), DfdgUnavailable),
        (httpx.Response(418, text="teapot"), DfdgError),
    ],
)
def test_status_codes_map_to_typed_errors(
    response: httpx.Response, error_class: type[DfdgError]
) -> None:
    client = _mock_client(lambda _request: response)
    with client, pytest.raises(error_class) as caught:
        client.organisations()
    assert type(caught.value) is error_class
    assert caught.value.status == response.status_code


def test_body_that_is_not_json_is_an_error() -> None:
    client = _mock_client(lambda _request: httpx.Response(200, text="hello"))
    with client, pytest.raises(DfdgError):
        client.health()


@pytest.mark.parametrize(
    "failure",
    [httpx.ConnectError("refused"), httpx.ReadTimeout("slow"), httpx.RemoteProtocolError("eh")],
)
def test_transport_failures_are_unavailable(failure: httpx.HTTPError) -> None:
    def fail(_request: httpx.Request) -> httpx.Response:
        raise failure

    with _mock_client(fail) as client, pytest.raises(DfdgUnavailable) as caught:
        client.lookup_person(HENRIK, CITIZEN)
    assert caught.value.__cause__ is failure
    assert HENRIK not in str(caught.value)


def test_headers_sent_for_actor_and_key() -> None:
    seen: list[httpx.Request] = []

    def record(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return _problem(404, "not-found")

    with _mock_client(record) as client:
        assert client.lookup_person(HENRIK, CASEWORKER) is None
    request = seen[0]
    assert request.url.path == "/api/v1/persons/lookup"
    assert HENRIK not in str(request.url)
    assert request.headers["Authorization"] == f"Bearer {TOKEN}"
    assert not [name for name in request.headers if name.lower().startswith("x-actor-")][1:]
    token = request.headers["X-Actor-Assertion"]
    claims = jwt.decode(token, _dev_public(), algorithms=["Ed25519"]).claims
    assert claims["name"] == "Birgitte Østergaard"
    assert claims["org"] == "29190012"
    assert claims["channel"] == "web"
    assert claims["iss"] == "jobnet-web"
    assert "cpr" not in claims  # only a citizen logging in proves a CPR number


def _dev_public() -> OKPKey:
    return OKPKey.import_key(json.loads(DEV_ASSERTION_KEY))


def test_a_service_that_never_answers_times_out() -> None:
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        port = listener.getsockname()[1]
        client = DfdgClient.over_http(f"http://127.0.0.1:{port}", TOKEN, timeout=0.3)
        with client, pytest.raises(DfdgUnavailable, match="timed out"):
            client.health()


def test_a_service_that_is_down_is_unavailable() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    client = DfdgClient.over_http(f"http://127.0.0.1:{port}", TOKEN, timeout=1.0)
    with client, pytest.raises(DfdgUnavailable, match="could not be reached"):
        client.health()


def test_over_http_gives_the_same_answers(service: Flask, dfdg: DfdgClient) -> None:
    server = make_server("127.0.0.1", 0, service, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        with DfdgClient.over_http(f"http://127.0.0.1:{server.port}/", TOKEN, 5.0) as remote:
            person_id = remote.lookup_person(HENRIK, CITIZEN)
            assert person_id == dfdg.lookup_person(HENRIK, CITIZEN)
            assert person_id is not None
            assert remote.get_person(person_id, citizen_of(person_id)) == dfdg.get_person(
                person_id, citizen_of(person_id)
            )
            assert remote.organisations() == dfdg.organisations()
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


class _Served:
    """A WSGI app on a free loopback port, in a thread, that can be stopped and started again."""

    def __init__(self, app: Flask, prefix: str = "") -> None:
        mounted = DispatcherMiddleware(_not_found, {prefix: app}) if prefix else app
        self.server = make_server("127.0.0.1", 0, mounted, threaded=True)
        self.port = self.server.port
        self.app = mounted
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=5)

    def restart(self) -> None:
        """Stop, then serve the same app on the same port: kept connections are now dead."""
        self.stop()
        self.server = make_server("127.0.0.1", self.port, self.app, threaded=True)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()


def _not_found(environ: dict[str, object], start_response: Callable[..., object]) -> list[bytes]:
    start_response("404 Not Found", [("Content-Type", "text/plain")])
    return [b"not here"]


def test_over_http_under_a_path_with_queries_bodies_and_errors(service: Flask) -> None:
    served = _Served(service, prefix="/dfdg")
    try:
        base = f"http://127.0.0.1:{served.port}/dfdg/"
        with DfdgClient.over_http(base, TOKEN, 5.0) as remote:
            created = remote.ensure_person(
                cpr="150590-4821",
                given_name="Ulla",
                family_name="Bøgh",
                actor=CITIZEN,
                idempotency_key="http-1",
            )
            assert created.full_name == "Ulla Bøgh"
            assert remote.status(created.person_id, citizen_of(created.person_id)).counts is None
            counted = remote.status(
                created.person_id, citizen_of(created.person_id), with_counts=True
            )
            assert counted.counts is not None
            own = citizen_of(created.person_id)
            assert remote.audit_log(created.person_id, own, date_from=date(2020, 1, 1))
            with pytest.raises(DfdgForbidden):
                remote.audit_log(created.person_id, CASEWORKER, date_from=date(2020, 1, 1))
    finally:
        served.stop()


def test_over_http_a_restarted_service_is_reached_again(service: Flask) -> None:
    served = _Served(service)
    try:
        with DfdgClient.over_http(f"http://127.0.0.1:{served.port}", TOKEN, 5.0) as remote:
            assert remote.health().status == "ok"
            served.restart()
            assert remote.health().status == "ok"
            served.stop()
            with pytest.raises(DfdgUnavailable, match="could not be reached"):
                remote.health()
    finally:
        served.stop()


class _EndsKeptConnections:
    """A server that answers the first request on each connection and keeps it open, then reads
    the next request on it and closes it unanswered: what a service whose keep-alive has just
    run out does to a client that reuses the connection at that moment."""

    ANSWER = b'{"status":"ok","database":"ok"}'

    def __init__(self) -> None:
        self.listener = socket.socket()
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen()
        self.port = self.listener.getsockname()[1]
        self.requests: list[bytes] = []
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        while True:
            try:
                connection, _ = self.listener.accept()
            except OSError:
                return
            threading.Thread(target=self._answer_once, args=(connection,), daemon=True).start()

    def _answer_once(self, connection: socket.socket) -> None:
        with connection:
            self._record(self._read_request(connection))
            head = (
                "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                f"Content-Length: {len(self.ANSWER)}\r\n\r\n"
            )
            connection.sendall(head.encode() + self.ANSWER)
            self._record(self._read_request(connection))

    def _record(self, request_line: bytes) -> None:
        if request_line:  # nothing came: the client closed the connection
            self.requests.append(request_line)

    @staticmethod
    def _read_request(connection: socket.socket) -> bytes:
        received = b""
        while b"\r\n\r\n" not in received:
            chunk = connection.recv(65536)
            if not chunk:
                break
            received += chunk
        head, _, body = received.partition(b"\r\n\r\n")
        length = next(
            (
                int(line.split(b":")[1])
                for line in head.split(b"\r\n")
                if line.lower().startswith(b"content-length:")
            ),
            0,
        )
        while len(body) < length:
            body += connection.recv(65536)
        return head.split(b"\r\n")[0]

    def close(self) -> None:
        self.listener.close()


@pytest.fixture
def ends_kept_connections() -> Iterator[_EndsKeptConnections]:
    server = _EndsKeptConnections()
    yield server
    server.close()


def test_over_http_a_read_goes_again_when_a_kept_connection_is_ended_under_it(
    ends_kept_connections: _EndsKeptConnections,
) -> None:
    base = f"http://127.0.0.1:{ends_kept_connections.port}"
    with DfdgClient.over_http(base, TOKEN, 5.0) as remote:
        assert remote.health().status == "ok"
        assert remote.health().status == "ok"
    # The second call went on the kept connection, was cut off, and went again on a new one.
    assert ends_kept_connections.requests == [b"GET /api/v1/health HTTP/1.1"] * 3


def test_over_http_a_command_goes_again_with_its_key_when_a_kept_connection_is_ended(
    ends_kept_connections: _EndsKeptConnections,
) -> None:
    base = f"http://127.0.0.1:{ends_kept_connections.port}"
    with DfdgClient.over_http(base, TOKEN, 5.0) as remote:
        remote.health()
        answer = remote.send_command(
            "POST",
            "/persons/p-1/absences",
            {"reason": "sickness"},
            actor=CITIZEN,
            idempotency_key="kept-1",
        )
    assert answer == {"status": "ok", "database": "ok"}
    sent = b"POST /api/v1/persons/p-1/absences HTTP/1.1"
    assert ends_kept_connections.requests[1:] == [sent, sent]


def test_over_http_a_request_that_is_not_repeatable_is_not_sent_twice(
    ends_kept_connections: _EndsKeptConnections,
) -> None:
    base = f"http://127.0.0.1:{ends_kept_connections.port}"
    transport = PooledHttp(base, {}, timeout=5.0)
    try:
        transport.send("GET", "/first", {}, None, repeatable=True)
        with pytest.raises(Unreachable, match="could not be reached"):
            transport.send("POST", "/once", {}, b"{}", repeatable=False)
    finally:
        transport.close()
    assert ends_kept_connections.requests == [b"GET /first HTTP/1.1", b"POST /once HTTP/1.1"]


def test_get_dfdg_client_is_the_app_extension(dfdg: DfdgClient) -> None:
    web = Flask("web-under-test")
    web.extensions["dfdg_client"] = dfdg
    with web.app_context():
        assert get_dfdg_client() is dfdg
