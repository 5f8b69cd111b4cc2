"""The people who wrote about one tracked job, so that a scheduler's mail naming one as its host finds that job."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Final

from jobops.router.relevance import RECRUITING_SENDER, a_person
from jobops.router.senders import PLATFORM_KINDS, sender_kind
from jobops.router.text import fold

MIN_WORDS: Final = 2  # a full name: a first name alone ("Rachel") is shared by too many people
MIN_LETTERS: Final = 2


def full_name(sender_name: str) -> str | None:
    """A display name folded for search, when it is a person's full name (two words or more), not a team's."""
    words = re.findall(r"\w+", fold(sender_name))
    if (
        RECRUITING_SENDER.search(fold(sender_name))
        or len(words) < MIN_WORDS
        or any(len(word) < MIN_LETTERS or word.isdigit() for word in words)
    ):
        return None
    return " ".join(words)


def remember(people: dict[str, str], address: str, sender_name: str, job_id: str) -> None:
    """Note that a person at an employer (not a hiring platform) wrote mail linked to a job; a name that wrote
    about two jobs maps to "" and stands for neither."""
    name = full_name(sender_name)
    domain = address.rpartition("@")[2].lower()
    if name and sender_kind(domain, address) not in PLATFORM_KINDS and a_person(address, sender_name):
        people[name] = job_id if people.get(name, job_id) == job_id else ""


def known_people(linked: Iterable[tuple[str, str, str]]) -> dict[str, str]:
    """Folded full name -> job (or "" for two jobs), from linked mail: (address, display name, job)."""
    people: dict[str, str] = {}
    for address, sender_name, job_id in linked:
        remember(people, address, sender_name, job_id)
    return people


def named_person(text: str, people: Mapping[str, str]) -> tuple[str, str] | None:
    """The known person a folded text names (name, job), when every known person it names wrote about that one job."""
    named = {
        (name, job)
        for name, job in people.items()
        if name in text and re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text)
    }
    jobs = {job for _, job in named}
    return min(named) if len(jobs) == 1 and "" not in jobs else None
