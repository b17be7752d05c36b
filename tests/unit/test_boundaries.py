"""The architecture's boundaries, checked on the source (like an import-linter contract):

- the web side reaches DFDG only through jobnet.clients — no view, form or template helper imports
  DFDG's models, queries or API; the one exception is the app factory starting the embedded
  DFDG app in-process;
- DFDG never imports the web side;
- jobnet.domain is pure: no Flask, no SQLAlchemy, no web or DFDG modules.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "jobnet"
WEB_MAY_IMPORT_FROM_DFDG = {("jobnet/web/__init__.py", "jobnet.dfdg", "create_dfdg_app")}
DFDG_MAY_IMPORT = (
    "jobnet.dfdg",
    "jobnet.domain",
    "jobnet.web.platform.config",
    "jobnet.db",
    "jobnet.demo_identities",
)
DOMAIN_MAY_NOT_IMPORT = ("flask", "sqlalchemy", "jobnet.dfdg", "jobnet.clients", "werkzeug")


def _imports(path: Path) -> list[tuple[str, str]]:
    """(module, name) for every import in the file; name is '' for `import x`."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: list[tuple[str, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            found += [(node.module, alias.name) for alias in node.names]
        elif isinstance(node, ast.Import):
            found += [(alias.name, "") for alias in node.names]
    return found


def _files(under: str) -> list[Path]:
    return sorted((PACKAGE / under).rglob("*.py")) if under else sorted(PACKAGE.rglob("*.py"))


def _relative(path: Path) -> str:
    return str(path.relative_to(PACKAGE.parent))


@pytest.mark.parametrize("path", _files(""), ids=_relative)
def test_the_web_side_reaches_dfdg_only_through_the_client(path: Path) -> None:
    if _relative(path).startswith("jobnet/dfdg/"):
        return
    wrong = [
        (module, name)
        for module, name in _imports(path)
        if module.startswith("jobnet.dfdg")
        and (_relative(path), module, name) not in WEB_MAY_IMPORT_FROM_DFDG
    ]
    assert not wrong, f"{_relative(path)} imports DFDG directly: {wrong}"


@pytest.mark.parametrize("path", _files("dfdg"), ids=_relative)
def test_dfdg_never_imports_the_web_side(path: Path) -> None:
    wrong = [
        module
        for module, _ in _imports(path)
        if module.startswith("jobnet") and not module.startswith(DFDG_MAY_IMPORT)
    ]
    assert not wrong, f"{_relative(path)} imports the web side: {wrong}"


@pytest.mark.parametrize("path", _files("domain"), ids=_relative)
def test_domain_rules_are_pure(path: Path) -> None:
    wrong = [module for module, _ in _imports(path) if module.startswith(DOMAIN_MAY_NOT_IMPORT)]
    assert not wrong, f"{_relative(path)} is not pure: {wrong}"
