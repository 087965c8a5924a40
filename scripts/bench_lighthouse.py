"""Lighthouse at mobile settings in Debian's Chromium, for scripts/bench.py: scores, failing audits,
the Largest Contentful Paint element and the bytes of images."""

import json
import os
import secrets
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CHROME_PATH = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
CHROME_FLAGS = (
    "--headless --no-sandbox --disable-gpu --disable-background-networking "
    "--disable-component-update --disable-sync --no-first-run"
)
LIGHTHOUSE_TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 95, "seo": 100}


def lighthouse(url, workdir, attempts=2):
    """Lighthouse's scores for a page, run again once if Lighthouse itself failed to measure it."""
    outcome = {}
    for _ in range(attempts):
        outcome = lighthouse_once(url, workdir)
        if "error" not in outcome:
            break
    return outcome


def lighthouse_once(url, workdir):
    if not LIGHTHOUSE.exists() or not Path(CHROME_PATH).exists():
        return {"error": "lighthouse (npm ci) or chromium missing"}
    output = workdir / f"lh-{secrets.token_hex(4)}.json"
    command = [
        str(LIGHTHOUSE),
        url,
        "--quiet",
        "--output=json",
        f"--output-path={output}",
        "--form-factor=mobile",
        "--only-categories=performance,accessibility,best-practices,seo",
        f"--chrome-flags={CHROME_FLAGS}",
    ]
    env = {**os.environ, "CHROME_PATH": CHROME_PATH}
    try:
        subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=180, check=False)
        report = json.loads(output.read_text())
    except (subprocess.TimeoutExpired, FileNotFoundError, json.JSONDecodeError) as error:
        return {"error": str(error)[:200]}
    # A run in which Lighthouse could not measure (the browser stalled, no paint seen) has no score
    # at all; that says nothing about the page, so it is reported as Lighthouse's own error.
    runtime_error = report.get("runtimeError") or {}
    unscored = [key for key, cat in report["categories"].items() if cat["score"] is None]
    if runtime_error or unscored:
        reason = runtime_error.get("code") or "no score for " + ", ".join(unscored)
        return {"error": f"Lighthouse could not measure the page ({reason})"}
    scores = {key: round(cat["score"] * 100) for key, cat in report["categories"].items()}
    lcp = lcp_element(report["audits"])
    weights = (report["audits"].get("resource-summary", {}).get("details") or {}).get("items") or []
    image_bytes = next((row.get("transferSize", 0) for row in weights if row.get("resourceType") == "image"), 0)
    failing = {
        key: [
            audit_ref["id"]
            for audit_ref in cat["auditRefs"]
            if audit_ref["weight"]
            and (report["audits"][audit_ref["id"]].get("score") or 0) < 0.9
            and report["audits"][audit_ref["id"]].get("scoreDisplayMode")
            not in ("notApplicable", "manual", "informative")
        ]
        for key, cat in report["categories"].items()
    }
    return {"scores": scores, "failing": failing, "lcp": lcp, "image_kb": round(image_bytes / 1024)}


def lcp_element(audits):
    """The Largest Contentful Paint element's selector (Lighthouse 12's insight, or the older audit)."""
    for audit_id in ("lcp-breakdown-insight", "largest-contentful-paint-element"):
        items = (audits.get(audit_id, {}).get("details") or {}).get("items") or []
        nodes = [item for item in items if item.get("type") == "node"]
        nodes += [
            row["node"]
            for item in items
            for row in (item.get("items") or [])
            if isinstance(row, dict) and row.get("node")
        ]
        if nodes:
            return (nodes[0].get("selector") or nodes[0].get("snippet") or "")[:70]
    return ""


def report_lighthouse(results, misses, pages):
    """The Lighthouse table; a score under its target is added to misses."""
    if not results.get("lighthouse"):
        return
    print()
    print(f"{'Lighthouse (mobile)':32} {'perf':>5} {'a11y':>5} {'best':>5} {'seo':>5} {'img kB':>6}  LCP element")
    for title, _path, _kind in pages:
        outcome = results["lighthouse"][title]
        if "error" in outcome:
            print(f"{title[:32]:32} error: {outcome['error']}")
            misses.append(f"{title}: Lighthouse failed")
            continue
        scores = outcome["scores"]
        print(
            f"{title[:32]:32} {scores.get('performance', 0):>5} {scores.get('accessibility', 0):>5}"
            f" {scores.get('best-practices', 0):>5} {scores.get('seo', 0):>5}"
            f" {outcome.get('image_kb', 0):>6}  {outcome.get('lcp', '')}"
        )
        for key, target in LIGHTHOUSE_TARGETS.items():
            if scores.get(key, 0) < target:
                failing = ", ".join(outcome["failing"].get(key, [])) or "-"
                misses.append(f"{title}: Lighthouse {key} {scores.get(key, 0)} < {target} ({failing})")
