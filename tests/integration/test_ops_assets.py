"""Static assets: fingerprinted names, a year's caching, gzip when accepted; and the readiness
endpoint that tells a load balancer whether a web worker can serve."""

from __future__ import annotations

import gzip
import re

import httpx
from flask import Flask
from flask.testing import FlaskClient

from jobnet.clients.dfdg_client.client import DfdgClient

FINGERPRINTED = re.compile(r'(?:href|src)="(/assets/[^"]+\.[0-9a-f]{12}\.[a-z0-9]+)"')


def _asset_urls(client: FlaskClient) -> list[str]:
    return FINGERPRINTED.findall(client.get("/").get_data(as_text=True))


def test_pages_link_fingerprinted_assets_cached_for_a_year(client: FlaskClient) -> None:
    urls = _asset_urls(client)
    assert any(url.endswith(".css") for url in urls)
    assert any(url.endswith(".js") for url in urls)
    assert "/static/" not in client.get("/").get_data(as_text=True)
    for url in urls:
        response = client.get(url, headers={"Accept-Encoding": "gzip, br"})
        assert response.status_code == 200, url
        assert response.headers["Cache-Control"] == "public, max-age=31536000, immutable"
        assert response.headers["Content-Encoding"] == "gzip"
        assert "Accept-Encoding" in response.headers["Vary"]
        assert gzip.decompress(response.data)


def test_asset_links_follow_the_script_root_of_each_request(client: FlaskClient) -> None:
    """The links are built once per script root: one mounted under /jobnet keeps its prefix and
    a request at the root, after it, does not get it."""
    mounted = client.get("/", environ_overrides={"SCRIPT_NAME": "/jobnet"}).get_data(as_text=True)
    assert re.search(r'href="/jobnet/assets/css/jobnet\.[0-9a-f]{12}\.css"', mounted)
    at_root = client.get("/").get_data(as_text=True)
    assert "/jobnet/assets/" not in at_root
    assert len(_asset_urls(client)) >= 4


def test_assets_are_sent_uncompressed_to_clients_that_do_not_accept_gzip(
    client: FlaskClient,
) -> None:
    css = next(url for url in _asset_urls(client) if "jobnet." in url and url.endswith(".css"))
    response = client.get(css, headers={"Accept-Encoding": "identity"})
    assert "Content-Encoding" not in response.headers
    assert response.headers["Content-Type"] == "text/css; charset=utf-8"
    again = client.get(css, headers={"If-None-Match": response.headers["ETag"]})
    assert again.status_code == 304


def test_stylesheets_refer_to_fingerprinted_woff2_fonts_only(client: FlaskClient) -> None:
    css_url = next(url for url in _asset_urls(client) if "dkfds-borgerdk" in url)
    css = client.get(css_url, headers={"Accept-Encoding": "identity"}).get_data(as_text=True)
    faces = [face for face in re.findall(r"@font-face\s*{[^}]*}", css) if "url(" in face]
    assert faces
    for face in faces:
        sources = re.findall(r"url\(([^)]+)\)", face)
        assert len(sources) == 1 and sources[0].endswith(".woff2"), face
    subsets = [face for face in faces if "unicode-range:U+0000" in face]
    assert subsets and all("-Latin1." in face for face in subsets)
    font = re.findall(r"url\(([^)]+)\)", subsets[0])[0]
    folder = css_url.rsplit("/", 1)[0]
    path = "/".join([*folder.split("/")[:-1], font.removeprefix("../")])
    response = client.get(path)
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "font/woff2"


def test_unknown_and_unfingerprinted_names_are_not_found(client: FlaskClient) -> None:
    assert client.get("/assets/css/jobnet.css").status_code == 404
    assert client.get("/assets/css/jobnet.000000000000.css").status_code == 404


def test_ready_when_the_store_and_dfdg_answer(client: FlaskClient) -> None:
    response = client.get("/ready")
    assert response.status_code == 200
    assert response.json == {"status": "ok", "database": "ok", "dfdg": "ok"}
    assert client.get("/health").json == {"status": "ok"}


def test_not_ready_when_dfdg_cannot_be_reached(app: Flask, client: FlaskClient) -> None:
    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("connection refused", request=request)

    app.extensions["dfdg_client"] = DfdgClient(
        "http://dfdg.invalid", "token", 1.0, transport=httpx.MockTransport(refuse)
    )
    response = client.get("/ready")
    assert response.status_code == 503
    assert response.json == {"status": "unavailable", "database": "ok", "dfdg": "unavailable"}
    assert client.get("/health").status_code == 200
