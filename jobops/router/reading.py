"""What stage a mail announces, once its phrases, its kind and its doubts are weighed against each other."""

from __future__ import annotations

import re
from typing import Final

from jobops.router.kinds import adjoins, approach, cue_at, cue_pattern, doubt, no_change_kind, step_cue
from jobops.router.no_change_cues import OVERRULES_OFFER, WEAK_KINDS
from jobops.router.stage import BY_PHONE, REPLY_PREFIX, StageReading, StageScan, formal
from jobops.router.text import fold, fold_pattern
from jobops.stages import NO_CHANGE

SMALL_TALK_WORDS: Final = 40
PHONE_NEAR: Final = 25  # characters either side of an interview's words where a phone word makes it a call
# A step promised on a condition, earlier in its sentence: "if your experience fits, we'll set up a call".
IF_SO: Final = re.compile(
    r"\b(?:if|once|should|whether|unless|si|wenn|falls|sofern|se|als|indien|jesli|jezeli)\b"
)
# Kinds that are often a side note of mail about a step: a questionnaire inside a test, a "we'll tell you when read".
CONDITION: Final = re.compile(
    r"\b(?:conditional (?:up)?on|subject to|contingent (?:up)?on|pending|abhangig von|vorbehaltlich|sous reserve d"
    r"|sujet[ao]? a|condicionad[ao] a|subordinat[ao] a|onder voorbehoud van|bersyarat pada|dengan syarat"
    r"|villkorat av|betinget av|betinget af|forutsatt|forudsat|edellyttaen)\b"
    + fold_pattern(r"|为前提|為前提|を条件と|조건으로")
)
SIDE_NOTES: Final = frozenset({"survey", "status update", "completion receipt"})
# Kinds an invitation names after its step as part of it ("bring your right-to-work documents", "the survey part").
ASIDES_AFTER_A_STEP: Final = frozenset({"survey", "background check", "preparation"})
DECISIONS: Final = frozenset({"rejected", "withdrawn", "closed", "offer"})
# An offer named as something already made ("as part of your offer"), not made by this mail.
OFFER_MENTIONED: Final = re.compile(r"your (?:job |employment )?offer|offer (?:details|package)")
# Words that ask for a next step, in folded text: an acknowledgement holding one is also an invitation.
INVITES: Final = re.compile(
    r"\b(?:invite|inviting|invitation|(?:like|love|want|keen|happy|glad) to (?:schedule|set up|book|arrange|move|meet"
    r"|speak|talk|chat|have|get|hop)|(?:schedule|book|arrange|set up) (?:a|an|the|your|some)|pick a (?:time|slot)"
    r"|(?:your|share your|send (?:me|us) your) availability|(?:are|would) you (?:be )?(?:available|free)|when are you free"
    r"|(?:like|love|want) to (?:jump on|grab|hop on)|(?:would|does|could) \w+ (?:\w+ ){0,4}work for you"
    r"|here(?:'s| is) my (?:link|calendly|calendar)|book (?:a )?(?:time|slot)|(?:gerne|gern) (?:telefonieren|kennenlernen)"
    r"|let's (?:set up|schedule|find|chat|talk|meet)|can we (?:set up|schedule|find|chat|talk|meet)|next step (?:is|will be)"
    r"|einlad|laden (?:sie|dich) (?:herzlich )?ein|(?:mochten|wurden) (?:wir|gerne)|gerne (?:kennenlernen|sprechen)"
    r"|aimerions|souhaiterions|nos gustaria|queremos|vorremmo|gostariamos|willen (?:we|wij) (?:graag|je)|chcielibysmy"
    r"|uitnodig|inviter|invitons|invitar|invitamos|convidar|convite|convidamos|invitarti|invitarla|invito"
    r"|zaprasz|zaprosi|bjuda in|inbjudan|davet|pozvat|pozv[aá]nk|inviterer|invitere"
    r"|siguiente paso|proximo paso|prochaine etape|nachste schritt|volgende stap|prossimo passo|proxima etapa"
    r"|(?:i|we)(?:'d| would) (?:like|love) to|would you have|j'aimerais|souhaiterais|me gustaria|m'agradaria"
    r"|mi piacerebbe|saremmo lieti|vorrei|le propongo|ti propongo|gostaria de|(?:mochte|wurde) ich (?:sie|dich)"
    r"|gern(?:e)? mochte ich|vill garna|skulle garna|ik zou graag|seriez-vous disponible|estarias disponible"
    r"|haben sie zeit|hast du zeit)"
)
# The buttons of a calendar invitation ("Propose new time") are no reschedule.
CALENDAR_BUTTONS: Final = re.compile(
    r"propos(?:e|er|ez) (?:a |un )?(?:new time|nouvel horaire|nouvelle heure)|nouvel horaire propose"
    r"|neue zeit vorschlagen|proponer (?:una )?nueva hora|nieuwe tijd voorstellen|proponi (?:un )?nuovo orario"
    r"|propor novo horario"
    # An offer to move a booked time if need be is no reschedule either.
    r"|if you need to (?:reschedule|change the time)"
    # A reminder promised for later ("you will receive a reminder the day before") is not one.
    r"|(?:you will|you'll|voce|vous) (?:also )?(?:receive|recebera|receberas|recevrez) (?:a|um|un) (?:reminder|lembrete|rappel)"
    r"|(?:we will|we'll) send (?:you )?a reminder|recibiras? un recordatorio"
    # An application moved to a status ("has been moved to 'Shortlisted'") is no meeting moved.
    r"|(?:has|have) been(?= moved to\W+(?:the )?shortlist)|"
    + fold(
        r"일정\s?변경이?\s?(?:필요하신|필요하시면|필요한|을 원하시면|원하시면)|日程(?:の)?変更を(?:ご)?希望の場合"
    )
)


def small_talk(newest: str) -> bool:
    """A short note that asks for nothing and brings no bad news: "Thanks, see you Tuesday!"."""
    return len(newest.split()) <= SMALL_TALK_WORDS and not INVITES.search(newest) and not doubt(newest)


def kind_first(reading: StageReading, subject: str, newest: str) -> StageReading:
    """Reschedules, reminders, checks and thank-you notes change nothing; other languages' steps are read too.

    A decision (rejection, withdrawal, closing, offer) stands, except an offer read in mail about the checks
    that follow one. A step read only from another language's words is a guess: it is suggested, never logged.
    """
    text = CALENDAR_BUTTONS.sub(" ", f"{subject}\n{newest}")
    kind = no_change_kind(text)
    # A receipt or thank-you that goes on to invite to a step is the invitation (a guessed step stays a guess).
    stepped = reading.clear or (bool(reading.phrase) and reading.target != NO_CHANGE)
    if kind and kind[0] in WEAK_KINDS and stepped and INVITES.search(text):
        kind = None
    if (
        kind
        and kind[0] in ("completion receipt", "background check", "status update")
        and reading.clear
        and reading.target == "applied"
    ):
        # The receipt of an application is its acknowledgement, "we are reviewing it" included; checks it names
        # come much later.
        kind = None
    mentions_offer = reading.target == "offer" and OFFER_MENTIONED.search(reading.phrase) is not None
    # A reply's subject names the thread's first step, not this mail's news: another language's step words are read
    # in the subject of a new mail only.
    cue = _by_phone(step_cue(newest if REPLY_PREFIX.match(subject) else text), text)
    if kind and cue and _cue_decides(cue, kind, reading, text):
        return StageReading(cue[0], clear=False, phrase=f'{cue[1]}", but also "{kind[1]}')
    if kind and cue and _step_leads(cue, kind, text, reading):
        return StageReading(cue[0], clear=False, phrase=f'{cue[1]}", before "{kind[1]}')
    if kind and _kind_follows(reading, kind, text):
        return StageReading(reading.target, clear=False, phrase=f'{reading.phrase}", before "{kind[1]}')
    overrules = (
        mentions_offer and kind is not None and kind[0] in OVERRULES_OFFER and not _a_condition(text, kind[1])
    )
    if kind and (reading.target not in DECISIONS or overrules):
        return StageReading(NO_CHANGE, clear=True, phrase=f"{kind[1]}, a {kind[0]}")
    if cue and _decided_after_receipt(reading, cue, text):
        return StageReading(cue[0], clear=False, phrase=f'{reading.phrase}", then "{cue[1]}')
    if reading.clear and reading.target != NO_CHANGE:
        return reading
    if cue and (reading.target == NO_CHANGE or not reading.clear):
        return StageReading(cue[0], clear=False, phrase=cue[1])
    return reading


def _decided_after_receipt(reading: StageReading, cue: tuple[str, str], text: str) -> bool:
    """Whether another language's rejection or closing follows the thanks for an application: "takk for din
    søknad ... vi har valgt å gå videre med andre kandidater" is the decision, guessed for review."""
    if (
        cue is None
        or cue[0] not in ("rejected", "closed")
        or not reading.clear
        or reading.target != "applied"
    ):
        return False
    return -1 < text.find(reading.phrase) < cue_at(text, cue[1])


def _by_phone(cue: tuple[str, str] | None, text: str) -> tuple[str, str] | None:
    """An interview another language's words name, held by phone ("telefonický pohovor"), is a screening call.

    Only a phone word next to the interview's own words counts: a number in the signature or a call thanked
    for is no call."""
    if cue is None or cue[0] != "technical_interview":
        return cue
    if all(
        formal(text[max(0, at.start() - PHONE_NEAR) : at.end() + PHONE_NEAR])
        for at in cue_pattern(cue[1]).finditer(text)
    ):
        return cue
    return "recruiter_screen", f"{cue[1]}, by phone"


def _a_condition(text: str, cue: str) -> bool:
    """Whether checks are named as a condition of the offer ("conditional on pre-employment checks"), not as news."""
    found = cue_pattern(cue).search(text)
    where = found.start() if found else -1
    return where > 0 and CONDITION.search(text[max(0, where - 60) : where]) is not None


def _cue_decides(cue: tuple[str, str], kind: tuple[str, str], reading: StageReading, text: str) -> bool:
    """Whether another language's decision words outweigh a no-change kind ("after the reschedule, we regret...").

    Only when no phrase of this mail names a step clearly, and never an offer in mail about the checks after one
    (checks named as the offer's condition, or after the offer itself, do not make it such mail).
    """
    if cue[0] not in DECISIONS or (reading.clear and reading.target != NO_CHANGE):
        return False
    in_subject = -1 < cue_at(text, cue[1]) < text.find("\n")
    leads = (
        -1 < cue_at(text, cue[1]) < cue_at(text, kind[1])
    )  # the offer first, the checks that follow it after
    return (
        in_subject
        or leads
        or not (cue[0] == "offer" and kind[0] in OVERRULES_OFFER and not _a_condition(text, kind[1]))
    )


def _step_leads(cue: tuple[str, str], kind: tuple[str, str], text: str, reading: StageReading) -> bool:
    """Whether another language's step words come first and a survey, receipt or status note only follows:
    "online assessment ... the questionnaire part" is the assessment, suggested for review."""
    if kind[0] not in SIDE_NOTES or cue[0] in DECISIONS or (reading.clear and reading.target != NO_CHANGE):
        return False
    return -1 < cue_at(text, cue[1]) < cue_at(text, kind[1]) and not adjoins(text, cue[1], kind[1])


def _kind_follows(reading: StageReading, kind: tuple[str, str], text: str) -> bool:
    """Whether a step named plainly comes first and a survey, check or preparation only follows it: the step,
    guessed for review."""
    if kind[0] not in ASIDES_AFTER_A_STEP or not reading.clear or reading.target in (*DECISIONS, NO_CHANGE):
        return False
    return -1 < text.find(reading.phrase) < cue_at(text, kind[1])


def settled(reading: StageReading, scan: StageScan, text: str) -> StageReading:
    """Signals that disagree send the mail to review: good news next to "unfortunately", or an acknowledgement
    that only describes later steps ("if there's a fit, you'll have a work trial")."""
    if reading.target in DECISIONS or reading.target == NO_CHANGE:
        return reading
    # Thanks for applying, then a call asked for (not promised on a condition): the screen, guessed.
    call = BY_PHONE.search(text) if reading.target == "applied" and INVITES.search(text) else None
    if call and not IF_SO.search(text[: call.start()].rpartition(".")[2]):
        return StageReading(
            "recruiter_screen", clear=False, phrase=f'{reading.phrase}", then "{call.group()}'
        )
    worry = doubt(text)
    if worry:
        return StageReading(reading.target, clear=False, phrase=f'{reading.phrase}", but also "{worry}')
    acknowledged = scan.body_news.get("applied") or (
        scan.subject_news.get("applied") if scan.fresh_subject else None
    )
    if acknowledged and reading.target != "applied" and not INVITES.search(text):
        return StageReading("applied", clear=False, phrase=acknowledged)
    return reading


APPROACH: Final = "an approach about a role"


def approached(reading: StageReading, text: str) -> StageReading:
    """Mail that names no step but offers to talk about a role asks for a screening call: a guess, never sure."""
    if reading.target != NO_CHANGE or reading.phrase:
        return reading
    words = approach(text)
    if not words:
        return reading
    return StageReading("recruiter_screen", clear=False, phrase=f"{words}, {APPROACH}")


UNMATCHED: Final = (
    "recruiting mail in words the rules do not know, about no tracked job: most often an approach"
)


def unmatched_role(reading: StageReading) -> StageReading:
    """New mail only the learned reader knows as recruiting, matching no tracked job, is mostly someone asking to talk."""
    if reading.target != NO_CHANGE or reading.phrase:
        return reading
    return StageReading("recruiter_screen", clear=False, phrase=UNMATCHED)
