"""`python -m jobops import-mail` as a user runs it: a subprocess on a temporary database."""

from __future__ import annotations

from pathlib import Path

from tests.fakes.imap import mail
from tests.test_cli import run_cli


def test_import_mail_reads_eml_files_and_a_second_run_adds_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "saved"
    folder.mkdir()
    (folder / "a.eml").write_bytes(mail(message_id="a@acme"))
    (folder / "broken.eml").write_bytes(b"no header at all\n")

    first = run_cli(tmp_path, "import-mail", str(folder))
    second = run_cli(tmp_path, "import-mail", str(folder))

    assert first.returncode == 0, first.stderr
    assert first.stdout.startswith("Read 2 messages: 1 new, 0 already imported, 1 unreadable.")
    assert second.stdout.startswith("Read 2 messages: 0 new, 1 already imported, 1 unreadable.")


def test_import_mail_of_a_missing_file_exits_2_saying_so(tmp_path: Path) -> None:
    result = run_cli(tmp_path, "import-mail", str(tmp_path / "nope.mbox"))
    assert result.returncode == 2
    assert "No such file or folder" in result.stderr
