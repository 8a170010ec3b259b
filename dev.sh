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

case "${1:-}" in
  demo)
    setup base
    shift
    exec "$VENV/bin/lakehouse" --data-dir "${LAKEHOUSE_DATA_DIR:-lakehouse-data}" demo "$@"
    ;;
  test)
    setup dev
    shift
    "$VENV/bin/ruff" check src tests bench
    "$VENV/bin/mypy"
    "$VENV/bin/lint-imports"
    exec "$VENV/bin/pytest" -q "$@"
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
