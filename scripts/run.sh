#!/usr/bin/env bash
# Set up and run Jobnet on its embedded defaults: SQLite, DFDG in-process, the MitID simulator
# and demo data. Usage: scripts/run.sh [port]
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
port="${1:-${PORT:-5000}}"
export PUBLIC_BASE_URL="${PUBLIC_BASE_URL:-http://127.0.0.1:$port}"
echo
echo "Jobnet is starting on $PUBLIC_BASE_URL  (DFDG API: $PUBLIC_BASE_URL/dfdg/api/v1/openapi.json)"
echo
exec .venv/bin/flask --app app run --host 127.0.0.1 --port "$port" --with-threads
