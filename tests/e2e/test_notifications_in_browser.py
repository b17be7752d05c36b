"""Notifications in Chromium, in Danish and in English (issue 23): the citizen confirms an
e-mail address with the code that arrives at the test's SMTP server (aiosmtpd) and chooses
e-mail, writes to the job centre, a caseworker answers, the outbox worker's round tells the
citizen by an e-mail with no personal data, and the citizen follows its link and reads the
answer. axe checks the new pages, the caseworker's daily e-mail page too.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.conftest import LiveServer, assert_no_axe_violations, serve_live_app
from tests.e2e.pages import WORDS, Jobnet
from tests.e2e.test_messages_in_browser import DESKS, TEXTS, _tab
from tests.integration.notify_helpers import Mailbox, code_in, free_port

WORDS_OF = {
    "da": {
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
    },
    "en": {
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
    },
}
PRIVATE = ("Mette", "Nielsen", "Lars", "Jensen", "1203851234", "Hanne", "Birgitte")


@pytest.fixture(scope="module")
def smtp() -> Iterator[tuple[Mailbox, int]]:
    from aiosmtpd.controller import Controller

    box = Mailbox()
    port = free_port()
    controller = Controller(box, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield box, port
    finally:
        controller.stop()


@pytest.fixture(scope="module")
def notify_server(
    tmp_path_factory: pytest.TempPathFactory, smtp: tuple[Mailbox, int]
) -> Iterator[LiveServer]:
    settings = {
        "SMTP_HOST": "127.0.0.1",
        "SMTP_PORT": smtp[1],
        "SMTP_TLS": "none",
        "NOTIFY_QUIET_HOURS": "",
    }
    with serve_live_app(Path(tmp_path_factory.mktemp("notify")), **settings) as server:
        yield server


def test_the_citizen_is_told_by_email_and_reads_the_answer(
    browser: Any, notify_server: LiveServer, smtp: tuple[Mailbox, int], language: str
) -> None:
    box = smtp[0]
    words, text, desk = WORDS_OF[language], TEXTS[language], DESKS[language]
    address = f"borger-{language}@example.dk"
    page = _tab(browser, notify_server, language)
    jobnet = Jobnet(page, WORDS[language])

    # The citizen confirms an address with the code that arrives, and chooses e-mail.
    jobnet.log_in_as(desk.citizen)
    jobnet.follow(words["how"])
    assert jobnet.h1() == words["how"]
    assert_no_axe_violations(page)
    page.get_by_label(words["address"]).fill(address)
    jobnet.press(words["send_code"])
    jobnet.shown(page.get_by_label(words["code"]))
    assert address in jobnet.main_text()
    assert_no_axe_violations(page)
    page.get_by_label(words["code"]).fill(code_in(box.body(box.to(address)[-1])))
    jobnet.press(words["confirm"])
    jobnet.shown(page.get_by_text(address))
    page.get_by_label(words["by_email"], exact=True).check()
    jobnet.press(words["save"])
    jobnet.shown(page.get_by_text(words["saved"]))
    assert_no_axe_violations(page)

    # The citizen writes; the caseworker answers.
    subject = f"{text['subject']} {secrets.token_hex(3)}"
    page.goto("/beskeder/ny")
    page.get_by_label(text["subject"], exact=True).fill(subject)
    page.get_by_label(text["your_message"]).fill("Hvornår er mit næste møde?")
    jobnet.press(WORDS[language]["send"])
    jobnet.shown(page.get_by_role("heading", name=re.compile(text["received_or_registered"])))
    desk_page = _tab(browser, notify_server, language)
    caseworker = Jobnet(desk_page, WORDS[language])
    caseworker.log_in_as_caseworker(desk.caseworker)
    caseworker.follow(text["inbox"])
    caseworker.follow(words["digest"])
    assert caseworker.h1() == words["digest"]
    assert_no_axe_violations(desk_page)
    desk_page.goto("/sagsbehandler/beskeder/")
    caseworker.follow(subject)
    desk_page.get_by_label(text["your_message"]).fill("Den 14. december kl. 10.")
    caseworker.press(text["send_answer"])
    caseworker.shown(desk_page.get_by_text(text["answer_sent"]))
    desk_page.context.close()

    # The worker's round tells the citizen by e-mail, with nothing personal in it.
    from jobnet.web.notifications.collect import notification_round

    app = notify_server.app
    with app.app_context():
        notification_round(app)
    [told] = [m for m in box.to(address) if m["Subject"] == words["told"]]
    body = box.body(told)
    for private in (*PRIVATE, subject, "Den 14. december", "næste møde"):
        assert private not in body and private not in str(told["Subject"])
    link = re.search(r"(http://127\.0\.0\.1:\d+/\S+)", body)
    assert link, body

    # The citizen follows the link and reads the answer.
    page.goto(link.group(1))
    jobnet.follow(subject)
    assert "Den 14. december kl. 10." in jobnet.main_text()
    page.context.close()
