"""The templates' own gettext callables behave as Jinja's new-style ones: translated in the
request's language, autoescaped, always formatted, `num` given to plurals, `{% trans %}` too."""

from __future__ import annotations

import pytest
from flask import Flask, render_template_string

from jobnet.web.platform.i18n import LANGUAGE_COOKIE

PLURAL = (
    '{{ ngettext("You have sent %(num)s report through Jobnet.", '
    '"You have sent %(num)s reports through Jobnet.", count) }}'
)


def _render(app: Flask, language: str, source: str, **context: object) -> str:
    headers = {"Cookie": f"{LANGUAGE_COOKIE}={language}"}
    with app.test_request_context("/", headers=headers):
        return render_template_string(source, **context)


@pytest.mark.parametrize(("language", "expected"), [("da", "(valgfrit)"), ("en", "(optional)")])
def test_a_string_is_translated_in_the_request_language(
    app: Flask, language: str, expected: str
) -> None:
    assert _render(app, language, '({{ _("optional") }})') == expected


@pytest.mark.parametrize(
    ("count", "expected"),
    [
        (1, "Du har sendt 1 indberetning via Jobnet."),
        (3, "Du har sendt 3 indberetninger via Jobnet."),
    ],
)
def test_plurals_choose_the_form_and_get_num(app: Flask, count: int, expected: str) -> None:
    assert _render(app, "da", PLURAL, count=count) == expected


def test_variables_are_escaped_and_the_text_is_not(app: Flask) -> None:
    source = '{{ _("Job title %(number)s", number=value) }}'
    assert _render(app, "en", source, value="<b>") == "Job title &lt;b&gt;"


def test_trans_blocks_use_the_same_callables(app: Flask) -> None:
    source = (
        "{% trans %}optional{% endtrans %}|{% trans number=2 %}Job title {{ number }}{% endtrans %}"
    )
    assert _render(app, "da", source) == "valgfrit|Jobtitel 2"


def test_the_language_can_change_between_requests_of_one_thread(app: Flask) -> None:
    assert [_render(app, lang, '{{ _("optional") }}') for lang in ("da", "en", "da")] == [
        "valgfrit",
        "optional",
        "valgfrit",
    ]


def test_without_the_render_context_the_globals_translate_too(app: Flask) -> None:
    """Macros imported without context see only the environment's globals."""
    headers = {"Cookie": f"{LANGUAGE_COOKIE}=da"}
    with app.test_request_context("/", headers=headers):
        template = app.jinja_env.from_string('{{ _("optional") }}|' + PLURAL)
        assert template.render(count=2) == "valgfrit|Du har sendt 2 indberetninger via Jobnet."
