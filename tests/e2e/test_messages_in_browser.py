"""Messages with the job centre in Chromium, in Danish and in English (issue 23): a citizen
writes with an attachment, the job centre's inbox shows it unread, a caseworker takes it and
answers, and the citizen reads the answer and sees that their message was read. axe checks the
new pages on the way.

One flow per language, each with its own citizen and caseworker (København in Danish, Aarhus in
English), and a subject of its own, so the two runs never meet in the live app.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tests.e2e.conftest import LOCALES, LiveServer, assert_no_axe_violations
from tests.e2e.pages import WORDS, Jobnet

PDF = b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"


@dataclass(frozen=True)
class Desk:
    citizen: str
    caseworker: str
    organisation: str


DESKS = {
    "da": Desk("Mette Nielsen", "Hanne Mikkelsen", "Jobcenter København"),
    "en": Desk("Lars Jensen", "Birgitte Østergaard", "Jobcenter Aarhus"),
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
    },
}


def _tab(browser: Any, live_server: LiveServer, language: str) -> Any:
    context = browser.new_context(
        locale=LOCALES[language],
        extra_http_headers={"Accept-Language": language},
        base_url=live_server.url,
    )
    context.set_default_timeout(10_000)
    return context.new_page()


def test_a_message_with_an_attachment_is_taken_answered_and_read(
    jobnet: Jobnet,
    page: Any,
    browser: Any,
    live_server: LiveServer,
    language: str,
    tmp_path: Path,
) -> None:
    text, desk = TEXTS[language], DESKS[language]
    subject = f"{text['subject']} {secrets.token_hex(3)}"
    note = tmp_path / "laegeerklaering.pdf"
    note.write_bytes(PDF)

    # The citizen writes from Min side, with a PDF attached.
    jobnet.log_in_as(desk.citizen)
    jobnet.follow(re.compile(text["messages"]))
    assert_no_axe_violations(page)
    jobnet.follow(text["write"])
    assert jobnet.h1() == text["write"]
    assert_no_axe_violations(page)
    page.get_by_label(text["subject"], exact=True).fill(subject)
    page.get_by_label(text["your_message"]).fill("Her er min lægeerklæring.")
    page.get_by_label(text["attach"]).set_input_files(str(note))
    jobnet.press(WORDS[language]["send"])
    jobnet.shown(page.get_by_role("heading", name=re.compile(text["received_or_registered"])))

    # The job centre's inbox shows it unread; a caseworker takes and answers it.
    desk_page = _tab(browser, live_server, language)
    caseworker = Jobnet(desk_page, WORDS[language])
    caseworker.log_in_as_caseworker(desk.caseworker)
    caseworker.follow(text["inbox"])
    assert_no_axe_violations(desk_page)
    caseworker.follow(text["unread"])
    row = desk_page.get_by_role("row").filter(has_text=subject)
    assert row.get_by_text(text["unread_badge"]).is_visible()
    caseworker.follow(subject)
    assert caseworker.h1() == subject
    assert desk_page.get_by_role("link", name="laegeerklaering.pdf").is_visible()
    caseworker.press(text["take"])
    caseworker.shown(desk_page.get_by_text(text["taken_by"].format(name=desk.caseworker)))
    assert_no_axe_violations(desk_page)
    desk_page.get_by_label(text["your_message"]).fill("Tak, vi har modtaget den.")
    caseworker.press(text["send_answer"])
    caseworker.shown(desk_page.get_by_text(text["answer_sent"]))
    desk_page.context.close()

    # The citizen reads the answer and sees their message was read by the job centre.
    page.goto("/beskeder/")
    card = page.get_by_role("listitem").filter(has_text=subject)
    assert card.get_by_text(text["unread_badge"]).is_visible()
    jobnet.follow(subject)
    main = jobnet.main_text()
    assert "Tak, vi har modtaget den." in main
    answered = text["answered_by"].format(name=desk.caseworker, organisation=desk.organisation)
    assert answered in main
    assert text["read_by_jobcentre"] in main
    assert_no_axe_violations(page)
    assert page.console_errors == []
