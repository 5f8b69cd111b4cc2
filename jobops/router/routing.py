"""The smart router: for one mail, decide relevance, the job it belongs to, the stage it announces and how sure that is."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Final

from jobops.router.employers import EmployerIndex, Wording, wording
from jobops.router.facts import Decision, JobFacts, MailFacts, RouterMemory
from jobops.router.families import family_names
from jobops.router.kinds import OVERRULES_OFFER, WEAK_KINDS, doubt, no_change_kind, step_cue
from jobops.router.own_mail import withdraws
from jobops.router.relevance import APPLICATION, NOTIFICATION_SENDER, RECRUITING_SENDER, judge_relevance
from jobops.router.senders import (
    ASSESSMENT,
    FREE_MAIL,
    JOB_BOARD,
    PLATFORM_KINDS,
    domain_labels,
    is_service_address,
    sender_kind,
)
from jobops.router.stage import StageReading, StageScan, scan_stage
from jobops.router.text import MAX_BODY_CHARS, before_sign_off, fold, newest_parts, without_sending_service
from jobops.router.titles import coverage, message_words, title_words
from jobops.stages import (
    AUTO_LINK_MIN,
    AUTO_LINKED,
    IGNORED,
    NO_CHANGE,
    PENDING_USER,
    STAGES,
    SUGGEST_MIN,
    stage_label,
    stage_rank,
)

# How strongly each place an employer is named ties a mail to it (0..100).
DOMAIN: Final = 90  # the sender's own domain: stripe.com, mail.stripe.co.uk
PLATFORM_NAME: Final = 90  # a hiring platform sending for it: "Stripe via Greenhouse", stripe@myworkday.com
PLATFORM_SUBJECT: Final = 85
PLATFORM_BODY: Final = 78
NAME: Final = 75  # a person's display name: "Ivy at Notion"
PARTIAL: Final = 58  # a distinctive word or the acronym of a longer name: enough to suggest, never to link
SUBJECT: Final = 70
BODY: Final = 60
EXTRA_SOURCE: Final = 2  # each further place naming the same employer, up to MAX_EXTRA
MAX_EXTRA: Final = 4
COMPETING_MARGIN: Final = 10  # another employer named almost as strongly makes the match ambiguous

DECIDED: Final = 3  # the only job at the employer, or the title picks one of several
TITLE_NAMED: Final = 5
TITLE_MIN_COVERAGE: Final = 0.75
DECISIVE_SCORE: Final = 0.5
DECISIVE_MARGIN: Final = 0.34
AMBIGUOUS_CAP: Final = 70

THREAD: Final = 96
SMALL_TALK_WORDS: Final = 40
REVIEW_THREAD: Final = 80  # earlier mail of the thread waits for review with this job suggested
SENDER_ALONE: Final = 85
SENDER_AGREES: Final = 92
SENDER_DISAGREES_CAP: Final = 80

CLEAR_STAGE: Final = 3
NO_STAGE_CAP: Final = AUTO_LINK_MIN - 1
NO_CONTEXT_CAP: Final = (
    AUTO_LINK_MIN - 1
)  # an employer's own address alone does not make a mail about the application
GUESSED_STAGE_CAP: Final = 92
MOVES_BACK: Final = 15

ANALYSED_CHARS: Final = 4_000  # of the newest part, for stage and relevance
MATCHED_CHARS: Final = 8_000  # of the whole body, for employer and title
SUBJECT_CHARS: Final = 1_000
THREAD_POINTS: Final = 5
SENDER_POINTS: Final = 2

MESSAGE_TYPES_BY_TARGET: Final[dict[str, str]] = {
    "offer": "offer",
    "rejected": "rejection",
    "recruiter_screen": "interview",
    "assessment": "interview",
    "hiring_manager_screen": "interview",
    "technical_interview": "interview",
    "onsite": "interview",
}
_LOCAL_PART: Final = re.compile(r"[._+\-]")
DECISIONS: Final = frozenset({"rejected", "withdrawn", "closed", "offer"})
# An offer named as something already made ("as part of your offer"), not made by this mail.
OFFER_MENTIONED: Final = re.compile(r"your (?:job |employment )?offer|offer (?:details|package)")
# The candidate speaking of their own application, interview or candidacy.
OWN_APPLICATION: Final = re.compile(
    r"\bmy (?:application|candidacy|candidature|interview|cv)\b|\b(?:represent|present) me\b|\bsend my cv\b"
    r"|\bmeine bewerbung|\bma candidature|\bmi candidatura|\ba minha candidatura|\bla mia candidatura|\bmijn sollicitatie"
    r"|\bmoja aplikacj|\bmoje zgloszeni"
)
# Words that ask for a next step, in folded text: an acknowledgement holding one is also an invitation.
INVITES: Final = re.compile(
    r"\b(?:invite|inviting|invitation|(?:like|love|want|keen|happy|glad) to (?:schedule|set up|book|arrange|move|meet"
    r"|speak|talk|chat|have|get|hop)|(?:schedule|book|arrange|set up) (?:a|an|the|your|some)|pick a (?:time|slot)"
    r"|(?:your|share your|send (?:me|us) your) availability|(?:are|would) you (?:be )?(?:available|free)|when are you free"
    r"|let's (?:set up|schedule|find|chat|talk|meet)|can we (?:set up|schedule|find|chat|talk|meet)|next step (?:is|will be)"
    r"|einlad|laden (?:sie|dich) (?:herzlich )?ein|(?:mochten|wurden) (?:wir|gerne)|gerne (?:kennenlernen|sprechen)"
    r"|aimerions|souhaiterions|nos gustaria|queremos|vorremmo|gostariamos|willen (?:we|wij) (?:graag|je)|chcielibysmy"
    r"|uitnodig|inviter|invitons|invitar|invitamos|convidar|convite|convidamos|invitarti|invitarla|invito"
    r"|zaprasz|zaprosi|bjuda in|inbjudan|davet|pozvat|pozv[aá]nk|inviterer|invitere)"
)


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


class Router:
    """Routes mail against a fixed set of active jobs; everything about the jobs is indexed once."""

    def __init__(self, jobs: Sequence[JobFacts]) -> None:
        self._jobs = {job.id: job for job in jobs}
        self._employers = EmployerIndex(list(self._jobs.values()), family_names)
        self._titles = {job.id: title_words(job.title) for job in self._jobs.values()}
        self._distinct = {
            job.id: self._titles[job.id] - _shared_words([self._titles[j.id] for j in group])
            for group in self._employers.groups.values()
            for job in group
        }

    def route(self, mail: MailFacts, memory: RouterMemory | None = None) -> Decision:
        """Decide what one mail is and where it belongs."""
        memory = memory or RouterMemory()
        subject = (mail.subject or "")[:SUBJECT_CHARS]
        body = (mail.body_text or mail.snippet or "")[:MAX_BODY_CHARS]
        parts = [fold(part[:ANALYSED_CHARS]) for part in newest_parts(body)]
        newest = "\n".join(parts)[:ANALYSED_CHARS]
        # Stage phrases are read without signatures: banners and footers name stages that are not news.
        stage_text = "\n".join(before_sign_off(part) for part in parts)[:ANALYSED_CHARS]
        address = (mail.from_address or "").strip().lower()
        domain = (mail.from_domain or address.rpartition("@")[2]).strip().lower()
        kind = sender_kind(domain, address)
        thread_job = self._jobs.get(memory.thread_jobs.get(mail.thread_id or "", ""))
        in_review = bool(mail.thread_id) and mail.thread_id in memory.review_threads
        review_job = self._jobs.get(memory.review_threads.get(mail.thread_id or "", ""))
        sender_job = None if kind in PLATFORM_KINDS else self._jobs.get(memory.sender_jobs.get(address, ""))
        folded_subject = fold(subject)
        if mail.from_me and (thread_job or in_review):
            return _own_mail(thread_job, in_review, review_job, stage_text)
        if mail.from_me:
            return self._own_first_mail(subject, body, folded_subject + "\n" + stage_text)
        scan = scan_stage(folded_subject, stage_text)
        relevance = judge_relevance(
            folded_subject + "\n" + newest,
            fold(f"{mail.sender_name or ''} {address}"),
            kind,
            stage_named=bool(scan.body_news or scan.body_asides or scan.subject_news or scan.generic)
            or step_cue(folded_subject + "\n" + stage_text) is not None,
            employer_domain=kind is None and bool(self._employers.groups_for_domain(domain)),
            memory_points=THREAD_POINTS if thread_job or in_review else SENDER_POINTS if sender_job else 0,
        )
        if not relevance.relevant:
            why = (
                f"not recruiting mail ({', '.join(relevance.noise)})"
                if relevance.noise
                else "no recruiting language"
            )
            return Decision(False, None, 0, NO_CHANGE, "other", why, IGNORED)
        subject_words, body_words = wording(subject), wording(without_sending_service(body[:MATCHED_CHARS]))
        # A service's own name ("Google Calendar") says nothing about the employer it writes for.
        sender_name = "" if is_service_address(address) else mail.sender_name or ""
        evidence = self._evidence(sender_name, address, domain, kind, subject_words, body_words)
        self._learned_domain(evidence, domain, kind, memory)
        words = message_words([subject_words.tokens, body_words.tokens])
        if thread_job:
            candidate: Candidate | None = Candidate(thread_job, THREAD, ["thread already linked to this job"])
        else:
            candidate = _follow_thread(self._lean(self._match(evidence, words), sender_job), review_job)
        reading = _kind_first(
            scan.reading(candidate.job.current_stage if candidate else None), folded_subject, stage_text
        )
        reading = _settled(reading, scan, folded_subject + "\n" + stage_text)
        if kind == ASSESSMENT and reading.target == NO_CHANGE and not reading.phrase:
            reading = StageReading(
                "assessment", clear=False, phrase=f"sent by the assessment platform {domain}"
            )
        tied = bool(thread_job or sender_job or kind in PLATFORM_KINDS) or (
            candidate is not None
            and self._about_application(
                candidate.job, words, mail.sender_name or "", address, reading, folded_subject + "\n" + newest
            )
        )
        # A reply in a linked thread that names no step is linked by itself only when it is plainly small talk.
        quiet_reply = bool(thread_job) and _small_talk(stage_text)
        return _decide(candidate, reading, thread=quiet_reply, tied=tied)

    def _own_first_mail(self, subject: str, body: str, text: str) -> Decision:
        """The candidate writing first: relevant when it names a tracked employer and an application of theirs."""
        words = withdraws(text)
        if not (words or APPLICATION.search(text) or OWN_APPLICATION.search(text)):
            return Decision(
                False, None, 0, NO_CHANGE, "other", "your own mail, about no application", IGNORED
            )
        subject_words, body_words = wording(subject), wording(body[:MATCHED_CHARS])
        evidence = self._evidence("", "", "", None, subject_words, body_words)
        candidate = self._match(evidence, message_words([subject_words.tokens, body_words.tokens]))
        if candidate is None:
            return Decision(
                False, None, 0, NO_CHANGE, "other", "your own mail, naming no tracked employer", IGNORED
            )
        target, said = ("withdrawn", f'; says "{words}"') if words else (NO_CHANGE, "")
        reasons = "; ".join(["your own mail", *candidate.reasons]) + said
        return Decision(
            True,
            candidate.job.id,
            min(candidate.confidence, REVIEW_THREAD),
            target,
            "update",
            reasons,
            PENDING_USER,
        )

    def _about_application(
        self,
        job: JobFacts,
        words: frozenset[str],
        sender_name: str,
        address: str,
        reading: StageReading,
        text: str,
    ) -> bool:
        """Whether anything beyond the employer's own address ties a mail to the application.

        The tracked title, a recruiting sender, application life-cycle language, or a stage named as news by a
        person (an automated notification address naming a stage is not enough).
        """
        if coverage(self._titles[job.id], words) >= TITLE_MIN_COVERAGE:
            return True
        if RECRUITING_SENDER.search(fold(f"{sender_name} {address.partition('@')[0]}")) or APPLICATION.search(
            text
        ):
            return True
        return reading.clear and not NOTIFICATION_SENDER.match(address)

    def _evidence(
        self,
        sender_name: str,
        address: str,
        domain: str,
        kind: str | None,
        subject: Wording,
        body: Wording,
    ) -> dict[str, Evidence]:
        """Every tracked employer the mail points to, with how strongly and why."""
        platform = kind in PLATFORM_KINDS
        found: dict[str, list[tuple[int, str]]] = {}

        def add(keys: set[str], strength: int, reason: str) -> None:
            for key in sorted(keys):
                found.setdefault(key, []).append((strength, reason.format(name=self._employers.names[key])))

        if not platform and kind not in (FREE_MAIL, JOB_BOARD):
            add(
                self._employers.groups_for_domain(domain),
                DOMAIN,
                f"sender domain {domain} belongs to {{name}}",
            )
        if platform:
            _, front = domain_labels(domain)
            labels = [*_LOCAL_PART.split(address.partition("@")[0]), *front]
            add(
                self._employers.groups_for_labels(labels),
                PLATFORM_NAME,
                f"{kind} sender {address} is for {{name}}",
            )
        add(
            self._employers.mentioned(wording(sender_name)),
            PLATFORM_NAME if platform else NAME,
            "sender name names {name}",
        )
        add(
            self._employers.mentioned(subject),
            PLATFORM_SUBJECT if platform else SUBJECT,
            "subject names {name}",
        )
        add(self._employers.mentioned(body), PLATFORM_BODY if platform else BODY, "body names {name}")
        partly = set().union(
            *(self._employers.partly_mentioned(t) for t in (wording(sender_name), subject, body))
        )
        add(partly - set(found), PARTIAL, "mail partly names {name}")
        return {key: _combine(items) for key, items in found.items()}

    def _learned_domain(
        self, evidence: dict[str, Evidence], domain: str, kind: str | None, memory: RouterMemory
    ) -> None:
        """An organisation's own domain that the user approved mail from counts as that employer's."""
        job = self._jobs.get(memory.domain_jobs.get(domain, "")) if kind is None else None
        key = self._employers.group_of(job.id) if job else None
        if key is None or key in evidence:
            return
        evidence[key] = Evidence(
            DOMAIN, (f"you approved mail from {domain} for {self._employers.names[key]}",)
        )

    def _match(self, evidence: dict[str, Evidence], words: frozenset[str]) -> Candidate | None:
        """The job the employer evidence and the title point to, capped when another employer competes."""
        if not evidence:
            return None
        ranked = sorted(evidence.items(), key=lambda item: (-item[1].strength, item[0]))
        key, best = ranked[0]
        candidate = self._pick_in_group(key, best, words)
        if len(ranked) > 1 and ranked[1][1].strength >= best.strength - COMPETING_MARGIN:
            rival = self._employers.names[ranked[1][0]]
            candidate.confidence = min(candidate.confidence, AMBIGUOUS_CAP)
            candidate.reasons.append(f"also names {rival}")
        return candidate

    def _pick_in_group(self, key: str, evidence: Evidence, words: frozenset[str]) -> Candidate:
        """One job at an employer: the only one, or the one whose title the mail names."""
        jobs = self._employers.groups[key]
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
        if coverage(self._titles[job.id], words) >= TITLE_MIN_COVERAGE:
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
        return 0.4 * coverage(self._titles[job.id], words)

    def _lean(self, candidate: Candidate | None, sender_job: JobFacts | None) -> Candidate | None:
        """Let a sender the user approved for a job pull the match towards that job."""
        if sender_job is None:
            return candidate
        reason = f"you linked this sender to {sender_job.title}"
        if candidate is None:
            return Candidate(sender_job, SENDER_ALONE, [reason])
        same_group = candidate.ambiguous and sender_job in self._employers.groups.get(
            candidate.group or "", []
        )
        if candidate.job.id == sender_job.id or same_group:
            return Candidate(
                sender_job, max(candidate.confidence, SENDER_AGREES), [*candidate.reasons, reason]
            )
        if candidate.confidence >= SENDER_ALONE:
            candidate.confidence = min(candidate.confidence, SENDER_DISAGREES_CAP)
            candidate.reasons.append(f"but {reason}")
            return candidate
        return Candidate(sender_job, SENDER_DISAGREES_CAP, [reason, f"mail names {candidate.job.employer}"])


def route_message(mail: MailFacts, jobs: Sequence[JobFacts], memory: RouterMemory | None = None) -> Decision:
    """Route one mail against the active jobs (build a Router to route many)."""
    return Router(jobs).route(mail, memory)


def _small_talk(newest: str) -> bool:
    """A short note that asks for nothing and brings no bad news: "Thanks, see you Tuesday!"."""
    return len(newest.split()) <= SMALL_TALK_WORDS and not INVITES.search(newest) and not doubt(newest)


def _kind_first(reading: StageReading, subject: str, newest: str) -> StageReading:
    """Reschedules, reminders, checks and thank-you notes change nothing; other languages' steps are read too.

    A decision (rejection, withdrawal, closing, offer) stands, except an offer read in mail about the checks
    that follow one. A step read only from another language's words is a guess: it is suggested, never logged.
    """
    text = f"{subject}\n{newest}"
    kind = no_change_kind(text)
    if kind and kind[0] in WEAK_KINDS and reading.clear and INVITES.search(text):
        kind = None
    mentions_offer = reading.target == "offer" and OFFER_MENTIONED.search(reading.phrase) is not None
    if kind and (reading.target not in DECISIONS or (mentions_offer and kind[0] in OVERRULES_OFFER)):
        return StageReading(NO_CHANGE, clear=True, phrase=f"{kind[1]}, a {kind[0]}")
    if reading.clear and reading.target != NO_CHANGE:
        return reading
    cue = step_cue(text)
    if cue and (reading.target == NO_CHANGE or not reading.clear):
        return StageReading(cue[0], clear=False, phrase=cue[1])
    return reading


def _settled(reading: StageReading, scan: StageScan, text: str) -> StageReading:
    """Signals that disagree send the mail to review: good news next to "unfortunately", or an acknowledgement
    that only describes later steps ("if there's a fit, you'll have a work trial")."""
    if reading.target in DECISIONS or reading.target == NO_CHANGE:
        return reading
    worry = doubt(text)
    if worry:
        return StageReading(reading.target, clear=False, phrase=f'{reading.phrase}", but also "{worry}')
    acknowledged = scan.body_news.get("applied") or (
        scan.subject_news.get("applied") if scan.fresh_subject else None
    )
    if acknowledged and reading.target != "applied" and not INVITES.search(text):
        return StageReading("applied", clear=False, phrase=acknowledged)
    return reading


def _follow_thread(candidate: Candidate | None, review_job: JobFacts | None) -> Candidate | None:
    """A reply in a thread waiting for review leans to the job suggested for the thread."""
    if review_job is None or (candidate is not None and candidate.job.id == review_job.id):
        return candidate
    if candidate is not None and candidate.confidence >= REVIEW_THREAD:
        return candidate
    return Candidate(review_job, REVIEW_THREAD, [f"earlier mail in this thread is about {review_job.title}"])


def _own_mail(
    thread_job: JobFacts | None, in_review: bool, review_job: JobFacts | None, newest: str
) -> Decision:
    """The candidate's own mail counts only in a thread about a job, and only a withdrawal moves it."""
    if thread_job is None and not in_review:
        return Decision(
            False, None, 0, NO_CHANGE, "other", "your own mail, outside any thread about a job", IGNORED
        )
    words = withdraws(newest)
    target, said = ("withdrawn", f'; says "{words}"') if words else (NO_CHANGE, "")
    if thread_job is None:
        job_id = review_job.id if review_job else None
        return Decision(
            True,
            job_id,
            REVIEW_THREAD,
            target,
            "update",
            f"your reply in a thread waiting for review{said}",
            PENDING_USER,
        )
    return Decision(
        True,
        thread_job.id,
        THREAD + CLEAR_STAGE * bool(words),
        target,
        "update",
        f"your reply in a linked thread{said}",
        AUTO_LINKED,
    )


def _decide(candidate: Candidate | None, reading: StageReading, thread: bool, tied: bool = True) -> Decision:
    """Turn a match and a stage reading into a bounded confidence and a bucket."""
    reasons = list(candidate.reasons) if candidate else ["no tracked job matches"]
    confidence = candidate.confidence if candidate else 0
    if reading.clear:
        confidence += CLEAR_STAGE
        reasons.append(f'says "{reading.phrase}"')
    elif reading.phrase:
        confidence = min(confidence, GUESSED_STAGE_CAP)
        reasons.append(f'stage guessed from "{reading.phrase}"')
    else:
        confidence = confidence if thread else min(confidence, NO_STAGE_CAP)
        reasons.append("names no stage")
    if candidate and _moves_back(candidate.job.current_stage, reading.target):
        confidence -= MOVES_BACK
        reasons.append(f"would move back from {stage_label(candidate.job.current_stage)}")
    if not tied and confidence > NO_CONTEXT_CAP:
        confidence = NO_CONTEXT_CAP
        reasons.append("nothing but the employer's address ties it to the application")
    confidence = max(0, min(100, confidence))
    job_id = candidate.job.id if candidate and confidence >= SUGGEST_MIN else None
    if candidate and job_id is None:  # too weak to suggest: the "Why" line must not name that job
        reasons = ["no tracked job matches surely", *reasons[len(candidate.reasons) :]]
    bucket = AUTO_LINKED if job_id and confidence >= AUTO_LINK_MIN else PENDING_USER
    message_type = MESSAGE_TYPES_BY_TARGET.get(reading.target, "update")
    reason = "; ".join(reasons).replace("\n", " ")
    return Decision(True, job_id, confidence, reading.target, message_type, reason, bucket)


def _combine(items: list[tuple[int, str]]) -> Evidence:
    """One employer's evidence: the strongest place it is named, plus a little for each other place."""
    strengths = sorted((strength for strength, _ in items), reverse=True)
    extra = min(MAX_EXTRA, EXTRA_SOURCE * (len(strengths) - 1))
    return Evidence(strengths[0] + extra, tuple(reason for _, reason in items))


def _shared_words(titles: list[frozenset[str]]) -> frozenset[str]:
    """Words every title in a group has (empty for a group of one)."""
    if len(titles) < 2:
        return frozenset()
    return frozenset.intersection(*titles)


def _moves_back(current: str | None, target: str) -> bool:
    """Whether a target stage lies before the job's current stage."""
    return target in STAGES and stage_rank(current) > stage_rank(target)
