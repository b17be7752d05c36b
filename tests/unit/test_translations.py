"""The Danish catalog is complete and current: CI fails on a stale, untranslated or fuzzy entry."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[2]
CATALOG = ROOT / "translations" / "da" / "LC_MESSAGES" / "messages.po"
PLACEHOLDER = re.compile(r"%\((\w+)\)s|\{(\w+)\}")


@pytest.fixture(scope="module")
def extracted(tmp_path_factory: pytest.TempPathFactory) -> set[str]:
    pot = tmp_path_factory.mktemp("pot") / "messages.pot"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "babel.messages.frontend",
            "extract",
            "-F",
            "babel.cfg",
            "-k",
            "_l",
            "-k",
            "lazy_gettext",
            "-o",
            str(pot),
            "--no-location",
            ".",
        ],
        cwd=ROOT,
        check=True,
    )
    with pot.open("rb") as f:
        return {_key(m.id) for m in read_po(f) if m.id}


def _key(msgid: str | tuple[str, ...]) -> str:
    return msgid if isinstance(msgid, str) else msgid[0]


@pytest.fixture(scope="module")
def catalog():  # type: ignore[no-untyped-def]
    with CATALOG.open("rb") as f:
        return read_po(f)


def test_catalog_is_not_stale(extracted: set[str], catalog) -> None:  # type: ignore[no-untyped-def]
    in_catalog = {_key(m.id) for m in catalog if m.id}
    missing = sorted(extracted - in_catalog)
    obsolete = sorted(in_catalog - extracted)
    assert not missing, f"run `make translations`: {len(missing)} new messages, e.g. {missing[:5]}"
    assert not obsolete, f"run `make translations`: {len(obsolete)} unused, e.g. {obsolete[:5]}"


def test_every_danish_message_is_translated_and_not_fuzzy(catalog) -> None:  # type: ignore[no-untyped-def]
    bad = [
        _key(m.id)
        for m in catalog
        if m.id and (m.fuzzy or not m.string or (isinstance(m.string, tuple) and not all(m.string)))
    ]
    assert not bad, f"{len(bad)} untranslated or fuzzy, e.g. {bad[:5]}"


def test_translations_keep_their_placeholders(catalog) -> None:  # type: ignore[no-untyped-def]
    wrong = []
    for message in catalog:
        if not message.id or not message.string:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        wanted = set(PLACEHOLDER.findall(ids[0]))
        for string in strings:
            if set(PLACEHOLDER.findall(string)) != wanted:
                wrong.append(ids[0])
    assert not wrong, f"placeholders differ in: {wrong[:5]}"
