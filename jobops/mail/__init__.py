"""What every mail provider shares: accounts, sync runs, message storage and mail text."""
