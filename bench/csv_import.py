"""CSV import under load: import 10,000 rows while another thread reads and writes like the API would.

Prints the import time, the longest time the import held the write lock in one transaction, and how
long reads and single-job writes from the other thread took meanwhile (none may fail).

Run from the repository root: `python bench/csv_import.py`.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

ROWS = 10_000


def main() -> None:
    """Run the import and the competing traffic, then print the figures."""
    import pandas as pd
    from sqlalchemy import event, func, select

    from jobops import job_csv
    from jobops.db import make_engine, migrate, read_session_scope, session_scope
    from jobops.jobs import create_job
    from jobops.models import Job
    from jobops.schemas.jobs import JobIn

    engine = make_engine(f"sqlite:///{tempfile.mkdtemp()}/bench.db")
    migrate(engine)
    holds: list[float] = []
    began: dict[int, float] = {}

    @event.listens_for(engine, "begin")
    def _began(conn) -> None:  # type: ignore[no-untyped-def]
        began[id(conn.connection)] = time.perf_counter()

    @event.listens_for(engine, "commit")
    def _committed(conn) -> None:  # type: ignore[no-untyped-def]
        if threading.current_thread() is threading.main_thread():
            holds.append(time.perf_counter() - began.pop(id(conn.connection), time.perf_counter()))

    frame = pd.DataFrame({"Title": [f"Engineer {i}" for i in range(ROWS)], "Company": ["Acme"] * ROWS})
    done = threading.Event()
    reads: list[float] = []
    writes: list[float] = []
    failures: list[str] = []

    def traffic() -> None:
        while not done.is_set():
            try:
                start = time.perf_counter()
                with read_session_scope(engine) as session:
                    session.scalar(select(func.count()).select_from(Job))
                reads.append(time.perf_counter() - start)
                start = time.perf_counter()
                with session_scope(engine) as session:
                    create_job(session, JobIn(title="Added by hand", employer="Elsewhere"))
                writes.append(time.perf_counter() - start)
            except Exception as exc:  # counted and printed, never hidden
                failures.append(type(exc).__name__)
            time.sleep(0.05)

    other = threading.Thread(target=traffic)
    other.start()
    start = time.perf_counter()
    with session_scope(engine) as session:
        report = job_csv.import_jobs(session, frame, job_csv.guess_mapping(list(frame.columns)))
    elapsed = time.perf_counter() - start
    done.set()
    other.join()
    print(
        f"imported {report['imported']} rows in {elapsed:.1f} s, {len(holds)} transactions of "
        f"{job_csv.BATCH_ROWS} rows; longest write-lock hold {max(holds):.2f} s"
    )
    print(
        f"meanwhile: {len(reads)} reads, slowest {max(reads) * 1000:.0f} ms; {len(writes)} writes, "
        f"median {statistics.median(writes) * 1000:.0f} ms, slowest {max(writes) * 1000:.0f} ms; "
        f"failures {len(failures)} {sorted(set(failures))}"
    )


if __name__ == "__main__":
    main()
