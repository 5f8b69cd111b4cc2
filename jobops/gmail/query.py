"""The Gmail search that finds recruitment mail: broad on purpose, the router decides relevance."""

from __future__ import annotations

# Words and phrases that appear in mail about an application, interview, assessment or offer.
RECRUITMENT_TERMS: tuple[str, ...] = (
    "application",
    "applied",
    "applying",
    "interview",
    "recruiter",
    "recruiting",
    "recruitment",
    "candidate",
    "candidacy",
    "hiring",
    "assessment",
    "offer",
    "position",
    "role",
    "opportunity",
    "unfortunately",
    "\"next steps\"",
    "\"thank you for your interest\"",
    "\"phone screen\"",
    "\"coding challenge\"",
    "\"take-home\"",
)

# Applicant tracking systems that send mail on an employer's behalf.
ATS_DOMAINS: tuple[str, ...] = (
    "greenhouse.io",
    "greenhouse-mail.io",
    "lever.co",
    "myworkday.com",
    "myworkdayjobs.com",
    "ashbyhq.com",
    "smartrecruiters.com",
    "icims.com",
    "jobvite.com",
    "workablemail.com",
    "bamboohr.com",
    "recruitee.com",
    "teamtailor.com",
    "successfactors.com",
    "taleo.net",
)

EXCLUSIONS = "-in:chats -in:sent -in:drafts -category:promotions"


def recruitment_query(search_days: int) -> str:
    """The search for recruitment mail received in the last `search_days` days."""
    terms = " ".join(RECRUITMENT_TERMS)
    senders = " ".join(f"from:{domain}" for domain in ATS_DOMAINS)
    return f"{{{terms} {senders}}} {EXCLUSIONS} newer_than:{search_days}d"
