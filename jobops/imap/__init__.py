"""IMAP: any mailbox reachable with a username and an app password, read with the standard library."""

PROVIDER = "imap"
