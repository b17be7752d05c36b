#!/usr/bin/env bash
# Set up everything the app and its tests need on a fresh Debian machine like this one.
# Idempotent: a second run only checks. Usage: scripts/setup.sh [--test]
set -euo pipefail
cd "$(dirname "$0")/.."

want_test=0
[ "${1:-}" = "--test" ] && want_test=1

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

apt_packages=()
if [ "$want_test" = 1 ]; then
  [ -x /usr/bin/chromium ] || apt_packages+=(chromium)
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || apt_packages+=(postgresql)
fi
command -v npm >/dev/null 2>&1 || apt_packages+=(nodejs npm)
# WeasyPrint (the letters' PDFs) needs Pango and HarfBuzz's subsetter; DejaVu is its fallback font.
for package in libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
    || apt_packages+=("$package")
done
if [ ${#apt_packages[@]} -gt 0 ]; then
  echo "setup: installing ${apt_packages[*]} with apt"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends \
    "${apt_packages[@]}" >/dev/null
fi

if [ ! -x .venv/bin/python ]; then
  echo "setup: creating .venv"
  python3 -m venv .venv
fi
stamp=.venv/.jobnet-installed
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  echo "setup: installing Python packages"
  # This machine's pip configuration names extra package folders that may not exist; its
  # warnings about them are noise.
  .venv/bin/pip install -q --disable-pip-version-check -e '.[test]' 2>&1 \
    | { grep -v "^WARNING: Location 'file:" || true; }
  touch "$stamp"
fi

if [ ! -d node_modules/dkfds ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "setup: installing npm packages"
  npm ci --silent --no-audit --no-fund
fi
# DKFDS's built files are copied into static/, not committed.
if [ ! -f static/dkfds/css/dkfds-borgerdk.min.css ] || \
   [ node_modules/dkfds/package.json -nt static/dkfds/css/dkfds-borgerdk.min.css ]; then
  rm -rf static/dkfds
  mkdir -p static/dkfds
  cp -r node_modules/dkfds/dist/css node_modules/dkfds/dist/js node_modules/dkfds/dist/fonts \
        node_modules/dkfds/dist/img static/dkfds/
fi

.venv/bin/pybabel -q compile -d translations -f
