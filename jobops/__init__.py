"""JobOps: follow every job application after you press apply."""

__version__ = "0.1.0"
