"""node-oidc-provider (tests/interop/oidc_provider.mjs), an OpenID-certified provider of another
make, started on a loopback port for the interoperability and browser tests."""

from __future__ import annotations

import json
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
PROVIDER_SCRIPT = ROOT / "tests" / "interop" / "oidc_provider.mjs"
CLIENT_ID = "jobnet-citizen"
CLIENT_SECRET = "interop-client-secret-of-sufficient-length"
CLAIMS = {"cpr": "dk.cpr", "uuid": "mitid.uuid", "loa": "loa"}
ACCOUNT = {
    "given_name": "Mette",
    "family_name": "Nielsen",
    "cpr": "1203851234",
    "uuid": "7b6c0a52-4d1e-4c55-9a3e-5d0f1f3c9b21",
}
NSIS_SUBSTANTIAL = "https://data.gov.dk/concept/core/nsis/Substantial"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def relying_party_settings(issuer: str) -> dict[str, Any]:
    """The only settings Jobnet needs to use the provider for its citizens."""
    return {
        "OIDC_CITIZEN_ISSUER": issuer,
        "OIDC_CITIZEN_CLIENT_ID": CLIENT_ID,
        "OIDC_CITIZEN_CLIENT_SECRET": CLIENT_SECRET,
        "OIDC_CITIZEN_SCOPES": "openid profile ssn mitid",
    }


@contextmanager
def node_provider(
    tmp: Path, port: int, app_url: str, *, level: str = NSIS_SUBSTANTIAL, backchannel: bool = True
) -> Iterator[str]:
    """Run the provider on `port` with a client for the Jobnet at `app_url`; yields its issuer."""
    config = {
        "port": port,
        "client_id": CLIENT_ID,
        "client_secret": CLIENT_SECRET,
        "redirect_uri": f"{app_url}/auth/callback",
        "post_logout_redirect_uri": f"{app_url}/auth/logged-out",
        "cookie_key": "interop-cookie-key",
        "claims": CLAIMS,
        "account": {**ACCOUNT, "level": level},
    }
    if backchannel:
        config["backchannel_logout_uri"] = f"{app_url}/auth/backchannel-logout"
    config_file = tmp / f"provider-{port}.json"
    config_file.write_text(json.dumps(config))
    log_file = tmp / f"provider-{port}.log"  # its output, to read when a test fails
    with log_file.open("w") as output:
        process = subprocess.Popen(
            ["node", str(PROVIDER_SCRIPT), str(config_file)],
            cwd=ROOT,
            stdout=output,
            stderr=subprocess.STDOUT,
            text=True,
        )
    try:
        deadline = time.monotonic() + 30
        while "listening" not in log_file.read_text():
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"node-oidc-provider did not start: {log_file.read_text()}")
            time.sleep(0.05)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=10)
