"""The benchmark's reference loop: how fast this machine runs plain Python at the moment.

scripts/bench.py times it once beside its figures and scripts/bench_render.py between its rounds
of renders, so render times from different machines and minutes can be compared.
"""

import time

# The key under which scripts/bench_render.py reports the loop beside its pages.
REFERENCE_KEY = "reference-loop"
FULL_LOOP = 5_000_000


def reference_loop_ms(iterations=FULL_LOOP):
    """Milliseconds for `iterations` additions, scaled to FULL_LOOP (less is faster)."""
    started = time.perf_counter()
    total = 0
    for number in range(iterations):
        total += number
    return (time.perf_counter() - started) * 1000 * FULL_LOOP / iterations
