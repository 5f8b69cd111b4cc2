"""Settings & backup: download everything, restore a backup, and see where the data lives."""

from datetime import date

import pandas as pd
import streamlit as st

from jobops import backup
from jobops.config import load_settings
from jobops.db import get_engine, read_session_scope
from jobops.errors import JobOpsError
from jobops.escape import inert
from jobops.ui import attempt

REPORT_KEY = "settings-restore-report"

st.title("Settings & backup")
settings = load_settings()


def backup_file() -> bytes:
    """Made when the button is clicked, not on every rerun: it holds every message."""
    with read_session_scope(get_engine()) as s:
        return backup.to_bytes(backup.export_backup(s))


st.subheader("Back up")
st.caption(
    "One JSON file with every job, stage event, note, synced message and decision. "
    "It never holds mail passwords or tokens: after a restore on another machine, connect Gmail again."
)
st.download_button(
    "Download backup",
    data=backup_file,
    file_name=f"jobops-backup-{date.today()}.json",
    mime="application/json",
    icon=":material/download:",
    on_click="ignore",
    key="settings-download",
)

st.subheader("Restore")
st.caption("Rows already here are updated from the file, none is duplicated. A damaged file changes nothing.")
upload = st.file_uploader("Backup file", type=["json"], key="settings-upload")
if st.button("Restore", icon=":material/restore:", disabled=upload is None, key="settings-restore"):
    st.session_state.pop(REPORT_KEY, None)
    try:
        data = backup.from_bytes(upload.getvalue())
    except JobOpsError as exc:
        st.error(inert(exc.message), icon=":material/error:")
    else:
        st.session_state[REPORT_KEY] = attempt(lambda s: backup.import_backup(s, data))

report = st.session_state.get(REPORT_KEY)
if report:
    st.success(f"Restored: {backup.describe_report(report)}.", icon=":material/check_circle:")
    st.dataframe(
        pd.DataFrame(
            [
                {
                    "Data": section.label.capitalize(),
                    **{k.capitalize(): v for k, v in report[section.name].items()},
                }
                for section in backup.SECTIONS
            ]
        ),
        hide_index=True,
    )

st.subheader("Where your data is")
st.text(f"Database: {backup.database_location(settings.database_url)}")
st.text(f"Data folder: {settings.data_dir}")
