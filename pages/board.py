"""In Progress Board: every active job in its stage column, from Applied on the left to Offer on the right."""

import streamlit as st

from jobops import board, next_steps, sample, tracking
from jobops.dashboard.page import attempt, flash, guarded, session, show_flash
from jobops.escape import inert
from jobops.humanize import relative_time
from jobops.stages import CLOSED, OPEN_STAGES, STAGE_LABELS

CARDS_SHOWN = 8
FOLDED_KEY = "board-folded"
MORE_KEY = "board-more"
MOVE_CHOICES = dict(tracking.move_choices())
# Cards in smaller type with less padding, so a column of 150 px still reads in two or three lines a card.
# Streamlit gives a keyed container the class `st-key-<key>`: the rules reach the board's cards only.
COMPACT_CARDS = """
<style>
.st-key-board [class*="st-key-card-"] { padding: 0.6rem 0.7rem; gap: 0.4rem; }
.st-key-board [class*="st-key-card-"] [data-testid="stMarkdownContainer"] p { font-size: 0.875rem; line-height: 1.4; }
.st-key-board [class*="st-key-card-"] button [data-testid="stMarkdownContainer"] p { font-size: 0.8125rem; }
.st-key-board [class*="st-key-fold-"] button [data-testid="stMarkdownContainer"] p { font-size: 0.875rem; }
</style>
"""

show_flash()
st.title("In Progress Board")


def open_job(job_id: str) -> None:
    """Go to the job's timeline."""
    st.switch_page("pages/job_detail.py", query_params={"id": job_id})


@guarded
def on_move(job_id: str, key: str) -> None:
    """Move the card's job to the stage picked in its menu."""
    choice = st.session_state.get(key)
    if choice:
        attempt(lambda s: tracking.move_job(s, job_id, choice), f"Moved to {MOVE_CHOICES[choice]}")


@guarded
def on_follow_up(job_id: str, employer: str) -> None:
    """Fill a quiet job's next step with a follow-up due in two days."""
    attempt(
        lambda s: next_steps.set_follow_up(s, job_id), f"Follow-up with {employer} set for two days from now."
    )


@guarded
def on_fold(stage: str, folded: bool) -> None:
    """Remember that the user folded or unfolded a column."""
    st.session_state.setdefault(FOLDED_KEY, {})[stage] = not folded


@guarded
def on_more(stage: str) -> None:
    """Show every card of a column."""
    st.session_state.setdefault(MORE_KEY, set()).add(stage)


def empty_state() -> None:
    """What a newcomer sees: how to start, and sample data to look around."""
    st.info(
        "No active applications yet. Add the jobs you applied to and follow each one here.",
        icon=":material/info:",
    )
    left, middle, right = st.columns(3)
    if left.button("Add a job", icon=":material/add:", use_container_width=True):
        st.switch_page("pages/jobs.py")
    if middle.button("Import a CSV", icon=":material/upload_file:", use_container_width=True):
        st.switch_page("pages/jobs.py", query_params={"tab": "import"})
    if right.button(
        "Load sample data",
        icon=":material/science:",
        type="primary",
        use_container_width=True,
        key="load-sample",
    ):
        count = attempt(sample.load_sample_data)
        flash(f"Added {count} sample jobs. Remove them from the Jobs page whenever you like.")
        st.rerun()


def card_text(item: board.Card) -> str:
    """Employer, title, days in stage (or the outcome) and what is due, as inert markdown."""
    facts = [item.standing if item.stage == CLOSED else f"{item.days_in_stage} d in stage"]
    if item.due:
        facts.append(f":{'red' if item.overdue else 'orange'}[**{inert(item.due)}**]")
    return "  \n".join(
        [f"**{inert(item.employer)}**", inert(item.short_title), f":small[:gray[{' · '.join(facts)}]]"]
    )


def card_help(item: board.Card) -> str:
    """What the card leaves out, one hover away: the whole title and the latest event."""
    return f"{inert(item.title)}  \nLatest: {inert(item.last_event)} · {relative_time(item.last_event_at)}"


def card(item: board.Card) -> None:
    """One compact job card: the text, a move menu and a button to its timeline."""
    with st.container(border=True, gap="small", key=f"card-{item.job_id}"):
        st.markdown(card_text(item))
        with st.container(horizontal=True, gap="small", vertical_alignment="center"):
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
            if st.button(
                "Open timeline",
                key=f"open-{item.job_id}",
                icon=":material/open_in_new:",
                type="tertiary",
                help=card_help(item),
            ):
                open_job(item.job_id)
            if item.suggests_follow_up:
                st.button(
                    "Set follow-up",
                    key=f"follow-up-{item.job_id}",
                    icon=":material/event:",
                    type="tertiary",
                    help="Next step: follow up with the employer, due in two days.",
                    on_click=on_follow_up,
                    args=(item.job_id, inert(item.employer)),
                )


def due_section(steps: list[next_steps.DueStep]) -> None:
    """Every job with a next step, overdue first, then the soonest, each with a way to its page."""
    overdue = sum(step.overdue for step in steps)
    label = f"Due · {len(steps)}" + (f" · {overdue} overdue" if overdue else "")
    with st.expander(label, icon=":material/event:", expanded=False):
        if not steps:
            st.caption("No next steps yet. Set one on a job's Details tab, or Set follow-up on a quiet card.")
        for step in steps:
            with st.container(horizontal=True, gap="small", vertical_alignment="center"):
                when = f":red[**{inert(step.text)}**]" if step.overdue else f"**{inert(step.text)}**"
                st.markdown(
                    f"{when}  \n:small[:gray[{inert(step.employer)} · {inert(step.title)}]]", width="stretch"
                )
                if st.button(
                    "Open", key=f"due-open-{step.job_id}", icon=":material/open_in_new:", type="tertiary"
                ):
                    open_job(step.job_id)


def is_folded(stage: str, cards: list[board.Card]) -> bool:
    """A column is folded when the user folded it; until then, when it is empty."""
    return st.session_state.get(FOLDED_KEY, {}).get(stage, not cards)


def column(stage: str, cards: list[board.Card], folded: bool) -> None:
    """A stage column: a heading that folds it, then its first cards and a way to see the rest."""
    st.button(
        board.stage_title(stage, len(cards)),
        key=f"fold-{stage}",
        type="tertiary",
        icon=":material/chevron_right:" if folded else ":material/expand_more:",
        help="Unfold this stage" if folded else "Fold this stage",
        on_click=on_fold,
        args=(stage, folded),
    )
    if folded:
        return
    if not cards:
        st.caption("Nothing here.")
    shown = cards if stage in st.session_state.get(MORE_KEY, set()) else cards[:CARDS_SHOWN]
    for item in shown:
        card(item)
    if len(cards) > len(shown):
        st.button(
            f"Show {len(cards) - len(shown)} more",
            key=f"more-{stage}",
            icon=":material/expand_more:",
            on_click=on_more,
            args=(stage,),
            use_container_width=True,
        )


def filters() -> tuple[str, list[str], int, bool]:
    """Search in sight; stages, the quiet period and the archive in a popover, so jobs come first on a phone."""
    with st.container(horizontal=True, gap="small", vertical_alignment="bottom"):
        search = st.text_input(
            "Search", placeholder="Employer or title", key="board-search", label_visibility="collapsed"
        )
        with st.popover("Filters", icon=":material/filter_list:"):
            chosen = st.multiselect(
                "Stages",
                OPEN_STAGES,
                format_func=STAGE_LABELS.get,
                key="board-stages",
                placeholder="All stages",
            )
            quiet_days = st.number_input(
                "Quiet after (days)",
                min_value=1,
                max_value=180,
                value=board.DEFAULT_QUIET_DAYS,
                key="board-quiet",
            )
            show_closed = st.toggle(
                "Show closed",
                key="board-show-closed",
                help="Closed jobs are archived: they get a last column only when you ask.",
            )
    return search, chosen, int(quiet_days), show_closed


search, chosen, quiet_days, show_closed = filters()
with session() as s:
    columns = board.board(
        s,
        search=search,
        stages=[*chosen, CLOSED] if chosen else None,
        show_closed=show_closed,
        quiet_days=quiet_days,
    )
    filtered = bool(search or chosen)
    anything = filtered or any(columns.values())
    samples = sample.has_sample_data(s)
    due = next_steps.due_list(s)

if not anything:
    empty_state()
    st.stop()

totals = board.summary(columns)
counts, due_slot = st.columns([3, 2], vertical_alignment="center")  # one row on a desktop, stacked on a phone
counts.markdown(
    f"**{totals['active']}** active · **{totals['later']}** in later stages · "
    f"**{totals['quiet']}** quiet for {quiet_days} d · **{totals['pendingMail']}** mail to review",
    help="Active: applied or in progress, not closed. Later stages: team match to offer.",
)
if samples:
    counts.caption(
        ":material/science: Sample jobs are shown. Remove them on the Jobs page whenever you like."
    )
with due_slot:
    due_section(due)
folded = {stage: is_folded(stage, cards) for stage, cards in columns.items()}
widths = board.column_widths(list(folded.values()))
st.html(COMPACT_CARDS)
with st.container(key="board"):
    for slot, (stage, cards) in zip(st.columns(widths, gap="small"), columns.items(), strict=False):
        with slot:
            column(stage, cards, folded[stage])
