"""Settings & backup: download everything, restore a backup, and see where the data lives."""

from datetime import date
from typing import Any

import pandas as pd
import streamlit as st

from jobops import backup
from jobops.config import load_settings
from jobops.dashboard import theme
from jobops.dashboard.page import attempt, flash, guarded, show_flash
from jobops.db import get_engine, read_session_scope
from jobops.errors import JobOpsError
from jobops.escape import inert

REPORT_KEY = "settings-restore-report"
PREVIEW_KEY = "settings-restore-preview"
THEME_CHANGED_KEY = "settings-theme-changed"
MODE_LABELS = {backup.MERGE: "Merge into what is here", backup.REPLACE: "Replace everything"}
CONFIRM_LABELS = {backup.MERGE: "Merge this backup", backup.REPLACE: "Replace everything with this backup"}

show_flash()
st.title("Settings & backup")
settings = load_settings()


def backup_file_for(password: str | None) -> Any:
    """The backup download, made when clicked; refused if the password changed since the page was drawn.

    Streamlit runs it outside any script run, so the gate cannot: a tab left open across a password
    change would otherwise still download everything.
    """

    def backup_file() -> bytes:
        if load_settings().password != password:
            raise PermissionError("The dashboard password changed: reload the page and sign in again.")
        with read_session_scope(get_engine()) as s:
            return backup.to_bytes(backup.export_backup(s))

    return backup_file


def report_table(report: dict[str, dict[str, int]]) -> None:
    """Rows added, updated, unchanged, removed and left out, per kind of data."""
    rows = [
        {"Data": section.label.capitalize(), **{k.capitalize(): v for k, v in report[section.name].items()}}
        for section in backup.SECTIONS
    ]
    st.dataframe(pd.DataFrame(rows), hide_index=True)


def read_upload(upload: Any) -> Any:
    """The backup document in the uploaded file, or None after showing why it cannot be read."""
    try:
        return backup.from_bytes(upload.getvalue())
    except JobOpsError as exc:
        st.error(inert(exc.message), icon=":material/error:")
        return None


st.subheader("Back up")
st.caption(
    "One JSON file with every job, stage event, note, synced message and decision. "
    "It never holds mail passwords or tokens: after a restore on another machine, connect Gmail again."
)
st.download_button(
    "Download backup",
    data=backup_file_for(settings.password),
    file_name=f"jobops-backup-{date.today()}.json",
    mime="application/json",
    icon=":material/download:",
    on_click="ignore",
    key="settings-download",
)

st.subheader("Restore")
st.caption(
    "See what a backup would change before anything is written. Merging updates the rows that are here "
    "and adds the rest; replacing also removes what the backup does not hold. Mail connections and a "
    "sync in progress are always kept, and a damaged file changes nothing."
)
upload = st.file_uploader("Backup file", type=["json"], key="settings-upload")
mode = st.radio(
    "How to restore", backup.MODES, format_func=MODE_LABELS.get, horizontal=True, key="settings-restore-mode"
)
if st.button(
    "Show what will change", icon=":material/preview:", disabled=upload is None, key="settings-preview"
):
    st.session_state.pop(REPORT_KEY, None)
    st.session_state.pop(PREVIEW_KEY, None)
    data = read_upload(upload)
    if data is not None:
        preview = attempt(lambda s: backup.preview_backup(s, data, mode))
        if preview is not None:
            st.session_state[PREVIEW_KEY] = (upload.file_id, mode, preview)

pending = st.session_state.get(PREVIEW_KEY)
if pending and upload is not None and pending[:2] == (upload.file_id, mode):
    st.info(
        f"Nothing has changed yet. {MODE_LABELS[mode]} would give: {backup.describe_report(pending[2])}.",
        icon=":material/preview:",
    )
    report_table(pending[2])
    if st.button(CONFIRM_LABELS[mode], icon=":material/restore:", type="primary", key="settings-restore"):
        data = read_upload(upload)
        if data is not None:
            st.session_state.pop(PREVIEW_KEY, None)
            st.session_state[REPORT_KEY] = attempt(lambda s: backup.import_backup(s, data, mode))
            st.rerun()

report = st.session_state.get(REPORT_KEY)
if report:
    st.success(f"Restored: {backup.describe_report(report)}.", icon=":material/check_circle:")
    report_table(report)

st.subheader("Appearance")


@guarded
def save_theme() -> None:
    """Remember the theme just chosen and draw the next run in it."""
    choice = st.session_state["settings-theme"]
    theme.apply_theme(theme.choose_theme(choice))
    flash(f"Theme: {theme.LABELS[choice]}. JobOps remembers it for every visit.")
    st.session_state[THEME_CHANGED_KEY] = True


st.radio(
    "Theme",
    theme.THEMES,
    index=theme.THEMES.index(theme.chosen_theme(settings) or theme.SYSTEM),
    format_func=theme.LABELS.get,
    horizontal=True,
    key="settings-theme",
    on_change=save_theme,
)
if st.session_state.pop(THEME_CHANGED_KEY, False):
    st.rerun()  # this run started in the old theme: the next one carries the new one to the browser

st.subheader("Where your data is")
st.text(f"Database: {backup.database_location(settings.database_url)}")
st.text(f"Data folder: {settings.data_dir}")
