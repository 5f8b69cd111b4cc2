"""Safety before reach: a mail whose signals disagree waits for review, and the "Why" line names the disagreement.

The phrase tables, the kind of mail, the thread's memory and the words of the mail each say something about the
job and the stage. JobOps links a mail by itself only when they agree; each check below names one way they can
disagree, and a mail showing any of them goes to the Tracking Inbox with its suggested job and stage.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Final

from jobops.router.employers import Wording, wording, words
from jobops.router.facts import Decision, JobFacts
from jobops.router.families import family_names
from jobops.router.kinds import adjoins, cue_at, no_change_kind, read_cues, step_cue
from jobops.router.relevance import MAILING_SENDER
from jobops.router.stage import StageReading, StageScan, named_stages
from jobops.router.text import fold
from jobops.router.titles import coverage, title_words
from jobops.stages import AUTO_LINK_MIN, AUTO_LINKED, NO_CHANGE, PENDING_USER

DECISIONS: Final = frozenset({"rejected", "withdrawn", "closed", "offer"})
# Kinds of short note; one that runs past LONG_NOTE_WORDS words often wraps a decision in thanks.
NOTES: Final = frozenset({"thank-you", "completion receipt", "status update"})
LONG_NOTE_WORDS: Final = 80
# A vacancy held or paused: between "no change" and "closed", so never decided by JobOps alone.
HOLD: Final = re.compile(
    r"\bon hold\b|\bpaused\b|\bpausing\b|\bauf eis\b|\bpausiert|\bin de wacht\b|\bon pause\b|\ben pause\b"
    r"|\ben suspens\b|\ben espera\b|\bin attesa\b|\bwstrzyman\w*|\bpozastaven\w*|\bbeklemeye alin\w*"
)
# Words that deny what follows: "not an interview", "geen sollicitatiegesprek", "kein Vorstellungsgespräch".
NEGATION: Final = re.compile(
    r"\b(?:no|not|nor|never|without|geen|niet|kein\w*|nicht|pas|sans|ni|sin|non|senza|nie|bez|inte|ingen|ikke)\W+"
    r"(?:\w+\W+){0,2}$"
)
# A time of day: a short reply naming one confirms or moves a booking.
# Mail offering the candidate a different opening than the one applied for ("Another role you might like").
ANOTHER_ROLE: Final = re.compile(
    r"\b(?:another (?:\w+ )?(?:role|position|opportunity|opening|vacancy)|another post"
    r"|a (?:different|separate) (?:role|position|opportunity|opening|vacancy)"
    r"|autre (?:poste|opportunite)|otra (?:posicion|vacante|oportunidad)|outra (?:vaga|oportunidade)"
    r"|andere (?:stelle|position)|altra (?:posizione|opportunita)|een andere (?:functie|vacature)"
    r"|αλλη (?:θεση|ευκαιρια)|inne stanowisko|jin(?:a|ou|e|y) pozic\w*|alt post|alta pozitie|baska bir pozisyon"
    r"|en annan tjanst|en an(?:d|n)en stilling|peluang lain|lowongan lain|posisi lain|vi tri khac|co hoi khac)\b"
    r"|別職種|別の(?:求人|ポジション|職種)|他の(?:求人|ポジション|職種)|其他(?:职位|職位|岗位|職缺)|다른 (?:포지션|직무|채용)"
)
# Mail asking whether the candidate would want an opening: after an application, mostly another opening's pitch.
ASKS_INTEREST: Final = re.compile(
    r"\b(?:if you(?:'re| are) (?:interested|keen|open to)|would you be (?:interested|keen|open to)"
    r"|are you (?:interested|open to)|might (?:be of )?interest you|of interest to you"
    r"|ware das (?:etwas|was) fur (?:sie|dich)|hatten sie interesse|haben sie interesse|bei interesse"
    r"|intresserad|geinteresseerd|heb je interesse|heeft u interesse|te interesa|le interesa|tem interesse"
    r"|teria interesse|ca vous interesse|seriez-vous interesse|vous interesserait|ti interessa|sarebbe interessat\w*"
    r"|zainteresowan\w*|interesovan\w*|zajimal\w*"
    r"|(?:(?:would you like|do you want) me to|shall i) (?:share|pass on|forward|send|put forward|submit) your)"
)
# Mail about both of the candidate's applications at one employer is about neither one alone.
BOTH_ROLES: Final = re.compile(
    r"\bboth (?:of )?(?:your |the |these )?(?:applications|roles|positions|vacancies|openings|jobs|processes)\b"
    r"|\bobu (?:\w+ )?(?:aplikacj|stanowisk|rekrutacj|proces)\w*|\bbeide(?:n)? (?:\w+ )?(?:bewerbungen|stellen|positionen)\b"
    r"|\bles deux (?:candidatures|postes|processus)\b|\bambas (?:candidaturas|posiciones|vacantes|vagas)\b"
    r"|\bentrambe le (?:candidature|posizioni)\b|\bbeide (?:sollicitaties|functies|vacatures)\b"
)
# A posting number: a few letters, then five digits or more ("R0061842", "JR102934"), folded.
POSTING_NUMBER: Final = re.compile(r"^([a-z]{1,4})(\d{5,})$")
# Where a mail writes the title of the opening it is about: a labelled line, "the position X", "a X position",
# "Job ID 58391 – X", "la posición X". Folded text; the title runs to the end of its clause.
ROLE_SLOT: Final = re.compile(
    r"(?:^|\n)\s*(?:position|job title|role|vacancy|stelle|puesto|vacante|cargo|vaga|poste|posizione|functie)\s*:\s*"
    r"(?P<labelled>[^\n]{3,80})"
    r"|\b(?:for|to|in) the (?:position|role|post|vacancy)(?: of| as)? (?P<after>[^\n.;:!?]{3,80})"
    r"|\b(?:for|to) (?:a|an|the|our) (?P<before>[\w&/+-]+(?: [\w&/+-]+){1,5}) (?:position|role|vacancy)\b"
    r"|\bjob (?:id|opening|requisition) [\w-]+,? (?:[–-] )?(?P<numbered>[^\n.;:!?]{3,80})"
    r"|\b(?:la|de la|en la) (?:posicion|vacante) (?:de )?(?P<spanish>[^\n.;:!?]{3,80})"
)
# Words that show a slot holds a clause, not a title: "the position you applied for", "la posición que".
NOT_A_TITLE: Final = frozenset(
    {"you", "your", "we", "our", "that", "which", "this", "above", "same", "applied", "que", "a", "la", "su", "tu",
     "mentioned", "advertised", "listed", "following", "it", "is", "was", "has", "have", "been", "be", "will",
     "about", "call", "chat", "talk", "quick", "today", "tomorrow", "conversation", "meeting", "interview", "discuss",
     "new", "open", "exciting", "great", "similar", "other", "next", "more", "any", "some", "such", "possible",
     "potential", "interesting", "suitable", "right", "perfect", "my", "me", "i"}
)  # fmt: skip
ROLE_CLAUSE_END: Final = re.compile(r"\s(?:at|with|in|en|con|com|bei|chez|and|y|et|has|was|is)\s|[,(–]|\s-\s")
PARENTHESES: Final = re.compile(r"\([^)]*\)")
SHARED_AT_MOST: Final = 0.4  # of either title's words, for a title the mail writes to be another opening's
# Words many titles share, that say nothing about which opening: "Logistics Officer" and "Supply Chain Officer".
RANKS: Final = frozenset(
    {"officer", "manager", "engineer", "coordinator", "specialist", "assistant", "associate", "senior", "junior",
     "lead", "head", "director", "analyst", "consultant", "advisor", "adviser", "agent", "executive", "supervisor",
     "p", "1", "2", "3", "4", "5", "i", "ii", "iii", "national", "international", "principal", "chief", "staff"}
)  # fmt: skip
# The person who will manage the hire, by role: a call with them is the informal manager's chat (Team Match).
LINE_MANAGER: Final = re.compile(
    r"\b(?:hiring manager|line manager|head of|director|directeur|directrice|direktor\w*|leiter(?:in)?|abteilungsleiter\w*"
    r"|koordynator\w*|kierownik\w*|jef[ea] de|gerente|responsabile|chef d'equipe|chef de service|team lead(?:er)?"
    r"|teamleiter\w*|your (?:future|would-be|new) manager)\b"
)
MANAGER_NEAR: Final = 150  # characters either side of the call's words
TAKEN: Final = ("accepted ", "accept ", "taken ")  # "I have accepted another position" is no other opening
TIME_OF_DAY: Final = re.compile(r"\b\d{1,2}(?:[:.h]\d{2})\b|\b\d{1,2} ?(?:am|pm|uhr|uur|h)\b")
# Senders that write to many: a tracked employer's events, news or academy mail is not about an application.


@dataclass(frozen=True)
class Signals:
    """What the router read in one mail, gathered for the checks."""

    subject: str  # folded
    newest: str  # folded newest part, without the sign-off
    address: str
    scan: StageScan
    phrases: StageReading  # what the stage phrases alone say
    reading: StageReading  # the stage after kinds and doubts
    job: JobFacts | None  # the job the decision suggests
    quiet_reply: bool = False  # a short reply in a linked thread, linked without a stage
    named_elsewhere: JobFacts | None = None  # another job the mail's own words point to
    memory: str = ""  # what tied the mail to the job before its words did: "thread" or "sender"


def kind_and_step(signals: Signals) -> str | None:
    """A mail read as a no-change kind (survey, check, receipt) that leads with a step as its news."""
    text = f"{signals.subject}\n{signals.newest}"
    kind = no_change_kind(text)
    cue = step_cue(text)
    step = signals.phrases if signals.phrases.clear or cue is None else StageReading(cue[0], True, cue[1])
    if not kind or not step.clear or step.target in DECISIONS or step.target == NO_CHANGE:
        return None
    if signals.reading.target != NO_CHANGE or cue_at(text, step.phrase) > cue_at(text, kind[1]):
        return None
    if adjoins(text, step.phrase, kind[1]):  # "测评提醒": a reminder of the step
        return None
    return f'leads with "{step.phrase}" but later reads as a {kind[0]} ("{kind[1]}")'


def decisions_disagree(signals: Signals) -> str | None:
    """Two decisions named at once, a held vacancy, or a step read next to a decision."""
    text = f"{signals.subject}\n{signals.newest}"  # the text the kind layer read: its cues are cached
    named = {stage for stage in signals.scan.body_news if stage in DECISIONS}
    named |= {stage for stage in read_cues(text).found.get("step", {}) if stage in DECISIONS}
    held = HOLD.search(signals.newest)
    if held:
        named.add("closed")
    target = signals.reading.target
    if len(named) > 1:
        return f"names more than one decision ({', '.join(sorted(named))})"
    if held and target != "closed":
        return f'says "{held.group()}": the vacancy may be closed'
    if named and target not in DECISIONS and target != NO_CHANGE:
        return f"names a step and also a decision ({', '.join(sorted(named))})"
    return None


def subject_only(signals: Signals) -> str | None:
    """A stage read from a subject that asks a question ("Quick chat tomorrow?") while the body names none."""
    reading, scan = signals.reading, signals.scan
    if not reading.clear or scan.body_news or scan.body_asides or reading.target == NO_CHANGE:
        return None
    if reading.phrase in scan.subject_news.values() and signals.subject.rstrip().endswith("?"):
        return f'the stage "{reading.phrase}" is only asked about in the subject'
    return None


def told_as_aside(signals: Signals) -> str | None:
    """The step read as news is also told as a past or coming one ("before your full loop", "after the team match")."""
    reading = signals.reading
    if not reading.clear or reading.target in DECISIONS or reading.target == NO_CHANGE:
        return None
    aside = signals.scan.body_asides.get(reading.target) or named_stages(signals.subject)[1].get(
        reading.target
    )
    return f'"{reading.phrase}" is also told as another time\'s step ("{aside}")' if aside else None


def long_receipt(signals: Signals) -> str | None:
    """A thank-you, receipt or status note long enough to carry news the tables do not read (a kind rejection)."""
    kind = no_change_kind(f"{signals.subject}\n{signals.newest}")
    words = len(signals.newest.split())
    if not kind or kind[0] not in NOTES or signals.reading.target != NO_CHANGE or words < LONG_NOTE_WORDS:
        return None
    return f"a {kind[0]} of {words} words: it may say more than that"


def negated(signals: Signals) -> str | None:
    """A stage phrase denied by the words before it: "not a formal interview"."""
    phrase = signals.reading.phrase
    where = signals.newest.find(phrase) if phrase and signals.reading.clear else -1
    if where < 0 or not NEGATION.search(signals.newest[max(0, where - 40) : where]):
        return None
    return f'"{phrase}" is denied by the words before it'


def booking_reply(signals: Signals) -> str | None:
    """A short reply in a linked thread that names a time may confirm or move a booked step."""
    found = TIME_OF_DAY.search(signals.newest) if signals.quiet_reply else None
    return f'a short reply naming a time ("{found.group()}"): it may book a step' if found else None


def another_role(signals: Signals) -> str | None:
    """The mail speaks of a different opening than the tracked one: it may be about that opening instead."""
    # A rejection that keeps the candidate in mind for another role still turns down this one, unless its subject
    # offers that role ("Screening result and another opening").
    text = signals.subject if signals.reading.target == "rejected" else f"{signals.subject}\n{signals.newest}"
    found = next(
        (hit for hit in ANOTHER_ROLE.finditer(text) if not text[: hit.start()].endswith(TAKEN)), None
    )
    return f'it speaks of a different opening ("{found.group()}")' if found else None


def both_roles(signals: Signals) -> str | None:
    """The mail speaks of both of the candidate's applications: it is about neither one alone."""
    found = BOTH_ROLES.search(f"{signals.subject}\n{signals.newest}")
    return f'it speaks of two applications ("{found.group()}")' if found else None


def another_title(signals: Signals) -> str | None:
    """The mail writes the title of an opening that shares little with the job's own, and never names the job's."""
    job = signals.job
    if job is None:
        return None
    text = f"{signals.subject}\n{signals.newest}"
    slots = list(ROLE_SLOT.finditer(text))
    if not slots:
        return None
    own = title_words(PARENTHESES.sub(" ", job.title))  # "(Job ID 58214)" is no part of the role
    if not own or coverage(own, frozenset(text.replace("\n", " ").split())) >= SHARED_AT_MOST:
        return None
    for found in slots:
        slot = next(group for group in found.groups() if group)
        written = ROLE_CLAUSE_END.split(slot, maxsplit=1)[0].strip()
        named = title_words(written)
        if len(named) < 2 or named & NOT_A_TITLE:
            continue
        if coverage(own, named) < SHARED_AT_MOST and coverage(named, own) < SHARED_AT_MOST:
            return f'it names another opening ("{written}")'
        specific = named - RANKS
        if specific and not coverage(specific, own) and not coverage(own - RANKS, named):
            return f'it names another opening ("{written}")'
    return None


def another_number(signals: Signals) -> str | None:
    """The mail writes a posting number shaped like the one in the job's address, and never that one."""
    job = signals.job
    if job is None:
        return None
    own = _posting_numbers(job.job_url or "")
    written = _posting_numbers(f"{signals.subject}\n{signals.newest}")
    if not own or own.keys() & written.keys():
        return None
    found = sorted(number for number, shape in written.items() if shape in own.values())
    return f'it writes another posting number ("{found[0].upper()}")' if found else None


def _posting_numbers(text: str) -> dict[str, tuple[str, int]]:
    """The posting numbers a text writes, each with its shape: its letters and how many digits follow them."""
    found = (POSTING_NUMBER.match(word) for word in words(text))
    return {hit.group(): (hit[1], len(hit[2])) for hit in found if hit}


def asks_interest(signals: Signals) -> str | None:
    """A first mail asking whether the candidate wants an opening, without writing the tracked job's title."""
    job = signals.job
    if job is None or signals.memory == "thread" or signals.reading.target == "rejected":
        return None  # a rejection that invites to other openings is still news of this one
    found = ASKS_INTEREST.search(f"{signals.subject}\n{signals.newest}")
    if found is None:
        return None
    own = title_words(PARENTHESES.sub(" ", job.title))
    words = frozenset(f"{signals.subject} {signals.newest}".replace("\n", " ").split())
    if own and coverage(own, words) >= (1.0 if job.current_stage in DECISIONS else SHARED_AT_MOST):
        return None
    return f'it asks whether you want an opening ("{found.group()}") and does not write this job\'s title'


def with_the_manager(signals: Signals) -> str | None:
    """A first call read as a recruiter's screen that the mail sets up with the hiring or line manager."""
    if signals.reading.target != "recruiter_screen" or not signals.reading.clear or signals.job is None:
        return None
    where = signals.newest.find(signals.reading.phrase)
    if where < 0:
        return None
    near = signals.newest[max(0, where - MANAGER_NEAR) : where + len(signals.reading.phrase) + MANAGER_NEAR]
    title = fold(signals.job.title)
    found = next((hit for hit in LINE_MANAGER.finditer(near) if hit.group() not in title), None)
    return f'the call may be with the hiring manager ("{found.group()}")' if found else None


def mailing(signals: Signals) -> str | None:
    """Mail from a tracked employer's events, news or academy address is written to many, not to a candidate."""
    if signals.memory == "thread" or not MAILING_SENDER.match(signals.address):
        return None
    return f"sent by the mailing address {signals.address}"


def memory_disagrees(signals: Signals) -> str | None:
    """The thread or sender is linked to one job while the mail's own words name another."""
    other = signals.named_elsewhere
    if signals.job is None or other is None or other.id == signals.job.id or not signals.memory:
        return None
    return f"the {signals.memory} is linked to {signals.job.title} but the mail names {other.title}"


def other_brand(signals: Signals) -> str | None:
    """The mail names a brand of the employer's family that is not the job's own ("DeepMind" for a YouTube job)."""
    job = signals.job
    family = family_names(job.employer) if job else ()
    folded = f"{signals.subject}\n{signals.newest}"
    if job is None or not any(_first_word(name) in folded for name in family):
        return None
    own = wording(f"{job.employer} {job.title}")
    employer = wording(job.employer)
    text = wording(f"{signals.subject}\n{signals.newest}")
    # "Klarna Bank" for Klarna, or "Amazon" for Amazon Web Services, is the employer's own name, not another brand.
    others = [
        name for name in family if not _names(wording(name), job.employer) and not _names(employer, name)
    ]
    mentioned = [name for name in others if _names(text, name)]
    if not mentioned or any(_names(own, name) for name in mentioned):
        return None
    return f"names {mentioned[0]}, another part of {job.employer} than this job's"


def _first_word(name: str) -> str:
    """A name's first folded word: a cheap screen before the names are matched word by word."""
    found = re.search(r"\w+", fold(name))
    return found.group() if found else name


def _names(text: Wording, name: str) -> bool:
    """Whether a worded text holds every word of a name, in order."""
    tokens = text.tokens
    wanted = list(wording(name).tokens)
    return bool(wanted) and any(
        list(tokens[i : i + len(wanted)]) == wanted for i in range(len(tokens) - len(wanted) + 1)
    )


CHECKS: Final[tuple[Callable[[Signals], str | None], ...]] = (
    decisions_disagree,
    kind_and_step,
    negated,
    long_receipt,
    told_as_aside,
    subject_only,
    booking_reply,
    mailing,
    memory_disagrees,
    other_brand,
    another_role,
    both_roles,
    another_title,
    another_number,
    asks_interest,
    with_the_manager,
)


JOB_CHECKS: Final = frozenset(
    {
        memory_disagrees,
        other_brand,
        mailing,
        another_role,
        both_roles,
        another_title,
        another_number,
        asks_interest,
    }
)  # they doubt the job itself


def doubts(signals: Signals) -> tuple[list[str], bool]:
    """Every disagreement the checks find in one mail, and whether any of them doubts the job, not only the stage."""
    found = [(check, text) for check in CHECKS if (text := check(signals))]
    return [text for _, text in found], any(check in JOB_CHECKS for check, _ in found)


def held_for_review(decision: Decision, found: list[str]) -> Decision:
    """A decision JobOps would have linked by itself waits for review when any signal disagrees."""
    if not found or not decision.relevant:
        return decision
    reason = f"{decision.reason}; not sure: {'; '.join(found)}".replace("\n", " ")  # one Why line
    if decision.bucket != AUTO_LINKED:
        return replace(decision, reason=reason)
    return replace(
        decision, confidence=min(decision.confidence, AUTO_LINK_MIN - 1), bucket=PENDING_USER, reason=reason
    )
