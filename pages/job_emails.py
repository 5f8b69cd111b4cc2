"""The job page's Emails tab: mail linked to the job, as a table and then each message as plain text."""

import pandas as pd
import streamlit as st

from jobops import inbox_undo
from jobops.dashboard.page import attempt, flash
from jobops.escape import inert
from jobops.humanize import local_date, local_datetime
from jobops.schemas.inbox import InboxMessage, JobEmail
from jobops.schemas.undo import LINK, UndoRequest


def email_list(items: list[JobEmail]) -> None:
    """Mail linked to this job: a summary table, then each message's text, why it was linked and what it logged."""
    if not items:
        st.info(
            "No email is linked to this job yet. Approve messages in the Tracking Inbox or sync your mail.",
            icon=":material/mail:",
        )
        return
    email_table(items)
    for item in items:
        email_details(item)


def sender_of(message: InboxMessage) -> str:
    """The sender as the user knows them."""
    return message.sender_name or message.from_address


def logged_as(item: JobEmail) -> str:
    """The timeline event a message created, or why there is none."""
    event = item.event
    return f"{event.title} ({local_date(event.occurred_at)})" if event else "Linked only: no event"


def email_table(items: list[JobEmail]) -> None:
    """One row a message; the link column only when some message has a source to open."""
    rows = pd.DataFrame(
        {
            "Received": [local_datetime(i.message.received_at) for i in items],
            "From": [sender_of(i.message) for i in items],
            "Subject": [i.message.subject for i in items],
            "Linked": [
                "automatically" if i.message.processing_status == "auto_linked" else "by you" for i in items
            ],
            "Confidence": [i.message.match_confidence or 0 for i in items],
            "Logged as": [logged_as(i) for i in items],
        }
    )
    if any(i.source_url for i in items):
        rows["Open"] = [i.source_url for i in items]
    st.dataframe(
        rows,
        hide_index=True,
        width="stretch",
        column_config={
            "Confidence": st.column_config.ProgressColumn(min_value=0, max_value=100, format="%d%%"),
            "Open": st.column_config.LinkColumn(display_text="Open in Gmail"),
            "Subject": st.column_config.TextColumn(width="large"),
        },
    )


def email_details(item: JobEmail) -> None:
    """One message read in full, as plain text."""
    message = item.message
    label = f"{message.subject or '(no subject)'} · {sender_of(message)}"
    with st.expander(inert(label), icon=":material/mail:"):
        st.text(
            f"From: {message.sender_name} <{message.from_address}>"
            if message.sender_name
            else f"From: {message.from_address}"
        )
        st.text(f"Received: {local_datetime(message.received_at)} · {item.account_display_name}")
        if message.reason:
            st.text(f"Why: {message.reason}")
        st.text(f"Logged as: {logged_as(item)}")
        st.text(item.body_text or "(no text)")
        if item.source_url:
            st.link_button("Open in Gmail", item.source_url, icon=":material/open_in_new:")
        unlink_button(message)


def unlink_button(message: InboxMessage) -> None:
    """Take the link back: the mail waits in the Tracking Inbox again and what it logged leaves the timeline."""
    label = "Undo link" if message.processing_status == "auto_linked" else "Unlink"
    if not st.button(label, icon=":material/link_off:", key=f"unlink-{message.id}"):
        return
    request = UndoRequest(
        provider=message.provider,
        account_key=message.account_key,
        decision=LINK,
        job_id=message.matched_job_id,
    )
    undone = attempt(lambda s: inbox_undo.undo_decision(s, message.id, request))
    if undone:
        removed = (
            f" Removed from the timeline: {', '.join(undone.removed_events)}."
            if undone.removed_events
            else ""
        )
        left = undone.applied_date_left_at
        kept = (
            f" The applied date stays {local_date(left)}: edit the Applied event to change it."
            if left
            else ""
        )
        flash(
            f"Unlinked: the mail waits in the Tracking Inbox again.{removed}{kept}",
            icon=":material/link_off:",
        )
        st.rerun()
