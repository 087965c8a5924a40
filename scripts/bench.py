"""Benchmark the demo site as production runs it, and print the figures (`make bench`).

It creates a fresh PostgreSQL database, loads the demo content, collects static files into a
temporary directory and starts two gunicorn servers with production settings on loopback: one
with the page cache, one without. wrk, in another process, measures requests per second and
p50/p99 latency of a small static file (the ceiling), of each page uncached and of each page
cached; every figure is also given as a ratio to the static file, which is measured in turns with
each cached page so that drift in the machine's speed does not skew a ratio. Queries and render
time come from renders in-process against the same database (round robin over the pages), and
instructions per render from valgrind
(scripts/bench_instructions.py), which unlike milliseconds do not vary with the machine.
Lighthouse scores the home page and the seed pages at mobile settings, and names each page's Largest
Contentful Paint element and the bytes of its images (the seed pages carry top images);
`--lighthouse-only` skips the rest. The renditions the demo's images queue are made by a worker run
first, as in production. Last, scripts/bench_owners.py counts the queries of the page owners' panel
and reports at 10 and 1,000 pages (1,000 and 100,000 answers). Everything is bounded in time;
nothing leaves 127.0.0.1.
"""

import argparse
import json
import os
import re
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from machine_speed import REFERENCE_KEY, reference_loop_ms

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CHROME_PATH = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
CHROME_FLAGS = (
    "--headless --no-sandbox --disable-gpu --disable-background-networking "
    "--disable-component-update --disable-sync --no-first-run"
)

# The seed pages (see /work/shared/seeds), the listings, a content page, search and a topic page.
PAGES = [
    ("Startsida", "/", "home"),
    ("Presidiekonferens (seed 000)", "/kurser-och-konferenser/fullmaktiges-presidiekonferens-goteborg/", "seed"),
    ("Nätverk (seed 001)", "/kurser-och-konferenser/korruptionsbekampning-natverk/", "seed"),
    ("Kunskapssida (seed 002)", "/kunskap/ledning-styrning-och-organisation-for-att-digitalisera/", "seed"),
    (
        "Webbseminarium (seed 003)",
        "/kurser-och-konferenser/att-fatta-svara-beslut-och-mota-motstand-webbseminarium/",
        "seed",
    ),
    ("Tema och sessioner (seed 004)", "/kurser-och-konferenser/kommek-tema-och-sessioner/", "seed"),
    ("Om oss", "/om-oss/", "page"),
    ("Kurser och konferenser", "/kurser-och-konferenser/", "listing"),
    ("Kunskap", "/kunskap/", "listing"),
    ("Ämne", "/amnen/digitalisering/", "listing"),
    ("Sök", "/sok/?q=digitalisering", "search"),
]
LIGHTHOUSE_PAGES = [page for page in PAGES if page[2] in ("home", "seed")]

# Budgets to stay under (docs/performance.md): cached pages near a static file, and an uncached render
# of plain Wagtail within 12 ms and 20 queries for a content page, 20 ms for home, listings and search.
CACHED_RATIO_TARGET = 0.9
RENDER_MS_TARGET = {"home": 20, "listing": 20, "search": 20, "seed": 12, "page": 12}
QUERY_TARGET = 20
LIGHTHOUSE_TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 95, "seo": 100}


def log(message):
    print(message, file=sys.stderr, flush=True)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def manage(env, *args, timeout=600):
    result = subprocess.run(
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout
    )
    if result.returncode != 0:
        raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{result.stderr[-3000:]}")
    return result.stdout


def create_database(admin_url, name):
    import psycopg

    with psycopg.connect(admin_url, autocommit=True, connect_timeout=5) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}"')
    return urllib.parse.urlsplit(admin_url)._replace(path=f"/{name}").geturl()


def drop_database(admin_url, name):
    import psycopg

    with psycopg.connect(admin_url, autocommit=True, connect_timeout=5) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def per_page_figures(script, renders, paths, env, timeout):
    """Run one of the in-process measuring scripts; it prints {path: figures} as its last line."""
    out = subprocess.run(
        [PYTHON, script, str(renders), *paths],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=True,
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


def start_server(env, port, workers, workdir):
    # Our own plain config, not gunicorn.conf.py: its max_requests would restart workers (and empty
    # their local-memory caches) every few seconds under load, and its access log costs time.
    config = workdir / "gunicorn-bench.py"
    config.write_text("accesslog = None\nmax_requests = 0\n")
    command = [
        PYTHON,
        "-m",
        "gunicorn",
        "website.wsgi:application",
        "--config",
        str(config),
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(workers),
        "--log-level",
        "warning",
    ]
    log_file = open(workdir / f"gunicorn-{port}.log", "w")  # noqa: SIM115 - lives as long as the server
    server = subprocess.Popen(
        command, cwd=ROOT, env=env, start_new_session=True, stdout=log_file, stderr=subprocess.STDOUT
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=5):
                return server
        except OSError:  # refused, reset or timed out while the workers boot
            time.sleep(0.3)
    stop_server(server)
    raise RuntimeError(f"gunicorn on port {port} did not answer within 60 s")


def stop_server(server):
    if server.poll() is None:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait(timeout=5)


def parse_ms(text):
    value, unit = re.match(r"([\d.]+)(us|ms|s)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]


def wrk(url, duration, connections, threads):
    """Requests per second and p50/p99 latency (ms) from one bounded wrk run."""
    result = subprocess.run(
        ["wrk", f"-t{threads}", f"-c{connections}", f"-d{duration}s", "--timeout", "5s", "--latency", url],
        capture_output=True,
        text=True,
        timeout=duration + 30,
    )
    out = result.stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p50 = parse_ms(re.search(r"^\s+50%\s+(\S+)", out, re.M).group(1))
    p99 = parse_ms(re.search(r"^\s+99%\s+(\S+)", out, re.M).group(1))
    non_2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    return {"rps": rps, "p50_ms": p50, "p99_ms": p99, "errors": int(non_2xx.group(1)) if non_2xx else 0}


def warm(url, times):
    for _ in range(times):
        with urllib.request.urlopen(url, timeout=10) as response:
            response.read()


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


def machine_speed():
    """Milliseconds for a fixed pure-Python loop (best of three): the same code renders in more
    milliseconds on a slower machine, so printing this lets runs on different machines be compared."""
    return min(reference_loop_ms() for _ in range(3))


def instructions(render):
    """Millions of instructions per render, or "-" when they were not counted."""
    count = render.get("instructions")
    return f"{count / 1e6:.1f}M" if count else "-"


def combined(runs):
    """One figure from several equally long wrk runs: mean throughput, median latencies."""
    return {
        "rps": statistics.mean(run["rps"] for run in runs),
        "p50_ms": statistics.median(run["p50_ms"] for run in runs),
        "p99_ms": statistics.median(run["p99_ms"] for run in runs),
        "errors": sum(run["errors"] for run in runs),
    }


def alternate(static_url, page_url, args):
    """The static file and a cached page, measured in turns (static, page, static, page, …).

    The machine's speed drifts within seconds (other work on a shared machine, CPU boost), so the
    two are measured in alternating slices and the ratio compares like with like.
    """
    static_runs, page_runs = [], []
    for _ in range(args.slices):
        static_runs.append(wrk(static_url, args.slice_seconds, args.connections, args.threads))
        page_runs.append(wrk(page_url, args.slice_seconds, args.connections, args.threads))
    return combined(static_runs), combined(page_runs)


def ratio(value, ceiling):
    return value / ceiling if ceiling else 0.0


def mark(ok):
    return "ok" if ok else "MISSED"


def report(results, args):
    static = results["static"]
    ceilings = [figures["rps"] for figures in results["ceiling"].values()]
    print()
    print(f"# Benchmark ({time.strftime('%Y-%m-%d %H:%M')}, {os.cpu_count()} CPUs, gunicorn {args.workers} workers,")
    print(f"# wrk -t{args.threads} -c{args.connections} -d{args.duration}s, PostgreSQL, cache: {results['cache']})")
    print()
    during = results.get("machine_ms_during_renders")
    print(
        f"Machine speed: a reference Python loop takes {results['machine_ms']:.0f} ms"
        + (f", {during:.0f} ms between the renders" if during else "")
        + " (less is faster; render times scale with it)"
    )
    print(
        f"Static file {results['static_path']}: {static['rps']:.0f} req/s, p50 {static['p50_ms']:.2f} ms, "
        f"p99 {static['p99_ms']:.2f} ms; in turns with each page: {min(ceilings):.0f}-{max(ceilings):.0f} req/s"
    )
    print(
        f"Ratios compare each page with the static file measured in turns with its cached runs "
        f"({args.slices} x {args.slice_seconds} s each; = 1.00)."
    )
    print("cpu: CPU time per render, the server process plus its PostgreSQL backend (less load-dependent).")
    print("instr.: CPU instructions per render (valgrind), the same on any machine of this kind.")
    print()
    header = (
        f"{'page':32} {'queries':>7} {'render':>8} {'cpu':>8} {'instr.':>7} |"
        f" {'uncached':>9} {'p50':>7} {'p99':>7} {'ratio':>6} |"
        f" {'cached':>8} {'p50':>6} {'p99':>6} {'ratio':>6}"
    )
    print(header)
    print("-" * len(header))
    misses = []
    for title, path, kind in PAGES:
        render = results["render"].get(path, {})
        uncached = results["uncached"][path]
        cached = results["cached"][path]
        ceiling = results["ceiling"][path]["rps"]
        print(
            f"{title[:32]:32} {render.get('queries', '?'):>7} {render.get('median_ms', 0):>6.1f}ms"
            f" {render.get('cpu_ms', 0):>6.1f}ms"
            f" {instructions(render):>7} |"
            f" {uncached['rps']:>7.0f}/s {uncached['p50_ms']:>5.1f}ms {uncached['p99_ms']:>5.1f}ms"
            f" {ratio(uncached['rps'], ceiling):>6.2f} |"
            f" {cached['rps']:>6.0f}/s {cached['p50_ms']:>4.1f}ms {cached['p99_ms']:>4.1f}ms"
            f" {ratio(cached['rps'], ceiling):>6.2f}"
        )
        if kind != "search" and ratio(cached["rps"], ceiling) < CACHED_RATIO_TARGET:
            misses.append(f"{title}: cached {ratio(cached['rps'], ceiling):.2f} of static < {CACHED_RATIO_TARGET}")
        if render.get("median_ms", 0) > RENDER_MS_TARGET[kind]:
            misses.append(f"{title}: render {render['median_ms']:.1f} ms > {RENDER_MS_TARGET[kind]} ms")
        if render.get("queries", 0) > QUERY_TARGET:
            misses.append(f"{title}: {render['queries']} queries > {QUERY_TARGET}")
        for name, figures in (("uncached", uncached), ("cached", cached)):
            if figures["errors"]:
                misses.append(f"{title}: {figures['errors']} non-2xx answers {name}")
    print("(search has a query string and is never cached; its 'cached' column is the uncached path)")
    report_lighthouse(results, misses)
    print_targets(misses)


def report_lighthouse(results, misses):
    """The Lighthouse table; a score under its target is added to misses."""
    if not results.get("lighthouse"):
        return
    print()
    print(f"{'Lighthouse (mobile)':32} {'perf':>5} {'a11y':>5} {'best':>5} {'seo':>5} {'img kB':>6}  LCP element")
    for title, _path, _kind in LIGHTHOUSE_PAGES:
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


def print_targets(misses):
    print()
    print("Targets: " + ("all met" if not misses else f"{len(misses)} missed"))
    for miss in misses:
        print(f"  MISSED {miss}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=5, help="seconds per wrk run (1-60)")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--workers", type=int, default=max(2, os.cpu_count() or 2))
    parser.add_argument("--renders", type=int, default=50, help="in-process renders per page")
    parser.add_argument(
        "--slices", type=int, default=3, help="turns of static file and cached page, each half --duration long"
    )
    parser.add_argument(
        "--postgres", default=os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/postgres")
    )
    parser.add_argument("--redis", default="", help="a REDIS_URL for the page cache (default: local memory)")
    parser.add_argument("--no-lighthouse", action="store_true")
    parser.add_argument(
        "--lighthouse-only", action="store_true", help="only Lighthouse on the home and seed pages (no wrk, no renders)"
    )
    parser.add_argument("--no-instructions", action="store_true", help="skip counting instructions (valgrind)")
    parser.add_argument("--no-owners", action="store_true", help="skip the owners' query budgets (bench_owners.py)")
    parser.add_argument("--json", help="also write the figures to this file")
    args = parser.parse_args()
    args.duration = min(max(args.duration, 1), 60)
    args.slices = min(max(args.slices, 1), 10)
    args.slice_seconds = max(1, args.duration // 2)
    args.connections = min(max(args.connections, 1), 64)
    if not args.lighthouse_only and not shutil.which("wrk"):
        sys.exit("wrk is missing: apt-get install -y wrk (make bench does it)")
    if not args.lighthouse_only and not args.no_instructions and not shutil.which("valgrind"):
        sys.exit("valgrind is missing: apt-get install -y valgrind (make bench does it), or --no-instructions")

    name = f"bench_{os.getpid()}"
    workdir = Path(tempfile.mkdtemp(prefix="bench-"))
    servers = []
    try:
        log(f"Creating the database {name} …")
        database_url = create_database(args.postgres, name)
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "website.settings.production",
            "DATABASE_URL": database_url,
            "DATABASE_CONN_MAX_AGE": "60",
            "SECRET_KEY": "bench-" + secrets.token_hex(24),
            "ALLOWED_HOSTS": "127.0.0.1",
            "STATIC_ROOT": str(workdir / "static"),
            "MEDIA_ROOT": str(workdir / "media"),
            "SERVE_MEDIA": "1",
            "SECURE_SSL_REDIRECT": "0",
            "SECURE_HSTS_SECONDS": "0",
            "SECURE_COOKIES": "0",
            "LOG_LEVEL": "ERROR",
        }
        env.pop("REDIS_URL", None)
        if args.redis:
            env["REDIS_URL"] = args.redis
            env["CACHE_KEY_PREFIX"] = name
        log("Migrating, loading the demo content and collecting static files …")
        manage(env, "migrate", "--noinput")
        manage(env, "createcachetable")
        manage(env, "load_demo_content")
        # The renditions the demo's images queued, made by a worker as production's would.
        manage(env, "db_worker", "--backend", "background", "--queue-name", "*", "--batch", "--no-startup-delay")
        manage(env, "collectstatic", "--noinput")
        manifest = json.loads((workdir / "static" / "staticfiles.json").read_text())
        static_path = "/static/" + manifest["paths"]["css/print.css"]
        if args.lighthouse_only:
            port = free_port()
            servers.append(start_server({**env, "PAGE_CACHE_ENABLED": "1"}, port, args.workers, workdir))
            base = f"http://127.0.0.1:{port}"
            results = {"lighthouse": {}}
            for title, path, _kind in LIGHTHOUSE_PAGES:
                log(f"Lighthouse: {title} …")
                warm(base + path, 4 * args.workers)
                results["lighthouse"][title] = lighthouse(base + path, workdir)
            misses = []
            report_lighthouse(results, misses)
            print_targets(misses)
            return

        log("Rendering each page in-process …")
        render_env = {**env, "PAGE_CACHE_ENABLED": "0", "ALLOWED_HOSTS": "127.0.0.1,testserver"}
        paths = [path for _t, path, _k in PAGES]
        render = per_page_figures("scripts/bench_render.py", args.renders, paths, render_env, timeout=600)
        reference_during_renders = render.pop(REFERENCE_KEY, {}).get("median_ms")
        if not args.no_instructions:
            log("Counting instructions per render under valgrind …")
            counted = per_page_figures("scripts/bench_instructions.py", 5, paths, render_env, timeout=900)
            for path, figures in counted.items():
                render[path].update(figures)

        cached_port, uncached_port = free_port(), free_port()
        servers.append(start_server({**env, "PAGE_CACHE_ENABLED": "1"}, cached_port, args.workers, workdir))
        servers.append(start_server({**env, "PAGE_CACHE_ENABLED": "0"}, uncached_port, args.workers, workdir))
        cached_base, uncached_base = f"http://127.0.0.1:{cached_port}", f"http://127.0.0.1:{uncached_port}"

        results = {
            "cache": "Redis" if args.redis else "local memory",
            "static_path": static_path,
            "render": render,
            "machine_ms": machine_speed(),
            "machine_ms_during_renders": reference_during_renders,
            "uncached": {},
            "cached": {},
        }
        log(f"wrk: static file {static_path} …")
        warm(cached_base + static_path, 5)
        results["static"] = wrk(cached_base + static_path, args.duration, args.connections, args.threads)
        results["ceiling"] = {}
        for title, path, _kind in PAGES:
            log(f"wrk: {title} …")
            warm(uncached_base + path, 3)
            results["uncached"][path] = wrk(uncached_base + path, args.duration, args.connections, args.threads)
            warm(cached_base + path, 4 * args.workers)  # each worker's local cache gets its copy
            results["ceiling"][path], results["cached"][path] = alternate(
                cached_base + static_path, cached_base + path, args
            )

        if not args.no_lighthouse:
            results["lighthouse"] = {}
            for title, path, _kind in LIGHTHOUSE_PAGES:
                log(f"Lighthouse: {title} …")
                results["lighthouse"][title] = lighthouse(cached_base + path, workdir)

        report(results, args)
        if not args.no_owners:
            # Last, since it grows the site to 1,000 pages and 100,000 answers in the benchmark's database.
            log("Owners' panel and reports at 10 and 1,000 pages …")
            owners = (
                subprocess.run(
                    [PYTHON, "scripts/bench_owners.py"],
                    cwd=ROOT,
                    env=render_env,
                    capture_output=True,
                    text=True,
                    timeout=1800,
                    check=True,
                )
                .stdout.strip()
                .splitlines()
            )
            print()
            print("\n".join(owners[:-1]))
            results["owners"] = json.loads(owners[-1])
        if args.json:
            Path(args.json).write_text(json.dumps(results, indent=2, ensure_ascii=False))
    finally:
        for server in servers:
            stop_server(server)
        try:
            drop_database(args.postgres, name)
        except Exception as error:  # noqa: BLE001
            log(f"Could not drop {name}: {error}")
        if args.redis:
            try:
                import redis

                client = redis.Redis.from_url(args.redis)
                for key in client.scan_iter(f"{name}:*", count=500):
                    client.delete(key)
            except Exception as error:  # noqa: BLE001
                log(f"Could not clean Redis: {error}")
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
