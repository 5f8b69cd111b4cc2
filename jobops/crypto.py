"""Encryption of stored credentials with a key from JOBOPS_SECRET_KEY or a private key file."""

from __future__ import annotations

import base64
import hashlib
import os
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken

from jobops.config import Settings, load_settings

KEY_FILE_NAME = "secret.key"


class UnreadableSecret(Exception):
    """Stored ciphertext that the current key cannot open (the key changed or the data is damaged)."""


def key_from_passphrase(passphrase: str) -> bytes:
    """A Fernet key derived from any string, so a user can set a memorable JOBOPS_SECRET_KEY."""
    return base64.urlsafe_b64encode(hashlib.sha256(passphrase.encode("utf-8")).digest())


def _key_file(path: Path) -> bytes:
    """Read the key file, creating it readable by its owner only on first use."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return path.read_bytes().strip()
    key = Fernet.generate_key()
    with os.fdopen(fd, "wb") as fh:
        fh.write(key)
    return key


def fernet(settings: Settings | None = None) -> Fernet:
    """The cipher for stored secrets under the configured key."""
    settings = settings or load_settings()
    if settings.secret_key:
        return Fernet(key_from_passphrase(settings.secret_key))
    return Fernet(_key_file(settings.data_dir / KEY_FILE_NAME))


def encrypt(plaintext: str, settings: Settings | None = None) -> str:
    """Encrypt text for storage."""
    return fernet(settings).encrypt(plaintext.encode("utf-8")).decode("ascii")


def decrypt(ciphertext: str, settings: Settings | None = None) -> str:
    """Decrypt stored text; raises UnreadableSecret when the key does not fit."""
    try:
        return fernet(settings).decrypt(ciphertext.encode("ascii")).decode("utf-8")
    except (InvalidToken, ValueError) as exc:
        raise UnreadableSecret("stored secret cannot be decrypted with the current key") from exc
