"""Gmail: OAuth connection, the API client, message parsing and sync runs."""

PROVIDER = "gmail"
