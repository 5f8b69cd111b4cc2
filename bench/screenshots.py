"""Screenshots of every page with sample data, on a desktop (1440x900) and a phone (390x844).

python bench/screenshots.py [--theme light|dark|both] [--phone]
"""

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

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from jobops.config import PROJECT_ROOT  # noqa: E402

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
PAGES = {
    "board": "",
    "jobs": "jobs",
    "inbox": "inbox",
    "mail": "mail",
    "insights": "insights",
    "settings": "settings",
}
THEMES = ("light", "dark")
DESKTOP = {"width": 1440, "height": 900}
PHONE = {"width": 390, "height": 844}


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def running_app(
    env: dict[str, str], port: int, *, theme: str | None = None, log_path: Path | None = None
) -> Iterator[str]:
    """Start `streamlit run app.py` on a port and yield its base URL once healthy."""
    command = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        "app.py",
        "--server.port",
        str(port),
        "--server.address",
        "127.0.0.1",
        "--server.headless",
        "true",
    ]
    if theme:
        command += ["--theme.base", theme]
    log = log_path.open("wb") if log_path else subprocess.DEVNULL
    proc = subprocess.Popen(
        command, cwd=PROJECT_ROOT, env={**os.environ, **env}, stdout=log, stderr=subprocess.STDOUT
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(base, proc)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=5)
        if log_path:
            log.close()  # type: ignore[union-attr]


def wait_healthy(base: str, proc: subprocess.Popen | None = None, timeout: float = 60) -> None:
    """Poll the API's health route until it answers (or the process dies)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise RuntimeError(
                f"the app at {base} exited with status {proc.returncode} before it was healthy"
            )
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


def screenshot_whole(page, path: Path) -> None:  # type: ignore[no-untyped-def]
    """Save the whole page: Streamlit scrolls inside its main block, so grow the window to fit it."""
    size = page.viewport_size or {"width": 1440, "height": 900}
    height = page.evaluate(
        "() => Math.max(...[...document.querySelectorAll(\"[data-testid='stMain'], "
        "[data-testid='stAppViewContainer'], body\")].map(e => e.scrollHeight))"
    )
    if height > size["height"]:
        page.set_viewport_size({"width": size["width"], "height": min(int(height), 12_000)})
        page.wait_for_timeout(400)
    try:
        page.screenshot(path=str(path), full_page=True)
    finally:
        page.set_viewport_size(size)


def capture(
    base: str, out_dir: Path, pages: dict[str, str], theme: str = "light", viewport: dict[str, int] = DESKTOP
) -> list[Path]:
    """Open each page in headless Chromium and save a full-page PNG (phone ones get a -phone suffix)."""
    from playwright.sync_api import sync_playwright

    out_dir.mkdir(parents=True, exist_ok=True)
    saved = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        page = browser.new_page(viewport=viewport, color_scheme=theme)
        suffix = ("" if theme == "light" else f"-{theme}") + ("-phone" if viewport == PHONE else "")
        for name, path in pages.items():
            page.goto(f"{base}/{path}")
            wait_idle(page)
            target = out_dir / f"{name}{suffix}.png"
            screenshot_whole(page, target)
            saved.append(target)
        browser.close()
    return saved


def main(argv: list[str] | None = None) -> int:
    """Start the app on sample data and photograph every page."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=PROJECT_ROOT / "docs" / "screenshots")
    parser.add_argument(
        "--theme",
        choices=[*THEMES, "both"],
        default="light",
        help="Streamlit's base theme (dark files get a -dark suffix)",
    )
    parser.add_argument("--phone", action="store_true", help="a 390x844 phone screen instead of a desktop")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as data_dir:
        env = {
            "JOBOPS_DATA_DIR": data_dir,
            "JOBOPS_DATABASE_URL": f"sqlite:///{data_dir}/jobops.db",
            "JOBOPS_SECRETS_FILE": f"{data_dir}/no-secrets.toml",
        }
        os.environ.update(env)
        from jobops.db import get_engine, session_scope
        from jobops.jobs import list_jobs
        from jobops.sample import load_sample_data

        with session_scope(get_engine()) as session:
            load_sample_data(session)
            first_job = list_jobs(session).items[0].id
        pages = {**PAGES, "job": f"job?id={first_job}"}
        for theme in THEMES if args.theme == "both" else (args.theme,):
            with running_app(env, free_port(), theme=theme) as base:
                for path in capture(
                    base, args.out, pages, theme=theme, viewport=PHONE if args.phone else DESKTOP
                ):
                    print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
