"""The moving parts of scripts/bench.py: a scratch database, gunicorn servers on loopback and wrk."""

import json
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable


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


# What every browser sends: the static file and the pages are measured as visitors get them, compressed.
ACCEPT_ENCODING = "Accept-Encoding: gzip, deflate, br"


def wrk(url, duration, connections, threads):
    """Requests per second and p50/p99 latency (ms) from one bounded wrk run, asking as a browser does."""
    result = subprocess.run(
        [
            "wrk",
            f"-t{threads}",
            f"-c{connections}",
            f"-d{duration}s",
            "--timeout",
            "5s",
            "--latency",
            "-H",
            ACCEPT_ENCODING,
            url,
        ],
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
