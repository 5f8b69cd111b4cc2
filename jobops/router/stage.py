"""What a mail says about the application's stage, read from the newest part only, in en/de/fr/es."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from jobops.stages import NO_CHANGE, stage_rank

# Phrases on folded text (lower case, no accents). Order is priority: the first stage found wins.
STAGE_PHRASES: Final[dict[str, tuple[str, ...]]] = {
    "withdrawn": (
        r"(?:you(?:'ve| have)|has (?:now )?been|have (?:now )?been|is now) withdrawn",
        r"withdrawn your (?:application|candidacy)",
        r"withdrawal (?:confirmation|of your (?:application|candidacy))",
        r"your (?:application|candidacy)\b[^.!?\n]{0,80}\bwithdrawn",
        r"bewerbung\b[^.!?\n]{0,60}\bzuruckgezogen",
        r"retire (?:votre|ta) candidature", r"candidature (?:a ete )?retiree", r"desistement",
        r"retirado (?:tu|su) candidatura", r"candidatura (?:ha sido )?retirada",
        r"(?:as (?:you )?requested|at your request)\W[^.!?\n]{0,60}\b(?:closed|withdrawn|withdrew|removed)",
    ),
    "rejected": (
        r"not (?:to )?(?:move|moving) forward with (?:your|you)",
        r"(?:decided|chosen) not to (?:move forward|proceed|progress|continue|pursue)",
        r"(?:not|unable) (?:able )?to (?:move|moving) forward",
        r"(?:move|moving|go|proceed) forward with (?:other|another) candidates?",
        r"pursue (?:other )?candidates", r"other candidates whose", r"not (?:be )?moving ahead",
        r"(?:filled|closed) the (?:role|position)", r"closing the process",
        r"anderweitig (?:zu )?besetzen",
        r"(?:will not|won't|not) be (?:moving forward|progressing|proceeding|taking your application)",
        r"not (?:to )?proceed(?:ing)? with your", r"not be progressing",
        r"position has (?:now )?been filled", r"(?:have|has) not been selected",
        r"decided to go (?:with|in) (?:another|a different)", r"regret to inform",
        r"(?:your application|you) (?:was|were|has been) unsuccessful",
        r"fur (?:einen )?andere(?:n)? (?:kandidat|bewerber)", r"gegen (?:sie|dich) entschieden",
        r"nicht (?:weiter )?berucksichtig", r"nicht mit (?:ihnen|dir) fortzusetzen",
        r"keine positive (?:ruckmeldung|nachricht)", r"\babsage\b",
        r"pas (?:pouvoir |pouvons )?donner (?:une )?suite", r"ne (?:pas )?donner suite",
        r"pas (?:ete )?retenue?", r"(?:un|d'autres?) (?:autre )?(?:candidat|profil)s? (?:dont|plus)",
        r"no (?:continuaremos|seguiremos|avanzaremos|vamos a (?:continuar|avanzar)|podemos continuar)",
        r"otros? (?:candidatos?|perfiles) (?:que|cuyo)", r"no ha(?:s)? sido seleccionad",
        r"no seguir adelante",
    ),
    "offer": (
        r"(?:pleased|happy|delighted|thrilled|excited|glad) to (?:extend|offer|make) (?:you )?(?:an? |the )?(?:formal |verbal |written )?(?:offer|position|role)",
        r"extend (?:you )?(?:an?|the|our) (?:formal |verbal |written )?offer",
        r"(?:would|'d) (?:like|love) to offer you", r"offer letter", r"offer of employment",
        r"your offer from", r"(?:formal|verbal|written) offer", r"offer (?:details|package)",
        r"(?:forward|proceed) with an offer",
        r"vertragsangebot", r"(?:ihnen|dir) ein (?:vertrags)?angebot", r"arbeitsvertrag",
        r"proposition d'embauche", r"promesse d'embauche", r"offre d'embauche", r"lettre d'offre",
        r"(?:heureux|heureuse|ravis?|ravie) de (?:vous|te) proposer le poste",
        r"(?:nos complace|estamos encantados de|queremos) ofrecerte", r"carta de oferta",
        r"hacerte una oferta",
    ),
    "onsite": (
        r"\bon-?site\b", r"final (?:round|interview|stage|loop)s?", r"interview loop",
        r"panel interview", r"superday", r"work trial",
        r"letzte(?:n)? (?:runde|gesprach)", r"finale(?:s|n)? (?:runde|gesprach|interview)",
        r"abschlussgesprach", r"vor-?ort-?(?:termin|gesprach|interview)",
        r"dernier entretien", r"entretiens? fina(?:l|ux)", r"tour final",
        r"entrevistas? fina(?:l|les)", r"ultima (?:entrevista|ronda)", r"ronda final",
    ),
    "technical_interview": (
        r"technical (?:interview|screen|round|deep dive|session|discussion)s?",
        r"coding interview", r"system design(?: interview)?", r"pair(?:-| )?programming",
        r"pairing session", r"live coding", r"architecture interview",
        r"technische(?:s|n)? (?:interview|gesprach)", r"fachgesprach", r"fachinterview",
        r"entretiens? techniques?", r"entrevistas? tecnicas?",
    ),
    "hiring_manager_screen": (
        r"hiring manager\b", r"team match(?:ing)?",
        r"(?:meet|meeting|speak with|chat with|conversation with|call with) (?:the |our |your )?(?:team lead|engineering manager|head of)",
        r"(?:gesprach|interview) mit (?:der|dem|unserer|unserem|deiner|deinem|ihrer|ihrem) (?:teamleit|fachbereich|abteilungsleit|vorgesetzt)",
        r"entretien avec (?:le|la|votre|ton|ta|notre) (?:futur(?:e)? )?(?:manager|responsable)",
        r"rencontrer (?:le|la|votre|ton|ta) (?:futur(?:e)? )?(?:manager|responsable)",
        r"entrevista con (?:el|la|tu|su) (?:responsable|manager|jef[ae]|lider)",
    ),
    "assessment": (
        r"take-? ?home", r"coding (?:challenge|exercise|test|assessment|task)",
        r"(?:online|technical|skills?|coding|general coding|programming) (?:assessment|test)",
        r"\bassessment\b", r"case study", r"home assignment", r"design (?:challenge|exercise)",
        r"work sample", r"(?:take|complete|solve) (?:a|the|our|your) (?:test|assessment)",
        r"coding-?(?:aufgabe|challenge)", r"(?:test|probe|programmier|case)-?aufgabe", r"fallstudie",
        r"test technique", r"exercice (?:technique|a la maison)", r"cas pratique", r"etude de cas",
        r"prueba tecnica", r"(?:reto|ejercicio|desafio) tecnico", r"caso practico",
    ),
    "recruiter_screen": (
        r"phone screen(?:ing)?", r"screening call",
        r"recruiter (?:call|screen|chat|conversation|interview)",
        r"(?:intro|introductory|initial|first|quick|short|brief) (?:phone |video )?(?:call|chat|conversation)",
        r"(?:call|conversation|chat) with (?:a|one of our|our) recruiters?", r"get to know you", r"kennenlern", r"erste(?:s|n)? (?:telefonat|gesprach|telefoninterview)",
        r"telefoninterview", r"premier (?:echange|entretien|appel)", r"(?:echange|entretien) telephonique",
        r"(?:primera|una) (?:llamada|entrevista telefonica|conversacion)",
        r"llamada (?:inicial|telefonica)", r"entrevista telefonica",
    ),
    NO_CHANGE: (
        r"still (?:reviewing|under review|in review|being reviewed|evaluating|collecting|waiting|gathering|considering)",
        r"(?:is|remains|are) (?:still )?under (?:review|consideration)",
        r"(?:gathering|collecting|finali[sz]ing|finali[sz]es|writing up) (?:the )?feedback",
        r"haven't forgotten", r"thank(?:s| you) for your patience", r"on hold", r"paused hiring",
        r"no update yet",
        r"(?:weiterhin|noch|derzeit) in (?:der )?(?:bearbeitung|prufung)",
        r"en cours d'(?:examen|etude|analyse)", r"toujours en cours",
        r"(?:sigue|seguimos|sigo) (?:en proceso|revisando)", r"en proceso de (?:revision|seleccion)",
    ),
    "applied": (
        r"received your (?:job )?(?:application|applications|cv|resume|documents|submission|job submission)",
        r"(?:application|job submission) (?:has been |was )?(?:received|submitted|sent)",
        r"your application (?:has been|was|is) (?:received|submitted|sent)",
        r"thank(?:s| you) for (?:your )?(?:applying|application|submitting your application)",
        r"application (?:received|confirmation)",
        r"bewerbung (?:erhalten|eingegangen)", r"eingang (?:ihrer|deiner) (?:bewerbung|unterlagen)",
        r"(?:vielen )?dank fur (?:ihre|deine) bewerbung", r"eingangsbestatigung",
        r"(?:bien )?recu (?:votre|ta) (?:candidature|dossier)", r"merci pour (?:votre|ta) candidature",
        r"hemos recibido (?:tu|su) (?:solicitud|candidatura|cv)",
        r"gracias por (?:tu|su) (?:candidatura|solicitud|postulacion)",
    ),
}
# A generic invitation names no stage: it is read against the job's current stage.
GENERIC_INTERVIEW: Final = re.compile(
    r"invite you (?:to|for) (?:an? |the )?(?:interview|next round)|(?:schedule|book|arrange) (?:an|your|the) interview"
    r"|interview (?:invitation|invite|confirmation|confirmed)|your interviews? (?:is|are|has been|have been) (?:confirmed|scheduled|rescheduled|moved)"
    r"|vorstellungsgesprach|einladung zu(?:m|einem) (?:gesprach|interview)|(?:gesprach|interview)\b[^.!?\n]{0,60}\beinladen"
    r"|\bentretien\b|\bentrevista\b"
)
# Words just before a phrase that make it a reference to a past or other step, not this mail's news.
ASIDE: Final = re.compile(
    r"(?:after|following|since|before|prior to|enjoyed|completing|completed|submitting|submitted|"
    r"getting through|passed|feedback (?:from|on)|thank(?:s| you) for|speaking with you|"
    r"nach (?:dem|deinem|ihrem)|apres|suite a|tras|despues de)\W+(?:\w+\W+){0,4}$"
)
_SENTENCE_END: Final = re.compile(r"[.!?\n]")
_REPLY_PREFIX: Final = re.compile(r"^\s*(?:(?:re|aw|sv|fw|fwd|wg|tr|rv|r)\s*:\s*)+")
_PATTERN: Final = re.compile(
    r"\b(?:" + "|".join(f"(?P<{stage}>{'|'.join(phrases)})" for stage, phrases in STAGE_PHRASES.items()) + ")"
)
ORDER: Final = tuple(STAGE_PHRASES)


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

    def reading(self, current_stage: str | None) -> StageReading:
        """The stage the mail announces: newest body first, then a fresh subject, then weaker readings."""
        if self.body_news and not (self.generic and set(self.body_news) == {"applied"}):
            return _first(self.body_news, clear=True)
        if self.subject_news:
            return _first(self.subject_news, clear=self.fresh_subject)
        if self.body_asides:
            return _first(self.body_asides, clear=False)
        if self.generic:
            target = "recruiter_screen" if stage_rank(current_stage) <= 0 else NO_CHANGE
            return StageReading(target, clear=False, phrase=self.generic)
        return StageReading(NO_CHANGE, clear=False, phrase="")


def scan_stage(subject: str, newest: str) -> StageScan:
    """Find stage phrases in a folded subject and the folded newest part of the body."""
    body_news, body_asides = _found(newest)
    subject_news, _ = _found(_REPLY_PREFIX.sub("", subject))
    generic = GENERIC_INTERVIEW.search(newest) or GENERIC_INTERVIEW.search(subject)
    return StageScan(
        body_news, body_asides, subject_news, not _REPLY_PREFIX.match(subject), generic.group() if generic else ""
    )


def _found(text: str) -> tuple[dict[str, str], dict[str, str]]:
    """Stages named in a text, split into news and asides (references to other steps)."""
    news: dict[str, str] = {}
    asides: dict[str, str] = {}
    for match in _PATTERN.finditer(text):
        stage = match.lastgroup or NO_CHANGE
        sentence_start = _last_sentence_start(text, match.start())
        target = asides if ASIDE.search(text[sentence_start : match.start()]) else news
        target.setdefault(stage, match.group())
    return news, asides


def _last_sentence_start(text: str, position: int) -> int:
    """Where the sentence holding a position starts (at most 80 characters back)."""
    window_start = max(0, position - 80)
    ends = list(_SENTENCE_END.finditer(text, window_start, position))
    return ends[-1].end() if ends else window_start


def _first(found: dict[str, str], clear: bool) -> StageReading:
    """The highest-priority stage found, with its phrase."""
    stage = min(found, key=ORDER.index)
    return StageReading(stage, clear, found[stage])
