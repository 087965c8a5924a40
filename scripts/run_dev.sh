#!/usr/bin/env bash
# Development server and background worker together (what `make run` ends with). The worker sends the
# e-mail (printed here, as development settings use the console) and runs the periodic jobs.
# Ctrl-C stops both: runserver exits on it, and on the way out this script stops the worker.
set -euo pipefail
cd "$(dirname "$0")/.."
PY="${PY:-.venv/bin/python}"
ADDRESS="${1:-127.0.0.1:8000}"

"$PY" manage.py run_worker &
WORKER=$!
# The worker finishes the task it is running, then exits (SIGTERM is its graceful stop).
trap 'kill -TERM "$WORKER" 2>/dev/null || true; wait "$WORKER" 2>/dev/null || true' EXIT
"$PY" manage.py runserver "$ADDRESS"
