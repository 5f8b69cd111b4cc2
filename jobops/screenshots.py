"""Screenshots of every page at 1440x900 with sample data: `python -m jobops.screenshots`."""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from jobops.config import PROJECT_ROOT

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
IDLE = "[data-testid='stApp'][data-test-script-state='notRunning']"
PAGES = {"board": "", "jobs": "jobs"}


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def running_app(env: dict[str, str], port: int) -> Iterator[str]:
    """Start `streamlit run app.py` on a port and yield its base URL once healthy."""
    command = [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port),
               "--server.headless", "true"]
    proc = subprocess.Popen(command, cwd=PROJECT_ROOT, env={**os.environ, **env},
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(base)
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def wait_healthy(base: str, timeout: float = 60) -> None:
    """Poll the API's health route until it answers."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{base}/api/health", timeout=2) as answer:
                if answer.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"the app at {base} did not start within {timeout:.0f} s")


def wait_idle(page) -> None:  # type: ignore[no-untyped-def]
    """Wait until Streamlit has finished the run and drawn everything."""
    page.wait_for_selector(IDLE, timeout=30_000)
    page.wait_for_function("!document.querySelector(\"[data-testid='stSkeleton']\")", timeout=30_000)
    page.wait_for_timeout(800)


def capture(base: str, out_dir: Path, pages: dict[str, str], theme: str = "light") -> list[Path]:
    """Open each page in headless Chromium and save a full-page PNG."""
    from playwright.sync_api import sync_playwright

    out_dir.mkdir(parents=True, exist_ok=True)
    saved = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        page = browser.new_page(viewport={"width": 1440, "height": 900}, color_scheme=theme)
        for name, path in pages.items():
            page.goto(f"{base}/{path}")
            wait_idle(page)
            target = out_dir / f"{name}.png"
            page.screenshot(path=str(target), full_page=True)
            saved.append(target)
        browser.close()
    return saved


def main(argv: list[str] | None = None) -> int:
    """Start the app on sample data and photograph every page."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=PROJECT_ROOT / "docs" / "screenshots")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as data_dir:
        env = {"JOBOPS_DATA_DIR": data_dir, "JOBOPS_DATABASE_URL": f"sqlite:///{data_dir}/jobops.db"}
        os.environ.update(env)
        from jobops.db import get_engine, session_scope
        from jobops.sample import load_sample_data

        with session_scope(get_engine()) as session:
            load_sample_data(session)
        with running_app(env, free_port()) as base:
            for path in capture(base, args.out, PAGES):
                print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
