"""Insights: how applications move through the pipeline, which sources answer, and who went quiet."""

from datetime import date
from typing import Any

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from jobops import analytics, charts, csv_export, sample, tracking
from jobops.analytics import Filters
from jobops.dashboard.page import attempt, flash, guarded, session, show_flash
from jobops.escape import inert
from jobops.stages import OUTCOME_LABELS, stage_label

GHOST_ROWS = 25
CLOSE_OUTCOMES = ("no_response", "ghosted")

show_flash()
st.title("Insights")
st.caption("How your applications move from applied to an answer, which sources respond, and who went quiet.")


def empty_state() -> None:
    """What to do when there is nothing to chart."""
    st.info(
        "No applications to chart yet. Add the jobs you applied to on the Jobs page, "
        "or load sample data to look around.",
        icon=":material/info:",
    )
    left, right = st.columns(2)
    if left.button("Go to Jobs", icon=":material/work:", width="stretch", key="insights-go-jobs"):
        st.switch_page("pages/jobs.py")
    if right.button(
        "Load sample data",
        icon=":material/science:",
        type="primary",
        width="stretch",
        key="insights-load-sample",
    ):
        count = attempt(sample.load_sample_data)
        if count:
            flash(f"Added {count} sample jobs. Remove them from the Jobs page whenever you like.")
        st.rerun()


def filter_bar(jobs: pd.DataFrame) -> Filters:
    """Date range, sources, employers and closed jobs, in one row."""
    first, last = jobs["applied_on"].min().date(), max(jobs["applied_on"].max().date(), date.today())
    dates, sources, employers, closed = st.columns([3, 3, 3, 2], vertical_alignment="bottom")
    picked = dates.date_input("Applied between", value=(first, last), key="insights-dates")
    return Filters(
        start=picked[0] if len(picked) > 0 else None,
        end=picked[1] if len(picked) > 1 else None,
        sources=tuple(
            sources.multiselect(
                "Sources", sorted(jobs["source"].unique()), placeholder="All sources", key="insights-sources"
            )
        ),
        employers=tuple(
            employers.multiselect(
                "Employers",
                sorted(jobs["employer"].unique()),
                placeholder="All employers",
                key="insights-employers",
            )
        ),
        include_closed=closed.toggle("Include closed jobs", value=True, key="insights-closed"),
    )


def headline_row(figures: analytics.Headline) -> None:
    """The four figures that sum up the search."""
    active, rate, interviews, wait = st.columns(4)
    active.metric(
        "Active applications",
        figures.active_applications,
        border=True,
        help="Jobs you applied to that are not closed yet.",
    )
    rate.metric(
        "Response rate",
        _or_dash(figures.response_rate, "{:.0f}%"),
        border=True,
        help="Share of applications where the employer answered: a later stage, a rejection or "
        "an offer. Closing as no response, ghosted or withdrawn does not count.",
    )
    interviews.metric(
        "Interviews this month",
        figures.interviews_this_month,
        border=True,
        help="Moves into Team Match, Technical Interview or Final Round, plus logged "
        "interviews, since the 1st of this month.",
    )
    wait.metric(
        "Median days to first response",
        _or_dash(figures.median_days_to_response, "{:.0f}"),
        border=True,
        help="Half of the employers that answered did so within this many days of your application.",
    )


def _or_dash(value: float | None, pattern: str) -> str:
    """A formatted figure, or a dash when there is nothing to measure."""
    return "—" if value is None else pattern.format(value)


def chart(title: str, name: str, figure: go.Figure, table: pd.DataFrame, note: str, empty: str) -> None:
    """A bordered chart with its caption and the CSV of the numbers behind it."""
    with st.container(border=True):
        st.subheader(title)
        st.caption(note)
        if table.empty:
            st.info(empty, icon=":material/hourglass_empty:")
            return
        st.plotly_chart(figure, width="stretch", key=f"insights-chart-{name}")
        st.download_button(
            "Download CSV",
            csv_export.frame_to_csv(table),
            file_name=f"jobops-{name}.csv",
            mime="text/csv",
            icon=":material/download:",
            on_click="ignore",
            key=f"insights-csv-{name}",
        )


def pipeline_charts(frames: analytics.Frames, progress: pd.DataFrame) -> None:
    """Flow, funnel, weekly activity, time in stage, time to respond and rates by source."""
    links = analytics.flow_links(progress)
    chart(
        "Flow of applications",
        "flow",
        charts.flow_figure(links, dark=st.context.theme.type == "dark"),
        links,
        "From applied through every stage reached to how each application ended.",
        "No applications in this selection.",
    )
    left, right = st.columns(2)
    with left:
        table = analytics.funnel(progress)
        chart(
            "Funnel",
            "funnel",
            charts.funnel_figure(table),
            table,
            "Applications that reached each stage or a later one, as a share of all applications.",
            "No applications in this selection.",
        )
    with right:
        table = analytics.weekly_activity(progress)
        chart(
            "Applications and responses per week",
            "weekly",
            charts.weekly_figure(table),
            table,
            "Applications sent and first answers received, by week.",
            "No applications in this selection.",
        )
    left, right = st.columns(2)
    with left:
        table = analytics.stage_durations(frames)
        chart(
            "Time in each stage",
            "stage-time",
            charts.stage_time_figure(table),
            table,
            "Days spent in a stage before moving on.",
            "No job has moved past a stage yet.",
        )
    with right:
        table = analytics.response_times(progress)
        chart(
            "Time to first response",
            "response-time",
            charts.response_time_figure(table),
            table,
            "Days from applying to the employer's first answer.",
            "No employer has answered yet.",
        )
    table = analytics.rates_by_source(progress)
    chart(
        "Rates by source",
        "sources",
        charts.source_rates_figure(table),
        table,
        "Share of applications from each source that got a response, an interview and an offer.",
        "No applications in this selection.",
    )


def mail_charts(messages: pd.DataFrame) -> None:
    """Job mail per week by type, and how much of it was linked without you."""
    left, right = st.columns(2)
    with left:
        table = analytics.mail_weekly(messages)
        chart(
            "Job mail per week",
            "mail-weekly",
            charts.mail_weekly_figure(table),
            table,
            "Messages about your applications, by the type the router gave them.",
            "No job mail in this selection.",
        )
    with right:
        table = analytics.mail_handling(messages)
        chart(
            "How job mail was handled",
            "mail-handling",
            charts.mail_handling_figure(table),
            table,
            "Linked automatically, reviewed by you in the Tracking Inbox, or still waiting.",
            "No job mail in this selection.",
        )


@guarded
def close_job(job_id: str, outcome: str) -> None:
    """Close a quiet job with the outcome the user picked."""
    label = OUTCOME_LABELS[outcome]
    attempt(lambda s: tracking.close_job(s, job_id, outcome), f"Closed as {label.lower()}.")


def ghosting(progress: pd.DataFrame, now: pd.Timestamp) -> None:
    """Open applications with no news for a while, each closable in one click."""
    with st.container(border=True):
        st.subheader("Gone quiet")
        days = int(
            st.number_input(
                "Days without news",
                min_value=1,
                max_value=365,
                value=21,
                step=1,
                width=220,
                key="insights-ghost-days",
                help="An open application with no event for this many days is listed here.",
            )
        )
        quiet = analytics.ghosting_candidates(progress, now, days)
        if quiet.empty:
            st.success(f"No open application has gone {days} days without news.", icon=":material/check:")
            return
        st.caption(
            f"{len(quiet)} open applications with no event for {days} days or more. "
            "Closing them keeps your rates honest."
        )
        for row in quiet.head(GHOST_ROWS).itertuples():
            ghost_row(row)
        if len(quiet) > GHOST_ROWS:
            st.caption(f"Showing the {GHOST_ROWS} quietest. Close some to see the rest.")
        st.download_button(
            "Download CSV",
            csv_export.frame_to_csv(quiet),
            file_name="jobops-gone-quiet.csv",
            mime="text/csv",
            icon=":material/download:",
            on_click="ignore",
            key="insights-csv-gone-quiet",
        )


def ghost_row(row: Any) -> None:
    """One quiet job: who, where it stands, and the two ways to close it."""
    text, *buttons = st.columns([4, 1, 1], vertical_alignment="center")
    text.markdown(
        f"**{inert(row.employer)}** · {inert(row.title)}  \n"
        f"{stage_label(row.current_stage)} · {row.days_silent} days without news"
    )
    for column, outcome in zip(buttons, CLOSE_OUTCOMES, strict=False):
        column.button(
            OUTCOME_LABELS[outcome],
            key=f"ghost-{outcome}-{row.job_id}",
            width="stretch",
            on_click=close_job,
            args=(row.job_id, outcome),
            help=f"Close this application as {OUTCOME_LABELS[outcome].lower()}.",
        )


def insights() -> None:
    """Filters, headline figures, charts and the quiet list."""
    with session() as s:
        frames = analytics.load_frames(s)
    if frames.jobs.empty:
        empty_state()
        return
    picked = analytics.apply_filters(frames, filter_bar(frames.jobs))
    if picked.jobs.empty:
        st.info(
            "No applications match these filters. Widen the dates or clear a filter.",
            icon=":material/filter_alt_off:",
        )
        return
    now = pd.Timestamp.now(tz="UTC")
    progress = analytics.job_progress(picked)
    headline_row(analytics.headline(progress, picked.events, now))
    pipeline_charts(picked, progress)
    if not frames.messages.empty:
        mail_charts(picked.messages)
    ghosting(progress, now)


insights()
