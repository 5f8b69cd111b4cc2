"""Stored secrets are encrypted under JOBOPS_SECRET_KEY or a private key file."""

from __future__ import annotations

import dataclasses
import stat
from pathlib import Path

import pytest

from jobops.config import Settings, load_settings
from jobops.crypto import KEY_FILE_NAME, UnreadableSecret, decrypt, encrypt


def settings_for(tmp_path: Path, secret_key: str | None) -> Settings:
    return dataclasses.replace(load_settings(), data_dir=tmp_path, secret_key=secret_key)


def test_text_encrypted_with_a_passphrase_decrypts_and_hides_the_plaintext(tmp_path: Path) -> None:
    settings = settings_for(tmp_path, "correct horse battery staple")
    sealed = encrypt('{"refresh_token": "1//secret"}', settings)
    assert "1//secret" not in sealed
    assert decrypt(sealed, settings) == '{"refresh_token": "1//secret"}'
    assert not (tmp_path / KEY_FILE_NAME).exists()


def test_without_a_passphrase_a_private_key_file_is_created_once_and_reused(tmp_path: Path) -> None:
    settings = settings_for(tmp_path, None)
    sealed = encrypt("token", settings)
    key_file = tmp_path / KEY_FILE_NAME
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    first_key = key_file.read_bytes()
    assert decrypt(sealed, settings) == "token"
    encrypt("again", settings)
    assert key_file.read_bytes() == first_key


def test_a_different_key_cannot_read_stored_secrets(tmp_path: Path) -> None:
    sealed = encrypt("token", settings_for(tmp_path, "one key"))
    with pytest.raises(UnreadableSecret):
        decrypt(sealed, settings_for(tmp_path, "another key"))
