"""Settings & backup: restore a file with a report, refuse a bad one, show where data lives."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.testing.v1 import AppTest

from jobops.backup import export_backup
from jobops.db import session_scope
from jobops.models import Job
from tests.builders import add_job

PAGE = str(Path(__file__).resolve().parents[2] / "pages" / "settings.py")


def open_page() -> AppTest:
    at = AppTest.from_file(PAGE, default_timeout=60)
    at.run()
    assert not at.exception, at.exception
    return at


def preview(at: AppTest, content: bytes, mode: str = "merge") -> AppTest:
    at.file_uploader(key="settings-upload").upload("backup.json", content, "application/json")
    at.radio(key="settings-restore-mode").set_value(mode)
    at.run()
    at.button(key="settings-preview").click().run()
    assert not at.exception, at.exception
    return at


def restore(at: AppTest, content: bytes, mode: str = "merge") -> AppTest:
    at = preview(at, content, mode)
    if any(b.key == "settings-restore" for b in at.button):
        at.button(key="settings-restore").click().run()
    assert not at.exception, at.exception
    return at


def jobs_stored(engine: Engine) -> int:
    with session_scope(engine) as session:
        return session.scalar(select(func.count()).select_from(Job))


@pytest.fixture
def backup_bytes(engine: Engine) -> bytes:
    """A backup of two jobs, taken before the database is emptied."""
    with session_scope(engine) as session:
        add_job(session, **{"title": "Data Engineer", "employer": "Acme"})
        add_job(session, **{"title": "Analyst", "employer": "Globex"})
        data = export_backup(session)
        for job in session.scalars(select(Job)):
            session.delete(job)
    return json.dumps(data).encode()


def test_the_page_offers_a_backup_download(engine: Engine) -> None:
    at = open_page()
    assert at.title[0].value == "Settings & backup"
    assert [b.label for b in at.download_button] == ["Download backup"]


def test_restore_waits_for_a_file(engine: Engine) -> None:
    at = open_page()
    assert at.button(key="settings-preview").disabled
    assert not [b for b in at.button if b.key == "settings-restore"]


def test_restoring_a_backup_brings_the_jobs_back_and_reports_it(engine: Engine, backup_bytes: bytes) -> None:
    at = restore(open_page(), backup_bytes)
    assert at.success[0].value.startswith("Restored: 2 jobs (2 new, 0 updated)")
    report = at.dataframe[0].value
    assert report.loc[report["Data"] == "Jobs", ["Added", "Updated", "Unchanged"]].values.tolist() == [
        [2, 0, 0]
    ]
    assert jobs_stored(engine) == 2


def test_restoring_the_same_backup_again_adds_nothing(engine: Engine, backup_bytes: bytes) -> None:
    at = restore(open_page(), backup_bytes)
    at = restore(at, backup_bytes)
    assert at.success[0].value.startswith("Restored: 2 jobs (0 new, 0 updated)")
    assert jobs_stored(engine) == 2


def test_a_file_that_is_not_json_shows_an_error_and_changes_nothing(engine: Engine) -> None:
    at = restore(open_page(), b"\x89PNG not a backup")
    assert "not UTF-8" in at.error[0].value
    assert not at.success and jobs_stored(engine) == 0


def test_a_malformed_backup_shows_what_is_wrong(engine: Engine) -> None:
    at = restore(open_page(), json.dumps({"format": "jobops-backup", "version": 9}).encode())
    assert "newer JobOps" in at.error[0].value


def test_the_page_shows_where_data_is_stored_without_a_password(
    engine: Engine, app_env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    at = open_page()
    texts = [t.value for t in at.text]
    assert f"Database: sqlite:///{app_env}/jobops.db" in texts
    assert f"Data folder: {app_env}" in texts
    monkeypatch.setenv("JOBOPS_DATABASE_URL", "postgresql+psycopg://me:hunter2@db.local/jobops")
    at.run()
    assert "Database: postgresql+psycopg://me:***@db.local/jobops" in [t.value for t in at.text]


def test_the_page_shows_what_a_restore_would_change_before_writing_anything(
    engine: Engine, backup_bytes: bytes
) -> None:
    at = preview(open_page(), backup_bytes)

    assert at.info[0].value.startswith(
        "Nothing has changed yet. Merge into what is here would give: 2 jobs (2 new"
    )
    table = at.dataframe[0].value
    assert table.loc[table["Data"] == "Jobs", ["Added", "Removed"]].values.tolist() == [[2, 0]]
    assert jobs_stored(engine) == 0
    assert at.button(key="settings-restore").label == "Merge this backup"


def test_replacing_everything_says_what_it_removes_then_removes_it(
    engine: Engine, backup_bytes: bytes
) -> None:
    with session_scope(engine) as session:
        add_job(session, **{"title": "Only here", "employer": "Initech"})
    at = preview(open_page(), backup_bytes, mode="replace")
    table = at.dataframe[0].value
    assert table.loc[table["Data"] == "Jobs", ["Added", "Removed"]].values.tolist() == [[2, 1]]
    assert jobs_stored(engine) == 1

    at.button(key="settings-restore").click().run()

    assert not at.exception, at.exception
    assert at.success[0].value.startswith("Restored: 2 jobs (2 new, 0 updated, 1 removed)")
    with session_scope(engine) as session:
        assert sorted(session.scalars(select(Job.employer))) == ["Acme", "Globex"]


def test_changing_the_mode_after_a_preview_asks_for_a_new_one(engine: Engine, backup_bytes: bytes) -> None:
    at = preview(open_page(), backup_bytes)
    at.radio(key="settings-restore-mode").set_value("replace").run()
    assert not [b for b in at.button if b.key == "settings-restore"]
    assert jobs_stored(engine) == 0


def test_a_backup_download_from_a_tab_drawn_before_a_password_change_is_refused(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    downloads = []
    original = MediaFileManager.add_deferred

    def recording(self, data_callable, *args, **kwargs):
        downloads.append(data_callable)
        return original(self, data_callable, *args, **kwargs)

    monkeypatch.setattr(MediaFileManager, "add_deferred", recording)
    monkeypatch.setenv("JOBOPS_PASSWORD", "open sesame")
    open_page()
    [make_backup] = downloads
    assert json.loads(make_backup())["format"] == "jobops-backup"

    monkeypatch.setenv("JOBOPS_PASSWORD", "a new passphrase")

    with pytest.raises(PermissionError):
        make_backup()


APP = str(Path(__file__).resolve().parents[2] / "app.py")
THEME_OPTIONS = ("theme.base", "theme.light.primaryColor", "theme.dark.primaryColor")


@pytest.fixture
def theme_options() -> Iterator[None]:
    """Theme options are the server's: put back what a test changed."""
    from streamlit import config

    saved = {name: config.get_option(name) for name in THEME_OPTIONS}
    yield
    for name, value in saved.items():
        config.set_option(name, value)


def open_settings_in_app() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    at.switch_page("pages/settings.py")
    at.run()
    assert not at.exception, at.exception
    return at


def test_the_theme_follows_the_system_until_one_is_chosen(app_env: Path, theme_options: None) -> None:
    from streamlit import config

    at = open_settings_in_app()

    assert at.radio(key="settings-theme").value == "system"
    assert config.get_option("theme.base") is None
    assert config.get_option("theme.dark.primaryColor") == config.get_option("theme.primaryColor")


def test_choosing_dark_draws_dark_and_is_remembered_on_the_next_visit(
    app_env: Path, theme_options: None
) -> None:
    from streamlit import config

    at = open_settings_in_app()
    at.radio(key="settings-theme").set_value("dark").run()

    assert not at.exception, at.exception
    assert [t.value for t in at.toast] == ["Theme: Dark. JobOps remembers it for every visit."]
    assert (config.get_option("theme.base"), config.get_option("theme.dark.primaryColor")) == ("dark", None)
    config.set_option("theme.base", None)  # as a restarted server would start
    again = open_settings_in_app()
    assert again.radio(key="settings-theme").value == "dark"
    assert config.get_option("theme.base") == "dark"


def test_going_back_to_the_system_theme_drops_the_fixed_one(app_env: Path, theme_options: None) -> None:
    from streamlit import config

    at = open_settings_in_app()
    at.radio(key="settings-theme").set_value("light").run()
    at.radio(key="settings-theme").set_value("system").run()

    assert config.get_option("theme.base") is None
    assert open_settings_in_app().radio(key="settings-theme").value == "system"


def test_an_unknown_theme_is_refused_and_a_damaged_choice_is_ignored(app_env: Path) -> None:
    from jobops.dashboard import theme
    from jobops.errors import InvalidInput

    with pytest.raises(InvalidInput):
        theme.choose_theme("neon")
    (app_env / theme.THEME_FILE).write_text("{not json")
    assert theme.chosen_theme() is None
