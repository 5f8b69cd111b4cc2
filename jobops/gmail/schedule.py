"""Scheduled sync: a background thread that syncs every connected Gmail account at an interval."""

from __future__ import annotations

import logging
import threading

from sqlalchemy import Engine

from jobops.config import Settings
from jobops.gmail.sync import RoutePending, sync_connected_accounts

log = logging.getLogger(__name__)


class ScheduledSync:
    """Runs a sync round every `interval_seconds` until stopped; the first round waits one interval."""

    def __init__(
        self,
        engine: Engine,
        interval_seconds: float,
        *,
        settings: Settings | None = None,
        route_pending: RoutePending | None = None,
    ) -> None:
        self.engine = engine
        self.interval_seconds = interval_seconds
        self.settings = settings
        self.route_pending = route_pending
        self.rounds = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="jobops-scheduled-sync", daemon=True)

    def start(self) -> ScheduledSync:
        self._thread.start()
        return self

    def stop(self, timeout: float = 30) -> None:
        """Ask the thread to end after the current round and wait for it."""
        self._stop.set()
        self._thread.join(timeout)

    def _loop(self) -> None:
        while not self._stop.wait(self.interval_seconds):
            try:
                sync_connected_accounts(self.engine, self.settings, self.route_pending)
            except Exception:  # the schedule must survive a bad round; runs record their own errors
                log.exception("scheduled Gmail sync round failed")
            self.rounds += 1


def start_scheduled_sync(
    engine: Engine, interval_minutes: int, route_pending: RoutePending | None = None
) -> ScheduledSync | None:
    """Start the schedule when an interval is configured (JOBOPS_SYNC_INTERVAL_MINUTES > 0)."""
    if interval_minutes <= 0:
        return None
    return ScheduledSync(engine, interval_minutes * 60, route_pending=route_pending).start()
