"""In Progress Board: every active job in its stage column, later stages first."""

import streamlit as st

from jobops import board, sample, tracking
from jobops.escape import inert
from jobops.humanize import relative_time
from jobops.stages import OPEN_STAGES, STAGE_LABELS
from jobops.ui import attempt, flash, guarded, session, show_flash

CARDS_PER_COLUMN = 25
MOVE_CHOICES = dict(tracking.move_choices())

show_flash()
st.title("In Progress Board")
st.caption("Your active applications by stage. Later stages come first: they need you most.")


def open_job(job_id: str) -> None:
    """Go to the job's timeline."""
    st.switch_page("pages/job_detail.py", query_params={"id": job_id})


@guarded
def on_move(job_id: str, key: str) -> None:
    """Move the card's job to the stage picked in its menu."""
    choice = st.session_state.get(key)
    if choice:
        attempt(lambda s: tracking.move_job(s, job_id, choice), f"Moved to {MOVE_CHOICES[choice]}")


def empty_state() -> None:
    """What a newcomer sees: how to start, and sample data to look around."""
    st.info("No active applications yet. Add the jobs you applied to and follow each one here.", icon=":material/info:")
    left, middle, right = st.columns(3)
    if left.button("Add a job", icon=":material/add:", use_container_width=True):
        st.switch_page("pages/jobs.py")
    if middle.button("Import a CSV", icon=":material/upload_file:", use_container_width=True):
        st.switch_page("pages/jobs.py", query_params={"tab": "import"})
    if right.button("Load sample data", icon=":material/science:", type="primary", use_container_width=True, key="load-sample"):
        count = attempt(sample.load_sample_data)
        flash(f"Added {count} sample jobs. Remove them from the Jobs page whenever you like.")
        st.rerun()


def card(item: board.Card) -> None:
    """One job: employer, title, time in stage, last event, and a move menu."""
    with st.container(border=True):
        st.markdown(f"**{inert(item.employer)}**  \n{inert(item.title)}")
        badges = [f":gray-badge[{item.days_in_stage} d in stage]"]
        if item.quiet:
            badges.append(":orange-badge[:material/snooze: Quiet]")
        if item.pending_mail:
            badges.append(f":blue-badge[:material/mail: {item.pending_mail} to review]")
        st.markdown(" ".join(badges))
        st.caption(f"{inert(item.last_event)} · {relative_time(item.last_event_at)}")
        key = f"move-{item.job_id}"
        st.selectbox(
            "Move to",
            options=[c for c in MOVE_CHOICES if c != item.stage],
            format_func=MOVE_CHOICES.get,
            index=None,
            placeholder="Move to…",
            key=key,
            label_visibility="collapsed",
            on_change=on_move,
            args=(item.job_id, key),
        )
        # Switch in the script body, not in on_click: a callback runs before st.navigation has
        # registered the pages, so switch_page could not find the job page there.
        if st.button("Open timeline", key=f"open-{item.job_id}", icon=":material/timeline:",
                     use_container_width=True, type="tertiary"):
            open_job(item.job_id)


def column(slot: st.delta_generator.DeltaGenerator, stage: str, cards: list[board.Card]) -> None:
    """A stage column with its cards (the quietest first)."""
    with slot:
        st.subheader(board.stage_title(stage, len(cards)), divider="gray")
        if not cards:
            st.caption("Nothing here.")
        for item in cards[:CARDS_PER_COLUMN]:
            card(item)
        if len(cards) > CARDS_PER_COLUMN:
            st.caption(f"{len(cards) - CARDS_PER_COLUMN} more: narrow the list with the search box.")


search_col, stage_col, quiet_col = st.columns([2, 3, 1])
search = search_col.text_input("Search", placeholder="Employer or title", key="board-search")
chosen = stage_col.multiselect("Stages", OPEN_STAGES, format_func=STAGE_LABELS.get, key="board-stages",
                               placeholder="All stages")
quiet_days = quiet_col.number_input("Quiet after (days)", min_value=1, max_value=180,
                                    value=board.DEFAULT_QUIET_DAYS, key="board-quiet")

with session() as s:
    columns = board.board(s, search=search, stages=chosen or None, quiet_days=int(quiet_days))
    filtered = bool(search or chosen)
    anything = filtered or any(columns.values())
    samples = sample.has_sample_data(s)

if not anything:
    empty_state()
    st.stop()
if samples:
    st.caption(":material/science: Sample jobs are shown. Remove them on the Jobs page whenever you like.")

totals = board.summary(columns)
m1, m2, m3, m4 = st.columns(4)
m1.metric("Active applications", totals["active"], help="Applied or in progress, not closed.")
m2.metric("In later stages", totals["later"], help="Team match, technical interview, final round or offer.")
m3.metric("Quiet", totals["quiet"], help=f"No event for {int(quiet_days)} days or more.")
m4.metric("Mail to review", totals["pendingMail"], help="Messages in the Tracking Inbox suggested for these jobs.")

later = [s for s in board.LATER_STAGES if s in columns][::-1]
early = [s for s in board.EARLY_STAGES if s in columns][::-1]
if later:
    st.markdown("#### Later stages")
    for slot, stage in zip(st.columns(len(later)), later):
        column(slot, stage, columns[stage])
if early:
    st.markdown("#### Early stages")
    for slot, stage in zip(st.columns(len(early)), early):
        column(slot, stage, columns[stage])
