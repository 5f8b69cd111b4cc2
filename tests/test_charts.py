"""Figures for the Insights page: the right numbers, consistent colours, transparent backgrounds."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import pytest

from jobops import analytics, charts
from jobops.charts import STAGE_COLORS, TRANSPARENT
from tests.shown import seen


@pytest.fixture
def links() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "source": ["applied", "applied", "recruiter_screen", "recruiter_screen"],
            "target": ["recruiter_screen", "ghosted", "rejected", analytics.IN_PROGRESS],
            "jobs": [3, 2, 1, 2],
        }
    )


def test_the_flow_names_its_nodes_and_carries_the_counts(links: pd.DataFrame) -> None:
    sankey = charts.flow_figure(links).data[0]
    labels = list(sankey.node.label)
    assert labels == ["Applied", "Recruiter Screen", "Rejected", "Ghosted", "Still in progress"]
    links_shown = zip(sankey.link.source, sankey.link.target, sankey.link.value, strict=False)
    pairs = [(labels[s], labels[t], v) for s, t, v in links_shown]
    assert pairs == [
        ("Applied", "Recruiter Screen", 3),
        ("Applied", "Ghosted", 2),
        ("Recruiter Screen", "Rejected", 1),
        ("Recruiter Screen", "Still in progress", 2),
    ]


def test_a_stage_has_the_same_colour_in_the_flow_the_funnel_and_the_boxes(links: pd.DataFrame) -> None:
    sankey = charts.flow_figure(links).data[0]
    funnel = charts.funnel_figure(
        pd.DataFrame(
            {
                "stage": ["applied", "recruiter_screen"],
                "jobs": [5, 3],
                "pct_of_applied": [100.0, 60.0],
                "pct_of_previous": [100.0, 60.0],
            }
        )
    ).data[0]
    boxes = charts.stage_time_figure(
        pd.DataFrame(
            {
                "job_id": ["a", "b"],
                "stage": ["applied", "recruiter_screen"],
                "days": [3.0, 4.0],
            }
        )
    ).data
    screen = STAGE_COLORS["recruiter_screen"]
    assert sankey.node.color[1] == funnel.marker.color[1] == boxes[1].marker.color == screen


def test_links_are_tinted_with_their_source_colour(links: pd.DataFrame) -> None:
    sankey = charts.flow_figure(links).data[0]
    assert sankey.link.color[0] == "rgba(76,120,168,0.35)"


def test_the_funnel_shows_the_share_of_applications() -> None:
    table = pd.DataFrame(
        {
            "stage": ["applied", "recruiter_screen", "technical_interview", "offer"],
            "jobs": [10, 4, 2, 1],
            "pct_of_applied": [100.0, 40.0, 20.0, 10.0],
            "pct_of_previous": [100.0, 40.0, 50.0, 50.0],
        }
    )
    trace = charts.funnel_figure(table).data[0]
    assert list(trace.y) == ["Applied", "Recruiter Screen", "Technical Interview", "Offer"]
    assert list(trace.x) == [10, 4, 2, 1]
    assert [row[0] for row in trace.customdata] == [100.0, 40.0, 20.0, 10.0]


def test_weekly_figure_has_applications_and_responses() -> None:
    table = pd.DataFrame(
        {
            "week": pd.to_datetime(["2024-01-01", "2024-01-08"]),
            "applications": [2, 3],
            "responses": [0, 1],
        }
    )
    fig = charts.weekly_figure(table)
    assert [t.name for t in fig.data] == ["Applications", "Responses"]
    assert list(fig.data[1].y) == [0, 1]


def test_count_axes_tick_at_whole_numbers() -> None:
    small = pd.DataFrame({"week": pd.to_datetime(["2024-01-01"]), "applications": [2], "responses": [1]})
    large = small.assign(applications=[60])
    assert charts.weekly_figure(small).layout.yaxis.dtick == 1
    assert charts.weekly_figure(large).layout.yaxis.dtick == 10


def test_stage_boxes_follow_pipeline_order_and_skip_empty_stages() -> None:
    durations = pd.DataFrame(
        {
            "job_id": ["a", "a", "b"],
            "stage": ["offer", "applied", "applied"],
            "days": [2.0, 5.0, 7.0],
        }
    )
    fig = charts.stage_time_figure(durations)
    assert [t.name for t in fig.data] == ["Applied", "Offer"]
    assert sorted(fig.data[0].y) == [5.0, 7.0]


def test_response_time_histogram_uses_weekly_bins() -> None:
    fig = charts.response_time_figure(pd.DataFrame({"days": [1.0, 3.0, 9.0]}))
    assert list(fig.data[0].x) == [1.0, 3.0, 9.0]
    assert fig.data[0].xbins.size == 7


def test_source_rates_show_three_rates_per_source_with_its_applications() -> None:
    table = pd.DataFrame(
        {
            "source": ["LinkedIn", "Referral"],
            "applications": [4, 2],
            "response_rate": [50.0, 100.0],
            "interview_rate": [25.0, 50.0],
            "offer_rate": [0.0, 50.0],
        }
    )
    fig = charts.source_rates_figure(table)
    assert [t.name for t in fig.data] == ["Response", "Interview", "Offer"]
    assert list(fig.data[2].x) == ["LinkedIn (4)", "Referral (2)"]
    assert list(fig.data[2].y) == [0.0, 50.0]


def test_mail_figures_stack_types_and_split_handling() -> None:
    weekly = pd.DataFrame(
        {
            "week": pd.to_datetime(["2024-01-01", "2024-01-01", "2024-01-08"]),
            "message_type": ["interview", "rejection", "interview"],
            "messages": [2, 1, 4],
        }
    )
    handling = pd.DataFrame(
        {
            "handling": ["Automatic", "Reviewed by you"],
            "messages": [3, 1],
            "share": [75.0, 25.0],
        }
    )
    stacked = charts.mail_weekly_figure(weekly)
    assert [t.name for t in stacked.data] == ["Interview", "Rejection"]
    assert list(stacked.data[0].y) == [2, 4]
    pie = charts.mail_handling_figure(handling).data[0]
    assert list(pie.values) == [3, 1]


def test_every_figure_has_a_transparent_background_even_without_data() -> None:
    frames = analytics.build_frames([])
    progress = analytics.job_progress(frames)
    figures = [
        charts.flow_figure(analytics.flow_links(progress)),
        charts.funnel_figure(analytics.funnel(progress)),
        charts.weekly_figure(analytics.weekly_activity(progress)),
        charts.stage_time_figure(analytics.stage_durations(frames)),
        charts.response_time_figure(analytics.response_times(progress)),
        charts.source_rates_figure(analytics.rates_by_source(progress)),
        charts.mail_weekly_figure(analytics.mail_weekly(frames.messages)),
        charts.mail_handling_figure(analytics.mail_handling(frames.messages)),
    ]
    for fig in figures:
        assert isinstance(fig, go.Figure)
        assert fig.layout.paper_bgcolor == fig.layout.plot_bgcolor == TRANSPARENT


def test_a_source_written_as_html_is_a_plain_label_not_a_plotly_link() -> None:
    source = '<a href="https://phish.example">Referral</a>'
    table = pd.DataFrame(
        {
            "source": [source],
            "applications": [2],
            "response_rate": [50.0],
            "interview_rate": [0.0],
            "offer_rate": [0.0],
        }
    )
    labels = list(charts.source_rates_figure(table).data[0].x)
    assert not any("<" in label for label in labels)
    assert [seen(label) for label in labels] == [f"{source} (2)"]


def test_a_message_type_from_a_backup_cannot_add_markup_or_placeholders_to_the_mail_chart() -> None:
    table = pd.DataFrame(
        {"week": [pd.Timestamp("2026-03-02")], "message_type": ["<b>x</b> %{y}"], "messages": [1]}
    )
    bar = charts.mail_weekly_figure(table).data[0]
    kind_in_hover = bar.hovertemplate.removeprefix("Week of %{x|%d %b %Y}: %{y} ").removesuffix(
        "<extra></extra>"
    )
    assert "<" not in bar.name and "<" not in kind_in_hover and "%{" not in kind_in_hover
    assert seen(kind_in_hover) == "<b>x</b> %{y}"
