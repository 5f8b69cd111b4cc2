"""The Insights page renders for no, little and much data, and closes a quiet job in one click."""

from __future__ import annotations

import csv
import io
import json
import random
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import streamlit as st
from sqlalchemy import Engine, select
from streamlit.testing.v1 import AppTest

from jobops.db import session_scope
from jobops.models import Job, MailMessage
from tests.builders import add_job, move

PAGE = str(Path(__file__).resolve().parents[2] / "pages" / "insights.py")
NOW = datetime.now(UTC)
PATHS = (
    [],
    [("recruiter_screen", None)],
    [("recruiter_screen", None), ("technical_interview", None), ("closed", "rejected")],
    [("recruiter_screen", None), ("hiring_manager_screen", None), ("onsite", None), ("offer", None)],
    [("closed", "ghosted")],
)


def applied_job(
    engine: Engine, title: str, days_ago: int, path: list[tuple[str, str | None]], source: str = "LinkedIn"
) -> str:
    """An application sent `days_ago` days ago that moved along `path`, a few days per step."""
    applied = NOW - timedelta(days=days_ago)
    with session_scope(engine) as session:
        job = add_job(session, title, f"{title} Ltd", source=source, applied_at=applied)
        for step, (stage, outcome) in enumerate(path, start=1):
            when = applied + timedelta(days=3 * step)
            move(session, job.id, stage, occurred_at=when, outcome=outcome, metadata={"actor": "user"})
    return job.id


def run_page() -> AppTest:
    """The page run once on its own, without errors."""
    at = AppTest.from_file(PAGE, default_timeout=60)
    at.run()
    assert not at.exception, at.exception
    return at


def test_without_jobs_the_page_says_how_to_start(engine: Engine) -> None:
    at = run_page()
    assert "Jobs page" in at.info[0].value
    assert at.button(key="insights-load-sample")
    assert not at.get("plotly_chart")


def test_loading_sample_data_from_the_empty_page_fills_the_charts(engine: Engine) -> None:
    at = run_page()
    at.button(key="insights-load-sample").click().run()
    assert not at.exception
    assert at.get("plotly_chart")


def test_a_small_history_shows_headline_figures_and_charts(engine: Engine) -> None:
    applied_job(engine, "Quiet", 40, [])
    applied_job(engine, "Screened", 10, PATHS[1])
    applied_job(engine, "Offered", 30, PATHS[3])
    at = run_page()
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Active applications"] == "3"
    assert metrics["Response rate"] == "67%"
    assert metrics["Median days to first response"] == "3"
    assert all(m.help for m in at.metric)
    sankey = json.loads(at.get("plotly_chart")[0].proto.spec)["data"][0]
    assert sankey["type"] == "sankey"
    assert "Still in progress" in sankey["node"]["label"]
    assert len(at.get("download_button")) >= 6


def test_filtering_out_every_source_but_one_narrows_the_figures(engine: Engine) -> None:
    applied_job(engine, "A", 10, PATHS[1], source="LinkedIn")
    applied_job(engine, "B", 10, [], source="Referral")
    at = run_page()
    at.multiselect(key="insights-sources").select("Referral").run()
    assert {m.label: m.value for m in at.metric}["Response rate"] == "0%"


def test_mail_charts_appear_when_there_is_mail(engine: Engine) -> None:
    job_id = applied_job(engine, "Mailed", 10, PATHS[1])
    with session_scope(engine) as session:
        session.add(
            MailMessage(
                provider="gmail",
                account_key="me",
                external_message_id="m1",
                processing_status="auto_linked",
                message_type="interview",
                matched_job_id=job_id,
                relevant=True,
                received_at=NOW - timedelta(days=7),
            )
        )
    at = run_page()
    titles = [h.value for h in at.subheader]
    assert "How job mail was handled" in titles


def test_three_hundred_jobs_render(engine: Engine) -> None:
    rng = random.Random(7)
    for i in range(300):
        source = rng.choice(["LinkedIn", "Referral", "Indeed"])
        applied_job(engine, f"Job {i}", rng.randint(16, 120), rng.choice(PATHS), source)
    at = run_page()
    assert len(at.get("plotly_chart")) == 6


def test_the_ghosting_button_closes_a_quiet_job(engine: Engine) -> None:
    quiet = applied_job(engine, "Quiet", 40, [])
    applied_job(engine, "Recent", 2, [])
    at = run_page()
    assert not at.button(key=f"ghost-ghosted-{quiet}").disabled
    at.button(key=f"ghost-ghosted-{quiet}").click().run()
    assert not at.exception
    with session_scope(engine) as session:
        job = session.scalars(select(Job).where(Job.id == quiet)).one()
    assert (job.current_stage, job.outcome) == ("closed", "ghosted")
    assert "No open application" in at.success[0].value


def test_the_quiet_threshold_can_be_changed(engine: Engine) -> None:
    job_id = applied_job(engine, "Quiet", 10, [])
    at = run_page()
    assert not [b for b in at.button if b.key == f"ghost-no_response-{job_id}"]
    at.number_input(key="insights-ghost-days").set_value(7).run()
    at.button(key=f"ghost-no_response-{job_id}").click().run()
    with session_scope(engine) as session:
        assert session.get(Job, job_id).outcome == "no_response"


def test_every_csv_download_on_the_page_makes_formulas_inert(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    downloads: dict[str, str] = {}
    original = st.download_button

    def recording(label, data, *args, **kwargs):
        downloads[kwargs["file_name"]] = data
        return original(label, data, *args, **kwargs)

    monkeypatch.setattr(st, "download_button", recording)
    with session_scope(engine) as session:
        add_job(
            session,
            **{
                "title": "-2+3",
                "employer": '=HYPERLINK("https://phish.example","Open")',
                "source": "@SUM(A1:A9)",
                "appliedAt": NOW - timedelta(days=60),
            },
        )
    applied_job(engine, "Screened", 30, PATHS[1], source="+1 555 0100")
    run_page()

    assert {"jobops-sources.csv", "jobops-gone-quiet.csv"} <= set(downloads)
    cells = [cell for text in downloads.values() for row in csv.reader(io.StringIO(text)) for cell in row]
    assert not [cell for cell in cells if cell[:1] in ("=", "+", "@", "\t", "\r")]
    assert not [cell for cell in cells if cell.startswith("-") and not cell[1:].replace(".", "").isdigit()]
    assert "'@SUM(A1:A9)" in cells and '\'=HYPERLINK("https://phish.example","Open")' in cells
