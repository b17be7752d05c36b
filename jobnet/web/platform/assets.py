"""Static assets under fingerprinted names, gzip-compressed and cached for a year.

`asset_url("css/jobnet.css")` in a template gives `/assets/css/jobnet.<hash>.css`: the name
changes whenever the content does, so browsers and proxies may keep every file for a year
(`Cache-Control: public, max-age=31536000, immutable`). Stylesheets are rewritten as they are
fingerprinted: each `url(...)` they refer to (DKFDS's fonts and icons) gets its own fingerprinted
name, and each `@font-face` keeps only its WOFF2 source, which every supported browser reads
(DKFDS also lists EOT, WOFF and TTF, and a browser may fetch the first of those it meets), plus
IBM Plex's much smaller Latin-1 subset for the characters Danish and English pages use.

Only the entry points below and what their stylesheets refer to are served; the manifest is
built once per process, when the first URL is asked for. Text files are gzip-compressed once
and kept in memory; the rest is read from disk once.
"""

from __future__ import annotations

import gzip
import hashlib
import mimetypes
import posixpath
import re
import threading
from dataclasses import dataclass, field
from pathlib import Path

from flask import (
    Blueprint,
    Flask,
    Response,
    abort,
    current_app,
    has_request_context,
    request,
    url_for,
)

from jobnet.web.auth.users import public

ENTRY_POINTS = (
    "dkfds/css/dkfds-borgerdk.min.css",
    "dkfds/js/dkfds.min.js",
    "css/jobnet.css",
    "js/jobnet.js",
    "img/favicon.svg",
)
URL_PREFIX = "/assets"
CACHE_FOREVER = "public, max-age=31536000, immutable"
COMPRESSIBLE = (".css", ".js", ".svg", ".json", ".txt")
MIMETYPES = {".woff2": "font/woff2", ".woff": "font/woff", ".svg": "image/svg+xml"}
MANIFEST_KEY = "asset_manifest"
# What IBM Plex's "Latin1" split files hold (read from their character maps).
LATIN1_RANGE = (
    "U+0000,U+000D,U+0020-007E,U+00A0-00FF,U+0131,U+0152-0153,U+02C6,U+02DA,U+02DC,"
    "U+2013-2014,U+2018-201A,U+201C-201E,U+2020-2022,U+2026,U+2030,U+2039-203A,U+2044,"
    "U+20AC,U+2122,U+2212,U+FB01-FB02"
)

_FONT_FACE = re.compile(r"@font-face\s*{[^}]*}")
_FONT_SRC = re.compile(r"src\s*:[^;}]*")
_WOFF2_URL = re.compile(r"url\(\s*['\"]?([^'\")]+\.woff2)['\"]?\s*\)")
_URL = re.compile(r"url\(\s*(['\"]?)([^'\")]+)\1\s*\)")

bp = Blueprint("assets", __name__)


@dataclass
class Asset:
    name: str  # the fingerprinted path under URL_PREFIX, e.g. "css/jobnet.3f2a9c1b0d.css"
    content: bytes
    mimetype: str
    gzipped: bytes | None = field(default=None, repr=False)

    @property
    def etag(self) -> str:
        return self.name.rsplit(".", 2)[-2]


def _fingerprinted(path: str, content: bytes) -> str:
    digest = hashlib.sha256(content).hexdigest()[:12]
    stem, dot, suffix = path.rpartition(".")
    return f"{stem}.{digest}.{suffix}" if dot else f"{path}.{digest}"


def _latin1_subset(url: str) -> str:
    """IBM Plex's Latin-1 subset of a complete font file (the split/ folder beside it)."""
    return url.replace("/complete/woff2/", "/split/woff2/").removesuffix(".woff2") + "-Latin1.woff2"


def _font_faces(css: str, css_path: str, root: Path) -> str:
    """Each `@font-face` with only its WOFF2 source; where IBM Plex's Latin-1 subset exists,
    a second face with it for the Latin-1 range, so Danish and English text loads ~17 KB per
    weight instead of ~60 KB (text outside the range still gets the complete font)."""
    folder = posixpath.dirname(css_path)

    def rewrite(face: re.Match[str]) -> str:
        block = face.group(0)
        woff2 = _WOFF2_URL.search(block)
        if woff2 is None:
            return block
        complete = _FONT_SRC.sub(f'src:url({woff2.group(1)}) format("woff2")', block, count=1)
        subset = _latin1_subset(woff2.group(1))
        if subset == woff2.group(1) or not (root / posixpath.join(folder, subset)).is_file():
            return complete
        latin1 = _FONT_SRC.sub(
            f'src:url({subset}) format("woff2");unicode-range:{LATIN1_RANGE}', block, count=1
        )
        return complete + latin1

    return _FONT_FACE.sub(rewrite, css)


class Manifest:
    """Logical path (relative to static/) → fingerprinted asset."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.by_path: dict[str, Asset] = {}
        self.by_name: dict[str, Asset] = {}
        self.urls: dict[tuple[str | None, str], str] = {}
        for path in ENTRY_POINTS:
            if (root / path).is_file():
                self._add(path)

    def _add(self, path: str) -> Asset:
        known = self.by_path.get(path)
        if known is not None:
            return known
        content = (self.root / path).read_bytes()
        if path.endswith(".css"):
            content = self._rewrite_css(path, content.decode("utf-8")).encode("utf-8")
        suffix = posixpath.splitext(path)[1]
        mimetype = MIMETYPES.get(suffix) or mimetypes.guess_type(path)[0]
        asset = Asset(
            _fingerprinted(path, content), content, mimetype or "application/octet-stream"
        )
        if suffix in COMPRESSIBLE:
            asset.gzipped = gzip.compress(content, compresslevel=9, mtime=0)
        self.by_path[path] = asset
        self.by_name[asset.name] = asset
        return asset

    def _rewrite_css(self, path: str, css: str) -> str:
        folder = posixpath.dirname(path)

        def rewrite(match: re.Match[str]) -> str:
            reference = match.group(2).strip()
            if reference.startswith(("data:", "http:", "https:", "/", "#")):
                return match.group(0)
            target = posixpath.normpath(posixpath.join(folder, re.split(r"[?#]", reference)[0]))
            if target.startswith("..") or not (self.root / target).is_file():
                return match.group(0)
            name = self._add(target).name
            return f"url({posixpath.relpath(name, folder)})"

        return _URL.sub(rewrite, _font_faces(css, path, self.root))

    def url_path(self, path: str) -> str | None:
        asset = self.by_path.get(path)
        return asset.name if asset else None


_lock = threading.Lock()


def manifest(app: Flask) -> Manifest:
    built = app.extensions.get(MANIFEST_KEY)
    if built is None:
        with _lock:
            built = app.extensions.get(MANIFEST_KEY)
            if built is None:
                built = Manifest(Path(app.static_folder or "static"))
                app.extensions[MANIFEST_KEY] = built
    return built


def asset_url(path: str) -> str:
    """The fingerprinted URL of static/`path`; the plain static URL for any other file."""
    found = manifest(current_app)
    # Every page links the same five files: their URLs are built once per script root, not
    # by the URL map on every page.
    key = (request.script_root if has_request_context() else None, path)
    url = found.urls.get(key)
    if url is None:
        name = found.url_path(path)
        url = (
            url_for("static", filename=path) if name is None else url_for("assets.asset", name=name)
        )
        found.urls[key] = url
    return url


@bp.get(f"{URL_PREFIX}/<path:name>")
@public
def asset(name: str) -> Response:
    found = manifest(current_app).by_name.get(name)
    if found is None:
        abort(404)
    if request.if_none_match.contains(found.etag):
        response = Response(status=304)
    elif found.gzipped is not None and request.accept_encodings["gzip"] > 0:
        response = Response(found.gzipped, mimetype=found.mimetype)
        response.headers["Content-Encoding"] = "gzip"
    else:
        response = Response(found.content, mimetype=found.mimetype)
    response.set_etag(found.etag)
    response.headers["Cache-Control"] = CACHE_FOREVER
    if found.gzipped is not None:
        response.vary.add("Accept-Encoding")
    return response


def init_app(app: Flask) -> None:
    app.register_blueprint(bp)
    app.jinja_env.globals["asset_url"] = asset_url
