"""A letter's PDF, made by WeasyPrint from the letter's own HTML page: tagged (PDF/UA-1) so a
screen reader can read it, with its fonts embedded. WeasyPrint may read files under `static/`
only (the letter's stylesheet and fonts), never the network."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

# WeasyPrint logs each of its seven steps at INFO (and its own stylesheets as it is imported):
# seven lines a letter, none of them news.
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)

from weasyprint import HTML  # noqa: E402
from weasyprint.urls import URLFetcher, path2url  # noqa: E402


class StaticOnlyFetcher(URLFetcher):
    """Files under the static folder and nothing else: a letter has no business elsewhere."""

    def __init__(self, static_folder: Path) -> None:
        super().__init__(allowed_protocols={"file"})
        self._root = path2url(str(static_folder.resolve())).rstrip("/") + "/"

    def fetch(self, url: str, headers: Any = None) -> Any:
        if not url.startswith(self._root) or "/../" in url:
            raise ValueError(f"a letter may not load {url}")
        return super().fetch(url, headers)


def letter_pdf(html: str, static_folder: Path) -> bytes:
    """The PDF of a letter page rendered for print (`for_pdf`); its links to stylesheets and
    fonts are relative to the static folder."""
    base = path2url(str(static_folder.resolve())).rstrip("/") + "/"
    document = HTML(string=html, base_url=base, url_fetcher=StaticOnlyFetcher(static_folder))
    pdf = document.write_pdf(pdf_variant="pdf/ua-1")
    assert isinstance(pdf, bytes)
    return pdf
