"""Plotly figures for the Insights page: transparent, theme-neutral, one colour per stage everywhere."""

from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go

from jobops.analytics import IN_PROGRESS, NOT_ROUTED, flow_nodes
from jobops.escape import inert
from jobops.stages import CLOSED, OPEN_STAGES, stage_label

# Mid-tone colours that read on both light and dark backgrounds.
STAGE_COLORS: dict[str, str] = {
    "applied": "#4C78A8",
    "recruiter_screen": "#72B7B2",
    "assessment": "#9D755D",
    "hiring_manager_screen": "#E2B93B",
    "technical_interview": "#F58518",
    "onsite": "#B279A2",
    "offer": "#54A24B",
    "offer_accepted": "#2E8B57",
    "offer_declined": "#8BC97F",
    "rejected": "#E45756",
    "withdrawn": "#FF9DA6",
    "no_response": "#9E9E9E",
    "ghosted": "#79706E",
    CLOSED: "#BAB0AC",
    IN_PROGRESS: "#7FA7D6",
}
SERIES_COLORS: dict[str, str] = {
    "applications": STAGE_COLORS["applied"],
    "responses": STAGE_COLORS["technical_interview"],
    "response_rate": STAGE_COLORS["recruiter_screen"],
    "interview_rate": STAGE_COLORS["technical_interview"],
    "offer_rate": STAGE_COLORS["offer"],
}
MESSAGE_COLORS: dict[str, str] = {
    "interview": STAGE_COLORS["technical_interview"],
    "rejection": STAGE_COLORS["rejected"],
    "offer": STAGE_COLORS["offer"],
    "update": STAGE_COLORS["applied"],
    "other": STAGE_COLORS["no_response"],
}
HANDLING_COLORS: dict[str, str] = {
    "Automatic": STAGE_COLORS["recruiter_screen"],
    "Reviewed by you": STAGE_COLORS["applied"],
    "Waiting for review": STAGE_COLORS["hiring_manager_screen"],
    NOT_ROUTED: STAGE_COLORS["no_response"],
}
FALLBACK_COLOR = "#9E9E9E"
TRANSPARENT = "rgba(0,0,0,0)"


def node_label(key: str) -> str:
    """What a stage, outcome or the in-progress end is called on a chart."""
    return "Still in progress" if key == IN_PROGRESS else inert(stage_label(key))


def _template_text(value: object) -> str:
    """Text placed inside a hover template: escaped, and `%{` cannot start a placeholder."""
    return inert(value).replace("%", "&#37;")


def _styled(fig: go.Figure, **layout: object) -> go.Figure:
    """Transparent backgrounds and tight margins, so the app theme shows through."""
    fig.update_layout(
        paper_bgcolor=TRANSPARENT,
        plot_bgcolor=TRANSPARENT,
        margin={"l": 10, "r": 10, "t": 30, "b": 10},
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.02, "x": 0},
        **layout,
    )
    return fig


def _count_axis(title: str, counts: pd.Series) -> dict[str, object]:
    """A y axis for whole numbers: ticks at integer steps, starting at zero."""
    top = int(counts.max()) if len(counts) else 0
    return {"title": title, "rangemode": "tozero", "dtick": max(1, math.ceil(top / 6))}


def _translucent(hex_color: str, alpha: float = 0.35) -> str:
    """An rgba() version of a #rrggbb colour."""
    red, green, blue = (int(hex_color[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgba({red},{green},{blue},{alpha})"


def flow_figure(links: pd.DataFrame, *, dark: bool = False) -> go.Figure:
    """Sankey of applications from applied through the stages reached to how each ended."""
    used = set(links["source"]) | set(links["target"])
    nodes = [key for key in flow_nodes() if key in used]
    index = {key: i for i, key in enumerate(nodes)}
    colors = [STAGE_COLORS.get(key, FALLBACK_COLOR) for key in nodes]
    sankey = go.Sankey(
        arrangement="snap",
        # Labels sit on pale links: solid text in the theme's own contrast, without a halo.
        textfont={"size": 13, "weight": 600, "shadow": "none", "color": "#f3f4f6" if dark else "#111827"},
        node={
            "label": [node_label(k) for k in nodes],
            "color": colors,
            "pad": 18,
            "thickness": 16,
            "hovertemplate": "%{label}: %{value} jobs<extra></extra>",
        },
        link={
            "source": links["source"].map(index).tolist(),
            "target": links["target"].map(index).tolist(),
            "value": links["jobs"].tolist(),
            "color": [_translucent(colors[index[s]]) for s in links["source"]],
            "hovertemplate": "%{source.label} → %{target.label}: %{value} jobs<extra></extra>",
        },
    )
    return _styled(go.Figure(sankey))


def funnel_figure(table: pd.DataFrame) -> go.Figure:
    """Jobs at or beyond each stage, with the share of applications and of the step before."""
    trace = go.Funnel(
        y=[node_label(s) for s in table["stage"]],
        x=table["jobs"].tolist(),
        customdata=table[["pct_of_applied", "pct_of_previous"]].to_numpy(),
        texttemplate="%{x} · %{customdata[0]:.0f}%",
        hovertemplate=(
            "%{y}: %{x} jobs<br>%{customdata[0]:.1f}% of applications"
            "<br>%{customdata[1]:.1f}% of the step before<extra></extra>"
        ),
        marker={"color": [STAGE_COLORS.get(s, FALLBACK_COLOR) for s in table["stage"]]},
        connector={"fillcolor": _translucent(STAGE_COLORS["applied"], 0.15)},
    )
    return _styled(go.Figure(trace))


def weekly_figure(table: pd.DataFrame) -> go.Figure:
    """Applications sent and first responses received, week by week."""
    fig = go.Figure()
    for column, name in (("applications", "Applications"), ("responses", "Responses")):
        fig.add_bar(
            x=table["week"],
            y=table[column],
            name=name,
            marker_color=SERIES_COLORS[column],
            hovertemplate=f"Week of %{{x|%d %b %Y}}: %{{y}} {name.lower()}<extra></extra>",
        )
    counts = pd.concat([table["applications"], table["responses"]])
    return _styled(
        fig,
        barmode="group",
        xaxis={"title": "Week", "tickformat": "%d %b"},
        yaxis=_count_axis("Jobs", counts),
    )


def stage_time_figure(durations: pd.DataFrame) -> go.Figure:
    """Days spent in each stage before moving on, one box per stage in pipeline order."""
    fig = go.Figure()
    for stage in OPEN_STAGES:
        days = durations.loc[durations["stage"] == stage, "days"]
        if len(days):
            fig.add_box(
                y=days,
                name=node_label(stage),
                marker_color=STAGE_COLORS[stage],
                boxpoints="outliers",
                showlegend=False,
            )
    return _styled(fig, yaxis_title="Days in stage")


def response_time_figure(times: pd.DataFrame) -> go.Figure:
    """How many days applications waited for the first answer."""
    fig = go.Figure(
        go.Histogram(
            x=times["days"],
            marker_color=SERIES_COLORS["responses"],
            xbins={"size": 7, "start": 0},
            hovertemplate="%{x} days: %{y} jobs<extra></extra>",
        )
    )
    weekly_bins = (times["days"] // 7).value_counts()
    return _styled(
        fig,
        xaxis_title="Days from applying to the first response",
        yaxis=_count_axis("Jobs", weekly_bins),
        bargap=0.05,
    )


def source_rates_figure(table: pd.DataFrame) -> go.Figure:
    """Response, interview and offer rates side by side for each source, its applications in brackets."""
    fig = go.Figure()
    sources = [
        f"{inert(source)} ({count})"
        for source, count in zip(table["source"], table["applications"], strict=False)
    ]
    for column, name in (
        ("response_rate", "Response"),
        ("interview_rate", "Interview"),
        ("offer_rate", "Offer"),
    ):
        fig.add_bar(
            x=sources,
            y=table[column],
            name=name,
            marker_color=SERIES_COLORS[column],
            customdata=table["applications"],
            hovertemplate=f"%{{y:.1f}}% {name.lower()} rate of %{{customdata}} applications<extra></extra>",
        )
    return _styled(fig, barmode="group", yaxis={"title": "% of applications", "range": [0, 100]})


def mail_weekly_figure(table: pd.DataFrame) -> go.Figure:
    """Job messages per week, stacked by type."""
    fig = go.Figure()
    for kind, rows in table.groupby("message_type", sort=True):
        fig.add_bar(
            x=rows["week"],
            y=rows["messages"],
            name=inert(str(kind).title()),
            marker_color=MESSAGE_COLORS.get(str(kind), FALLBACK_COLOR),
            hovertemplate=f"Week of %{{x|%d %b %Y}}: %{{y}} {_template_text(kind)}<extra></extra>",
        )
    per_week = table.groupby("week")["messages"].sum()
    return _styled(
        fig,
        barmode="stack",
        xaxis={"title": "Week", "tickformat": "%d %b"},
        yaxis=_count_axis("Messages", per_week),
    )


def mail_handling_figure(table: pd.DataFrame) -> go.Figure:
    """Share of job messages linked automatically versus reviewed by the user."""
    pie = go.Pie(
        labels=[inert(h) for h in table["handling"]],
        values=table["messages"],
        hole=0.55,
        sort=False,
        marker={"colors": [HANDLING_COLORS.get(h, FALLBACK_COLOR) for h in table["handling"]]},
        hovertemplate="%{label}: %{value} messages (%{percent})<extra></extra>",
    )
    return _styled(go.Figure(pie))
