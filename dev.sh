#!/usr/bin/env bash
# One entry point for a fresh machine:  ./dev.sh demo  |  ./dev.sh test  |  ./dev.sh bench
set -euo pipefail
cd "$(dirname "$0")"
VENV="${LAKEHOUSE_VENV:-.venv}"

setup() {
  local extras="$1"
  if [ ! -x "$VENV/bin/python" ]; then
    python3 -m venv "$VENV"
  fi
  local stamp="$VENV/.installed-$extras"
  if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
    "$VENV/bin/python" -m pip install --quiet --upgrade pip
    "$VENV/bin/python" -m pip install --quiet -e ".[$extras]"
    touch "$stamp"
  fi
}

system_tools() {
  # tests/reliability records a commit's file operations with strace (Debian package; best effort as root)
  if ! command -v strace >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    (apt-get update -qq && apt-get install -y -qq strace) >/dev/null 2>&1 || true
  fi
  # tests/ui/browser drive Debian's chromium with Playwright (Playwright's own browser download cannot work here)
  if ! command -v chromium >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    (apt-get update -qq && apt-get install -y -qq chromium) >/dev/null 2>&1 || true
  fi
}

case "${1:-}" in
  demo)
    setup base
    shift
    exec "$VENV/bin/lakehouse" --data-dir "${LAKEHOUSE_DATA_DIR:-lakehouse-data}" demo "$@"
    ;;
  test)
    setup dev
    system_tools
    shift
    "$VENV/bin/ruff" check src tests bench
    "$VENV/bin/mypy"
    "$VENV/bin/lint-imports"
    # one test worker per core: much of the suite waits on servers, databases and subprocesses
    exec "$VENV/bin/pytest" -q -n "${LAKEHOUSE_TEST_WORKERS:-auto}" --dist loadfile "$@"
    ;;
  bench)
    setup dev,bench
    shift
    exec "$VENV/bin/python" -m bench "$@"
    ;;
  *)
    echo "usage: ./dev.sh demo | test | bench" >&2
    exit 64
    ;;
esac
