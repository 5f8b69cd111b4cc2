"""A first guess at the job an orphan mail is about: the employer from its sender, the title from its subject."""

from __future__ import annotations

import re
from typing import Final

from jobops.router.senders import FREE_MAIL, JOB_BOARD, PLATFORM_KINDS, domain_labels, sender_kind

# Words that name the team writing rather than the organisation: "Acme Talent Team" -> "Acme".
_TEAM_WORDS: Final = re.compile(
    r"\s*(?:[-|,·•@]|\bvia\b|\bat\b|\bfrom\b)?\s*\b(?:talent(?:\s+acquisition)?|recruiting|recruitment|recruiters?|"
    r"careers?|hiring(?:\s+team)?|hr|people(?:\s+team)?|jobs|team|no[-\s]?reply)\b.*$",
    re.IGNORECASE,
)
_PLATFORM_NAME: Final = re.compile(r"\s+(?:via|through|on)\s+.+$", re.IGNORECASE)
# "Your application for Senior Engineer at Acme", "Interview: Backend Developer (R-12)", "Applying to the X role".
_TITLE_PATTERNS: Final = (
    re.compile(
        r"\b(?:application|applying|applied|interview|candidacy|candidature)\s+(?:for|to|as)\s+(?:the\s+)?"
        r"(?:(?:role|position|job)\s+of\s+)?(?P<title>.+)",
        re.IGNORECASE,
    ),
    re.compile(
        r"^(?:re:\s*|fwd?:\s*)*(?:your\s+)?(?:application(?:\s+received)?|interview(?:\s+invitation)?|"
        r"phone\s+screen|assessment)\s*[:\-–—|]\s*(?P<title>.+)",
        re.IGNORECASE,
    ),
)
_TITLE_TAIL: Final = re.compile(
    r"(?:\s+(?:at|with|@|bei|chez)\s+.*|\s*[-–—|]\s*.*|\s*\(.*?\)\s*|\s+(?:role|position|job|opening|vacancy))+$",
    re.IGNORECASE,
)
MAX_GUESS = 120


def employer_guess(from_address: str, from_domain: str, sender_name: str) -> str:
    """The organisation behind the sender: its own domain, else the sender's display name ('' when neither says)."""
    kind = sender_kind(from_domain, from_address)
    if kind is None and from_domain:
        label = domain_labels(from_domain)[0]
        if label:
            return label.capitalize()
    if kind in PLATFORM_KINDS or kind in (FREE_MAIL, JOB_BOARD, None):
        name = _PLATFORM_NAME.sub("", sender_name or "").strip()
        name = _TEAM_WORDS.sub("", name).strip(" -|,·")
        return name[:MAX_GUESS]
    return ""


def title_guess(subject: str) -> str:
    """The job title the subject names, or '' when it names none."""
    for pattern in _TITLE_PATTERNS:
        found = pattern.search(subject or "")
        if found:
            title = _TITLE_TAIL.sub("", found.group("title")).strip(" .!:-–—\"'")
            if title and len(title) <= MAX_GUESS:
                return title
    return ""
