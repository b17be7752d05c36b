#!/usr/bin/env bash
# Dependency audit (docs/security.md): the installed packages that have newer releases, then
# known vulnerabilities with pip-audit where it is installed and its service can be reached.
# Exit status: 1 when pip-audit finds a vulnerability; outdated packages only inform.
set -uo pipefail
cd "$(dirname "$0")/.."
PIP=.venv/bin/pip
echo "== outdated packages (pip list --outdated)"
"$PIP" list --outdated --disable-pip-version-check || echo "(the package index could not be reached)"
echo
echo "== known vulnerabilities (pip-audit)"
if ! .venv/bin/python -c "import pip_audit" 2>/dev/null; then
    echo "pip-audit is not installed here: .venv/bin/pip install pip-audit, where PyPI's JSON API"
    echo "or osv.dev is reachable (not on this workplace), then run this script again."
    exit 0
fi
.venv/bin/python -m pip_audit --progress-spinner off --skip-editable
