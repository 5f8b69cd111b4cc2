"""JobOps: the dashboard and its REST API, served by one process (`streamlit run app.py`)."""

import streamlit as st

from jobops.api import routes
from jobops.dashboard.gate import require_access
from jobops.dashboard.page import session
from jobops.dashboard.server import lifespan, log_script_error, middleware
from jobops.dashboard.theme import apply_theme, chosen_theme
from jobops.inbox_lists import pending_count

app = st.App(
    "app.py", routes=routes(), middleware=middleware(), lifespan=lifespan, on_script_error=log_script_error
)


def navigation() -> None:
    """The menu: tracking first, then mail, then insights."""
    apply_theme(chosen_theme())
    st.set_page_config(page_title="JobOps", page_icon=":material/work_history:", layout="wide")
    require_access()
    with session() as s:
        waiting = pending_count(s)
    inbox_title = f"Tracking Inbox ({waiting})" if waiting else "Tracking Inbox"
    pages = {
        "Track": [
            st.Page("pages/board.py", title="In Progress Board", icon=":material/view_kanban:", default=True),
            st.Page("pages/jobs.py", title="Jobs", icon=":material/work:", url_path="jobs"),
            st.Page(
                "pages/job_detail.py",
                title="Job",
                icon=":material/timeline:",
                url_path="job",
                visibility="hidden",
            ),
        ],
        "Mail": [
            st.Page("pages/inbox.py", title=inbox_title, icon=":material/inbox:", url_path="inbox"),
            st.Page("pages/mail.py", title="Mail", icon=":material/mail:", url_path="mail"),
        ],
        "Insights": [
            st.Page("pages/insights.py", title="Insights", icon=":material/insights:", url_path="insights"),
        ],
        "Settings": [
            st.Page(
                "pages/settings.py",
                title="Settings & backup",
                icon=":material/settings:",
                url_path="settings",
            ),
        ],
    }
    st.navigation(pages).run()


if __name__ == "__main__":
    navigation()
