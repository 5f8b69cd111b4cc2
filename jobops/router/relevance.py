"""Whether a mail is about recruiting or an application, and not an alert, newsletter, advert or personal note."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final

from jobops.router.dispatch import alternatives, dispatching_pattern
from jobops.router.kinds import context_points
from jobops.router.senders import ASSESSMENT, ATS, BACKGROUND, FREE_MAIL, JOB_BOARD, SCHEDULING, SIGNATURE
from jobops.router.text import fold, fold_pattern

# Phrases on folded text that mark mail as noise even when it says interview, offer or application.
LIFE_ADMIN: Final = "finance, housing or study"
NOISE: Final[dict[str, str]] = {
    "job alert": (
        r"new jobs?\b|jobs? matching|job alerts?|jobalert|job-?agent|jobs (?:you might like|for you)"
        r"|recommended jobs|^[^\n]*(?:is|are) hiring\b|new roles at|roles you might like|neue jobs|stellenangebote"
        r"|nouvelles offres|offres d'emploi|nuevas ofertas|ofertas de empleo|appeared in \d+ searches"
        r"|viewed your profile|interview questions|interview reviews|read more reviews|salaries shared"
        r"|nieuwe vacatures|vacaturemelding|vacatures die passen|\d+ nieuwe resultaten|nowych ofert|oferty dopasowane"
        r"|nove nabidky|nabidky pro vas|nuove offerte|offerte di lavoro per te|novas vagas|vagas (?:para voce|recomendadas)"
        r"|nuevos empleos|empleos para ti|offres pour vous|offres correspondant|passende jobs|jobs,? die zu (?:dir|ihnen) passen"
        r"|neue stellen|lediga jobb|nye stillinger|yeni is ilanlari|lowongan baru|viec lam moi|新着求人|おすすめ求人|추천 공고"
        r"|职位推荐|新职位|nya jobb|matchar din (?:jobb)?bevakning"
        r"|today's jobs\b"
        r"|(?:подходящие|новые|нові|свіжі) ваканс[иі]|ваканс[иі]\w* (?:для вас|за вашим запитом)|nowe oferty|좋은 공고"
        r"|автопоиск|yangi vakansiyalar|ta yangi vakansiya|avtoqidiruv|жаңа вакансиялар"
        r"|为您推荐|為您推薦|精选职位|精選職缺|신규 채용공고|맞는 추천|yeni ilan var|viec lam phu hop voi ban|^ofertas nuevas:"
        r"|top job picks|jobs picked for you"
        # Saved searches and job agents in the Nordic languages and Dutch: "Nye treff i lagret søk", "Jobbagent".
        r"|jobb du kanske ar intresserad av|jobb som matchar din profil|nye treff i (?:ditt )?lagre(?:t|de) sok|jobbagent"
        r"|vacature-?update|\d+ nieuwe banen|har publicerat ett nytt jobb"
    ),
    "newsletter": (
        r"\bwebinar|newsletter|in this issue|register (?:now|today)|read in app|daily digest|new episode|listen now|podcast"
        r"|market update|release notes|waitlist|\b\d+ tips\b|tips (?:for|from)\b|interview tips"
        r"|practice challenge|your streak|weekly challenge|start practicing|practice (?:problems|questions|challenges)"
        r"|leaderboard|sharpen your skills|curated|mock interviews?|interview prep(?:aration)? session"
        r"|\bupvotes\b|trending in r/|highlights from this week|seminar series|cpd (?:circular|programme|courses?)"
        r"|accredited courses"
        r"|new course:|courses picked for you|thread populer|forum lowongan|en cok sorulan|인기글|参加無料"
    ),
    "marketing": (
        r"special offer|limited time|\d+ ?% off|promo code|offer (?:ends|valid)|claim offer"
        r"|deals (?:on|picked|for you)|today's deals|free trial|upgrade (?:now|to)|offre speciale|claim your spot"
        r"|premium career|get hired faster|share your new role|share that you started|applicant insights|stand out to recruiters"
        r"|oferta especial|rabatt"
    ),
    LIFE_ADMIN: (
        r"credit card|tarjeta de credito|carte de credit|kreditkarte|your loan|loan (?:offer|application|approved)|mortgage|overdraft"
        r"|pre-?approved|credit score|rental application|visa application|admissions? (?:office|team|decision|portal)|your admission to"
        r"|degree programme|\bmsc\b|enrol?lment|developer program|talk proposal|immatricolazione|iscrizione al"
        r"|work permit application|residence permit application|biometrics? appointment|titre de sejour"
        r"|permiso de residencia|verblijfsvergunning|aufenthaltstitel"
        r"|\b(?:der|die|unserer|unsere|ihrer|eine|einer) kita\b|kita-platz|kindergarten|betreuungsplatz|\bwohnung\b|wohnungsbesichtigung|\bbesichtigung\b|schufa"
        r"|\bappartement\b|avis d'imposition|huurwoning|\bwoning\b|bezichtiging|piso en alquiler|appartamento in affitto"
    ),
    "your employer's hiring tools": (
        r"added (?:you )?as an? interviewer|you(?:'ve| have) been added as an? interviewer|submit your (?:scorecard|interview feedback)"
        r"|scorecard (?:is )?(?:due|overdue)|interview kit\b|interviewer training|(?:review|evaluate) (?:the )?candidates? for"
        r"|you(?:'re| are) (?:on|part of) (?:the|an) interview (?:panel|loop) for|feedback (?:form )?for (?:the )?candidate"
        r"|referral bonus|refer a (?:friend|candidate)"
        r"|(?:sit|serve) on the interview (?:board|panel)|dear (?:board|panel) member|marking sheets|candidate packs"
        r"|added (?:you )?to the (?:interview panel|hiring team|hiring committee)|(?:join|on) the interview panel for the following"
        r"|as a panel member|scheduled to interview candidates|interview candidates for|scorecards? (?:are |is )?(?:due|overdue)"
        r"|your scorecard for|your rating: not submitted|shortlisting required|named you as (?:a |their )?referee"
        r"|time off request|leave request (?:has been )?(?:approved|declined)|your timesheet|timesheet for (?:the )?week"
        r"|exit checklist|we have received your resignation|your payslip|exit interview"
        r"|(?:assigned|nominated|selected) as (?:an? |the )?(?:final )?interviewer|(?:waiting for|pending) (?:your )?(?:final )?interview feedback"
        r"|ajoute\w* (?:a|en tant que membre de) l'equipe de recrutement|vous faites partie des (?:intervieweurs|recruteurs)"
        r"|evaluation en attente|laisser (?:une|votre) evaluation|(?:a|ont) postule au poste"
        r"|zum (?:einstellungs|recruiting)team hinzugefugt|agregado al equipo de (?:contratacion|seleccion)"
        # The same in German, Spanish and more English wording: feedback owed, interviews assigned to the reader.
        r"|als interviewer\w*(?:[:*]in)? (?:hinzugefugt|eingeplant|eingetragen)|interview-?feedback (?:ausstehend|erfasst)"
        r"|feedback zu (?:[\w.-]+ ){1,3}ausstehend|(?:action required|reminder): interview feedback for"
        r"|submit your evaluation for|panel scoring (?:is )?(?:due|overdue)|scorecard pendiente"
        r"|tu (?:feedback|retroalimentacion) de la entrevista con|entrevista asignada"
        r"|interview feedback (?:requested|due)|interview panel assignment|interview panel: [^\n]{0,60}\bcandidates"
        r"|beoordeel de kandidaten|gespreksverslagen|면접위원\(내부\) 위촉|면접위원 위촉|내부위원 배정|평가표 배포"
        # A booking that names the reader among the interviewers: "där du är intervjuare".
        r"|dar du ar intervjuare|where you(?:'re| are) (?:an? |the )?interviewer|you are (?:an? |the )?interviewer\b"
        r"|interjuztatokent"
    ),
    "registration or training": (
        r"recognition of (?:your )?(?:professional )?qualifications?|beroepskwalificatie|berufsbezeichnung"
        r"|anerkennung (?:ihrer|ihres|der|des) (?:berufs|ausland)|demande de reconnaissance|reconnaissance d'un diplome"
        r"|(?:instructor|training|online|short|e-learning) course|certificate of completion|e-learning programme"
        r"|application for (?:a )?(?:general )?(?:certificate of )?registration|invitation to review (?:the |a |this )?manuscript"
        r"|review (?:the|a|this) manuscript"
    ),
    "a sign-in or security code": (
        r"verification code|sign-in code|verify your email(?: address)?|reset (?:your|the) password|password reset"
        r"|multi-factor authentication|two-factor|one-time (?:code|password)"
        r"|(?:the|this) (?:sign-in |login )?link (?:is valid|expires|will expire) (?:for|in|after) \d+ minutes"
        r"|(?:access code|zugangscode|codigo de acceso|code d'acces|codice di accesso|toegangscode|codigo de acesso)"
        r" (?:for|fur|para|pour|per|voor) (?:your|the|ihren|ihre|den|su|el|votre|le|il|uw|het|o|a|seu|sua)"
        r" (?:\w+ )?(?:document|envelope|contract|arbeitsvertrag|vertrag|dokument|documento|contrat|contratto)"
    ),
    "notification": (
        r"(?<!acknowledge )(?<!confirm )\breceipt\b(?! of your)|your payout|payout (?:sent|is on its way)|your order\b|has shipped|payment (?:is )?due|pipeline (?:#\d+ )?(?:has )?failed"
        r"|triggered\]|shared (?:a file|\"[^\"]*\") with you|login code|password reset"
        r"|\bdigest\b|in your workspace|pages? (?:edited|updated)|(?:issues?|tasks?|tickets?) assigned to you"
        r"|mentioned you in|commented on (?:your |an? |the )?(?:post|issue|pull request|merge request|page)"
    ),
}
CONTEXT: Final = (
    r"your application|application for|candidacy|\bcandidate|recruit|talent acquisition"
    r"|hiring (?:team|manager|process)|\binterview|the (?:role|position)\b|next (?:steps?|stage|round)\b|bewerbung"
    r"|move you forward|moving you forward|in the process\b"
    r"|candidature|candidatura|solicitud|postulacion|entretien|entrevue|entrevista|vorstellungsgesprach|proceso de seleccion"
    r"|le poste|el puesto|la posicion|die (?:position|stelle)|processus de recrutement"
    r"|sollicitatie|vacature|de functie|colloquio|selezione|la posizione|il ruolo|processo di selezione"
    r"|ansokan|tjansten|rekrytering|intervju|processo seletivo|\bvaga\b|rekrutac|kandydat|stanowisk"
)
BULK: Final = re.compile(
    r"unsubscribe|manage (?:email )?preferences|view in browser|abmelden|abbestellen|desinscrire|darse de baja|gerer mes alertes"
)
RECRUITING_SENDER: Final = re.compile(
    r"recruit|recrut|rekryt|rekrut|talent|career|karriere|\bjobs?\b|\bjobb|hiring|\bhr\b|people|talento|seleccion|bewerb|werkenbij"
    r"|\brrhh\b|recursos humanos|headhunt|executive search|tuyen ?dung|nhan su|perekrutan|kerjaya"
    # staffing agencies, which write about their clients' roles
    r"|randstad|adecco|manpower|michael ?page|page ?personnel|\bhays\b|robert ?walters|robert ?half|kelly services"
    r"|\bgi ?group|synergie|navigos|persolkelly|"
    + "|".join(
        fold(word)
        for word in ("人事", "採用", "招聘", "人力資源", "人力资源", "채용", "인사팀", "ทรัพยากรบุคคล")
    )
)
# Application life-cycle language: the mail is about the reader's own application, candidacy or interviews.
APPLICATION: Final = re.compile(
    r"\byour (?:job )?(?:application|candidacy|candidature|interviews?|profile|cv|resume)\b|\bapplied (?:for|to)\b"
    r"|\binterview(?:s|ed|ing)? with\b|(?:hiring|recruiting|interview|selection) process"
    r"|\bthe (?:role|position|opening|vacancy)\b|\bnext (?:steps?|stage|round)\b|\bcandidate"
    r"|(?:ihre|deine) (?:bewerbung|kandidatur)|(?:votre|ta) candidature|(?:tu|su) (?:candidatura|solicitud|postulacion)"
    r"|(?:la tua|la sua) candidatura|(?:je|uw) sollicitatie|\bdin ansokan|(?:sua|a tua) candidatura|processo seletivo"
    r"|proces(?:ie|u)? rekrutacyjn|\bwasza aplikacj|\btwoja aplikacj|\btwoja kandydatur|\brekrytering"
)
# Automated product mail: notification addresses, and what product notifications say.
NOTIFICATION_SENDER: Final = re.compile(
    r"^(?:no-?reply[._+-]?)?(?:notifications?|notify|alerts?|updates?|digest|activity|system|bot|robot|mailer)(?:[._+-][\w.+-]*)?@"
)
PRODUCT_NOTICE: Final = re.compile(
    r"\bassigned (?:[\w#-]+ ){0,3}to you|\b(?:issues?|tasks?|tickets?|bugs?|cards?) assigned\b|notification settings"
    r"|\bview (?:the )?(?:issue|task|ticket|card|pull request|merge request|thread|comment)\b|\b(?:reopened|closed|resolved|merged) (?:the )?(?:issue|ticket|pull request)"
    r"|\bchanged the status\b|\bmoved (?:[\w#-]+ ){0,3}to (?:in progress|done|backlog|todo)|\bpriority: (?:urgent|high|medium|low)"
)
_NAME_WORD: Final = re.compile(r"\w{4,}")  # a word that names a tracked job's employer or title
# Noise that recruiting words cannot outweigh: the candidate interviewing others, sign-in codes.
DECISIVE: Final = frozenset({"your employer's hiring tools", "a sign-in or security code"})
DECISIVE_NOISE: Final = 12
CHECK_PORTAL: Final = frozenset({"a sign-in or security code", "notification"})
_NOISE: Final = {label: re.compile(rf"\b(?:{fold_pattern(pattern)})") for label, pattern in NOISE.items()}
# Every noise phrase in one pattern: most mail has none, and one pass tells so faster than a pass per kind.
_ANY_NOISE: Final = dispatching_pattern(
    [phrase for pattern in NOISE.values() for phrase in alternatives(fold_pattern(pattern))]
)
_CONTEXT: Final = re.compile(CONTEXT)

# Addresses that write to many readers at once: an organisation's events, news, academy or marketing list.
MAILING_SENDER: Final = re.compile(
    r"^(?:events?|news|newsletters?|marketing|academy|academie|akademie|webinars?|community|communications?|magazine"
    r"|digest|promo(?:tions?)?)[._+-]?\w*@"
)
THRESHOLD: Final = 3
# A subject (the first line of the text judged) that acknowledges an application.
RECEIPT_SUBJECT: Final = re.compile(
    r"[^\n]*\b(?:your application (?:was|has been|is) (?:sent|submitted|received)|application (?:submitted|received|sent)"
    r"|thank(?:s| you) for (?:applying|your application)|(?:ihre|deine) bewerbung (?:wurde|ist)|candidature (?:envoyee|recue)"
    r"|(?:tu|su) (?:postulacion|solicitud) (?:fue|ha sido) (?:enviada|recibida))"
)
# Points for mail tied to a tracked job beyond language: the employer with that job's own title (in any
# language the user typed it), or a calendar invitation organised by someone at the employer.
TITLE_POINTS: Final = 2
ORGANISER_POINTS: Final = 2
PERSON_POINTS: Final = 2  # a person, by name, at the employer's own domain
THREAD_POINTS: Final = 5  # the points a linked or reviewed thread gives: a list's mail there is a reply to it
PLATFORM_POINTS: Final = {ATS: 2, ASSESSMENT: 2, BACKGROUND: 2, SCHEDULING: 1, SIGNATURE: 1, JOB_BOARD: 1}


@dataclass(frozen=True)
class Relevance:
    relevant: bool
    score: int
    noise: tuple[str, ...]


def judge_relevance(
    text: str,
    sender: str,
    kind: str | None,
    stage_named: bool,
    employer_domain: bool,
    memory_points: int,
    job_points: int = 0,
    own_words: frozenset[str] = frozenset(),
) -> Relevance:
    """Score the evidence for and against recruiting mail; `text` is the folded subject and newest part, and
    `own_words` the words the tracked jobs are named with."""
    noise = (
        tuple(label for label, pattern in _NOISE.items() if _noise_found(label, pattern, text, own_words))
        if _ANY_NOISE.search(text)
        else ()
    )
    if "job alert" in noise and RECEIPT_SUBJECT.match(text):
        # A job board's receipt for an application, with "similar jobs" below it, is no job alert.
        noise = tuple(label for label in noise if label != "job alert")
    if kind == BACKGROUND:
        # A check's portal sends one-time codes and "action required" notices about that very check.
        noise = tuple(label for label in noise if label not in CHECK_PORTAL)
    if "notification" not in noise and automated_notice(sender, text):
        noise = (*noise, "notification")
    if memory_points < THREAD_POINTS and MAILING_SENDER.match(sender.rpartition(" ")[2]):
        noise = (*noise, "a mailing list")
    score = 3 * stage_named + min(2, len(set(_CONTEXT.findall(text))) + context_points(text))
    score += PLATFORM_POINTS.get(kind or "", 0) + employer_domain + bool(RECRUITING_SENDER.search(sender))
    penalty = sum(DECISIVE_NOISE if label in DECISIVE else 5 for label in noise)
    score += memory_points + job_points - penalty - bool(BULK.search(text)) - (kind == FREE_MAIL)
    return Relevance(score >= THRESHOLD, score, noise)


def _noise_found(label: str, pattern: re.Pattern[str], text: str, own_words: frozenset[str]) -> bool:
    """Whether a text has this noise; a workplace can be named like life admin (a bank's card team, a Kita, a
    university's admissions office), so those words count only when no tracked job is named with them."""
    if label != LIFE_ADMIN:
        return pattern.search(text) is not None
    return any(
        not own_words.intersection(_NAME_WORD.findall(found.group())) for found in pattern.finditer(text)
    )


def name_words(names: Iterable[str]) -> frozenset[str]:
    """The folded words, of four letters or more, that names are written with."""
    return frozenset(word for name in names for word in _NAME_WORD.findall(fold(name)))


def a_person(address: str, sender_name: str) -> bool:
    """Whether an address is a named person's (Jane Doe <jane.doe@...>), not a team's, a service's or a list's."""
    local = fold(address.partition("@")[0])
    parts = [part for part in re.split(r"[._+-]", local) if part]
    names = [word for word in re.findall(r"\w+", fold(sender_name)) if len(word) >= 3]
    if not parts or NOTIFICATION_SENDER.match(address) or MAILING_SENDER.match(address):
        return False
    return any(part == name or (len(part) >= 4 and name.startswith(part)) for part in parts for name in names)


def automated_notice(sender: str, text: str) -> bool:
    """Whether an automated product address (notifications@, alerts@ ...) sends product-notification language."""
    address = sender.rpartition(" ")[2]
    return bool(NOTIFICATION_SENDER.match(address) and PRODUCT_NOTICE.search(text))
