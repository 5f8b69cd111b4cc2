"""Waiting on work in other threads and processes: start actions together, wait for a condition, fail loudly."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")
POLL_SECONDS = 0.01


def wait_for(predicate: Callable[[], T | None], timeout: float, what: str) -> T:
    """Poll until predicate() is truthy and return its value; raise AssertionError naming `what` if it never is."""
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() >= deadline:
            raise AssertionError(f"waited {timeout:g} s for {what}, in vain")
        time.sleep(POLL_SECONDS)


def finish(thread: threading.Thread, timeout: float, what: str) -> None:
    """Join the thread; raise AssertionError naming `what` if it is still running after `timeout`."""
    thread.join(timeout)
    if thread.is_alive():
        raise AssertionError(f"waited {timeout:g} s for {what} to finish, in vain")


def run_together(*actions: Callable[[], Any], timeout: float = 60) -> list[Any]:
    """Start each action on its own thread at the same instant; their results, or the exception each raised."""
    barrier = threading.Barrier(len(actions))
    results: list[Any] = [None] * len(actions)

    def run(index: int) -> None:
        barrier.wait()
        try:
            results[index] = actions[index]()
        except BaseException as exc:  # handed back to the test, which asserts on it
            results[index] = exc

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(actions))]
    for thread in threads:
        thread.start()
    for number, thread in enumerate(threads):
        finish(thread, timeout, f"action {number + 1} of {len(actions)} run together")
    return results
