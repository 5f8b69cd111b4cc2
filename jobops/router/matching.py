"""Which tracked job a mail points to: the employer evidence, the title, and what the user taught before."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Final

from jobops.router.employers import EmployerIndex, Wording, wording
from jobops.router.employers import words as folded_words
from jobops.router.facts import JobFacts, RouterMemory
from jobops.router.families import family_names
from jobops.router.senders import FREE_MAIL, JOB_BOARD, PLATFORM_KINDS, SCHEDULING, SIGNATURE, domain_labels
from jobops.router.text import fold
from jobops.router.titles import coverage, title_words

# How strongly each place an employer is named ties a mail to it (0..100).
DOMAIN: Final = 90  # the sender's own domain: stripe.com, mail.stripe.co.uk
# A domain that is a longer name's first word or initials (ontario.ca, kwetb.ie): more than the body naming it,
# less than a name written plainly; enough to link only with the name written out in the same mail.
DOMAIN_WORD: Final = 66
PLATFORM_NAME: Final = 90  # a hiring platform sending for it: "Stripe via Greenhouse", stripe@myworkday.com
PLATFORM_SUBJECT: Final = 88  # with the body naming it too and one job there, a clear step links
PLATFORM_BODY: Final = 78
NAME: Final = 75  # a person's display name: "Ivy at Notion"
HOST: Final = 58  # a platform's mail naming a person who wrote linked mail about one job: a suggestion only
PARTIAL: Final = 58  # a distinctive word or the acronym of a longer name: enough to suggest, never to link
SUBJECT: Final = 70
BODY: Final = 60
EXTRA_SOURCE: Final = 2  # each further place naming the same employer, up to MAX_EXTRA
MAX_EXTRA: Final = 4
COMPETING_MARGIN: Final = 10  # another employer named almost as strongly makes the match ambiguous

DECIDED: Final = 3  # the only job at the employer, or the title picks one of several
TITLE_NAMED: Final = 5
TITLE_MIN_COVERAGE: Final = 0.75
TITLE_ALONE_WORDS: Final = 4  # a whole title of this many written words suggests its job without an employer
DECISIVE_SCORE: Final = 0.5
DECISIVE_MARGIN: Final = 0.34
AMBIGUOUS_CAP: Final = 70

THREAD: Final = 96
REVIEW_THREAD: Final = 80  # earlier mail of the thread waits for review with this job suggested
SENDER_ALONE: Final = 85
SENDER_AGREES: Final = 92
SENDER_DISAGREES_CAP: Final = 80
# A staffing agency writes about many roles: without the tracked title, its mail is never linked alone.
AGENCY_CAP: Final = 90
# Employers that fill other organisations' roles: their mail may be about any of their clients' openings.
STAFFING: Final = re.compile(
    r"\b(?:recruitment|recruiting|staffing|executive search|search partners|headhunt\w*|personnel|personalvermittlung"
    r"|hays|randstad|adecco|manpower|michael page|page personnel|robert walters|robert half|kelly services|cpl"
    r"|hudson|spencer stuart|korn ferry|egon zehnder|heidrick|russell reynolds|gi group|synergie)\b|\(via |\(agency\b|[-–,(] ?client\b"
)
_LOCAL_PART: Final = re.compile(r"[._+\-]")
_ADDRESS: Final = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
MAX_GUESTS: Final = 20  # addresses of an invitation's organiser and guests looked at
# A job posting's number in its address (jcode=441903, /job/26004512, 2026EDU0391): mail that writes it is about
# that job. Five digits in a row at least, so that years and house numbers are no reference.
REFERENCE: Final = re.compile(r"^(?=\w*\d{5})\w{5,}$")


@dataclass(frozen=True)
class Evidence:
    strength: int
    reasons: tuple[str, ...]


@dataclass
class Candidate:
    job: JobFacts
    confidence: int
    reasons: list[str] = field(default_factory=list)
    group: str | None = None
    ambiguous: bool = False


class JobMatcher:
    """The active jobs indexed by employer and title, to find the job a mail is about."""

    def __init__(self, jobs: Sequence[JobFacts]) -> None:
        self.jobs = {job.id: job for job in jobs}
        self.employers = EmployerIndex(list(self.jobs.values()), family_names)
        self.titles = {job.id: title_words(job.title) for job in self.jobs.values()}
        self._agencies = {job.id for job in self.jobs.values() if STAFFING.search(fold(job.employer))}
        self._references = _references(list(self.jobs.values()))
        self._long_titled = [
            job for job in self.jobs.values() if len(folded_words(job.title)) >= TITLE_ALONE_WORDS
        ]
        self._distinct = {
            job.id: self.titles[job.id] - _shared_words([self.titles[j.id] for j in group])
            for group in self.employers.groups.values()
            for job in group
        }

    def evidence(
        self,
        sender_name: str,
        address: str,
        domain: str,
        kind: str | None,
        subject: Wording,
        body: Wording,
        role: str = "sender",
    ) -> dict[str, Evidence]:
        """Every tracked employer the mail points to, with how strongly and why (`role`: whose address it is)."""
        platform = kind in PLATFORM_KINDS
        found: dict[str, list[tuple[int, str]]] = {}

        def add(keys: set[str], strength: int, reason: str) -> None:
            for key in sorted(keys):
                found.setdefault(key, []).append((strength, reason.format(name=self.employers.names[key])))

        if not platform and kind not in (FREE_MAIL, JOB_BOARD):
            owners = self.employers.groups_for_domain(domain)
            add(owners, DOMAIN, f"{role} domain {domain} belongs to {{name}}")
            if not owners:
                add(
                    self.employers.groups_for_domain_word(domain),
                    DOMAIN_WORD,
                    f"{role} domain {domain} is the first word of {{name}}",
                )
        if platform:
            _, front = domain_labels(domain)
            labels = [*_LOCAL_PART.split(address.partition("@")[0]), *front]
            add(
                self.employers.groups_for_labels(labels),
                PLATFORM_NAME,
                f"{kind} {role} {address} is for {{name}}",
            )
        if kind == SCHEDULING:
            for organiser, keys in self.invitation_employers(body).items():
                add(keys, PLATFORM_SUBJECT, f"the invitation names {organiser} at {{name}}")
        if kind == SIGNATURE:
            for sender, keys in self.invitation_employers(body).items():
                add(keys, PLATFORM_SUBJECT, f"the document is sent by {sender} at {{name}}")
        add(
            self.employers.mentioned(wording(sender_name)),
            PLATFORM_NAME if platform else NAME,
            "sender name names {name}",
        )
        add(
            self.employers.mentioned(subject),
            PLATFORM_SUBJECT if platform else SUBJECT,
            "subject names {name}",
        )
        add(self.employers.mentioned(body), PLATFORM_BODY if platform else BODY, "body names {name}")
        texts = (wording(sender_name), subject, body)
        partly = set().union(*(self.employers.partly_mentioned(text) for text in texts))
        if partly and kind is None:  # the sender's own organisation may share a tracked employer's first word
            partly -= self.employers.namesakes_of_sender(domain, texts)
        add(partly - set(found), PARTIAL, "mail partly names {name}")
        return {key: _combine(_confirmed(items)) for key, items in found.items()}

    def invitation_employers(self, body: Wording) -> dict[str, set[str]]:
        """The organiser's and guests' addresses in a calendar invitation that belong to tracked employers."""
        addresses = sorted(set(_ADDRESS.findall(body.text.lower())))[:MAX_GUESTS]
        found = {
            address: self.employers.groups_for_domain(address.rpartition("@")[2]) for address in addresses
        }
        return {address: keys for address, keys in found.items() if keys}

    def learned_domain(
        self, evidence: dict[str, Evidence], domain: str, kind: str | None, memory: RouterMemory
    ) -> None:
        """An organisation's own domain that the user approved mail from counts as that employer's."""
        job = self.jobs.get(memory.domain_jobs.get(domain, "")) if kind is None else None
        key = self.employers.group_of(job.id) if job else None
        if key is None or key in evidence:
            return
        evidence[key] = Evidence(
            DOMAIN, (f"you approved mail from {domain} for {self.employers.names[key]}",)
        )

    def match(self, evidence: dict[str, Evidence], words: frozenset[str]) -> Candidate | None:
        """The job the employer evidence and the title point to, capped when another employer competes."""
        if not evidence:
            return None
        # Employers named as strongly rank by how many of their own name's words the mail writes.
        ranked = sorted(
            evidence.items(),
            key=lambda item: (-item[1].strength, -self.name_written(item[0], words), item[0]),
        )
        key, best = ranked[0]
        named = next((item for item in ranked[1:] if _in_subject(item[1]) and not _in_text(best)), None)
        if named:
            # A group's shared domain writing about one of its brands: the brand the subject names, for review.
            candidate = self._pick_in_group(named[0], named[1], words)
            candidate.confidence = min(candidate.confidence, AMBIGUOUS_CAP)
            candidate.reasons.append(f"though the sender's domain belongs to {self.employers.names[key]}")
            return candidate
        rivals = [rival for rival, found in ranked[1:] if found.strength >= best.strength - COMPETING_MARGIN]
        if rivals and _owns_domain(best) and all(_owns_domain(evidence[rival]) for rival in rivals):
            shared = self._pick_by_title([key, *rivals], evidence, words)
            if shared:
                return shared
        candidate = self._pick_in_group(key, best, words)
        if rivals:
            rival = self.employers.names[ranked[1][0]]
            candidate.confidence = min(candidate.confidence, AMBIGUOUS_CAP)
            candidate.reasons.append(f"also names {rival}")
        elif other := self._title_elsewhere(candidate, ranked[1:], words):
            candidate.confidence = min(candidate.confidence, AMBIGUOUS_CAP)
            candidate.reasons.append(f"but names the title of {other.title} at {other.employer}")
        return candidate

    def name_written(self, key: str, words: frozenset[str]) -> float:
        """The share of an employer's name words that a mail writes ("Banner UMC Phoenix": banner, umc, phoenix)."""
        name = set(folded_words(self.employers.names[key]))
        return len(name & words) / len(name) if name else 0.0

    def by_reference(self, candidate: Candidate | None, tokens: Sequence[str]) -> Candidate | None:
        """The job whose posting number the mail writes: it settles the job, for review when the employer the
        mail names is another one."""
        found = {self._references[token] for token in tokens if token in self._references}
        if len(found) != 1:
            return candidate
        job = self.jobs[found.pop()]
        reason = f"writes the posting number of {job.title}"
        if candidate is not None and candidate.job.id == job.id:
            candidate.confidence = max(candidate.confidence, DOMAIN + DECIDED)
            candidate.ambiguous = False
            candidate.reasons.append(reason)
            return candidate
        group = self.employers.group_of(job.id)
        if candidate is None or candidate.group == group:
            reasons = [*(candidate.reasons if candidate else []), reason]
            return Candidate(job, DOMAIN + DECIDED, reasons, group)
        return Candidate(job, AMBIGUOUS_CAP, [*candidate.reasons, f"but {reason}"], group, ambiguous=True)

    def title_alone(self, words: frozenset[str]) -> Candidate | None:
        """The one job whose whole long title a mail naming no employer writes: a suggestion, never a link."""
        named = [job for job in self._long_titled if coverage(self.titles[job.id], words) >= 1.0]
        if len(named) != 1:
            return None
        [job] = named
        return Candidate(
            job, PARTIAL, [f"names {job.title}, and no employer"], self.employers.group_of(job.id)
        )

    def unnamed_agency_role(self, candidate: Candidate, words: frozenset[str]) -> Candidate:
        """A staffing agency's mail that does not name the tracked title may be about another of its roles."""
        if candidate.job.id not in self._agencies or candidate.confidence <= AGENCY_CAP:
            return candidate
        if coverage(self.titles[candidate.job.id], words) >= TITLE_MIN_COVERAGE:
            return candidate
        candidate.confidence = AGENCY_CAP
        candidate.reasons.append(
            "an agency that writes about other roles too, and the mail does not name this one"
        )
        return candidate

    def _pick_by_title(
        self, keys: list[str], evidence: dict[str, Evidence], words: frozenset[str]
    ) -> Candidate | None:
        """The one job the title picks among employers that all own the sender's domain (two names of one body)."""
        jobs = [job for key in keys for job in self.employers.groups[key]]
        # Words of the employers' own names ("Trust" of Severn Vale Academy Trust) say nothing about the role.
        shared = _shared_words([self.titles[job.id] for job in jobs]) | title_words(
            " ".join(job.employer for job in jobs)
        )
        scores = sorted(
            ((coverage(self.titles[job.id] - shared, words), job) for job in jobs), key=lambda s: -s[0]
        )
        (top, job), (second, _) = scores[0], scores[1]
        if top < DECISIVE_SCORE or top - second < DECISIVE_MARGIN:
            return None
        key = next(key for key in keys if job in self.employers.groups[key])
        reasons = [
            *evidence[key].reasons,
            f"{len(keys)} employers share that domain and the title picks {job.title}",
        ]
        confidence = (
            evidence[key].strength
            + DECIDED
            + TITLE_NAMED * (coverage(self.titles[job.id], words) >= TITLE_MIN_COVERAGE)
        )
        return Candidate(job, confidence, reasons, key)

    def _title_elsewhere(
        self, candidate: Candidate, rivals: list[tuple[str, Evidence]], words: frozenset[str]
    ) -> JobFacts | None:
        """A job of another employer the mail also names whose title it names, when it does not name the pick's."""
        if coverage(self.titles[candidate.job.id], words) >= TITLE_MIN_COVERAGE:
            return None
        return next(
            (
                job
                for key, _ in rivals
                for job in self.employers.groups[key]
                if coverage(self.titles[job.id], words) >= TITLE_MIN_COVERAGE
            ),
            None,
        )

    def _pick_in_group(self, key: str, evidence: Evidence, words: frozenset[str]) -> Candidate:
        """One job at an employer: the only one, or the one whose title the mail names."""
        jobs = self.employers.groups[key]
        reasons = list(evidence.reasons)
        confidence = evidence.strength
        ambiguous = False
        if len(jobs) == 1:
            job = jobs[0]
            confidence += DECIDED
        else:
            scores = [self._title_score(job, words) for job in jobs]
            # Ties go to the earlier job of the group: open jobs come before closed ones.
            best, second = sorted(range(len(jobs)), key=lambda index: (-scores[index], index))[:2]
            job = jobs[best]
            if scores[best] >= DECISIVE_SCORE and scores[best] - scores[second] >= DECISIVE_MARGIN:
                confidence += DECIDED
                reasons.append(f"title picks one of {len(jobs)} jobs there")
            else:
                ambiguous = True
                reasons.append(f"{len(jobs)} jobs there and the title does not decide")
        if coverage(self.titles[job.id], words) >= TITLE_MIN_COVERAGE:
            confidence += TITLE_NAMED
            reasons.append(f"names {job.title}")
        if ambiguous:
            confidence = min(confidence, AMBIGUOUS_CAP)
        return Candidate(job, confidence, reasons, key, ambiguous)

    def _title_score(self, job: JobFacts, words: frozenset[str]) -> float:
        """How well the mail names what sets this job's title apart from its siblings' titles."""
        distinct = self._distinct[job.id]
        if distinct:
            return coverage(distinct, words)
        return 0.4 * coverage(self.titles[job.id], words)

    def lean(self, candidate: Candidate | None, sender_job: JobFacts | None) -> Candidate | None:
        """Let a sender the user approved for a job pull the match towards that job."""
        if sender_job is None:
            return candidate
        reason = f"you linked this sender to {sender_job.title}"
        if candidate is None:
            return Candidate(sender_job, SENDER_ALONE, [reason])
        same_group = candidate.ambiguous and sender_job in self.employers.groups.get(
            candidate.group or "", []
        )
        if candidate.job.id == sender_job.id or same_group:
            # The sender settles the job only when the mail itself names its employer plainly: a recruiter
            # who handles several roles (an agency's, or two at one employer) writes about the others too.
            sure = candidate.confidence >= NAME and not same_group
            lifted = SENDER_AGREES if sure else SENDER_ALONE
            return Candidate(sender_job, max(candidate.confidence, lifted), [*candidate.reasons, reason])
        if candidate.confidence >= SENDER_ALONE:
            candidate.confidence = min(candidate.confidence, SENDER_DISAGREES_CAP)
            candidate.reasons.append(f"but {reason}")
            return candidate
        return Candidate(sender_job, SENDER_DISAGREES_CAP, [reason, f"mail names {candidate.job.employer}"])


def follow_thread(candidate: Candidate | None, review_job: JobFacts | None) -> Candidate | None:
    """A reply in a thread waiting for review leans to the job suggested for the thread."""
    if review_job is None or (candidate is not None and candidate.job.id == review_job.id):
        return candidate
    if candidate is not None and candidate.confidence >= REVIEW_THREAD:
        return candidate
    return Candidate(review_job, REVIEW_THREAD, [f"earlier mail in this thread is about {review_job.title}"])


def _combine(items: list[tuple[int, str]]) -> Evidence:
    """One employer's evidence: the strongest place it is named, plus a little for each other place."""
    strengths = sorted((strength for strength, _ in items), reverse=True)
    extra = min(MAX_EXTRA, EXTRA_SOURCE * (len(strengths) - 1))
    return Evidence(strengths[0] + extra, tuple(reason for _, reason in items))


def _confirmed(items: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """A domain that is the first word of a name the mail also writes out in full is that employer's own."""
    if not any(strength == DOMAIN_WORD for strength, _ in items) or not any(
        " names " in reason for _, reason in items
    ):
        return items
    return [(DOMAIN if strength == DOMAIN_WORD else strength, reason) for strength, reason in items]


def _owns_domain(evidence: Evidence) -> bool:
    """Whether the sender's (or recipient's) own domain, or its first word, ties the mail to this employer."""
    return any(
        " domain " in reason and (" belongs to " in reason or " is the first word of " in reason)
        for reason in evidence.reasons
    )


def _references(jobs: list[JobFacts]) -> dict[str, str]:
    """Posting numbers in the jobs' addresses, folded, each with the one job whose address holds it."""
    owners: dict[str, set[str]] = {}
    for job in jobs:
        for word in folded_words(job.job_url or ""):
            if REFERENCE.match(word):
                owners.setdefault(word, set()).add(job.id)
    return {word: next(iter(ids)) for word, ids in owners.items() if len(ids) == 1}


def _shared_words(titles: list[frozenset[str]]) -> frozenset[str]:
    """Words every title in a group has (empty for a group of one)."""
    if len(titles) < 2:
        return frozenset()
    return frozenset.intersection(*titles)


def _in_subject(evidence: Evidence) -> bool:
    """Whether the subject names this employer."""
    return any(reason.startswith("subject names") for reason in evidence.reasons)


def _in_text(evidence: Evidence) -> bool:
    """Whether the subject, the body or the sender's name names this employer, not only the sender's domain."""
    return any(" names " in reason for reason in evidence.reasons)
