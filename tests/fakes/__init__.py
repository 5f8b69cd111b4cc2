"""Stand-ins the tests run the real libraries against: Google (OAuth and Gmail), an IMAP server, a held write lock."""
