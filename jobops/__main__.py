"""`python -m jobops`: the command line (see jobops.cli)."""

from jobops.cli import main

raise SystemExit(main())
