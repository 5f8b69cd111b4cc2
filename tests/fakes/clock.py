"""A clock that moves only when the test moves it or code sleeps on it, so time-based rules run without waiting."""

from __future__ import annotations


class FakeClock:
    """Call it for the time (`now`, in seconds); `sleep()` advances it at once and adds to `slept`."""

    def __init__(self, now: float = 1_000.0) -> None:
        self.now = now
        self.slept = 0.0

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.now += seconds
        self.slept += seconds
