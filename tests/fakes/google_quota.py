"""Gmail's per-user quota for the fake: a bucket of units refilled at a rate per second (429 when empty)."""

from __future__ import annotations

import threading
import time

UNITS = {"profile": 1, "list": 5, "get": 5, "history": 2, "threads": 10}


class Quota:
    """Units per second for one user; no rate means no limit."""

    def __init__(self, rate: float | None = None) -> None:
        self._lock = threading.Lock()
        self.rate = rate

    @property
    def rate(self) -> float | None:
        """Units per second; setting it starts a full bucket."""
        return self._rate

    @rate.setter
    def rate(self, rate: float | None) -> None:
        with self._lock:
            self._rate = rate
            self._tokens = float(rate or 0)
            self._stamp = time.monotonic()

    def spend(self, units: int) -> bool:
        """Take units from the bucket; False when they do not fit."""
        with self._lock:
            rate = self._rate
            if not rate:
                return True
            now = time.monotonic()
            self._tokens = min(rate, self._tokens + (now - self._stamp) * rate)
            self._stamp = now
            if self._tokens < units:
                return False
            self._tokens -= units
            return True
