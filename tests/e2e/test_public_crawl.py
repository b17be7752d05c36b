"""Every public page, in Danish and English, passes axe (WCAG 2.0/2.1/2.2 A and AA)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.e2e.conftest import assert_no_axe_violations

PUBLIC_PAGES = ["/", "/was", "/data-protection", "/no-such-page"]


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_public_page_passes_axe(page: Any, language: str, path: str) -> None:
    page.goto(path)
    assert page.locator("html").get_attribute("lang") == language
    assert page.locator("h1").count() == 1
    assert_no_axe_violations(page)
    assert not [e for e in page.console_errors if "Content Security Policy" in e], (
        page.console_errors
    )


def test_first_tab_reaches_skip_link_which_moves_focus_to_main(page: Any, language: str) -> None:
    page.goto("/")
    page.keyboard.press("Tab")
    skip = page.locator(":focus")
    assert skip.get_attribute("href") == "#main-content"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main-content"


def test_language_switch_persists(page: Any, language: str) -> None:
    page.goto("/was")
    other = "en" if language == "da" else "da"
    page.locator(f"a.jobnet-language-link[hreflang='{other}']").click()
    page.wait_for_load_state()  # the click returns once the next page starts to arrive
    assert page.locator("html").get_attribute("lang") == other
    assert page.url.endswith("/was")
    page.goto("/")
    assert page.locator("html").get_attribute("lang") == other
