"""A page object for the browser journeys of citizens and caseworkers: everything is found by
role, accessible name and label, in the words of the page's language (da or en).

Dates are relative to the app's own today: the live app has no fixed day, so it is the Danish
date (`today_in_denmark`), not the machine's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from babel.dates import format_date
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from jobnet.domain.clock import today_in_denmark

WORDS: dict[str, dict[str, str]] = {
    "da": {
        "log_in": "Log ind",
        "log_out": "Log ud",
        "logged_out": "Du er logget ud",
        "log_in_with_mitid": "Log ind med MitID",
        "skip_link": "Gå til sidens indhold",
        "my_page": "Min side",
        "continue": "Fortsæt",
        "send": "Send",
        "save": "Gem",
        "day": "Dag",
        "month": "Måned",
        "year": "År",
        "registered": "Kvittering: din indberetning er registreret",
        "problem": "Der er et problem",
        "error": "Fejl:",
        "saved": "Gemt i Det Fælles Datagrundlag (DFDG). Referencenummer",
        # holiday
        "report_holiday": "Meld ferie",
        "first_holiday_day": "Første feriedag",
        "last_holiday_day": "Sidste feriedag",
        "cancel": "Annuller",
        "cancel_holiday": "Annuller ferien",
        "holiday_cancelled": "Ferie annulleret",
        # sent while DFDG takes no writes
        "received": "Kvittering: din indberetning er modtaget",
        "no_need_to_send_again": "Du behøver ikke at sende den igen.",
        "holiday": "Ferie",
        "received_not_registered": "Modtaget, endnu ikke registreret",
        "cancel_once_registered": "Du kan annullere den, når den er registreret",
        "cancellation_not_registered": "Annulleringen er modtaget, men endnu ikke registreret",
        "no_holidays": "Du har ingen kommende ferie.",
        "overlap": "Datoerne overlapper et andet fravær, der allerede er registreret.",
        # CV
        "my_cv": "Mit CV",
        "add_work": "Tilføj erhvervserfaring",
        "change_work": "Ret erhvervserfaring",
        "employer": "Arbejdsgiver",
        "job_title": "Jobtitel",
        "start_date": "Startdato",
        "end_date": "Slutdato",
        "change": "Ændr",
        "remove": "Fjern",
        "yes_remove": "Ja, fjern det",
        "contact_details": "Kontaktoplysninger",
        "e_mail": "E-mail",
        "bad_e_mail": "Skriv en e-mailadresse som fx navn@example.dk.",
        # joblog
        "joblog": "Joblog",
        "add_application": "Tilføj en ansøgning",
        "applied_on": "Hvornår søgte du?",
        "advertised": "Opslået stilling",
        "sent": "Sendt",
        "weeks": "Se dine ansøgninger uge for uge",
        "week": "Uge {number}, {year}",
        "csv": "Hent din joblog som CSV-fil (til Excel)",
        "csv_header": "Dato;Arbejdsgiver;Jobtitel;Type;Status;Link;Bemærkning",
        # plan and summons
        "my_plan": "Min plan",
        "see_plan": "Se din plan",
        "plan_print": "Udskriftsvenlig version af din plan",
        "print": "Udskriv",
        "back_to_plan": "Tilbage til Min plan",
        "printed_on": "Udskrevet den",
        "your_interviews": "Dine samtaler",
        "upcoming": "Kommende samtaler",
        "ics": "Hent samtalen som kalenderfil (.ics)",
        # the citizen's own journeys
        "report_own_sickness": "Sygemeld dig",
        "report_recovery": "Raskmeld dig",
        "fit_day": "Den dag, du blev rask igen",
        "register": "Tilmeld dig som jobsøger",
        "deregister": "Afmeld dig som jobsøger",
        "start_day": "Fra hvilken dag er du jobsøger?",
        "deregister_day": "Fra hvilken dag vil du afmeldes?",
        # caseworker
        "caseworker_start": "Startside for sagsbehandlere",
        "cpr": "CPR-nummer",
        "interview_purpose": "En samtale med borgeren",
        "open_citizen": "Åbn borgeren",
        "acting_banner": "Du arbejder med en borger",
        "acting_on": "Du arbejder med oplysningerne om {name}",
        "not_our_citizen": "{organisation} kan ikke åbne en borger med dette CPR-nummer",
        "report_sickness": "Sygemeld borgeren",
        "first_sick_day": "Første sygedag",
        "sent_by": "{name}, {organisation}",
        "summon": "Indkald borgeren til en samtale",
        "interview_date": "Dato for samtalen",
        "time": "Tidspunkt",
        "job_interview": "Jobsamtale",
        "in_person": "Fremmøde",
        "place": "Sted",
        "contact_options": "Borgerens kontaktmuligheder",
        "letter_date": "Dato for afsendelse af brevet",
        "upcoming_of_citizen": "Borgerens kommende samtaler",
        "held_interview": "Registrer en afholdt samtale",
        "held_on": "Hvornår blev samtalen afholdt?",
        "agreement": "Aftale om det videre kontaktforløb",
        "ready_for_a_job": "Jobparat",
        "absence": "Registrer fravær, som kun jobcentret registrerer",
        "civic_duty": "Borgerligt ombud",
        "first_day": "Første dag",
        "last_day": "Sidste dag, hvis den er kendt",
        "assess_cv": "Vurdér borgerens CV",
        "approved": "Godkendt",
        "assessed_on": "Dato for vurderingen",
        "note": "Bemærkning til borgeren",
        "stop_acting": "Afslut arbejdet med borgeren",
        "stopped_acting": "Du arbejder ikke længere med en borgers oplysninger.",
    },
    "en": {
        "log_in": "Log in",
        "log_out": "Log out",
        "logged_out": "You are logged out",
        "log_in_with_mitid": "Log in with MitID",
        "skip_link": "Go to main content",
        "my_page": "My page",
        "continue": "Continue",
        "send": "Send",
        "save": "Save",
        "day": "Day",
        "month": "Month",
        "year": "Year",
        "registered": "Receipt: your report is registered",
        "problem": "There is a problem",
        "error": "Error:",
        "saved": "Saved in the employment database (DFDG). Reference number",
        "report_holiday": "Report holiday",
        "first_holiday_day": "First day of holiday",
        "last_holiday_day": "Last day of holiday",
        "cancel": "Cancel",
        "cancel_holiday": "Cancel the holiday",
        "holiday_cancelled": "Holiday cancelled",
        # sent while DFDG takes no writes
        "received": "Receipt: your report is received",
        "no_need_to_send_again": "you do not need to send it again.",
        "holiday": "Holiday",
        "received_not_registered": "Received, not yet registered",
        "cancel_once_registered": "You can cancel it once it is registered",
        "cancellation_not_registered": "Cancellation received, not yet registered",
        "no_holidays": "You have no holidays coming up.",
        "overlap": "The dates overlap another absence that is already registered.",
        "my_cv": "My CV",
        "add_work": "Add work experience",
        "change_work": "Change work experience",
        "employer": "Employer",
        "job_title": "Job title",
        "start_date": "Start date",
        "end_date": "End date",
        "change": "Change",
        "remove": "Remove",
        "yes_remove": "Yes, remove it",
        "contact_details": "Contact details",
        "e_mail": "E-mail",
        "bad_e_mail": "Enter an e-mail address like name@example.dk.",
        "joblog": "Joblog",
        "add_application": "Add an application",
        "applied_on": "When did you apply?",
        "advertised": "Advertised job",
        "sent": "Sent",
        "weeks": "See your applications week by week",
        "week": "Week {number}, {year}",
        "csv": "Download your joblog as a CSV file (for Excel)",
        "csv_header": "Date;Employer;Job title;Kind;Status;Link;Note",
        "my_plan": "My Plan",
        "see_plan": "See your plan",
        "plan_print": "Print view of your plan",
        "print": "Print",
        "back_to_plan": "Back to My Plan",
        "printed_on": "Printed on",
        "your_interviews": "Your interviews",
        "upcoming": "Upcoming interviews",
        "ics": "Download the interview as a calendar file (.ics)",
        "report_own_sickness": "Report sickness",
        "report_recovery": "Report recovery",
        "fit_day": "The day you were fit again",
        "register": "Register as a jobseeker",
        "deregister": "Deregister as a jobseeker",
        "start_day": "From which day are you a jobseeker?",
        "deregister_day": "From which day do you want to be deregistered?",
        "caseworker_start": "Caseworker start page",
        "cpr": "CPR number",
        "interview_purpose": "An interview with the citizen",
        "open_citizen": "Open the citizen",
        "acting_banner": "Working on a citizen",
        "acting_on": "You are working on the data of {name}",
        "not_our_citizen": "{organisation} cannot open a citizen with this CPR number",
        "report_sickness": "Report the citizen's sickness",
        "first_sick_day": "First day of sickness",
        "sent_by": "{name}, {organisation}",
        "summon": "Summon the citizen to an interview",
        "interview_date": "Date of the interview",
        "time": "Time",
        "job_interview": "Job interview",
        "in_person": "In person",
        "place": "Place",
        "contact_options": "The citizen's contact options",
        "letter_date": "Date the letter is sent",
        "upcoming_of_citizen": "The citizen's upcoming interviews",
        "held_interview": "Record a held interview",
        "held_on": "When was the interview held?",
        "agreement": "Agreement on the further contact",
        "ready_for_a_job": "Ready for a job",
        "absence": "Register an absence only a job centre registers",
        "civic_duty": "Civic duty",
        "first_day": "First day",
        "last_day": "Last day, if it is known",
        "assess_cv": "Assess the citizen's CV",
        "approved": "Approved",
        "assessed_on": "Date of the assessment",
        "note": "Note to the citizen",
        "stop_acting": "Stop working on this citizen",
        "stopped_acting": "You are no longer working on a citizen's data.",
    },
}

REFERENCE = re.compile(r"JN-\w{4}-\w{4}")


def today() -> date:
    """The live app's today (its DFDG has no fixed day)."""
    return today_in_denmark()


def long_date(day: date, language: str) -> str:
    """A date as the pages write it: "10. januar 2027" / "10 January 2027"."""
    if language == "da":
        return format_date(day, "d. MMMM y", locale="da_DK")
    return format_date(day, "d MMMM y", locale="en_GB")


@dataclass
class Jobnet:
    """The site as one person sees it in one browser tab."""

    page: Any
    words: dict[str, str]

    def log_in_as(self, person_name: str) -> None:
        """A citizen logs in through the MitID simulator."""
        self.page.goto("/auth/login")
        self.page.get_by_role("radio", name=re.compile(re.escape(person_name))).check()
        self.press(self.words["log_in"])
        self.page.wait_for_url(re.compile(r"/min-side/"))

    def log_in_with_cpr(self, cpr: str, given_name: str, family_name: str) -> None:
        """A citizen the simulator has no demo entry for logs in with a typed CPR number."""
        self.page.goto("/auth/login")
        self.page.locator("input[name=person][value=other]").check()
        self.page.locator("input[name=cpr]").fill(cpr)
        self.page.locator("input[name=given_name]").fill(given_name)
        self.page.locator("input[name=family_name]").fill(family_name)
        self.press(self.words["log_in"])
        self.page.wait_for_url(re.compile(r"/min-side/"))

    def log_in_as_caseworker(self, caseworker_name: str) -> None:
        """A caseworker logs in through the simulator's caseworker client."""
        self.page.goto("/auth/caseworker/login")
        self.page.get_by_role("radio", name=re.compile(re.escape(caseworker_name))).check()
        self.press(self.words["log_in"])
        self.page.wait_for_url(re.compile(r"/sagsbehandler/$"))

    def heading(self, name: str | re.Pattern[str], level: int | None = None) -> Any:
        if level is None:
            return self.page.get_by_role("heading", name=name)
        return self.page.get_by_role("heading", name=name, level=level)

    def h1(self) -> str:
        return str(self.page.get_by_role("heading", level=1).first.inner_text()).strip()

    def fill_date(self, group_name: str, day: date) -> None:
        group = self.page.get_by_role("group", name=group_name, exact=True)
        group.get_by_label(self.words["day"]).fill(str(day.day))
        group.get_by_label(self.words["month"]).fill(str(day.month))
        group.get_by_label(self.words["year"]).fill(str(day.year))

    def choose(self, name: str) -> None:
        self.page.get_by_role("radio", name=name, exact=True).check()

    def press(self, name: str) -> None:
        self.page.get_by_role("button", name=name, exact=True).click()
        self.settled()

    def follow(self, name: str | re.Pattern[str]) -> None:
        self.page.get_by_role("link", name=name).first.click()
        self.settled()

    def settled(self) -> None:
        """Wait for the page a click led to. Playwright's click returns once the next page has
        started to arrive, so checking its title, URL or headings at once can still meet the
        page before (or a page not yet parsed); a click that loads nothing returns at once."""
        self.page.wait_for_load_state()

    def main_text(self) -> str:
        return str(self.page.locator("main").inner_text())

    def shown(self, locator: Any) -> None:
        """Wait until `locator` is shown: a click that submits a form returns before the next
        page has loaded, so checking at once can still see the page before."""
        try:
            locator.wait_for(state="visible", timeout=5000)
        except PlaywrightTimeout as error:
            raise AssertionError(self.main_text()) from error

    def receipt(self) -> str:
        """The reference number of the receipt on the page (which must be one)."""
        self.shown(self.heading(self.words["registered"]))
        reference = str(self.page.locator(".jobnet-reference").inner_text()).strip()
        assert REFERENCE.fullmatch(reference), reference
        return reference

    def saved_reference(self) -> str:
        """The reference number in the "saved in DFDG" notice at the top of the page."""
        notice = self.page.get_by_text(self.words["saved"])
        self.shown(notice)
        found = REFERENCE.search(str(notice.inner_text()))
        assert found, notice.inner_text()
        return found.group(0)

    def send_check_your_answers(self) -> str:
        """On a check-your-answers page: send, and return the receipt's reference number."""
        self.press(self.words["send"])
        return self.receipt()

    def focused_id(self) -> str:
        return str(self.page.evaluate("document.activeElement.id"))

    def focused_text(self) -> str:
        return str(self.page.evaluate("document.activeElement.innerText")).strip()
