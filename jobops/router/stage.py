"""What a mail says about the application's stage, read from the newest part only, in en/de/fr/es/nl/it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from jobops.router.decision_phrases import DECISION_PHRASES
from jobops.router.dispatch import dispatching_pattern
from jobops.router.step_phrases import STEP_PHRASES
from jobops.router.text import fold, fold_pattern
from jobops.stages import NO_CHANGE, stage_rank

# Phrases on folded text (lower case, no accents). Order is priority: the first stage found wins.
STAGE_PHRASES: Final[dict[str, tuple[str, ...]]] = {**DECISION_PHRASES, **STEP_PHRASES}
# A generic invitation names no stage: it is read against the job's current stage.
GENERIC_INTERVIEW: Final = re.compile(
    r"invite you (?:to|for) (?:an? |the )?(?:[\w-]+ ){0,2}(?:interview|next round)|(?:schedule|book|arrange) (?:an|your|the) interview"
    r"|(?:keen|like|love|want|happy|eager) to (?:interview|meet) you"
    r"|interview (?:invitation|invite|confirmation|confirmed)"
    r"|\b(?:your|ur) (?!exit )(?:[\w-]+ ){0,2}interviews?\b[^.!?\n]{0,60}\b(?:is|are|has been|have been) (?:confirmed|scheduled|rescheduled|moved|booked)"
    r"|\bevent type:\s*[^\n]{0,40}\binterview\b|(?:invitation|invite) for (?:your|the) interview\b"
    r"|\bfor (?:a|an|the|your) (?:first|second|initial|formal|panel|operations?) interview\b|\bi have you (?:confirmed|booked) for\b"
    r"|vorstellungsgesprach|einladung zu(?:m|einem) (?:gesprach|interview)|(?:gesprach|interview)\b[^.!?\n]{0,60}\beinladen"
    r"|\bentretien\b|\bentrevue\b|\bentrevista\b|\bcolloquio\b|\bintervju\b|\bzaprosi\w* (?:cie |pana |pania )?na rozmow|\brozmow\w* rekrutacyjn|sollicitatiegesprek|uitnodiging voor (?:een|het) (?:gesprek|interview)"
    r"|(?:gesprach|interview)\b[^.!?\n]{0,60}\beinzuladen|laden (?:wir )?(?:sie|dich)\b[^.!?\n]{0,40}\bzu(?:m|einem) (?:interview|gesprach)"
    r"|selectiegesprek|nodig(?:en)? (?:je|u) (?:graag )?uit voor (?:een|het) (?:gesprek|interview)"
    r"|(?:invitere (?:dig|deg)|bjuda in dig) til(?:l)? (?:et |en )?(?:\w+ )?(?:interview|intervju|samtale)"
    r"|bring you in for (?:an? |the )?(?:interview|next round)|(?:team|panel) interview"
    r"|\b(?:phone|telephone) interview\b|imbitahan (?:kayo |ka )?sa (?:isang )?(?:\w+ )?interview"
    # A call booked with the candidate: a first screen early on.
    r"|\b(?:i'll|i will|we'll|we will) (?:give you a )?(?:call|ring|phone) you (?:on|at)\b|\blet's (?:have|do|schedule|set up) (?:a|our) (?:quick |short |first )?call"
    r"|\blet's speak (?:on|at|tomorrow)|\bi'll call you (?:on|at|tomorrow)"
    r"|\bevent(?: type)?:\s*[^\n]{0,40}\b(?:call|intro|introduction|chat|screen)\b"
    r"|\brufe ich (?:sie|dich)\b[^.!?\n]{0,60}\ban\b|\bzavolam (?:vam|ti)\b"
    r"|\bbel ik (?:je|u)\b|\bik bel (?:je|u)\b|\bte (?:llamo|llamare|llamaremos)\b|\bconfirmamos tu llamada"
    r"|\bje vous (?:appelle|appellerai|rappelle)\b|\bje t'appelle\b|\bich rufe (?:sie|dich)\b[^.!?\n]{0,60}\ban\b"
    r"|\b(?:te|lhe) ligo\b|\b(?:la|ti) chiamo\b|\btu entrevista (?:quedo|ha quedado|esta) (?:agendada|confirmada|programada)"
    # A calendar entry or subject that is an interview: "Співбесіда: ...", "Запрошення: Співбесіда ...".
    r"|(?:^|\n)(?:(?:запрошення|приглашение|invitation|updated invitation): )?(?:співбесід|собеседован)\w*"
)
# Words every GENERIC_INTERVIEW phrase holds: most mail has none of them, and a substring test is cheap.
GENERIC_ANCHORS: Final = (
    "interview", "next round", "meet you", "entretien", "entrevue", "entrevista", "colloquio", "intervju",
    "rozmow", "gesprek", "gesprach", "samtale", "call", "ring", "phone", "speak", "llam", "appel", "ligo",
    "chiamo", "bel ", "zavolam", "rufe", "event", "have you", "співбесід", "собеседован",
)  # fmt: skip
# A fresh subject that is about an interview: a calendar event or a booking named after it.
SUBJECT_INTERVIEW: Final = re.compile(
    r"(?<!exit )(?<!mock )\binterview\b(?! (?:tips|questions|prep|preparation|guide|skills|podcast|webinar))"
    # The word in other languages, as a subject writes it: "Συνέντευξη – ...", "一次面接", "Routa haastattelu: ...".
    r"|\b(?:haastattelu|interju|mulakat|interviu|wawancara|temuduga|phong van|pohovor|rozmowa kwalifikacyjna"
    r"|panayam)\w*"
    + "".join(
        f"|{fold_pattern(word)}"
        for word in (
            "συνεντευξ",
            "müsahibə",
            "面接(?!対策)",
            "面试(?!技巧|攻略)",
            "面試(?!技巧|攻略)",
            "면접",
            "நேர்முகத் தேர்வு",
            "สัมภาษณ์",
            "مقابلة",
            "ראיון",
            "साक्षात्कार",
            "इंटरव्यू",
        )
    )
)
# A subject about an interview already booked: its link, its day, what to do before it, in the languages above too.
ABOUT_BOOKED: Final = re.compile(
    r"\b(?:before|tomorrow|today|tonight|reminder|link|prep\w*|presentation|hatirlatma|muistutus|emlekezteto"
    r"|pengingat|nhac nho|pripominka|przypomnienie|memento|reamintire)\b"
    + "".join(
        f"|{fold_pattern(word)}"
        for word in (
            "リマインド",
            "リンク",
            "提醒",
            "链接",
            "連結",
            "알림",
            "링크",
            "υπενθυμιση",
            "תזכורת",
            "تذكير",
            "แจ้งเตือน",
        )
    )
    # Or one looked back on: its result, feedback or thanks.
    + r"|\b(?:feedback|results?|thank\w*|kiitos|koszonjuk|tesekkur\w*|sonuc\w*|rezultat\w*|hasil|ket qua|cam on)\b"
    + "".join(
        f"|{fold_pattern(word)}"
        for word in (
            "お礼",
            "結果",
            "フィードバック",
            "確約",
            "결과",
            "후기",
            "감사",
            "结果",
            "反馈",
            "感谢",
            "謝謝",
            "ผล",
            "ขอบคุณ",
            "شكر",
            "نتيجة",
            "نتائج",
            "תודה",
            "תוצאות",
            "αποτελεσμ",
            "ευχαριστ",
        )
    )
)
# A call rather than a meeting: an unnamed interview by phone is a first screen.
BY_PHONE: Final = re.compile(
    r"\b(?:phone|telephone|(?<!video )(?<!video-)call|intro|introductory|telefon\w*|telefoni\w*|telephoni\w*|llamada|chiamata|appel|ligacao|chamada|trucada"
    r"|bel|llamo|llamare|llamaremos|appelle|appellerai|rufe|ligo|chiamo|zavolam)\b"
    + "".join(
        f"|{fold(word)}"
        for word in (
            "電話",
            "전화",
            "电话",
            "โทรศัพท์",
            "телефон",
            "هاتف",
            "फ़ोन",
            "फोन",
            "τηλεφων",
            "טלפון",
            "dien thoai",
            "утсаар",
            "утсан ярилц",
        )
    )
)
# A call looked back on: thanked for, or the step after it.
PAST_CALL: Final = re.compile(
    r"\b(?:thank\w*|thanks|grazie|gracias|merci|danke|obrigad[oa]|bedankt|after|following|since|nach|dopo|apres|tras"
    r"|despues|depois)\b[^.!?\n]{0,60}"
)
# Words just before a phrase that make it a reference to a past or other step, not this mail's news.
ASIDE: Final = re.compile(
    r"(?:after(?! (?:careful|much|thorough|further|long|some|serious) (?:consideration|review|thought|deliberation))|following|since|before|prior to|enjoyed|"
    r"(?<!is )(?<!been )(?:completing|completed)(?! (?:the|our|its|their) (?:search|process|review|selection|recruitment))|submitting|submitted|"
    r"getting through|passed|feedback (?:from|on)|thank(?:s| you) for|speaking with you|(?:i )?(?:was|were) (?:on|in|at|part of) (?:your|the)|"
    r"based on|on the basis of|berdasarkan|op basis van|dank (?:je|u)(?: wel)? voor|sur la base d|en base a|auf grundlage|"
    r"voordat (?:we |wij )?|bevor (?:wir )?|avant (?:de|que)|antes de|prima (?:di|del)|"
    r"ahogy(?: a| az)?|по итогам|по результатам|после|"
    r"received|receiving|after our|following our|(?:outcome|result|results|feedback) (?:of|from|on)|esito|resultado|resultados|resultat|ergebnis|uitslag|merci (?:\w+ )?pour|gracias por|danke fur|grazie per|bedankt voor|"
    r"nach (?:dem|deinem|ihrem|unserem|unserer|der)|uber (?:das|den|die|unser\w*|ihr\w*|dein\w*)|(?:feedback|informacj\w*) z|po (?:rozmowie|naszej)|apres(?! (?:une )?(?:etude|examen|analyse|reflexion))|suite a|tras|despues de|dopo|na (?:het|ons|je))\W+(?:\w+\W+){0,4}$"
)
# The sentence's own clause, begun after a reference: ", we will not be", ", I am pleased to".
OWN_CLAUSE: Final = re.compile(r"[,;]\s*(?:we|i)\b[^,;]*$")
# A step mentioned as a possibility, not announced: "we'll let you know whether we invite you to a first call".
CONDITIONAL: Final = re.compile(
    r"\b(?:whether|if|of|ob|si|om)\W+(?:we|wir|nous|vi)\b(?:\W+\w+){0,3}\W+(?:invite|uitnodigen|einladen|inviter|bjuda in|move you forward)\w*(?:\W+\w+){0,3}\W*$"
    # A later step of the process told as what follows this one: "then a full loop", "if that goes well, ...".
    r"|\b(?:then|followed by|afterwards|after that|anschliessend|danach|ensuite|puis|luego|despues|poi|daarna)\W+(?:\w+\W+){0,3}$"
    r"|\b(?:if|wenn|si|se|als|jesli)\b[^.!?\n]{0,60}\b(?:goes well|go well|gut (?:lauft|verlauft)|se passe bien"
    r"|sale bien|va bene|goed gaat|va bien|vont bien|se passent bien)\b[^.!?\n]{0,80}$"
    r"|\b(?:if|should|once) (?:you (?:move|progress|go|make it|are (?:moved|progressed|successful))|successful)\b[^.!?\n]{0,80}$"
    r"|\bif (?:your|there(?:'s| is)|we|you)\b[^.!?\n]{0,60}\b(?:a (?:good |strong )?(?:fit|match)|suitable|shortlisted|selected)\b[^.!?\n]{0,80}$"
    # "If we proceed, the next step will be a panel interview": a step that depends on a decision not yet made.
    r"|\bif (?:we|you|they|the (?:team|panel|hiring manager))\b(?:\W+\w+){0,3}?\W+(?:proceed|move (?:forward|ahead)|go ahead)"
    r"\b[^.!?\n]{0,80}$"
    # What shortlisted candidates go on to: "a tool to shortlist candidates for a competency-based interview".
    r"|\b(?:to shortlist(?: candidates| applicants)?|(?:successful|selected|shortlisted) (?:candidates|applicants))\b"
    r"[^.!?\n]{0,40}\b(?:for|to)\W+(?:\w+\W+){0,3}$"
    # "If you have not heard from us by then, please assume that you have not been successful."
    r"|\b(?:please )?assume (?:that )?(?:on this occasion |in this instance )?$"
    # A step told as what this talk is not: "this is not yet a formal interview", "noch kein offizielles Gespräch".
    r"|\b(?:not|no|noch kein\w*|kein\w*)\s+(?:yet\s+)?(?:an?\s+)?(?:formal\w*|offiziell\w*|official)\s+$"
)
_SENTENCE_END: Final = re.compile(r"[.!?\n]")
# Reply and forward prefixes mail clients write, in English and in other languages' clients.
REPLY_PREFIX: Final = re.compile(r"^\s*(?:(?:re|aw|sv|fw|fwd|wg|tr|rv|r|antw|odp|ynt|vs|رد|وەڵام)\s*:\s*)+")


_PATTERN: Final = dispatching_pattern([phrase for phrases in STAGE_PHRASES.values() for phrase in phrases])
# Which stage a match belongs to: the first stage, in priority order, whose phrases match at that position.
_STAGE_PATTERNS: Final = {
    stage: dispatching_pattern(list(phrases)) for stage, phrases in STAGE_PHRASES.items()
}
ORDER: Final = tuple(STAGE_PHRASES)
# Which stage a mail's news is when it names several: a cancelled vacancy is the news a kind "regret to inform"
# wraps, so it goes before a rejection.
PRIORITY: Final = ("withdrawn", "closed", *(stage for stage in ORDER if stage not in ("withdrawn", "closed")))


@dataclass(frozen=True)
class StageReading:
    target: str
    clear: bool  # named by a phrase in this mail, not guessed
    phrase: str


@dataclass(frozen=True)
class StageScan:
    """Stage phrases found in a mail, before they are read against a job's current stage."""

    body_news: dict[str, str]
    body_asides: dict[str, str]
    subject_news: dict[str, str]
    fresh_subject: bool
    generic: str
    formal: bool = False  # an interview not told as a call
    titled: str = ""  # a fresh subject named after an interview, when nothing else names a step

    def reading(self, current_stage: str | None) -> StageReading:
        """The stage the mail announces: newest body first, then a fresh subject, then weaker readings."""
        if (
            set(self.body_news) == {"applied", NO_CHANGE}
            and self.fresh_subject
            and "applied" in self.subject_news
        ):
            # An acknowledgement that says the application is being reviewed is still the acknowledgement.
            return StageReading("applied", clear=True, phrase=self.body_news["applied"])
        # An interview it invites to outweighs an acknowledgement or "thank you for your patience" before it.
        if self.body_news and not (self.generic and set(self.body_news) <= {"applied", NO_CHANGE}):
            return _first(self.body_news, clear=True)
        if self.subject_news and self.fresh_subject:
            return _first(self.subject_news, clear=True)
        if self.body_asides:
            return _first(self.body_asides, clear=False)
        if self.generic or self.titled:
            return StageReading(
                _next_interview(current_stage, self.formal), clear=False, phrase=self.generic or self.titled
            )
        return StageReading(NO_CHANGE, clear=False, phrase="")


def _next_interview(current_stage: str | None, formal: bool) -> str:
    """The step an interview that names no step most likely is, after the job's current one: the first formal
    interview (a first screen when told as a call); later on, an unnamed interview is news only a reader can place."""
    rank = stage_rank(current_stage)
    if rank <= 0:
        return "technical_interview" if formal else "recruiter_screen"
    if current_stage == "recruiter_screen" and not formal:  # the screening call itself, being booked
        return "recruiter_screen"
    return "technical_interview" if rank < stage_rank("technical_interview") else NO_CHANGE


def formal(text: str) -> bool:
    """Whether an interview is a formal one: not told as a call (the rules call a screening call a screen).

    A call the mail thanks for or looks back on ("thanks for the call on Monday") is an earlier step."""
    return not BY_PHONE.search(PAST_CALL.sub(" ", text))


def scan_stage(subject: str, newest: str) -> StageScan:
    """Find stage phrases in a folded subject and the folded newest part of the body."""
    body_news, body_asides = named_stages(newest)
    subject_news, _ = named_stages(REPLY_PREFIX.sub("", subject))
    # The body's words first; a reply's subject names the thread's first step, not this mail's news.
    both = newest if REPLY_PREFIX.match(subject) else f"{newest}\n{subject}"
    generic = GENERIC_INTERVIEW.search(both) if any(anchor in both for anchor in GENERIC_ANCHORS) else None
    return StageScan(
        body_news,
        body_asides,
        subject_news,
        not REPLY_PREFIX.match(subject),
        generic.group() if generic else "",
        formal(f"{subject}\n{newest}"),
        ""
        if generic or REPLY_PREFIX.match(subject) or ABOUT_BOOKED.search(subject)
        else _group(SUBJECT_INTERVIEW.search(subject)),
    )


def _group(match: re.Match[str] | None) -> str:
    return match.group() if match else ""


def named_stages(text: str) -> tuple[dict[str, str], dict[str, str]]:
    """Stages named in a folded text, split into news and asides (references to other steps), each with its phrase."""
    news: dict[str, str] = {}
    asides: dict[str, str] = {}
    for match in _PATTERN.finditer(text):
        stage = next(
            (name for name, pattern in _STAGE_PATTERNS.items() if pattern.match(text, match.start())),
            NO_CHANGE,
        )
        sentence_start = _last_sentence_start(text, match.start())
        before = text[sentence_start : match.start()]
        target = asides if _aside(before) or CONDITIONAL.search(before) else news
        target.setdefault(stage, match.group())
    return news, asides


def _aside(before: str) -> bool:
    """Whether the words before a phrase make it a reference to another step ("after your interview"), unless the
    sentence goes on to its own clause first: "after reviewing your application, we will not be moving forward"."""
    found = ASIDE.search(before)
    return found is not None and not OWN_CLAUSE.search(found.group())


def _last_sentence_start(text: str, position: int) -> int:
    """Where the sentence holding a position starts (at most 80 characters back)."""
    window_start = max(0, position - 80)
    ends = list(_SENTENCE_END.finditer(text, window_start, position))
    return ends[-1].end() if ends else window_start


def _first(found: dict[str, str], clear: bool) -> StageReading:
    """The highest-priority stage found, with its phrase."""
    stage = min(found, key=PRIORITY.index)
    return StageReading(stage, clear, found[stage])
