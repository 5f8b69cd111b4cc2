"""A clock that moves only when code sleeps on it, so pacing is tested without waiting."""

from __future__ import annotations


class FakeClock:
    """`now()` for a monotonic clock and `sleep()` that advances it at once, adding up the time slept."""

    def __init__(self, start: float = 1_000.0) -> None:
        self.time = start
        self.slept = 0.0

    def now(self) -> float:
        return self.time

    def sleep(self, seconds: float) -> None:
        self.time += seconds
        self.slept += seconds
