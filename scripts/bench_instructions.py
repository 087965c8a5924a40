"""Instructions per render for scripts/bench.py: a render's cost that does not depend on the machine.

Milliseconds differ threefold between machines of one kind, and by half on one machine within a
minute; the number of CPU instructions a render executes does not. Valgrind's callgrind counts
them: this script starts itself under callgrind with counting off, renders each URL a few times to
warm every cache, then switches counting on for a number of renders and dumps the count.

Run with the benchmark's environment (production settings, its database, the page cache off);
prints one JSON object: {url: {"instructions": n}} (instructions per render).
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WARM_RENDERS = 3
TIMEOUT_SECONDS = 300


def child(renders, urls):
    """Under valgrind: warm each URL, then wait for the parent to switch counting on and off."""
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "website.settings.production")
    import django

    django.setup()
    from django.test import Client

    client = Client()
    for url in urls:
        for _ in range(WARM_RENDERS):
            client.get(url, HTTP_HOST="127.0.0.1")
        print("ready", flush=True)
        sys.stdin.readline()
        for _ in range(renders):
            client.get(url, HTTP_HOST="127.0.0.1")
        print("done", flush=True)
        sys.stdin.readline()


def callgrind_control(*args):
    subprocess.run(["callgrind_control", *args], capture_output=True, timeout=60, check=True)


def totals(path):
    for line in path.read_text().splitlines():
        if line.startswith("totals:"):
            return int(line.split()[1])
    raise RuntimeError(f"no totals in {path}")


def parent(renders, urls):
    workdir = Path(tempfile.mkdtemp(prefix="bench-instructions-"))
    out_file = workdir / "callgrind.out"
    command = [
        "valgrind",
        "--tool=callgrind",
        "--instr-atstart=no",
        f"--callgrind-out-file={out_file}",
        sys.executable,
        __file__,
        "--child",
        str(renders),
        *urls,
    ]
    process = subprocess.Popen(
        command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    )
    results = {}
    try:
        for number, url in enumerate(urls, start=1):
            if process.stdout.readline().strip() != "ready":
                raise RuntimeError(f"the renderer stopped before {url}")
            callgrind_control("--instr=on", str(process.pid))
            process.stdin.write("\n")
            process.stdin.flush()
            if process.stdout.readline().strip() != "done":
                raise RuntimeError(f"the renderer stopped while rendering {url}")
            callgrind_control("--instr=off", str(process.pid))
            callgrind_control("--dump", str(process.pid))
            process.stdin.write("\n")
            process.stdin.flush()
            results[url] = {"instructions": round(totals(Path(f"{out_file}.{number}")) / renders)}
        process.wait(timeout=TIMEOUT_SECONDS)
    finally:
        if process.poll() is None:
            process.kill()
        shutil.rmtree(workdir, ignore_errors=True)
    return results


def main():
    if sys.argv[1] == "--child":
        child(int(sys.argv[2]), sys.argv[3:])
        return
    if not shutil.which("valgrind") or not shutil.which("callgrind_control"):
        sys.exit("valgrind is missing: apt-get install -y valgrind (make bench does it)")
    print(json.dumps(parent(int(sys.argv[1]), sys.argv[2:])))


if __name__ == "__main__":
    main()
