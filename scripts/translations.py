"""Keep the Danish catalog in step with the code.

    python scripts/translations.py update   # extract, update da, compile
    python scripts/translations.py missing  # list untranslated or fuzzy Danish messages

A new message is translated in translations/da/LC_MESSAGES/messages.po itself; `missing` (run by
the tests) lists any that are not.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
POT = ROOT / "translations" / "messages.pot"
PO = ROOT / "translations" / "da" / "LC_MESSAGES" / "messages.po"


def _babel(*args: str) -> None:
    subprocess.run(
        [sys.executable, "-m", "babel.messages.frontend", "-q", *args], cwd=ROOT, check=True
    )


def _read(path: Path) -> Catalog:
    with path.open("rb") as f:
        return read_po(f)


def _write(path: Path, catalog: Catalog) -> None:
    with path.open("wb") as f:
        write_po(
            f,
            catalog,
            width=100,
            omit_header=False,
            sort_output=True,
            ignore_obsolete=True,
            include_previous=False,
            no_location=True,
        )


def extract_and_update() -> None:
    _babel(
        "extract",
        "-F",
        "babel.cfg",
        "-k",
        "_l",
        "-k",
        "lazy_gettext",
        "-k",
        "lazy_pgettext:1c,2",
        "--no-location",
        "--sort-output",
        "--project",
        "Jobnet",
        "-o",
        str(POT),
        ".",
    )
    if not PO.exists():
        _babel("init", "-i", str(POT), "-d", "translations", "-l", "da")
    _babel(
        "update",
        "-i",
        str(POT),
        "-d",
        "translations",
        "--no-fuzzy-matching",
        "--ignore-obsolete",
        "--no-wrap",
    )


def normalise() -> None:
    """Write the catalog in one stable form (sorted, 100 columns), so a diff shows only what
    changed."""
    _write(PO, _read(PO))


def missing() -> list[str]:
    return [
        m.id if isinstance(m.id, str) else m.id[0]
        for m in _read(PO)
        if m.id and (m.fuzzy or not m.string or (isinstance(m.string, tuple) and not all(m.string)))
    ]


def main(argv: list[str]) -> int:
    command = argv[1] if len(argv) > 1 else "update"
    if command == "update":
        extract_and_update()
        normalise()
        _babel("compile", "-d", "translations", "-f")
        todo = missing()
        print(f"catalog updated; {len(todo)} still missing")
        for msgid in todo:
            print(f"  - {msgid!r}")
        return 0
    if command == "missing":
        todo = missing()
        for msgid in todo:
            print(msgid)
        return 1 if todo else 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
