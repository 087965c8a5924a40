"""Run many requests at once from threads, for the concurrency specifications."""

import threading

from django.db import connections


def run_in_threads(count, in_flight, work, timeout=300):
    """Start `count` threads together; each calls work(number), at most `in_flight` at a time.

    `in_flight` keeps the number of open database connections under the server's limit.
    Returns the results in thread order and fails if any thread raised.
    """
    results = [None] * count
    errors = []
    start = threading.Barrier(count)
    gate = threading.BoundedSemaphore(in_flight)

    def target(number):
        try:
            start.wait()
            with gate:
                results[number] = work(number)
        except Exception as error:  # noqa: BLE001 - reported by the assertion below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=target, args=(number,)) for number in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=timeout)
    assert not errors, errors
    return results
