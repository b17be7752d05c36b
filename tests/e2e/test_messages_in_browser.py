"""Messages and notifications in Chromium, in Danish and in English, in one walk (issue 23's
"Done when"): the citizen confirms an e-mail address with the code that arrives at the test's
SMTP server (aiosmtpd) and chooses e-mail; writes to the job centre with an attachment; the job
centre's inbox shows it unread; a caseworker takes it and answers; the outbox worker's round
tells the citizen by an e-mail with no personal data (no name, CPR number, subject or text);
the citizen follows its link, reads the answer and sees their message was read. A caseworker of
another job centre gets 404 for the thread, and DFDG refuses it too. axe checks every new page
on the way, the caseworker's daily e-mail page too.

One walk per language, each with its own citizen and caseworker (København in Danish, Aarhus in
English), and a subject of its own, so the two runs never meet in the live app.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from jobnet.demo_identities import DEMO_CASEWORKERS, DEMO_PERSONS
from tests.e2e.conftest import (
    LiveServer,
    assert_no_axe_violations,
    caseworker_tab,
    new_tab,
    serve_live_app,
)
from tests.e2e.pages import WORDS, Jobnet
from tests.integration.notify_helpers import Mailbox, code_in, free_port

PDF = b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"


@dataclass(frozen=True)
class Desk:
    citizen: str
    caseworker: str
    organisation: str
    other: str  # a caseworker of another job centre


DESKS = {
    "da": Desk("Mette Nielsen", "Hanne Mikkelsen", "Jobcenter København", "Birgitte Østergaard"),
    "en": Desk("Lars Jensen", "Birgitte Østergaard", "Jobcenter Aarhus", "Hanne Mikkelsen"),
}

TEXTS = {
    "da": {
        "messages": "Beskeder",
        "write": "Skriv til jobcentret",
        "subject": "Emne",
        "your_message": "Din besked",
        "attach": "Vedhæft filer",
        "received_or_registered": r"Kvittering: din indberetning er (registreret|modtaget)",
        "inbox": "Beskeder fra borgere",
        "unread": "Vis ulæste",
        "unread_badge": "Ulæst",
        "take": "Tag tråden",
        "taken_by": "Taget af {name}",
        "send_answer": "Send svaret",
        "answer_sent": "Dit svar er sendt.",
        "answered_by": "Besvaret af {name}, {organisation}",
        "read_by_jobcentre": "Læst af jobcentret",
        "how": "Sådan giver vi dig besked om nyt",
        "address": "E-mailadresse",
        "send_code": "Send en kode på e-mail",
        "code": "Kode",
        "confirm": "Bekræft",
        "by_email": "På e-mail",
        "save": "Gem",
        "saved": "Dit valg er gemt.",
        "told": "Du har en ny besked på Jobnet",
        "digest": "Daglig e-mail om ulæste beskeder",
        "not_found": "Siden blev ikke fundet",
    },
    "en": {
        "messages": "Messages",
        "write": "Write to the job centre",
        "subject": "Subject",
        "your_message": "Your message",
        "attach": "Attach files",
        "received_or_registered": r"Receipt: your report is (registered|received)",
        "inbox": "Messages from citizens",
        "unread": "Show unread",
        "unread_badge": "Unread",
        "take": "Take the thread",
        "taken_by": "Taken by {name}",
        "send_answer": "Send the answer",
        "answer_sent": "Your answer is sent.",
        "answered_by": "Answered by {name}, {organisation}",
        "read_by_jobcentre": "Read by the job centre",
        "how": "How we tell you about something new",
        "address": "E-mail address",
        "send_code": "Send a code by e-mail",
        "code": "Code",
        "confirm": "Confirm",
        "by_email": "By e-mail",
        "save": "Save",
        "saved": "Your choice is saved.",
        "told": "You have a new message on Jobnet",
        "digest": "Daily e-mail about unread messages",
        "not_found": "Page not found",
    },
}


def _person(name: str) -> Any:
    return next(p for p in DEMO_PERSONS if f"{p.given_name} {p.family_name}" == name)


def _caseworker(name: str) -> Any:
    return next(c for c in DEMO_CASEWORKERS if f"{c.given_name} {c.family_name}" == name)


@pytest.fixture(scope="module")
def smtp_server() -> Iterator[tuple[Mailbox, int]]:
    """A real SMTP server in the test process: the e-mails the live app sends arrive here."""
    from aiosmtpd.controller import Controller

    box, port = Mailbox(), free_port()
    controller = Controller(box, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield box, port
    finally:
        controller.stop()


@pytest.fixture(scope="module")
def smtp(smtp_server: tuple[Mailbox, int]) -> Mailbox:
    return smtp_server[0]


@pytest.fixture(scope="module")
def notify_server(
    tmp_path_factory: pytest.TempPathFactory, smtp_server: tuple[Mailbox, int]
) -> Iterator[LiveServer]:
    """A live app of its own that sends e-mail to `smtp`, with no quiet hours."""
    settings = {
        "SMTP_HOST": "127.0.0.1",
        "SMTP_PORT": smtp_server[1],
        "SMTP_TLS": "none",
        "NOTIFY_QUIET_HOURS": "",
    }
    with serve_live_app(Path(tmp_path_factory.mktemp("notify")), **settings) as server:
        yield server


def _confirm_email(jobnet: Jobnet, box: Mailbox, text: dict[str, str], address: str) -> None:
    """The citizen confirms `address` with the code that arrives, and chooses e-mail."""
    page = jobnet.page
    jobnet.follow(text["how"])
    assert jobnet.h1() == text["how"]
    assert_no_axe_violations(page)
    page.get_by_label(text["address"]).fill(address)
    jobnet.press(text["send_code"])
    jobnet.shown(page.get_by_label(text["code"]))
    assert address in jobnet.main_text()
    assert_no_axe_violations(page)
    page.get_by_label(text["code"]).fill(code_in(box.body(box.to(address)[-1])))
    jobnet.press(text["confirm"])
    jobnet.shown(page.get_by_text(address))
    page.get_by_label(text["by_email"], exact=True).check()
    jobnet.press(text["save"])
    jobnet.shown(page.get_by_text(text["saved"]))
    assert_no_axe_violations(page)


def test_a_message_with_an_attachment_is_taken_answered_told_by_email_and_read(
    browser: Any,
    notify_server: LiveServer,
    smtp: Mailbox,
    language: str,
    tmp_path: Path,
) -> None:
    text, desk = TEXTS[language], DESKS[language]
    subject = f"{text['subject']} {secrets.token_hex(3)}"
    written, answer = "Her er min lægeerklæring.", "Tak, vi har modtaget den."
    address = f"borger-{language}@example.dk"
    note = tmp_path / "laegeerklaering.pdf"
    note.write_bytes(PDF)
    page = new_tab(browser, notify_server, language)
    jobnet = Jobnet(page, WORDS[language])

    # The citizen confirms an e-mail address and chooses e-mail.
    jobnet.log_in_as(desk.citizen)
    _confirm_email(jobnet, smtp, text, address)

    # The citizen writes from Min side, with a PDF attached.
    page.goto("/min-side/")
    jobnet.follow(re.compile(text["messages"]))
    assert_no_axe_violations(page)
    jobnet.follow(text["write"])
    assert jobnet.h1() == text["write"]
    assert_no_axe_violations(page)
    page.get_by_label(text["subject"], exact=True).fill(subject)
    page.get_by_label(text["your_message"]).fill(written)
    page.get_by_label(text["attach"]).set_input_files(str(note))
    jobnet.press(WORDS[language]["send"])
    jobnet.shown(page.get_by_role("heading", name=re.compile(text["received_or_registered"])))

    # The job centre's inbox shows it unread; a caseworker takes and answers it.
    caseworker = caseworker_tab(browser, notify_server, language, desk.caseworker)
    desk_page = caseworker.page
    caseworker.follow(text["inbox"])
    assert_no_axe_violations(desk_page)
    caseworker.follow(text["digest"])
    assert caseworker.h1() == text["digest"]
    assert_no_axe_violations(desk_page)
    desk_page.goto("/sagsbehandler/beskeder/")
    caseworker.follow(text["unread"])
    row = desk_page.get_by_role("row").filter(has_text=subject)
    assert row.get_by_text(text["unread_badge"]).is_visible()
    caseworker.follow(subject)
    assert caseworker.h1() == subject
    thread_path = desk_page.url.removeprefix(notify_server.url)
    assert desk_page.get_by_role("link", name="laegeerklaering.pdf").is_visible()
    caseworker.press(text["take"])
    caseworker.shown(desk_page.get_by_text(text["taken_by"].format(name=desk.caseworker)))
    assert_no_axe_violations(desk_page)
    desk_page.get_by_label(text["your_message"]).fill(answer)
    caseworker.press(text["send_answer"])
    caseworker.shown(desk_page.get_by_text(text["answer_sent"]))
    assert desk_page.console_errors == []
    desk_page.context.close()

    # The worker's round tells the citizen by e-mail, with nothing personal in it.
    from jobnet.web.notifications.collect import notification_round

    with notify_server.app.app_context():
        notification_round(notify_server.app)
    [told] = [m for m in smtp.to(address) if m["Subject"] == text["told"]]
    mail = f"{told['Subject']}\n{smtp.body(told)}"
    person, worker = _person(desk.citizen), _caseworker(desk.caseworker)
    for private in (
        person.given_name,
        person.family_name,
        person.cpr,
        person.cpr[:6],
        worker.given_name,
        worker.family_name,
        subject,
        written,
        answer,
        "lægeerklæring",
        "laegeerklaering",
    ):
        assert private not in mail, private
    link = re.search(r"(http://127\.0\.0\.1:\d+/\S+)", mail)
    assert link, mail

    # The citizen follows the link, reads the answer and sees their message was read.
    page.goto(link.group(1))
    card = page.get_by_role("listitem").filter(has_text=subject)
    assert card.get_by_text(text["unread_badge"]).is_visible()
    jobnet.follow(subject)
    main = jobnet.main_text()
    assert answer in main
    answered = text["answered_by"].format(name=desk.caseworker, organisation=desk.organisation)
    assert answered in main
    assert text["read_by_jobcentre"] in main
    assert_no_axe_violations(page)
    assert page.console_errors == []
    page.context.close()

    # A caseworker of another job centre cannot see the thread: 404, and DFDG refuses it too.
    other = caseworker_tab(browser, notify_server, language, desk.other)
    other_page = other.page
    assert subject not in other_page.goto("/sagsbehandler/beskeder/").text()
    response = other_page.goto(thread_path)
    assert response.status == 404
    assert other.h1() == text["not_found"]
    other_page.context.close()
    _dfdg_refuses(notify_server, desk, thread_path.rsplit("/", 1)[-1])


def _dfdg_refuses(server: LiveServer, desk: Desk, thread_id: str) -> None:
    """DFDG itself answers the other job centre's caseworker 404 for the thread, asked under
    the thread's job centre or their own."""
    from jobnet.clients.dfdg_client.errors import DfdgForbidden, DfdgNotFound
    from jobnet.clients.dfdg_client.values import Actor

    worker, other = _caseworker(desk.caseworker), _caseworker(desk.other)
    actor = Actor(
        type="caseworker",
        id=other.professional_id,
        name=f"{other.given_name} {other.family_name}",
        organisation=other.organisation_cvr,
        purpose="case_processing",
    )
    client = server.app.extensions["dfdg_client"]
    with server.app.app_context():
        with pytest.raises(DfdgNotFound):
            client.jobcentre_thread(other.organisation_cvr, thread_id, actor)
        with pytest.raises((DfdgForbidden, DfdgNotFound)):
            client.jobcentre_thread(worker.organisation_cvr, thread_id, actor)
