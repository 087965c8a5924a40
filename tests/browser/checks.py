"""The one way the browser tests check a page: axe-core's WCAG 2.0/2.1 A and AA rules in the browser,
and the Nu HTML Checker on the HTML the server sent."""

import functools
import json
import subprocess
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@functools.cache
def _axe_source():
    return AXE_JS.read_text()


def axe(page, selector=None):
    """axe-core's violations on the page as the browser shows it now (or within `selector`), one line each;
    [] when it passes. The page's context needs `bypass_csp=True` for the script to be injected."""
    page.add_script_tag(content=_axe_source())
    result = page.evaluate(
        "([selector, tags]) => axe.run(selector || document, {runOnly: {type: 'tag', values: tags}})",
        [selector, WCAG_TAGS],
    )
    return describe(result["violations"])


def describe(violations):
    lines = []
    for violation in violations:
        targets = [", ".join(node["target"]) for node in violation["nodes"][:3]]
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']} at {targets}")
    return lines


def fetch(base, path, data=None):
    """The HTML a GET (or a same-origin form POST of `data`) gets, whatever its status."""
    body = urllib.parse.urlencode(data, doseq=True).encode() if data is not None else None
    request = urllib.request.Request(base + path, data=body, headers={"Origin": base})
    try:
        return urllib.request.urlopen(request).read()
    except urllib.error.HTTPError as error:
        return error.read()


def html_errors(pages, folder):
    """The Nu HTML Checker's errors in `pages` ({name to report: HTML bytes}), one line each, "name:line:
    message"; the pages are written to `folder` for it to read, in one run of the checker."""
    files = {}
    for name, html in pages.items():
        target = Path(folder) / f"{slug(name)}.html"
        target.write_bytes(html)
        files[str(target)] = name
    result = subprocess.run(
        ["java", "-jar", str(VNU_JAR), "--errors-only", "--format", "json", "--exit-zero-always", *files],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(result.stderr or result.stdout)["messages"]
    return [
        f"{files.get(m.get('url', '').removeprefix('file:'), m.get('url'))}:{m.get('lastLine')}: {m['message']}"
        for m in messages
        if m.get("type") == "error"
    ]


def slug(name):
    """A file name for a page's name or path: /sok/?q=x gives sok__q-x, / gives start."""
    return name.strip("/").replace("/", "_").replace("?", "_").replace("=", "-") or "start"
