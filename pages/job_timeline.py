"""The job page's Timeline tab: the events, editing or deleting one, and logging what happened."""

from datetime import date, datetime, time

import streamlit as st
from sqlalchemy.orm import Session

from jobops import tracking
from jobops.dashboard.page import attempt, flash, session
from jobops.errors import InvalidInput
from jobops.escape import inert
from jobops.humanize import as_local, local_date, local_datetime, relative_time
from jobops.localtime import at_local_time
from jobops.schemas.events import EventMetadata, EventOut, EventPatch, EventPreview, LoggedEvent, StageChange
from jobops.schemas.jobs import JobOut
from jobops.stages import CLOSED, EVENT_TYPES, NO_CHANGE, OUTCOMES, STAGES, stage_label

EVENT_TYPE_LABELS = {"status_update": "Stage change", "interview_log": "Interview log", "note": "Note"}
EDIT_KEY = "job-edit-event"
CONFIRM_BACK_KEY = "job-edit-confirm-back"
CONFIRM_DELETE_KEY = "job-edit-confirm-delete"
LOG_FORM_KEY = "job-log-form"
UNDO_KEY = "job-undo-last-delete"
LOG_RESET_KEY = "job-log-reset"


def with_moved_notice(message: str, answer: LoggedEvent) -> str:
    """The message, saying so when the action moved the applied date back."""
    moved = answer.applied_moved_to
    return f"{message.rstrip('.')}. Applied date moved to {local_date(moved)}." if moved else message


def where_after(preview: EventPreview) -> str:
    """Where the job will stand after the edit, in words."""
    after = stage_label(preview.stage_after)
    if preview.outcome_after:
        after = f"{after}: {stage_label(preview.outcome_after)}"
    return after


def keep_undo(kind: str, job_id: str, label: str, snapshot: object) -> None:
    """Remember the last delete, so it can be undone."""
    st.session_state[UNDO_KEY] = {"kind": kind, "jobId": job_id, "label": label, "snapshot": snapshot}


def close_edit() -> None:
    """Forget the open dialog and any question it asked."""
    for key in (EDIT_KEY, CONFIRM_BACK_KEY, CONFIRM_DELETE_KEY):
        st.session_state.pop(key, None)


def save_event(job_id: str, event: EventOut, changes: EventPatch) -> None:
    """Save the edit and close the dialog."""
    saved = attempt(lambda s: tracking.update_event(s, job_id, event.id, changes))
    if saved is not None:
        flash(with_moved_notice("Event saved.", saved))
        close_edit()
        st.rerun()


def confirm_back(job_id: str, event: EventOut) -> None:
    """Ask before an edit moves the job back to an earlier stage."""
    changes, preview = st.session_state[CONFIRM_BACK_KEY]
    st.warning(
        f"This moves the job back from {inert(stage_label(preview.stage_before))} to "
        f"{inert(where_after(preview))}.",
        icon=":material/undo:",
    )
    go, back = st.columns(2)
    if go.button("Move it back", type="primary", key="edit-confirm-back"):
        save_event(job_id, event, changes)
    if back.button("Keep editing", key="edit-keep-editing"):
        st.session_state.pop(CONFIRM_BACK_KEY, None)
        st.rerun()


def confirm_delete_event(job_id: str, event: EventOut) -> None:
    """Ask before deleting an event."""
    st.warning(
        f"Delete “{inert(event.title)}”? The job's stage follows the events that remain.",
        icon=":material/delete:",
    )
    go, back = st.columns(2)
    if go.button("Delete event", type="primary", key="edit-confirm-delete"):

        def delete(s: Session) -> dict[str, object]:
            snapshot = tracking.deletable_event(s, job_id, event.id)
            tracking.delete_event(s, job_id, event.id)
            return snapshot

        snapshot = attempt(delete, "Event deleted. You can undo it above the timeline.")
        if snapshot is not None:
            keep_undo("event", job_id, event.title, snapshot)
            close_edit()
            st.rerun()
    if back.button("Keep it", key="edit-keep-event"):
        st.session_state.pop(CONFIRM_DELETE_KEY, None)
        st.rerun()


def event_changes(event: EventOut) -> dict[str, object]:
    """The edit form: stage (for a stage change), date, time, label, note and outcome, as the request names them."""
    when = as_local(event.occurred_at)
    moves = (event.metadata.event_type or "status_update") == "status_update"
    stage = event.to_stage
    if moves:
        stage = st.selectbox("Stage", STAGES, index=STAGES.index(event.to_stage), format_func=stage_label)
    else:
        st.caption("A note stays in the stage the job was in at its date.")
    # The API accepts events up to a day ahead (time zones): such a date must still open here.
    day = st.date_input("Date", value=when.date(), max_value=max(date.today(), when.date()))
    at = st.time_input("Time", value=when.time().replace(second=0, microsecond=0))
    title = st.text_input("Label", value=event.title)
    note = st.text_area("Note", value=event.metadata.note or "")
    outcome = None
    if moves and stage == CLOSED:
        current = event.outcome if event.outcome in OUTCOMES else OUTCOMES[0]
        outcome = st.selectbox("Outcome", OUTCOMES, index=OUTCOMES.index(current), format_func=stage_label)
    changes: dict[str, object] = {
        "occurredAt": at_local_time(day, at),
        "title": title,
        "metadata": {"note": note},
    }
    if moves:
        changes |= {"toStage": stage, "outcome": outcome}
    return changes


@st.dialog("Edit event")
def edit_dialog(job_id: str, event: EventOut) -> None:
    """Change an event's stage, date, label, note or outcome, or delete it."""
    if st.session_state.get(CONFIRM_BACK_KEY):
        confirm_back(job_id, event)
        return
    if st.session_state.get(CONFIRM_DELETE_KEY):
        confirm_delete_event(job_id, event)
        return
    fields = event_changes(event)
    changes, preview = None, None
    try:
        changes = EventPatch.model_validate(fields)
        with session() as s:
            preview = tracking.preview_event_update(s, job_id, event.id, changes)
    except InvalidInput as exc:
        st.error(inert(exc.message), icon=":material/error:")
    else:
        st.caption(f"After saving, the job stands in {inert(where_after(preview))}.")
    save, remove, cancel = st.columns(3)
    if save.button("Save", type="primary", icon=":material/save:", key="edit-save"):
        if preview is not None and preview.moves_back:
            st.session_state[CONFIRM_BACK_KEY] = (changes, preview)
            st.rerun()
        if changes is not None:
            save_event(job_id, event, changes)
    if remove.button("Delete", icon=":material/delete:", key="edit-delete"):
        st.session_state[CONFIRM_DELETE_KEY] = True
        st.rerun()
    if cancel.button("Cancel", key="edit-cancel"):
        close_edit()
        st.rerun()


def event_card(event: EventOut) -> None:
    """One event: its title, stage and kind, when and by whom, its note, and an edit button."""
    actor = "You" if (event.metadata.actor or "user") == "user" else "JobOps, from email"
    with st.container(border=True):
        left, right = st.columns([6, 1])
        stage = stage_label(event.to_stage)
        if event.outcome:
            stage = f"{stage}: {stage_label(event.outcome)}"
        kind = EVENT_TYPE_LABELS.get(event.metadata.event_type or "", "Event")
        left.markdown(f"**{inert(event.title)}**  \n:gray-badge[{inert(stage)}] :gray-badge[{kind}]")
        left.caption(f"{local_datetime(event.occurred_at)} · {relative_time(event.occurred_at)} · by {actor}")
        if event.metadata.reason_code == tracking.APPLIED_MOVED:
            left.caption(
                f"Applied date moved to {local_date(event.occurred_at)}: older mail or events "
                "were linked to this job."
            )
        if event.metadata.note:
            left.text(event.metadata.note)
        if right.button("Edit", key=f"edit-{event.id}", icon=":material/edit:"):
            st.session_state[EDIT_KEY] = event.id


def timeline(job_id: str, events: list[EventOut]) -> None:
    """The events, oldest or newest first, each with who logged it and an edit button."""
    newest_first = st.toggle("Newest first", value=True, key="timeline-order")
    ordered = events[::-1] if newest_first else events
    if not ordered:
        st.info("No events yet. Log the first one below.", icon=":material/info:")
    for event in ordered:
        event_card(event)
    editing = st.session_state.get(EDIT_KEY)
    match = next((e for e in events if e.id == editing), None)
    if match:
        edit_dialog(job_id, match)


def log_form(job: JobOut) -> None:
    """Log a stage change, an interview or a note; closing needs an outcome and may give a reason."""
    st.subheader("Log what happened", anchor=False)
    form = st.session_state.setdefault(LOG_FORM_KEY, 0)
    if st.session_state.pop(LOG_RESET_KEY, False):  # logged: start again from a note, happening now
        st.session_state["log-stage"], st.session_state["log-earlier"] = NO_CHANGE, False
    targets = [NO_CHANGE, *STAGES]
    pick, when_col = st.columns([2, 1], vertical_alignment="bottom")
    stage = pick.selectbox(
        "Stage",
        targets,
        index=0,
        key="log-stage",
        format_func=lambda s: "No change (note or interview log)" if s == NO_CHANGE else stage_label(s),
    )
    earlier = when_col.toggle("It happened earlier", key="log-earlier", help="Off: logged as happening now.")
    closing = stage == CLOSED
    with st.form(f"log-event-{form}"):
        left, middle, right = st.columns(3)
        day, at = date.today(), datetime.now().time()
        if earlier:
            day = left.date_input("Date", value=date.today(), max_value=date.today())
            at = middle.time_input("Time", value=time(9, 0))
        kind = (right if earlier else left).selectbox(
            "Type",
            EVENT_TYPES,
            format_func=EVENT_TYPE_LABELS.get,
            index=EVENT_TYPES.index("note" if stage == NO_CHANGE else "status_update"),
        )
        outcome = None
        if closing:
            outcome = st.selectbox(
                "Outcome", OUTCOMES, index=None, format_func=stage_label, placeholder="How did it end?"
            )
        label = st.text_input("Label", placeholder="Optional: e.g. Call with Anna from recruiting")
        note = st.text_area(
            "Reason" if closing else "Note",
            placeholder="Optional: why it ended, what they said"
            if closing
            else "What was said, who you met, what comes next",
        )
        submitted = st.form_submit_button("Log event", type="primary", icon=":material/add:")
    if not submitted:
        return
    if closing and outcome is None:
        st.error("Choose how it ended (the outcome) to close the job.", icon=":material/error:")
        return

    def log(s: Session) -> LoggedEvent:
        metadata = EventMetadata(
            actor="user",
            event_type=kind,
            event_label=label.strip() or None,
            note=note if note.strip() else None,
        )
        when = at_local_time(day, at) if earlier else None
        change = StageChange(to_stage=stage, occurred_at=when, metadata=metadata, outcome=outcome)
        return tracking.transition_stage(s, job.id, change)

    logged = attempt(log)
    if logged:
        flash(with_moved_notice(f"Logged: {logged.title}", logged))
        st.session_state[LOG_FORM_KEY] = form + 1
        st.session_state[LOG_RESET_KEY] = True
        st.rerun()
