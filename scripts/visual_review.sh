#!/bin/sh
# Screenshots of every page type at 320, 375, 768 and 1280 px and at 200 % text, in
# artifacts/visual-review/, from the browser layout tests (a real server with the demo content).
set -e
cd "$(dirname "$0")/.."
BROWSER_TESTS_REQUIRED=1 .venv/bin/pytest tests/browser/test_layout.py -q -p no:cacheprovider "$@"
echo "Screenshots: artifacts/visual-review/"
