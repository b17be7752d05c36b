"""After the skip link, a form sent with errors still puts focus on the error summary.

The skip link leaves "#main-content" in the address; the form posts back to it, and the browser
would move focus to main once the error page had loaded, away from the summary that says what
to mend. A keyboard user follows the skip link on every page, so this is the common case.
"""

from __future__ import annotations

import re
from typing import Any

from tests.e2e.pages import Jobnet

READS_ONLY = {"da": "Ida Kristensen", "en": "Anne Larsen"}  # nothing is sent for them


def test_errors_get_focus_after_the_skip_link(jobnet: Jobnet, page: Any, language: str) -> None:
    words = jobnet.words
    jobnet.log_in_as(READS_ONLY[language])
    jobnet.follow(words["report_holiday"])
    # The click does not wait for the next page: a Tab pressed before it has loaded lands on
    # the page being left, or on nothing.
    page.wait_for_url(re.compile(r"/ferie/periode$"))
    page.wait_for_load_state("load")
    page.keyboard.press("Tab")
    assert jobnet.focused_text() == words["skip_link"]
    page.keyboard.press("Enter")
    assert page.url.endswith("#main-content")
    jobnet.press(words["continue"])  # no dates given
    page.wait_for_load_state("load")
    page.wait_for_timeout(300)  # past the browser's own move to the fragment, if any
    assert jobnet.focused_id() == "error-summary"
    assert "#" not in page.url
