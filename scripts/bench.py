"""Benchmark the demo site as production runs it, and print the figures (`make bench`).

It creates a fresh PostgreSQL database, loads the demo content, collects static files into a
temporary directory and starts two gunicorn servers with production settings on loopback: one
with the page cache, one without. wrk, in another process, asking as a browser does (gzip
accepted), measures requests per second and p50/p99 latency of a small static file (the ceiling),
of each page uncached and of each page cached; every figure is also given as a ratio to the
static file, which is measured in turns with each cached page so that drift in the machine's
speed does not skew a ratio. Queries and render time come from renders in-process against the
same database (round robin over the pages), and instructions per render from valgrind
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
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_lighthouse import lighthouse, report_lighthouse
from bench_servers import (
    PYTHON,
    ROOT,
    alternate,
    create_database,
    drop_database,
    free_port,
    log,
    manage,
    per_page_figures,
    start_server,
    stop_server,
    warm,
    wrk,
)
from machine_speed import REFERENCE_KEY, reference_loop_ms

# The five seed pages, the listings, a content page, search and a topic page.
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


def machine_speed():
    """Milliseconds for a fixed pure-Python loop (best of three): the same code renders in more
    milliseconds on a slower machine, so printing this lets runs on different machines be compared."""
    return min(reference_loop_ms() for _ in range(3))


def instructions(render):
    """Millions of instructions per render, or "-" when they were not counted."""
    count = render.get("instructions")
    return f"{count / 1e6:.1f}M" if count else "-"


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
        f"({args.slices} x {args.slice_seconds} s each; = 1.00). wrk asks as a browser does: gzip accepted."
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
    report_lighthouse(results, misses, LIGHTHOUSE_PAGES)
    print_targets(misses)


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
    parser.add_argument(
        "--redis", default="", help="a REDIS_URL for the page cache (default: files, as production without Redis)"
    )
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
            report_lighthouse(results, misses, LIGHTHOUSE_PAGES)
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
            "cache": "Redis" if args.redis else "files",
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
