"""Settings from the environment and `.streamlit/secrets.toml`, read in one place."""

from __future__ import annotations

import json
import os
import tomllib
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import urlparse

PROJECT_ROOT = Path(__file__).resolve().parent.parent

GOOGLE_AUTH_URI = "https://accounts.google.com/o/oauth2/auth"
GOOGLE_TOKEN_URI = "https://oauth2.googleapis.com/token"
GOOGLE_API_ENDPOINT = "https://gmail.googleapis.com"
GOOGLE_REVOKE_URI = "https://oauth2.googleapis.com/revoke"
GMAIL_CALLBACK_PATH = "/oauth/gmail/callback"
DEFAULT_REDIRECT_URI = f"http://localhost:3001{GMAIL_CALLBACK_PATH}"
# The OAuth client uploaded on the Mail page, in the data folder: its secret is encrypted like tokens are.
GMAIL_CLIENT_FILE = "gmail-client.json"


@dataclass(frozen=True)
class Settings:
    data_dir: Path
    database_url: str
    secret_key: str | None
    gmail_client_id: str | None
    gmail_client_secret: str | None
    gmail_redirect_uri: str
    gmail_auth_uri: str
    gmail_token_uri: str
    gmail_api_endpoint: str
    gmail_revoke_uri: str
    sync_interval_minutes: int
    password: str | None
    api_token: str | None
    # Names besides localhost and IP literals under which browsers may reach this app.
    allowed_hosts: frozenset[str] = frozenset()
    time_zone: str | None = None  # an IANA name such as Europe/Paris; None means the machine's zone

    @property
    def gmail_configured(self) -> bool:
        """True when OAuth client credentials are set."""
        return bool(self.gmail_client_id and self.gmail_client_secret)

    @property
    def gmail_endpoints_are_loopback(self) -> bool:
        """True when every Google endpoint is on this machine (a local fake or proxy)."""
        uris = (self.gmail_auth_uri, self.gmail_token_uri, self.gmail_api_endpoint)
        return all(urlparse(u).hostname in {"localhost", "127.0.0.1", "::1"} for u in uris)


def _secrets_file() -> dict[str, object]:
    """Flat top-level values of `.streamlit/secrets.toml`, if the file exists and parses."""
    path = Path(os.environ.get("JOBOPS_SECRETS_FILE", PROJECT_ROOT / ".streamlit" / "secrets.toml"))
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError):
        return {}


def _host_of(address: str | None) -> str | None:
    """The lower-case host name of a URL or of `name[:port]` (None when there is none or it is malformed)."""
    if not address:
        return None
    try:
        host = urlparse(address if "//" in address else f"//{address}").hostname
    except ValueError:
        return None
    return (host or "").rstrip(".") or None


def _named_hosts(configured: str | None, secrets: dict[str, object], *uris: str | None) -> frozenset[str]:
    """JOBOPS_ALLOWED_HOSTS plus the hosts of this app's own redirect URIs (Gmail's and st.login's)."""
    auth = secrets.get("auth")
    login_uri = auth.get("redirect_uri") if isinstance(auth, dict) else None
    addresses = [*(configured or "").replace(",", " ").split(), *uris]
    addresses.append(login_uri if isinstance(login_uri, str) else None)
    return frozenset(host for host in map(_host_of, addresses) if host)


def normalise_database_url(url: str) -> str:
    """Accept the `postgres://` spelling that hosting providers hand out."""
    if url.startswith("postgres://"):
        return "postgresql+psycopg://" + url[len("postgres://") :]
    return url


def load_settings() -> Settings:
    """Read the settings now (environment first, then secrets.toml, then defaults)."""
    secrets = _secrets_file()

    def get(name: str, default: str | None = None) -> str | None:
        value = os.environ.get(name)
        if value is None:
            raw = secrets.get(name)
            value = str(raw) if raw is not None else None
        return value if value not in (None, "") else default

    data_dir = Path(get("JOBOPS_DATA_DIR", str(PROJECT_ROOT / "data")) or "data").expanduser()
    database_url = get("JOBOPS_DATABASE_URL") or f"sqlite:///{data_dir / 'jobops.db'}"
    api_endpoint = (get("GMAIL_API_ENDPOINT", GOOGLE_API_ENDPOINT) or GOOGLE_API_ENDPOINT).rstrip("/")
    token_uri = get("GMAIL_OAUTH_TOKEN_URI", GOOGLE_TOKEN_URI) or GOOGLE_TOKEN_URI
    default_revoke = (
        GOOGLE_REVOKE_URI if token_uri == GOOGLE_TOKEN_URI else token_uri.rsplit("/", 1)[0] + "/revoke"
    )
    try:
        interval = int(get("JOBOPS_SYNC_INTERVAL_MINUTES", "0") or 0)
    except ValueError:
        interval = 0
    redirect_uri = get("GMAIL_OAUTH_REDIRECT_URI", DEFAULT_REDIRECT_URI) or ""
    settings = Settings(
        data_dir=data_dir,
        database_url=normalise_database_url(database_url),
        secret_key=get("JOBOPS_SECRET_KEY"),
        gmail_client_id=get("GMAIL_OAUTH_CLIENT_ID"),
        gmail_client_secret=get("GMAIL_OAUTH_CLIENT_SECRET"),
        gmail_redirect_uri=redirect_uri,
        gmail_auth_uri=get("GMAIL_OAUTH_AUTH_URI", GOOGLE_AUTH_URI) or GOOGLE_AUTH_URI,
        gmail_token_uri=token_uri,
        gmail_api_endpoint=api_endpoint,
        gmail_revoke_uri=get("GMAIL_OAUTH_REVOKE_URI", default_revoke) or default_revoke,
        sync_interval_minutes=max(0, interval),
        password=get("JOBOPS_PASSWORD"),
        api_token=get("JOBOPS_API_TOKEN"),
        allowed_hosts=_named_hosts(get("JOBOPS_ALLOWED_HOSTS"), secrets, redirect_uri),
        time_zone=get("JOBOPS_TIMEZONE"),
    )
    return (
        settings
        if settings.gmail_configured
        else _with_stored_gmail_client(settings, get("GMAIL_OAUTH_REDIRECT_URI"))
    )


def _with_stored_gmail_client(settings: Settings, configured_redirect: str | None) -> Settings:
    """The settings with the OAuth client uploaded on the Mail page, when there is one the key can open."""
    from jobops.crypto import UnreadableSecret, decrypt  # crypto reads its key through these settings

    try:
        stored = json.loads((settings.data_dir / GMAIL_CLIENT_FILE).read_text(encoding="utf-8"))
        client_id, redirect = str(stored["clientId"]), configured_redirect or str(stored["redirectUri"])
        secret = decrypt(str(stored["clientSecret"]), settings)
    except (OSError, ValueError, KeyError, TypeError, UnreadableSecret):
        return settings
    hosts = settings.allowed_hosts | {h for h in (_host_of(redirect),) if h}
    return replace(
        settings,
        gmail_client_id=client_id,
        gmail_client_secret=secret,
        gmail_redirect_uri=redirect,
        allowed_hosts=frozenset(hosts),
    )
