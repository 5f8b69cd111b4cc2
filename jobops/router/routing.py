"""The smart router: for one mail, decide relevance, the job it belongs to, the stage it announces and how sure that is."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Final

from jobops.router.employers import Wording, wording
from jobops.router.facts import Decision, JobFacts, MailFacts, RouterMemory
from jobops.router.kinds import approach, step_cue
from jobops.router.learned import LearnedReader, reading_text
from jobops.router.matching import (
    AMBIGUOUS_CAP,
    HOST,
    REVIEW_THREAD,
    THREAD,
    TITLE_MIN_COVERAGE,
    Candidate,
    Evidence,
    JobMatcher,
    follow_thread,
)
from jobops.router.own_mail import answers_approach, applies, resigns, withdraws
from jobops.router.people import named_person
from jobops.router.reading import (
    APPROACH,
    DECISIONS,
    approached,
    kind_first,
    settled,
    small_talk,
    unmatched_role,
)
from jobops.router.relevance import (
    APPLICATION,
    DECISIVE,
    NOTIFICATION_SENDER,
    ORGANISER_POINTS,
    PERSON_POINTS,
    RECRUITING_SENDER,
    THREAD_POINTS,
    TITLE_POINTS,
    a_person,
    judge_relevance,
    name_words,
)
from jobops.router.safety import HOLD, Signals, doubts, held_for_review
from jobops.router.senders import (
    ASSESSMENT,
    BACKGROUND,
    FREE_MAIL,
    PLATFORM_KINDS,
    SCHEDULING,
    SIGNATURE,
    is_service_address,
    sender_kind,
)
from jobops.router.stage import StageReading, named_stages, scan_stage
from jobops.router.text import (
    MAX_BODY_CHARS,
    before_sign_off,
    fold,
    newest_parts,
    quoted_part,
    without_sending_service,
)
from jobops.router.titles import coverage, message_words
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

CLEAR_STAGE: Final = 3
NO_STAGE_CAP: Final = AUTO_LINK_MIN - 1
NAMING_PLACES: Final = frozenset({"subject", "body", "sender name"})  # where mail writes an employer's name
NAME_WRITTEN: Final = 0.5  # of its words: a brand of the family ("WhatsApp" for Meta) is not the name written
NO_CONTEXT_CAP: Final = (
    AUTO_LINK_MIN - 1
)  # an employer's own address alone does not make a mail about the application
GUESSED_STAGE_CAP: Final = 92
MOVES_BACK: Final = 15
NAMED_ELSEWHERE: Final = 75
# A reading whose own signals disagree ("good news", but also "unfortunately"): it stays a guess.
MIXED: Final = re.compile(r'", (?:but also|before) "')
RESCUED: Final = "no recruiting words the rules know, but the learned reader is sure it is recruiting mail"  # the mail's own words name another job this strongly

QUOTED_CHARS: Final = 3_000  # of the older mail a reply quotes, for the withdrawal it may answer
ANALYSED_CHARS: Final = 4_000  # of the newest part, for stage and relevance
MATCHED_CHARS: Final = 8_000  # of the whole body, for employer and title
SUBJECT_CHARS: Final = 1_000
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

AUTOMATED_SENDER: Final = re.compile(
    r"^(?:no-?reply|do-?not-?reply|donotreply|notifications?|notify|mailer(?:-daemon)?|system)(?:[._+-][\w.+-]*)?@"
)

_REPLY: Final = re.compile(r"^\s*(?:re|aw|sv|vs|antw|odp|rv|r)\s*:", re.IGNORECASE)

# The candidate speaking of their own application, interview or candidacy.
OWN_APPLICATION: Final = re.compile(
    r"\bmy (?:application|candidacy|candidature|interview|cv)\b|\b(?:represent|present) me\b|\bsend my cv\b"
    r"|\bmeine bewerbung|\bma candidature|\bmi candidatura|\ba minha candidatura|\bla mia candidatura|\bmijn sollicitatie"
    r"|\bmoja aplikacj|\bmoje zgloszeni"
)


class Router:
    """Routes mail against a fixed set of active jobs; everything about the jobs is indexed once."""

    def __init__(self, jobs: Sequence[JobFacts], reader: LearnedReader | None = None) -> None:
        self._jobs = {job.id: job for job in jobs}
        self._matcher = JobMatcher(list(self._jobs.values()))
        self._own_words = name_words(f"{job.employer} {job.title}" for job in jobs)
        self._reader = reader

    def job(self, job_id: str) -> JobFacts:
        """The router's facts of one of its jobs."""
        return self._jobs[job_id]

    def progress(self, job: JobFacts) -> None:
        """Where a job stands after mail routed earlier in this run: its stage, and the steps waiting for review."""
        if job.id in self._jobs:
            self._jobs[job.id] = job

    def route(self, mail: MailFacts, memory: RouterMemory | None = None) -> Decision:
        """Decide what one mail is and where it belongs; a learned reader, when given, can only add doubt."""
        decision = self._route(mail, memory or RouterMemory())
        if self._reader is None or decision.bucket != AUTO_LINKED:
            return decision
        doubt = self._reader.doubts_link(
            reading_text(mail.subject or "", mail.body_text or ""), decision.stage_target
        )
        return held_for_review(decision, [doubt] if doubt else [])

    def _route(self, mail: MailFacts, memory: RouterMemory) -> Decision:
        """The rules' decision for one mail."""
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
        sender_job = self._approved_job(address, kind, memory)
        folded_subject = fold(subject)
        if mail.from_me and (thread_job or in_review):
            sure = (mail.thread_id or "") in memory.sure_threads
            return _own_mail(
                thread_job,
                in_review,
                review_job,
                stage_text,
                sure,
                lambda strict: self._reads_no_step(mail, strict),
            )
        if mail.from_me:
            return self._own_first_mail(mail, memory, folded_subject + "\n" + stage_text)
        scan = scan_stage(folded_subject, stage_text)
        subject_words, body_words = wording(subject), wording(without_sending_service(body[:MATCHED_CHARS]))
        # A service's own name ("Google Calendar") says nothing about the employer it writes for.
        sender_name = "" if is_service_address(address) else mail.sender_name or ""
        evidence = self._matcher.evidence(sender_name, address, domain, kind, subject_words, body_words)
        self._matcher.learned_domain(evidence, domain, kind, memory)
        words = message_words([subject_words.tokens, body_words.tokens])
        named = self._matcher.by_reference(
            self._matcher.match(evidence, words), [*subject_words.tokens, *body_words.tokens]
        )
        relevance = judge_relevance(
            folded_subject + "\n" + newest,
            fold(f"{mail.sender_name or ''} {address}"),
            kind,
            stage_named=bool(scan.body_news or scan.body_asides or scan.subject_news or scan.generic)
            or step_cue(folded_subject + "\n" + stage_text) is not None
            or approach(folded_subject + "\n" + stage_text) is not None,
            employer_domain=kind is None and bool(self._matcher.employers.groups_for_domain(domain)),
            memory_points=THREAD_POINTS if thread_job or in_review else SENDER_POINTS if sender_job else 0,
            job_points=self._job_points(named, words, kind, body_words)
            + PERSON_POINTS * self._person_at_employer(address, domain, kind, sender_name, named),
            own_words=self._own_words,
        )
        # Mail the rules found no recruiting words in (not mail they know as noise) may still be recruiting mail.
        rescued = not relevance.relevant and self._sure_relevant(mail, overruling=bool(relevance.noise))
        rescued = rescued and not DECISIVE.intersection(relevance.noise)
        # Recruiting words outside any known thread, in mail the learned reader is sure is about no application.
        doubted = relevance.relevant and not (thread_job or in_review) and self._sure_noise(mail)
        if doubted or not (relevance.relevant or rescued):
            why = (
                f"not recruiting mail ({doubted or ', '.join(relevance.noise)})"
                if doubted or relevance.noise
                else "no recruiting language"
            )
            return Decision(False, None, 0, NO_CHANGE, "other", why, IGNORED)
        # A whole title names its job for review only: it says nothing of whether mail is recruiting mail.
        named = named or self._matcher.title_alone(words)
        if thread_job:
            candidate: Candidate | None = Candidate(thread_job, THREAD, ["thread already linked to this job"])
        else:
            candidate = follow_thread(self._matcher.lean(named, sender_job), review_job)
            if candidate:
                candidate = self._matcher.unnamed_agency_role(candidate, words)
            elif kind in PLATFORM_KINDS:
                candidate = self._host_job(folded_subject + "\n" + newest, memory)
        # Mail about no tracked job is an orphan for the inbox only when the learned reader does not doubt it.
        unplaced = "" if candidate or in_review else self._sure_noise(mail, unplaced=True)
        if unplaced:
            return Decision(False, None, 0, NO_CHANGE, "other", f"not recruiting mail ({unplaced})", IGNORED)
        if candidate:  # the job as it stands now, after mail routed earlier in this run
            candidate.job = self._offered_sibling(candidate, kind) or self._jobs.get(
                candidate.job.id, candidate.job
            )
        phrases = scan.reading(candidate.job.current_stage if candidate else None)
        reading = kind_first(phrases, folded_subject, stage_text)
        reading = settled(reading, scan, folded_subject + "\n" + stage_text)
        if not thread_job:  # a reply in a linked thread is no first approach
            reading = approached(reading, folded_subject + "\n" + stage_text)
        if rescued and candidate is None and scan.fresh_subject:
            reading = unmatched_role(reading)
        if not reading.clear:
            reading = self._reader_step(mail, reading, alone=not thread_job)
        if candidate is not None:
            reading = _call_after_steps(reading, candidate.job, stage_text)
            if thread_job and not scan.fresh_subject:
                reading = _logged_again(reading, candidate.job)
            reading = _answers_withdrawal(reading, body)
            if thread_job or in_review:
                reading = _after_withdrawal(reading, candidate.job)
        reading = _on_hold(reading, stage_text)
        offered = candidate is not None and "offer" in (
            candidate.job.current_stage,
            candidate.job.waiting_stage,
        )
        if reading.target == "offer" and (kind == BACKGROUND or (kind == SIGNATURE and offered)):
            # Checks and the contract to sign follow an offer: no change, whatever offer words they quote.
            reading = StageReading(NO_CHANGE, clear=True, phrase=f"sent by the {kind} service {domain}")
        elif reading.target == "offer" and offered and not (reading.clear and scan.fresh_subject):
            # Once the offer is in, replies about its terms and guessed offer words are talk about that offer.
            reading = StageReading(
                NO_CHANGE, clear=reading.clear, phrase=f"{reading.phrase}, after the offer"
            )
        elif reading.target == "offer" and kind == SIGNATURE:
            # A document to sign may be the written offer or the contract after it: the user says which.
            reading = StageReading(
                "offer", clear=False, phrase=f"{reading.phrase}, sent by the {kind} service {domain}"
            )
        if kind == ASSESSMENT and reading.target == "applied":
            # Assessment platforms do not acknowledge applications: their thanks for applying leads to the test.
            reading = StageReading(
                "assessment", clear=False, phrase=f"sent by the assessment platform {domain}"
            )
        if kind == ASSESSMENT and reading.target == NO_CHANGE and not reading.phrase:
            reading = StageReading(
                "assessment", clear=False, phrase=f"sent by the assessment platform {domain}"
            )
        reading = self._reader_contradicts(mail, reading)
        tied = bool(thread_job or sender_job or kind in PLATFORM_KINDS) or (
            candidate is not None
            and self._about_application(
                candidate.job, words, mail.sender_name or "", address, reading, folded_subject + "\n" + newest
            )
        )
        # A reply in a linked thread that names no step is linked by itself only when it is plainly small talk.
        quiet_reply = bool(thread_job) and small_talk(stage_text)
        if candidate and not thread_job and self._vouched(candidate, evidence, words, reading, mail, kind):
            candidate.confidence = AUTO_LINK_MIN - CLEAR_STAGE
        decision = _decide(candidate, reading, thread=quiet_reply, tied=tied)
        named = named if thread_job or sender_job else None
        signals = Signals(
            folded_subject,
            stage_text,
            address,
            scan,
            phrases,
            reading,
            candidate.job if candidate and decision.job_id else None,
            quiet_reply,
            named.job if named and named.confidence >= NAMED_ELSEWHERE else None,
            "thread" if thread_job else "sender" if sender_job else "",
        )
        found, job_doubted = doubts(signals)
        # An approach is mostly about an opening the candidate has not applied for: its thread's job is not sure.
        if decision.job_sure and (job_doubted or reading.phrase.endswith(APPROACH)):
            decision = replace(decision, job_sure=False)
        found += [RESCUED] * rescued
        return held_for_review(decision, found)

    def _host_job(self, text: str, memory: RouterMemory) -> Candidate | None:
        """The job of the one known person a platform's mail names: the host of a booked call, the sender of a
        document to sign."""
        found = named_person(text, memory.people_jobs)
        job = self._jobs.get(found[1]) if found else None
        if found is None or job is None:
            return None
        return Candidate(job, HOST, [f"names {found[0].title()}, who wrote about this job"])

    def _offered_sibling(self, candidate: Candidate, kind: str | None) -> JobFacts | None:
        """Of jobs at one employer that the mail does not tell apart, the only one with an offer: mail after an
        offer (contract, checks, onboarding) is mostly about it. The match stays ambiguous, for review.

        A background-check or e-signature service writes only after an offer, so its mail goes to the employer's
        only offered job even when its words seem to pick another (a check "in Bangladesh")."""
        after_offer = kind in (BACKGROUND, SIGNATURE)
        if not (candidate.ambiguous or after_offer) or candidate.group is None:
            return None
        siblings = [
            self._jobs.get(job.id, job) for job in self._matcher.employers.groups.get(candidate.group, [])
        ]
        offered = [job for job in siblings if job.current_stage == "offer"]
        return offered[0] if len(offered) == 1 else None

    def _reads_no_step(self, mail: MailFacts, strict: bool = False) -> bool:
        """Whether the learned reader, when there is one, reads no step at all in a mail (and is sure of it)."""
        text = reading_text(mail.subject or "", mail.body_text or "")
        if self._reader is None:
            return False
        return (
            self._reader.confirms(text, NO_CHANGE) is not None if strict else self._reader.reads_no_step(text)
        )

    def _reader_step(self, mail: MailFacts, reading: StageReading, alone: bool = False) -> StageReading:
        """The learned reader's step where the rules only guess: for mail they read no stage in, or a guess the
        reader reads otherwise with confidence (still a guess, for review); a guess it confirms is sure, and so is
        no step at all where it is sure of that."""
        if self._reader is None:
            return reading
        text = reading_text(mail.subject or "", mail.body_text or "")
        if not reading.phrase:
            quiet = self._reader.sure_no_step(text, alone)
            if quiet is not None:  # no stage words, and the reader is sure there is no step in it either
                return StageReading(
                    NO_CHANGE, clear=True, phrase=f"no step, as the learned reader reads it ({quiet:.0%})"
                )
        found = self._reader.suggests_step(text, overruling=bool(reading.phrase))
        if found is None:
            return reading
        if found[0] == reading.target:
            # Two readers that agree on a step make it sure; decisions need their own words, mixed signals review.
            if reading.target in DECISIONS or MIXED.search(reading.phrase):
                return reading
            return StageReading(
                reading.target,
                clear=True,
                phrase=f"{reading.phrase}, and the learned reader agrees ({found[1]:.0%})",
            )
        said = f"{reading.phrase}; " if reading.phrase else ""
        return StageReading(
            found[0], clear=False, phrase=f"{said}the learned reader's reading, {found[1]:.0%} likely"
        )

    def _reader_contradicts(self, mail: MailFacts, reading: StageReading) -> StageReading:
        """The learned reader's stage in place of the rules' one where it is sure they misread the mail: a
        suggestion for review. A withdrawal or rejection the rules read in plain words stands."""
        if self._reader is None or reading.target in ("withdrawn", "rejected"):
            return reading
        found = self._reader.contradicts(
            reading_text(mail.subject or "", mail.body_text or ""), reading.target
        )
        if found is None:
            return reading
        said = f"{reading.phrase}; " if reading.phrase else ""
        return StageReading(
            found[0],
            clear=False,
            phrase=f"{said}but the learned reader reads {stage_label(found[0])} ({found[1]:.0%})",
        )

    def _vouched(
        self,
        candidate: Candidate,
        evidence: dict[str, Evidence],
        words: frozenset[str],
        reading: StageReading,
        mail: MailFacts,
        kind: str | None,
    ) -> bool:
        """Whether mail that writes the employer's name and the job's whole title, and whose step the rules read in
        plain words, has that step confirmed by a sure learned reader: then the employer's own address is not needed
        to link it. Anyone can write from a free mail address, so its word alone never links."""
        if self._reader is None or kind == FREE_MAIL or candidate.ambiguous:
            return False
        if not AMBIGUOUS_CAP < candidate.confidence < AUTO_LINK_MIN - CLEAR_STAGE:
            return False
        if not reading.clear or candidate.group not in evidence:
            return False
        written = self._matcher.name_written(candidate.group, words) >= NAME_WRITTEN and any(
            reason.split(" names ")[0] in NAMING_PLACES for reason in evidence[candidate.group].reasons
        )
        if not written or coverage(self._matcher.titles[candidate.job.id], words) < TITLE_MIN_COVERAGE:
            return False
        chance = self._reader.confirms(reading_text(mail.subject or "", mail.body_text or ""), reading.target)
        if chance is None:
            return False
        candidate.reasons.append(
            f"the title and employer are written, and the learned reader agrees ({chance:.0%})"
        )
        return True

    def _sure_noise(self, mail: MailFacts, unplaced: bool = False) -> str:
        """Why the learned reader is sure mail is about no application (less sure for mail about no tracked job),
        or "" when it is not."""
        if self._reader is None:
            return ""
        chance = self._reader.sure_noise(reading_text(mail.subject or "", mail.body_text or ""), unplaced)
        return f"the learned reader reads it as mail about no application, {chance:.0%}" if chance else ""

    def _sure_relevant(self, mail: MailFacts, overruling: bool = False) -> bool:
        """Whether the learned reader is sure mail the rules ignore is recruiting mail (surer still where the
        rules know it as noise)."""
        text = reading_text(mail.subject or "", mail.body_text or "")
        return self._reader is not None and self._reader.sure_relevant(text, overruling)

    def _job_points(
        self, named: Candidate | None, words: frozenset[str], kind: str | None, body: Wording
    ) -> int:
        """Relevance that needs no recruiting words: the job's own title, or an invitation from its employer."""
        title = (
            named is not None and coverage(self._matcher.titles[named.job.id], words) >= TITLE_MIN_COVERAGE
        )
        organised = kind == SCHEDULING and bool(self._matcher.invitation_employers(body))
        return TITLE_POINTS * title + ORGANISER_POINTS * organised

    def _person_at_employer(
        self, address: str, domain: str, kind: str | None, sender_name: str, named: Candidate | None
    ) -> bool:
        """A person writing by name from a tracked employer's own domain, not the brand writing as itself; a domain
        that is only the employer's first word counts when the mail writes that employer's name."""
        employers = self._matcher.employers
        own = employers.groups_for_domain(domain) or (
            named is not None
            and named.group in employers.groups_for_domain_word(domain)
            and any(reason.startswith(("subject names", "body names")) for reason in named.reasons)
        )
        if kind is not None or not own:
            return False
        return a_person(address, sender_name) and not self._matcher.employers.mentioned(wording(sender_name))

    def _own_first_mail(self, mail: MailFacts, memory: RouterMemory, text: str) -> Decision:
        """The candidate writing first: relevant when written to a tracked employer or about an application."""
        subject, body = (mail.subject or "")[:SUBJECT_CHARS], (mail.body_text or "")[:MAX_BODY_CHARS]
        words = withdraws(text)
        sends = None if words or _REPLY.match(fold(subject)) else applies(text)
        recipient = (mail.to_address or "").strip().lower()
        domain = recipient.rpartition("@")[2]
        kind = sender_kind(domain, recipient) if recipient else None
        candidate = self._recipient_match(
            recipient, kind, memory, wording(subject), wording(body[:MATCHED_CHARS])
        )
        # A reply quotes the mail it answers: the employer's invitation below makes the reply about it too.
        quoted = fold(body[:MATCHED_CHARS])
        about = APPLICATION.search(text) or OWN_APPLICATION.search(text) or APPLICATION.search(quoted)
        written_to = candidate is not None and candidate.group in self._recipient_groups(
            recipient, kind, memory
        )
        replying = _REPLY.match(fold(subject)) and named_stages(quoted)[0]
        # Written to an address whose domain only suggests a tracked employer (mbss.ca): for the user to say.
        suggested_to = (
            candidate is not None
            and kind is None
            and candidate.group in self._matcher.employers.groups_for_domain_word(domain)
        )
        if words and not written_to and resigns(text):  # an offer taken, told to the employer of today
            return Decision(
                False,
                None,
                0,
                NO_CHANGE,
                "other",
                "your own mail, a resignation from your current job",
                IGNORED,
            )
        if not (words or sends or about or written_to or suggested_to or replying):
            if self._sure_relevant(mail, overruling=True):
                return _own_mail_rescued(candidate)
            return Decision(
                False, None, 0, NO_CHANGE, "other", "your own mail, about no application", IGNORED
            )
        if candidate is None and words:  # the user links it: a withdrawal is never lost
            return Decision(
                True,
                None,
                0,
                "withdrawn",
                "update",
                f'your own mail, naming no tracked employer; says "{words}"',
                PENDING_USER,
            )
        if candidate is None and sends:  # an application to an employer not tracked yet: the user may add it
            return Decision(
                True,
                None,
                0,
                "applied",
                "update",
                f'your own mail, naming no tracked employer; sends an application ("{sends}")',
                PENDING_USER,
            )
        if candidate is None:
            if self._sure_relevant(mail, overruling=True):
                return _own_mail_rescued(None)
            return Decision(
                False, None, 0, NO_CHANGE, "other", "your own mail, naming no tracked employer", IGNORED
            )
        target, said = (
            ("withdrawn", f'; says "{words}"')
            if words
            else ("applied", f'; sends an application ("{sends}")')
            if sends
            else (NO_CHANGE, "")
        )
        reasons = "; ".join(["your own mail", *candidate.reasons]) + said
        # A thank-you note written to the only tracked job's employer changes nothing: it is linked by itself.
        sure = written_to and not words and not sends and not candidate.ambiguous and small_talk(text)
        sure = sure and candidate.confidence > AMBIGUOUS_CAP
        return Decision(
            True,
            candidate.job.id,
            AUTO_LINK_MIN if sure else min(candidate.confidence, REVIEW_THREAD),
            target,
            "update",
            reasons,
            AUTO_LINKED if sure else PENDING_USER,
            job_sure=sure,
        )

    def _approved_job(self, address: str, kind: str | None, memory: RouterMemory) -> JobFacts | None:
        """The job the user linked mail of this address to; a platform's or an automated address writes for many
        jobs, so the user's past answers say nothing about it."""
        if kind in PLATFORM_KINDS or AUTOMATED_SENDER.match(address) is not None:
            return None
        return self._jobs.get(memory.sender_jobs.get(address, ""))

    def _recipient_match(
        self, recipient: str, kind: str | None, memory: RouterMemory, subject: Wording, body: Wording
    ) -> Candidate | None:
        """The tracked job the candidate's own mail is about: whom it is written to, and the employers it names."""
        domain = recipient.rpartition("@")[2]
        evidence = self._matcher.evidence("", recipient, domain, kind, subject, body, role="recipient")
        self._matcher.learned_domain(evidence, domain, kind, memory)
        named = self._matcher.match(evidence, message_words([subject.tokens, body.tokens]))
        return self._matcher.lean(named, self._approved_job(recipient, kind, memory))

    def _recipient_groups(self, recipient: str, kind: str | None, memory: RouterMemory) -> set[str]:
        """The tracked employers whose own address (or an address the user approved) the mail is written to."""
        domain = recipient.rpartition("@")[2]
        if not domain or kind is not None:
            return set()
        groups = set(self._matcher.employers.groups_for_domain(domain))
        for job_id in (memory.sender_jobs.get(recipient), memory.domain_jobs.get(domain)):
            key = self._matcher.employers.group_of(job_id) if job_id else None
            groups |= {key} if key else set()
        return groups

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
        if coverage(self._matcher.titles[job.id], words) >= TITLE_MIN_COVERAGE:
            return True
        if RECRUITING_SENDER.search(fold(f"{sender_name} {address.partition('@')[0]}")) or APPLICATION.search(
            text
        ):
            return True
        return reading.clear and not NOTIFICATION_SENDER.match(address)


def route_message(mail: MailFacts, jobs: Sequence[JobFacts], memory: RouterMemory | None = None) -> Decision:
    """Route one mail against the active jobs (build a Router to route many)."""
    return Router(jobs).route(mail, memory)


def _own_mail(
    thread_job: JobFacts | None,
    in_review: bool,
    review_job: JobFacts | None,
    newest: str,
    sure: bool = False,
    no_step: Callable[[bool], bool] = lambda strict: False,
) -> Decision:
    """The candidate's own mail counts only in a thread about a job, and only a withdrawal moves it.

    A reply that is not plainly small talk is linked by itself only when the learned reader reads no step in it,
    and is sure of that once the job has reached its final round or an offer: there a reply often declines, in
    words the tables may not read.
    """
    job = thread_job or review_job
    late = job is not None and max(map(stage_rank, (job.current_stage, job.waiting_stage))) >= stage_rank(
        "onsite"
    )
    if thread_job is None and not in_review:
        return Decision(
            False, None, 0, NO_CHANGE, "other", "your own mail, outside any thread about a job", IGNORED
        )
    words = withdraws(newest)
    target, said = ("withdrawn", f'; says "{words}"') if words else (NO_CHANGE, "")
    approach = answers_approach(newest)
    if approach:  # even a "no, thank you" here declines that other opening, not the tracked one
        return Decision(
            True,
            job.id if job else None,
            REVIEW_THREAD,
            target,
            "update",
            f'your reply in a thread about a job{said}; not sure: it answers an offer of another opening ("{approach}")',
            PENDING_USER,
        )
    if thread_job is None:
        job_id = review_job.id if review_job else None
        if job_id and sure and not words and (small_talk(newest) or no_step(late)):
            return Decision(
                True,
                job_id,
                THREAD,
                NO_CHANGE,
                "update",
                "your reply in a thread whose job is sure (its stage waits for review)"
                + ("" if small_talk(newest) else "; the learned reader reads no step in it"),
                AUTO_LINKED,
                job_sure=True,
            )
        return Decision(
            True,
            job_id,
            REVIEW_THREAD,
            target,
            "update",
            f"your reply in a thread waiting for review{said}",
            PENDING_USER,
        )
    if words or small_talk(newest) or no_step(late):
        read = "" if words or small_talk(newest) else "; the learned reader reads no step in it"
        return Decision(
            True,
            thread_job.id,
            THREAD + CLEAR_STAGE * bool(words),
            target,
            "update",
            f"your reply in a linked thread{said}{read}",
            AUTO_LINKED,
        )
    # A longer reply may accept, decline or withdraw in words the tables do not read: the user says which.
    return Decision(
        True,
        thread_job.id,
        REVIEW_THREAD,
        NO_CHANGE,
        "update",
        "your reply in a linked thread; not sure: it is long enough to answer an offer or step back",
        PENDING_USER,
    )


def _own_mail_rescued(candidate: Candidate | None) -> Decision:
    """The candidate's own mail the rules find no application in, but the learned reader is sure is about one."""
    job_id = candidate.job.id if candidate and candidate.confidence >= SUGGEST_MIN else None
    said = "; ".join(candidate.reasons) + "; " if job_id and candidate else ""
    return Decision(
        True, job_id, 0, NO_CHANGE, "update", f"your own mail; {said}not sure: {RESCUED}", PENDING_USER
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
    elif candidate and _moves_back(candidate.job.waiting_stage, reading.target):
        confidence = min(confidence, GUESSED_STAGE_CAP)
        reasons.append(f"mail waiting for review already suggests {stage_label(candidate.job.waiting_stage)}")
    if not tied and confidence > NO_CONTEXT_CAP:
        confidence = NO_CONTEXT_CAP
        reasons.append("nothing but the employer's address ties it to the application")
    job_sure = (
        candidate is not None
        and tied
        and not candidate.ambiguous
        and candidate.confidence + CLEAR_STAGE >= AUTO_LINK_MIN
        and not _moves_back(candidate.job.current_stage, reading.target)
    )
    confidence = max(0, min(100, confidence))
    job_id = candidate.job.id if candidate and confidence >= SUGGEST_MIN else None
    if candidate and job_id is None:  # too weak to suggest: the "Why" line must not name that job
        reasons = ["no tracked job matches surely", *reasons[len(candidate.reasons) :]]
    bucket = AUTO_LINKED if job_id and confidence >= AUTO_LINK_MIN else PENDING_USER
    message_type = MESSAGE_TYPES_BY_TARGET.get(reading.target, "update")
    reason = "; ".join(reasons).replace("\n", " ")
    return Decision(
        True, job_id, confidence, reading.target, message_type, reason, bucket, job_sure and bool(job_id)
    )


SHORT_CALL: Final = re.compile(r"\b(?:quick|short|brief)(?: phone)? (?:call|chat)\b")


def _call_after_steps(reading: StageReading, job: JobFacts, newest: str) -> StageReading:
    """A short call asked for once the job is past its screens is about news (often an offer): no step."""
    furthest = stage_rank(job.current_stage)
    if (
        reading.target != "recruiter_screen"
        or furthest <= stage_rank("recruiter_screen")
        or not SHORT_CALL.search(reading.phrase)
        or len(newest.split()) > 80
    ):
        return reading
    return StageReading(
        NO_CHANGE, clear=False, phrase=f"{reading.phrase}, a call asked for after later steps"
    )


def _answers_withdrawal(reading: StageReading, body: str) -> StageReading:
    """The employer's reply to the candidate's withdrawal, with no news of its own, confirms the withdrawal."""
    if reading.target in DECISIONS or (reading.clear and reading.target != NO_CHANGE):
        return reading
    words = withdraws(fold(quoted_part(body)[:QUOTED_CHARS]))
    if words is None:
        return reading
    return StageReading("withdrawn", clear=True, phrase=f"{words}, the withdrawal it answers")


def _after_withdrawal(reading: StageReading, job: JobFacts) -> StageReading:
    """A reply naming no step in a thread whose job the candidate withdrew from is mostly the employer taking
    note: the withdrawal, guessed."""
    if reading.target != NO_CHANGE or reading.phrase or not job.withdrawn:
        return reading
    return StageReading("withdrawn", clear=False, phrase="a reply after the withdrawal")


def _on_hold(reading: StageReading, text: str) -> StageReading:
    """Mail that names no step but puts the vacancy on hold mostly tells of a vacancy closed: closed, guessed."""
    held = HOLD.search(text)
    if reading.target != NO_CHANGE or held is None:
        return reading
    return StageReading("closed", clear=False, phrase=f"{held.group()}, a vacancy on hold")


def _logged_again(reading: StageReading, job: JobFacts) -> StageReading:
    """A reply in a linked thread whose words name the step already logged is mostly about that step (its
    directions, its panel): no change, guessed. A booking confirmed without the step's name still books it."""
    if (
        not reading.clear
        or reading.target != job.current_stage
        or reading.target in DECISIONS
        or reading.target not in STAGES
    ):
        return reading
    return StageReading(NO_CHANGE, clear=False, phrase=f"{reading.phrase}, the step already logged")


def _moves_back(current: str | None, target: str) -> bool:
    """Whether a target stage lies before the job's current stage."""
    return target in STAGES and stage_rank(current) > stage_rank(target)
