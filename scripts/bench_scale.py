"""The scale benchmark (`make bench-scale`): the same URLs at demo size and at grown sizes, side by side.

It builds a PostgreSQL database (dropped and created anew), loads the demo content and measures;
then grows the site with `manage.py grow_site` to each size given and measures again. Figures come
from scripts/bench_scale_measure.py, in-process with production settings and the page cache off:
each URL's median time over N requests and its queries; for exports also the first byte and
Python's peak memory; deletes and purges are timed inside a rolled-back transaction. Nothing leaves
127.0.0.1.
"""

import argparse
import json
import os
import secrets
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
DEFAULT_SIZES = "demo,1000/100000/10000,10000/1000000/100000"


def log(message):
    print(message, file=sys.stderr, flush=True)


def parse_size(text):
    if text == "demo":
        return None
    pages, answers, registrations = (int(part) for part in text.split("/"))
    return pages, answers, registrations


def manage(env, *args, timeout=3600):
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True, timeout=timeout)


def rebuild(database_url, env):
    base, name = database_url.rsplit("/", 1)
    admin = f"{base}/postgres"
    for statement in (f'DROP DATABASE IF EXISTS "{name}"', f'CREATE DATABASE "{name}"'):
        subprocess.run(["psql", admin, "-q", "-c", statement], check=True, timeout=120)
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "createcachetable")
    manage(env, "load_demo_content")


def measure(env, requests):
    result = subprocess.run(
        [PYTHON, "scripts/bench_scale_measure.py", str(requests)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=3600,
    )
    if result.returncode:
        sys.exit(result.stderr)
    return json.loads(result.stdout.strip().splitlines()[-1])


def cell(figure, export=False):
    if not figure:
        return "-"
    if "error" in figure:
        return figure["error"]
    text = f"{figure['median_ms']:.0f} ms/{figure['queries']}q"
    if "cpu_ms" in figure:
        text += f" cpu {figure['cpu_ms']:.0f}"
    if export:
        text += f" fb {figure['first_byte_ms']:.0f} ms {figure['peak_mb']:.0f} MB"
    return text


def table(columns):
    """Rows of URLs, one column per size: median time and queries (and first byte and peak for exports)."""
    headings = ["{pages}/{answers}/{registrations}".format(**figures["size"]) for figures in columns]
    lines = []
    for section, export in (("pages", False), ("exports", True), ("deletes", False)):
        labels = list(dict.fromkeys(label for figures in columns for label in figures.get(section, {})))
        if not labels:
            continue
        width = 44 if export else 30
        ratio = section == "pages" and len(columns) > 1
        lines.append("")
        columns_text = "".join(f"{heading:>{width}}" for heading in headings)
        lines.append(f"{section:34}{columns_text}" + ("  cpu × first" if ratio else ""))
        lines.append("-" * (34 + width * len(columns) + (13 if ratio else 0)))
        for label in labels:
            figures = [column.get(section, {}).get(label) for column in columns]
            text = f"{label[:34]:34}" + "".join(f"{cell(figure, export):>{width}}" for figure in figures)
            if ratio:
                text += f"  {cpu_ratio(figures[0], figures[-1])}"
            lines.append(text)
    return "\n".join(lines)


def cpu_ratio(first, last):
    """The last size's CPU time against the first's ("1.6×"): the issue's "within twice the demo size"."""
    if not first or not last or not first.get("cpu_ms") or "cpu_ms" not in last:
        return ""
    return f"{last['cpu_ms'] / first['cpu_ms']:.1f}×"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--database-url",
        default=os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/bench_scale"),
        help="the PostgreSQL database to build (dropped and created anew)",
    )
    parser.add_argument("--sizes", default=DEFAULT_SIZES, help=f"pages/answers/registrations ({DEFAULT_SIZES})")
    parser.add_argument("--requests", type=int, default=20, help="requests per URL for the median (20)")
    parser.add_argument("--measure-only", action="store_true", help="measure the database as it is, build nothing")
    parser.add_argument("--seed", default="1", help="seed of grow_site (1)")
    parser.add_argument(
        "--busiest-share",
        type=int,
        default=10,
        help="the page with most answers gets 1/N of them, to measure deleting it (10: 100,000 of 1,000,000)",
    )
    parser.add_argument("--json", help="also write the figures to this file")
    parser.add_argument("--public-only", action="store_true", help="only the public pages, feeds and search")
    parser.add_argument("--admin-only", action="store_true", help="only the admin's reports and lists")
    parser.add_argument("--baseline", help="a --json file of an earlier run, printed as the first columns")
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="bench-scale-"))
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "website.settings.production",
        "DATABASE_URL": args.database_url,
        "SECRET_KEY": "bench-" + secrets.token_hex(24),
        "ALLOWED_HOSTS": "127.0.0.1,testserver",
        "STATIC_ROOT": str(workdir / "static"),
        # --measure-only reads the images of the build it measures: give its MEDIA_ROOT in the environment.
        "MEDIA_ROOT": os.environ.get("MEDIA_ROOT", str(workdir / "media")),
        "SECURE_SSL_REDIRECT": "0",
        "SECURE_HSTS_SECONDS": "0",
        "SECURE_COOKIES": "0",
        "LOG_LEVEL": "ERROR",
        "PAGE_CACHE_ENABLED": "0",
        "DATABASE_CONN_MAX_AGE": "60",
    }
    env.pop("REDIS_URL", None)
    if args.public_only:
        env["BENCH_SCALE_PUBLIC_ONLY"] = "1"
    if args.admin_only:
        env["BENCH_SCALE_ADMIN_ONLY"] = "1"
    manage(env, "collectstatic", "--noinput", "-v0")
    columns = json.loads(Path(args.baseline).read_text()) if args.baseline else []
    if args.measure_only:
        columns.append(measure(env, args.requests))
    else:
        log("Building the demo site …")
        rebuild(args.database_url, env)
        for size in (parse_size(text) for text in args.sizes.split(",")):
            if size:
                started = time.monotonic()
                log("Growing to {} pages, {} answers, {} registrations …".format(*size))
                pages, answers, registrations = (str(number) for number in size)
                manage(
                    env,
                    "grow_site",
                    "--pages", pages,
                    "--answers", answers,
                    "--registrations", registrations,
                    "--busiest-page-answers", str(size[1] // args.busiest_share),
                    "--seed", args.seed,
                )  # fmt: skip
                log(f"  grown in {time.monotonic() - started:.0f} s")
                # Fresh statistics and visibility map, as autovacuum would have them after a while: without the
                # map, PostgreSQL reads the table for rows an index alone would answer (today's answers).
                subprocess.run(["psql", args.database_url, "-q", "-c", "VACUUM ANALYZE"], check=True, timeout=1200)
            log("Measuring …")
            columns.append(measure(env, args.requests))
    print(f"# Scale benchmark ({time.strftime('%Y-%m-%d %H:%M')}, {os.cpu_count()} CPUs, PostgreSQL, page cache off)")
    print(
        f"# medians of {args.requests} requests; q: queries; cpu: ms of CPU, Python's and its PostgreSQL backend's; "
        "fb: first byte; MB: Python's peak (tracemalloc)"
    )
    print(table(columns))
    if args.json:
        Path(args.json).write_text(json.dumps(columns, indent=2))


if __name__ == "__main__":
    main()
