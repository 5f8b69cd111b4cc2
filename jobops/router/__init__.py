"""The smart router: relevance, job match, stage and confidence for synced mail, as pure functions."""

from jobops.router.facts import Decision, JobFacts, MailFacts, RouterMemory
from jobops.router.routing import Router, route_message

__all__ = ["Decision", "JobFacts", "MailFacts", "Router", "RouterMemory", "route_message"]
