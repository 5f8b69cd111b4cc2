"""The Gmail searches that find recruitment mail: broad on purpose, in every language the router reads.

Gmail matches whole words, so the terms list word forms rather than stems. Searches are split to stay
well under Gmail's query length; `messages.list` is cheap in quota, so several searches cost little.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Final
from urllib.parse import quote_plus

from jobops.router import (
    step_cues_albanian,
    step_cues_arabic_indonesian,
    step_cues_bulgarian_west_slavic,
    step_cues_caucasus_central_asia,
    step_cues_central_east,
    step_cues_dari_pashto,
    step_cues_east_africa,
    step_cues_haitian_creole,
    step_cues_hebrew_celtic,
    step_cues_khmer_lao,
    step_cues_malagasy,
    step_cues_maltese,
    step_cues_mongolian,
    step_cues_nordic,
    step_cues_punjabi,
    step_cues_somali,
    step_cues_sorani,
    step_cues_south_asia_mena,
    step_cues_south_slavic,
)
from jobops.router.employers import LEGAL_PREFIXES, LEGAL_SUFFIXES, fold_word
from jobops.router.senders import platform_domains

MAX_QUERY_CHARS: Final = 1_000
# A search as it travels in the request's address: Cyrillic or Greek take six characters a letter there, Indic
# scripts and Arabic nine, and the Google client sends an address past 2,048 characters as a POST, not a GET.
MAX_ENCODED_QUERY_CHARS: Final = 1_700
EXCLUSIONS: Final = "-in:chats -in:drafts"
# Generic words also fill promotional mail ("a special offer"); employer and platform searches keep it.
TERM_EXCLUSIONS: Final = f"{EXCLUSIONS} -category:promotions"

# Words of mail about an application, an interview, a test, an offer or a decision, by language.
RECRUITMENT_TERMS: Final[tuple[str, ...]] = (
    # English
    "application",
    "applications",
    "applied",
    "applying",
    "apply",
    "interview",
    "interviews",
    "interviewing",
    "recruiter",
    "recruiting",
    "recruitment",
    "candidate",
    "candidacy",
    "candidature",
    "hiring",
    "assessment",
    "offer",
    "position",
    "role",
    "vacancy",
    "opportunity",
    "unfortunately",
    "shortlisted",
    "shortlist",
    "onsite",
    "screening",
    "withdraw",
    "withdrawing",
    "withdrawn",
    '"next steps"',
    '"thank you for your interest"',
    '"phone screen"',
    '"coding challenge"',
    '"take-home"',
    '"work trial"',
    '"trial shift"',
    # German
    "Bewerbung",
    "Bewerbungen",
    "Vorstellungsgespräch",
    "Kennenlerngespräch",
    "Stelle",
    "Position",
    "Absage",
    "Zusage",
    "Einladung",
    "Hospitation",
    "Probearbeiten",
    "Vertragsangebot",
    "Bewerber",
    "Bewerberin",
    "Auswahlverfahren",
    # French
    "candidature",
    "candidatures",
    "entretien",
    "entretiens",
    "entrevue",
    "entrevues",
    "poste",
    "recrutement",
    "offre",
    "embauche",
    "malheureusement",
    # Spanish and Catalan
    "candidatura",
    "entrevista",
    "entrevistas",
    "puesto",
    "vacante",
    "oferta",
    "proceso",
    "selección",
    "lamentablemente",
    "postulación",
    "posición",
    "cargo",
    "oportunidad",
    "búsqueda",
    "solicitud",
    "candidat",
    "procés",
    "selecció",
    "plaça",
    # Portuguese
    "vaga",
    "processo",
    "seleção",
    "recrutamento",
    "proposta",
    "contratação",
    "infelizmente",
    "oportunidade",
    # Italian
    "colloquio",
    "colloqui",
    "posizione",
    "selezione",
    "offerta",
    "purtroppo",
    "assunzione",
    # Dutch
    "sollicitatie",
    "sollicitatiegesprek",
    "vacature",
    "functie",
    "helaas",
    "aanbod",
    "kandidaat",
    "gesprek",
    "panelgesprek",
    "kennismakingsgesprek",
    # Swedish, Danish and Norwegian
    "ansökan",
    "intervju",
    "tjänst",
    "rekrytering",
    "erbjudande",
    "tyvärr",
    "ansøgning",
    "søknad",
    "stilling",
    "samtale",
    "desværre",
    "jobsamtale",
    "rekruttering",
    "dessverre",
    "tilbud",
    # Their definite and plural forms, and a recruiter's words: "inför intervjun", "ett kort samtal"
    "intervjun",
    "intervjuer",
    "intervjuet",
    "samtal",
    "samtalet",
    "samtalen",
    "tjänsten",
    "stillingen",
    "rekryterar",
    "anställning",
    "ansettelse",
    "ansættelse",
    # Icelandic
    "starf",
    "starfið",
    "umsókn",
    "umsóknin",
    "viðtal",
    "viðtalið",
    "ráðning",
    # Polish
    "rekrutacja",
    "rekrutacji",
    "aplikacja",
    "aplikację",
    "rozmowa",
    "rozmowę",
    "stanowisko",
    "oferta",
    "niestety",
    "kandydat",
    "kandydatura",
    # Czech
    "pohovor",
    "pozice",
    "výběrové",
    "nabídka",
    "bohužel",
    "uchazeč",
    "přihláška",
    # Turkish
    "başvuru",
    "başvurunuz",
    "mülakat",
    "görüşme",
    "pozisyon",
    "teklif",
    "maalesef",
    "aday",
    # Malay and Indonesian
    "permohonan",
    "temuduga",
    "jawatan",
    "lamaran",
    "wawancara",
    # Vietnamese, Thai and Tagalog
    "ứng tuyển",
    "phỏng vấn",
    "tuyển dụng",
    "ใบสมัคร",
    "สมัครงาน",
    "สัมภาษณ์",
    "aplikasyon",
    "panayam",
    # Japanese
    "応募",
    "選考",
    "面接",
    "面談",
    "実技試験",
    "内定",
    "採用",
    "書類",
    "適性検査",
    "辞退",
    "お見送り",
    # Korean
    "지원",
    "서류",
    "면접",
    "합격",
    "불합격",
    "채용",
    "입사",
    # Chinese
    "应聘",
    "應徵",
    "面试",
    "面試",
    "录用",
    "錄取",
    "录取",
    "职位",
    "職位",
    "招聘",
    # More English: agencies submit candidates to the employers they recruit for
    "submission",
    "submitted",
    # A CV passed on, in most languages' recruiting mail
    "CV",
    # Russian, beyond the forms the stage cues search
    "интервью",
    "кандидат",
    "кандидатами",
    "кандидатов",
    '"к сожалению"',
    # Swahili
    "usaili",
    "maombi",
    "nafasi",
    # Nepali
    "अन्तर्वार्ता",
    "अन्तरवार्ता",
    "दुर्भाग्यवश",
    *step_cues_central_east.SEARCH_TERMS,
    *step_cues_caucasus_central_asia.SEARCH_TERMS,
    *step_cues_hebrew_celtic.SEARCH_TERMS,
    *step_cues_south_asia_mena.SEARCH_TERMS,
    *step_cues_dari_pashto.SEARCH_TERMS,
    *step_cues_khmer_lao.SEARCH_TERMS,
    *step_cues_arabic_indonesian.SEARCH_TERMS,
    *step_cues_east_africa.SEARCH_TERMS,
    *step_cues_south_slavic.SEARCH_TERMS,
    *step_cues_bulgarian_west_slavic.SEARCH_TERMS,
    *step_cues_albanian.SEARCH_TERMS,
    *step_cues_nordic.SEARCH_TERMS,
    *step_cues_punjabi.SEARCH_TERMS,
    *step_cues_maltese.SEARCH_TERMS,
    *step_cues_haitian_creole.SEARCH_TERMS,
    *step_cues_mongolian.SEARCH_TERMS,
    *step_cues_somali.SEARCH_TERMS,
    *step_cues_malagasy.SEARCH_TERMS,
    *step_cues_sorani.SEARCH_TERMS,
)

_NAME_WORD: Final = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")
# Where a typed employer holds two names: "Client (via Agency)", "Brand / Parent".
_NAME_PARTS: Final = re.compile(r"\s*(?:\(|\)|\bvia\b|\bc/o\b|/)\s*", re.IGNORECASE)
_DOMAIN: Final = re.compile(r"^[a-z0-9.-]+\.[a-z]{2,}$")
SHORT_TAG: Final = 3  # letters of a tag after a brand: a country (UA), a region or a unit
BRAND_MIN: Final = 5  # letters a brand needs to be searched alone


def _window(search_days: int) -> str:
    return f"newer_than:{search_days}d"


def _chunked(items: Iterable[str], prefix: str, suffix: str) -> list[str]:
    """`prefix{a b c} suffix` searches, each under MAX_QUERY_CHARS and MAX_ENCODED_QUERY_CHARS."""
    searches: list[str] = []
    group: list[str] = []
    for item in dict.fromkeys(items):
        if group and not _fits(f"{prefix}{{{' '.join([*group, item])}}} {suffix}"):
            searches.append(f"{prefix}{{{' '.join(group)}}} {suffix}")
            group = []
        group.append(item)
    if group:
        searches.append(f"{prefix}{{{' '.join(group)}}} {suffix}")
    return searches


def employer_phrases(name: str) -> list[str]:
    """Search phrases for an employer typed with its agency or parent: 'Peloton (via Heidrick & Struggles)', and
    the shorter form mail often uses."""
    parts = [part for part in _NAME_PARTS.split(name) if part.strip()]
    phrases = [*map(employer_phrase, parts), *map(_short_phrase, parts)]
    return [phrase for phrase in dict.fromkeys(phrases) if phrase]


def _short_phrase(name: str) -> str | None:
    """A long name's first two words ("Kineto Vital" for Kineto Vital Cluj), or a brand's word before a short tag
    ("FitLab" for FitLab UA): job boards write the registered name, calendars and people the short one."""
    found = _core_words(name)
    if len(found) >= 3:
        return '"' + " ".join(found[:2]) + '"'
    if len(found) == 2 and len(found[1]) <= SHORT_TAG and len(found[0]) >= BRAND_MIN:
        return found[0]
    return None


def _fits(search: str) -> bool:
    """Whether a search is short enough, as written and as encoded in the request's address."""
    return len(search) <= MAX_QUERY_CHARS and len(quote_plus(search)) <= MAX_ENCODED_QUERY_CHARS


def employer_phrase(name: str) -> str | None:
    """An employer's name as a search phrase without its legal form: 'Stripe, Inc.' -> 'Stripe'."""
    found = _core_words(name)
    if not found or len("".join(found)) < 2:
        return None
    return found[0] if len(found) == 1 else '"' + " ".join(found) + '"'


def _core_words(name: str) -> list[str]:
    """A name's words without its legal form in front or behind: 'Kineto Vital SRL' -> Kineto, Vital."""
    found = _NAME_WORD.findall(name)
    while len(found) > 1 and fold_word(found[-1]) in LEGAL_SUFFIXES:
        found.pop()
    while len(found) > 1 and fold_word(found[0]) in LEGAL_PREFIXES:
        found.pop(0)
    return found


def recruitment_searches(
    search_days: int, employer_names: Sequence[str] = (), employer_domains: Sequence[str] = ()
) -> list[str]:
    """Every search for one sync: tracked employers and their domains first, then platforms, then terms."""
    window = _window(search_days)
    phrases = [phrase for name in employer_names for phrase in employer_phrases(name)]
    domains = [d.lower() for d in employer_domains if _DOMAIN.match(d.lower())]
    return [
        *_chunked(phrases, "", f"{EXCLUSIONS} {window}"),
        *_chunked((f"from:{d}" for d in (*domains, *platform_domains())), "", f"{EXCLUSIONS} {window}"),
        *_chunked(RECRUITMENT_TERMS, "", f"{TERM_EXCLUSIONS} {window}"),
    ]


def window_search(search_days: int) -> str:
    """Every message of the window, the owner's own included: the later messages of known threads."""
    return f"{EXCLUSIONS} {_window(search_days)}"
