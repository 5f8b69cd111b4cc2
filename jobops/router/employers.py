"""Employer names: normalised once per job, then found in sender domains and in text on word boundaries."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

from jobops.router.employer_words import (
    ACRONYM_SKIPS,
    CJK_LEGAL_FORMS,
    DESCRIPTORS,
    DOMAIN_PREFIXES,
    DOMAIN_SUFFIXES,
    GENERIC_WORDS,
    GROUP_WORDS,
    LEGAL_PREFIXES,
    LEGAL_SUFFIXES,
    PARTIAL_MIN_LETTERS,
)
from jobops.router.facts import JobFacts
from jobops.router.senders import FREE_MAIL, JOB_BOARD, domain_labels, host_of, sender_kind
from jobops.router.text import fold

_WORD: Final = re.compile(r"[^\W_]+")
_UNIT_DASH: Final = re.compile(r"\s[–—]\s")
_CJK: Final = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]")
_CJK_RUN: Final = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]+")
# A country written after a name ("Corrections NZ"): that body's domains end in that country's code, if in any.
COUNTRY_TAGS: Final = frozenset(
    [
        "nz",
        "au",
        "uk",
        "us",
        "ca",
        "de",
        "fr",
        "es",
        "nl",
        "be",
        "ch",
        "at",
        "pl",
        "cz",
        "ua",
        "ro",
        "hu",
        "sg",
        "hk",
        "ph",
        "vn",
        "jp",
        "kr",
        "cn",
        "tw",
        "br",
        "mx",
        "ar",
        "cl",
        "pe",
        "za",
        "ng",
        "ke",
        "gh",
        "eg",
        "sa",
        "ae",
        "qa",
        "tr",
        "il",
        "gr",
        "cy",
        "ie",
        "se",
        "dk",
        "fi",
        "pt",
        "ru",
        "kz",
        "uz",
        "ge",
        "az",
    ]
)
CJK_NAME_MIN: Final = 3  # characters of the first run of a name in CJK script that name the employer alone
_PARENTHESES: Final = re.compile(r"\(([^()]*)\)")
# A host in front of an employer's own domain that serves its job pages: careers.gene.com, employment.ku.dk.
_CAREERS_HOST: Final = re.compile(
    r"careers?\d*|jobs?|emplois?|empleos?|employment|karriere|stellen\w*|vacanc(?:y|ies)|recruit\w*|werkenbij|talent"
)
# Hosts of a hiring platform that are not an employer's account: apply.workable.com, jax.wd1.myworkdayjobs.com.
_PLATFORM_HOST: Final = re.compile(
    r"www|apply|boards|job-boards|jobs?|careers?\d*|hire|app|fa|wd\d+|em\d+|\w{1,2}"
)
_LABEL: Final = re.compile(r"[a-z0-9][a-z0-9-]*")
_ARTICLES: Final = frozenset(
    {"le", "la", "les", "l", "el", "los", "las", "il", "lo", "het", "de", "die", "das", "the"}
)
# Platforms that put the employer's account in the path: boards.greenhouse.io/lumio, jobs.lever.co/nimbuspay.
PATH_ACCOUNTS: Final = frozenset(
    {"greenhouse", "lever", "ashbyhq", "workable", "smartrecruiters", "recruitee", "pinpointhq"}
)
_NO_KEYS: Final[frozenset[str]] = frozenset()
# The dots of a legal form written in initials, so that S.p.A. and S.A. read as one word each.
_DOTTED_INITIALS: Final = re.compile(r"(?<=\b\w)\.(?=\w\b)")


@lru_cache(maxsize=200_000)
def fold_word(word: str) -> str:
    """A folded word, cached: the same words come back in every mail."""
    return fold(word)


def words(text: str) -> list[str]:
    """Folded words of a text."""
    return [fold_word(word) for word in _WORD.findall(text)]


@dataclass(frozen=True)
class Wording:
    """A text split into words once: where each word stands, and its folded form."""

    text: str
    matches: list[re.Match[str]]
    tokens: list[str]


def wording(text: str) -> Wording:
    """Split a text into words for mention and title matching."""
    matches = list(_WORD.finditer(text))
    return Wording(text, matches, [fold_word(match.group()) for match in matches])


def employer_tokens(name: str) -> tuple[str, ...]:
    """The words that name an employer, without legal form or punctuation: 'Stripe, Inc.' -> ('stripe',)."""
    tokens = words(_DOTTED_INITIALS.sub("", name))
    while len(tokens) > 1 and tokens[-1] in LEGAL_SUFFIXES:
        tokens.pop()
    if len(tokens) > 1 and (tokens[0] == "the" or tokens[0] in LEGAL_PREFIXES):
        tokens.pop(0)
    return tuple(tokens)


def employer_aliases(name: str) -> set[tuple[str, ...]]:
    """The normalised name and its short form without descriptors ('Meta Platforms' and 'Meta')."""
    full = employer_tokens(name)
    short = list(full)
    while len(short) > 1 and short[-1] in DESCRIPTORS:
        short.pop()
    return {alias for alias in (full, tuple(short)) if alias}


def acronym(name: str) -> str | None:
    """The initials of a name of three or more words, as organisations abbreviate themselves: 'HUG', 'UCLH'."""
    initials = [
        word[0] for word in _WORD.findall(name) if fold_word(word) not in ACRONYM_SKIPS and word[0].isupper()
    ]
    return "".join(initials).lower() if len(initials) >= 3 else None


def domain_initials(name: str) -> set[str]:
    """Initials a body's domain may use, at least three letters: uclh.nhs.uk, hug.ch, kwetb.ie (capitals kept)."""
    kept = [
        word for word in _WORD.findall(name) if fold_word(word) not in ACRONYM_SKIPS and word[0].isupper()
    ]
    plain = "".join(word[0] for word in kept).lower()
    whole = "".join(word.lower() if word.isupper() else word[0].lower() for word in kept)
    return (
        {initials[:end] for initials in (plain, whole) for end in range(3, len(initials) + 1)}
        if len(kept) >= 2
        else set()
    )


def capitalised_short_names(name: str) -> set[str]:
    """A name's leading word when written in capitals, the way acronyms are: 'UCLH', 'HUG' in 'HUG Genève'
    (never one further on, such as 'NHS' in 'Manchester University NHS FT', nor a kind of institution such as
    'CHSLD')."""
    words = _WORD.findall(name)
    if not words or not 3 <= len(words[0]) <= 6 or not words[0].isupper():
        return set()
    return set() if fold(words[0]) in GENERIC_WORDS else {words[0].lower()}


def _capitalised_runs(text: Wording) -> list[str]:
    """The initials of each run of capitalised words (small words like 'of' and 'de' may sit between)."""
    runs: list[str] = []
    current = ""
    for match, token in zip(text.matches, text.tokens, strict=False):
        word = match.group()
        if word[0].isupper() and not word.isupper():
            current += token[0]
        elif token not in ACRONYM_SKIPS:
            if len(current) >= 3:
                runs.append(current)
            current = ""
    if len(current) >= 3:
        runs.append(current)
    return runs


INNER_RUN_MIN: Final = 8


def _leading_words(alias: tuple[str, ...]) -> set[str]:
    """The name's first two or more words run together, as domains write them: 'stjames' for St James's Hospital,
    also without its small words: 'carrefourfamilles' for Carrefour des Familles Hochelaga."""
    plain = tuple(word for word in alias if word not in ACRONYM_SKIPS and word not in _ARTICLES)
    runs = {"".join(words[:end]) for words in (alias, plain) for end in range(2, len(words) + 1)}
    return {run for run in runs if len(run) >= 5}


def inner_runs(name: str) -> set[str]:
    """Two or more words of a name run together after its first word, as a domain may write its distinctive end:
    orleta-krakow.pl for Akademia Piłkarska Orlęta Kraków."""
    words = [word for word in employer_tokens(name) if word not in _ARTICLES]
    runs = {
        "".join(words[start:end])
        for start in range(1, len(words))
        for end in range(start + 2, len(words) + 1)
    }
    return {run for run in runs if len(run) >= INNER_RUN_MIN}


def first_word_and_initials(name: str) -> set[str]:
    """A domain may write a name's first word and the initials of the rest: lakesiderrs.org for Lakeside Refugee
    Resettlement Services."""
    words = [word for word in employer_tokens(name) if word not in ACRONYM_SKIPS and word not in _ARTICLES]
    if len(words) < 3 or len(words[0]) < PARTIAL_MIN_LETTERS:
        return set()
    return {words[0] + "".join(word[0] for word in words[1:])}


def partial_names(name: str) -> set[str]:
    """The first distinctive word of a longer name, which people use alone: 'Charité' for 'Charité Berlin',
    'Hays' for 'Hays Healthcare' (never a trade word further on, such as 'Robotics' in 'Cobalt Robotics')."""
    tokens = employer_tokens(name)
    if len(tokens) < 2:
        return set()
    distinctive = [
        t for t in tokens if len(t) >= PARTIAL_MIN_LETTERS and t not in GENERIC_WORDS and t not in DESCRIPTORS
    ]
    return set(distinctive[:1])


def _without_cjk_legal_form(name: str) -> str:
    """A name in Chinese, Japanese or Korean script without its legal form: 常盤商事株式会社 -> 常盤商事."""
    core = name.strip()
    for form in CJK_LEGAL_FORMS:
        core = core.replace(form, "")
    core = core.strip()
    return core if len(core) >= 2 else ""


def cjk_names(name: str) -> set[str]:
    """How a name in Chinese, Japanese or Korean script is written in mail: as typed, run together, without its
    legal form, and its first run of such characters (中国华信银行 for 中国华信银行 新加坡分行, 郭曾林律師行 for
    Kwok Tsang & Lam 郭曾林律師行)."""
    found = {name.strip(), _without_cjk_legal_form(name), re.sub(r"\s+", "", name)}
    first = next((core for run in _CJK_RUN.findall(name) if (core := _without_cjk_legal_form(run))), "")
    if len(first) >= CJK_NAME_MIN:
        found.add(first)
    return {item for item in found if item}


_CYRILLIC: Final = re.compile("[\u0400-\u04ff]")
# Cyrillic letters as the Latin ones an employer's own domain spells them with: vardarslatko.mk for Вардар Слатко.
_LATIN_FOR_CYRILLIC: Final = {
    **dict(zip("абвгдезийклмнопрстуфхцчшыэјћќѓґі", "abvgdeziyklmnoprstufhccsyejckggi", strict=True)),
    **{"ж": "zh", "щ": "sht", "ъ": "a", "ь": "", "ю": "yu", "я": "ya", "ё": "e", "є": "ye", "ї": "yi"},
    **{"ђ": "dj", "љ": "lj", "њ": "nj", "џ": "dz", "ѕ": "dz"},
}


def latin_letters(text: str) -> str:
    """A Cyrillic name in Latin letters, the way domains write it ('вардарслатко' -> 'vardarslatko')."""
    return "".join(_LATIN_FOR_CYRILLIC.get(letter, letter) for letter in text)


def name_variants(employer: str, extra: Iterable[str] = ()) -> list[str]:
    """The names an employer goes by: without a parenthesis, a parenthesis that is a name, brand family names."""
    main = _PARENTHESES.sub(" ", employer).strip()
    inside = [part for part in parenthesised(employer) if _is_another_name(part)]
    if len(inside) < len(parenthesised(employer)):
        employer = main  # "Amazon (Seattle)" is not a name to find as typed
    folded = fold(main)
    english = _IN_ENGLISH.sub(lambda found: KIND_IN_ENGLISH[found.group()], folded)
    translated = [english] if english != folded else []
    unit = _unit_name(main)
    return [name for name in dict.fromkeys([employer, main, *inside, *extra, *translated, *unit]) if name]


def _unit_name(name: str) -> list[str]:
    """The body an umbrella's name leads to after a dash, which mail writes alone: "CIUSSS du Nord-de-l'Île-de-Montréal"
    in "Santé Québec – CIUSSS du Nord-de-l'Île-de-Montréal" (three words or more: never an office such as
    "Městský úřad", nor a note such as "– client Osceola Pines")."""
    parts = _UNIT_DASH.split(name, maxsplit=1)
    if len(parts) < 2 or not parts[1][:1].isupper() or len(_WORD.findall(parts[1])) < 3:
        return []
    return [parts[1].strip()]


# A kind of institution written in its own language, as English mail names it: "Koç Üniversitesi" is
# "Koç University" in a letter sent in English.
KIND_IN_ENGLISH: Final = {
    **dict.fromkeys(
        ("universitesi", "universitat", "universite", "universidad", "universidade", "universita", "universiteit",
         "uniwersytet", "univerzita", "universiti", "universitas", "universitet", "yliopisto"),
        "University",
    ),
    **dict.fromkeys(("hastanesi", "hopital", "krankenhaus", "ziekenhuis", "szpital", "nemocnice", "ospedale"), "Hospital"),
}  # fmt: skip
_IN_ENGLISH: Final = re.compile(r"\b(?:" + "|".join(sorted(KIND_IN_ENGLISH, key=len, reverse=True)) + r")\b")


def url_domains(url: str | None) -> tuple[set[str], set[str]]:
    """What a job page's address says of the employer's own domain labels: sure (the account name on a hiring
    platform, jax.wd1.myworkdayjobs.com or boards.greenhouse.io/lumio; a careers host, careers.gene.com) and
    possible (any other site, which may be a job board)."""
    host = host_of(url)
    kind = sender_kind(host) if host else JOB_BOARD
    if kind in (JOB_BOARD, FREE_MAIL):
        return set(), set()
    label, front = domain_labels(host)
    if not _LABEL.fullmatch(label):
        return set(), set()
    if kind is None:
        return ({label}, set()) if any(_CAREERS_HOST.fullmatch(part) for part in front) else (set(), {label})
    path = url.split("://", 1)[-1].split("/")[1:2] if url else []
    accounts = [part for part in front if not _PLATFORM_HOST.fullmatch(part)]
    if label in PATH_ACCOUNTS:
        accounts += path
    compact = {fold(account).replace("-", "") for account in accounts}
    return {account for account in compact if len(account) >= 3 and _LABEL.fullmatch(account)}, set()


def _initials_of(short: tuple[str, ...], name: tuple[str, ...]) -> bool:
    """Whether a name starts with the initials of another, written as letters: "L&T Energy" and "Larsen & Toubro"."""
    letters = tuple(itertools.takewhile(lambda token: len(token) == 1, short))
    return len(letters) >= 2 and len(name) == len(letters) and letters == tuple(word[0] for word in name)


def _initials(tokens: tuple[str, ...]) -> str | None:
    """The initials of a name of three or more words, without the small words ("of", "de")."""
    kept = [token[0] for token in tokens if token not in ACRONYM_SKIPS]
    return "".join(kept) if len(kept) >= 3 else None


def parenthesised(employer: str) -> list[str]:
    """What an employer's name carries in parentheses: another name, a place or a note."""
    return [part.strip() for part in _PARENTHESES.findall(employer) if part.strip()]


def parenthesised_words(employer: str) -> set[str]:
    """A parenthesis of one distinctive word that may be a place ('Toronto') or a brand ('Bupa'): it suggests."""
    words = [employer_tokens(part) for part in parenthesised(employer) if not _is_another_name(part)]
    return {
        tokens[0]
        for tokens in words
        if len(tokens) == 1 and len(tokens[0]) >= PARTIAL_MIN_LETTERS and tokens[0] not in GENERIC_WORDS
    }


def parenthesised_initials(employer: str) -> set[str]:
    """Two capitals in parentheses: initials the employer's domain may use (tp.com), or a place written short
    ('HK'), so they name the employer in an address and never in prose."""
    return {
        part.lower()
        for part in parenthesised(employer)
        if len(part) == 2 and part.isalpha() and part.isupper()
    }


def _is_another_name(part: str) -> bool:
    """Whether a parenthesis gives another name of the employer ('Seorin Securities', 'via Hays', 'AWS', a name
    in CJK script) rather than a place or a note ('Toronto', 'HK', 'franchise, Mississauga'), which a single
    word or a list cannot tell apart: those only suggest the employer, as a distinctive word does."""
    if "," in part or ";" in part:
        return False
    words = _WORD.findall(part)
    return len(words) >= 2 or bool(_CJK.search(part)) or (len(part) >= 3 and part.isupper())


class EmployerIndex:
    """Employer groups of the active jobs, looked up by domain and by mention in constant time.

    Full names (and brand family names) count as the employer named; a distinctive word of a longer name
    or an acronym counts as partly named: enough to suggest a job, never to link one alone.
    """

    def __init__(
        self, jobs: Sequence[JobFacts], families: Callable[[str], Iterable[str]] = lambda _name: ()
    ) -> None:
        self.groups: dict[str, list[JobFacts]] = {}
        self.names: dict[str, str] = {}
        self._key_tokens: dict[str, tuple[str, ...]] = {}
        self._keys_by_first: dict[str, list[str]] = {}  # group keys by their first word, in the order added
        self._lettered_keys: list[str] = []  # group keys that start with an initial ("L&T Energy")
        self._key_order: dict[str, int] = {}
        self._keys_by_initials: dict[str, list[str]] = {}  # keys of three words or more, by their initials
        self._families = families
        self._domains: dict[str, set[str]] = {}
        self._mentions: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        self._partial: dict[str, set[str]] = {}
        self._acronyms: dict[str, set[str]] = {}
        self._domain_words: dict[str, set[str]] = {}  # a name's first word or initials, as a domain may be
        self._cjk: dict[str, set[str]] = {}
        self._lower_case: set[str] = set()  # groups whose own name is written in lower case: "dmg events"
        for job in jobs:
            self._add(job)
        self._share_group_names()

    def _add(self, job: JobFacts) -> None:
        """Index one job under its employer group."""
        if not employer_aliases(job.employer):
            return
        # A note in parentheses ("Tusla (publicjobs.ie campaign)") does not make another employer of "Tusla Kerry".
        key = self._group_key(
            employer_tokens(_PARENTHESES.sub(" ", job.employer)) or employer_tokens(job.employer)
        )
        if key not in self.groups:
            self._index_key(key)
        group = self.groups.setdefault(key, [])
        group.append(job)
        self.names.setdefault(key, job.employer.strip())
        if job.employer.strip()[:1].islower():
            self._lower_case.add(key)
        variants = name_variants(job.employer, self._families(job.employer))
        aliases = {alias for variant in variants for alias in employer_aliases(variant)}
        compacts = {"".join(alias) for alias in aliases}
        spelled = compacts | {prefix for alias in aliases for prefix in _leading_words(alias)}
        for compact in spelled | {latin_letters(name) for name in spelled if _CYRILLIC.search(name)}:
            self._domains.setdefault(compact, set()).add(key)
        plain = {alias for variant in variants if "(" not in variant for alias in employer_aliases(variant)}
        for compact in {alias[0] + alias[-1] for alias in plain if len(alias) >= 3}:  # nedfinbank.nl
            self._domains.setdefault(compact, set()).add(key)
        # A group's domain leaves out the word "group": primaverasalute.it for Gruppo Primavera Salute.
        for compact in {"".join(alias[1:]) for alias in plain if len(alias) >= 3 and alias[0] in GROUP_WORDS}:
            self._domains.setdefault(compact, set()).add(key)
        for alias in aliases:
            mentions = self._mentions.setdefault(alias[0], [])
            if len("".join(alias)) >= 2 and (alias, key) not in mentions:
                mentions.append((alias, key))
        # This employer's own words: the site of its job page may carry one (metacareers.com).
        own_words = parenthesised_words(job.employer)
        for word in own_words:
            self._partial.setdefault(word, set()).add(key)
            self._domain_words.setdefault(word, set()).add(key)
        for initials in parenthesised_initials(job.employer):
            self._domains.setdefault(initials, set()).add(key)
        for variant in variants:
            if _CJK.search(variant):
                for name in cjk_names(variant):
                    self._cjk.setdefault(fold(name), set()).add(key)
            partial = partial_names(variant)
            own_words |= partial
            for word in partial:
                self._partial.setdefault(word, set()).add(key)
            words = partial | domain_initials(variant) | first_word_and_initials(variant)
            for word in words | inner_runs(variant):
                self._domain_words.setdefault(word, set()).add(key)
            short = acronym(variant)
            for initials in {*capitalised_short_names(variant), *([short] if short else [])}:
                self._acronyms.setdefault(initials, set()).add(key)
        own, maybe = url_domains(job.job_url)
        for label in own:
            self._domains.setdefault(label, set()).add(key)
        for label in maybe - own:
            if any(compact in label for compact in compacts | own_words):
                self._domains.setdefault(label, set()).add(
                    key
                )  # the page's site carries the name: metacareers.com
            else:
                self._domain_words.setdefault(label, set()).add(key)

    def _share_group_names(self) -> None:
        """A group's name one employer carries ("Fels Asset Management (Fels Gruppe)") also names every other tracked
        employer whose name starts with the group's own words ("Fels Versicherung AG"): both are the group's."""
        for first, mentions in list(self._mentions.items()):
            for alias, key in list(mentions):
                own = _group_name_words(alias)
                if not own:
                    continue
                for other in self._keys_by_first.get(first, []):
                    if (
                        other != key
                        and self._key_tokens[other][: len(own)] == own
                        and (alias, other) not in mentions
                    ):
                        mentions.append((alias, other))

    def group_of(self, job_id: str) -> str | None:
        """The employer group a job belongs to."""
        return next((key for key, jobs in self.groups.items() if any(job.id == job_id for job in jobs)), None)

    def _index_key(self, key: str) -> None:
        """Remember a new group key by its first word, so a later name is compared with the few it may extend."""
        known = self._key_tokens.setdefault(key, tuple(key.split(" ")))
        self._key_order[key] = len(self._key_order)
        self._keys_by_first.setdefault(known[0], []).append(key)
        if len(known[0]) == 1:
            self._lettered_keys.append(key)
        initials = _initials(known)
        if initials:
            self._keys_by_initials.setdefault(initials, []).append(key)

    def _group_key(self, tokens: tuple[str, ...]) -> str:
        """The group of an employer already indexed under a shorter or longer form of the same name
        ("Guy's and St Thomas'" and "Guy's and St Thomas' NHS Foundation Trust"), else its own."""
        lettered = len(tokens[0]) == 1
        # A longer or shorter form starts with the same word; initials may stand for any name.
        if lettered:
            candidates: Iterable[str] = self.groups
        else:
            same_first = self._keys_by_first.get(tokens[0], [])
            both = {*same_first, *self._lettered_keys} if self._lettered_keys else same_first
            candidates = sorted(both, key=self._key_order.__getitem__)
        for key in candidates:
            known = self._key_tokens[key]
            shorter, longer = (known, tokens) if len(known) <= len(tokens) else (tokens, known)
            if longer[: len(shorter)] == shorter and (len(shorter) >= 2 or len(shorter[0]) >= 3):
                return key
            if (lettered or len(known[0]) == 1) and (
                _initials_of(known, tokens) or _initials_of(tokens, known)
            ):
                return key
        return self._acronym_key(tokens) or " ".join(tokens)

    def _acronym_key(self, tokens: tuple[str, ...]) -> str | None:
        """The group of an employer tracked under its name written out, when this name is its acronym ("HHRI" for
        "Horn Health Research Institute"), or the other way round."""
        if len(tokens) == 1 and len(tokens[0]) >= 3:
            return next(iter(self._keys_by_initials.get(tokens[0], [])), None)
        initials = _initials(tokens)
        short = [key for key in self._keys_by_first.get(initials, []) if key == initials] if initials else []
        return short[0] if short else None

    def groups_for_domain(self, domain: str) -> set[str]:
        """Employer groups whose own domain this is: stripe.com, mail.stripe.co.uk, makenotion.com, and a body
        under a region's domain: crownlegal.nsw.gov.au."""
        label, front = domain_labels(domain)
        found: set[str] = set()
        for candidate in {label, label.replace("-", ""), *label.split("-")}:
            found |= self._groups_for_label(candidate)
        for part in reversed(front):
            if found:
                break
            found = set(self._domains.get(part.replace("-", ""), set()))
        return {key for key in found if not _abroad(key, domain)}

    def groups_for_domain_word(self, domain: str) -> set[str]:
        """Groups whose longer name starts with this domain's name: ontario.ca for Ontario Ministry of Education,
        ktl-law.com.hk for Kwok Tsang & Lam."""
        return {key for key in self._groups_for_domain_word(domain) if not _abroad(key, domain)}

    def _groups_for_domain_word(self, domain: str) -> set[str]:
        """Groups whose longer name starts with this domain's name, wherever the domain is."""
        label, _ = domain_labels(domain)
        whole = self._domain_words.get(label, set()) | self._domain_words.get(label.replace("-", ""), set())
        for suffix in DOMAIN_SUFFIXES:  # totaravets.co.nz for Tōtara Veterinary Centre
            if not whole and label.endswith(suffix):
                whole = self._domain_words.get(label[: -len(suffix)], set())
        if whole:  # orleta-krakow.pl is Orlęta Kraków, not another club of Kraków
            return set(whole)
        parts = label.split("-")
        found: set[str] = set()
        for part in parts:
            found |= self._domain_words.get(part, set())
        # kita-spree-nord.de is Kita-Eigenbetrieb Spree-Nord, whose name has all three words, not another "Kita"
        shared = {key: len(set(parts) & set(key.split(" "))) for key in found}
        most = max(shared.values(), default=0)
        return {key for key, count in shared.items() if count == most} if most >= 2 else found

    def groups_for_labels(self, labels: Iterable[str]) -> set[str]:
        """Employer groups named exactly by any of these labels (a platform tenant or mailbox)."""
        found: set[str] = set()
        for label in labels:
            found |= self._domains.get(label, set())
        return found

    def _groups_for_label(self, label: str) -> set[str]:
        """Groups named by one domain label, exactly or with a known prefix or suffix."""
        if label in self._domains:
            return self._domains[label]
        for prefix in DOMAIN_PREFIXES:
            if label.startswith(prefix) and label[len(prefix) :] in self._domains:
                return self._domains[label[len(prefix) :]]
        for suffix in DOMAIN_SUFFIXES:
            if label.endswith(suffix) and label[: -len(suffix)] in self._domains:
                return self._domains[label[: -len(suffix)]]
        return set()

    def _cjk_mentioned(self, folded: str) -> set[str]:
        """Groups named in Chinese, Japanese or Korean script, longest names first: 常盤商事ビジネスサービス is not 常盤商事."""
        found: set[str] = set()
        for name in sorted((name for name in self._cjk if name in folded), key=len, reverse=True):
            if name in folded:
                found |= self._cjk[name]
                folded = folded.replace(name, "\x00")
        return found

    def partly_mentioned(self, text: Wording) -> set[str]:
        """Groups named by a distinctive word of their name or by their acronym, written as a name."""
        found: set[str] = set()
        partial, acronyms = self._partial, self._acronyms
        for position, token in enumerate(text.tokens):
            if (token in partial or token in acronyms) and _named(text.text, text.matches[position]):
                found |= partial.get(token, _NO_KEYS) | acronyms.get(token, _NO_KEYS)
        return found | self._spelled_out(text)

    def namesakes_of_sender(self, domain: str, texts: Sequence[Wording]) -> set[str]:
        """Groups whose distinctive first word starts another organisation's name that the mail writes out and the
        sender's own domain spells: "Mecsek Kerámia" from mecsekkeramia.hu is not MEVISZ (Mecsek Energia)."""
        if self.groups_for_domain(domain) or self.groups_for_domain_word(domain):
            return set()
        label = domain_labels(domain)[0].replace("-", "")
        found: set[str] = set()
        for text in texts:
            for position, token in enumerate(text.tokens[:-1]):
                keys = self._partial.get(token)
                after = text.tokens[position + 1]
                if not keys or not text.matches[position + 1].group()[:1].isupper():
                    continue
                if label.startswith(token + after):  # a word of the tracked name itself is no other name
                    found |= {key for key in keys if after not in words(self.names[key])}
        return found

    def _spelled_out(self, text: Wording) -> set[str]:
        """Groups that go by an acronym, found written out: 'University College London Hospitals' for UCLH."""
        found: set[str] = set()
        for run in _capitalised_runs(text):
            found |= {key for initials, keys in self._acronyms.items() if initials in run for key in keys}
        return found

    def mentioned(self, text: Wording) -> set[str]:
        """Groups named in a text as a proper noun on word boundaries ('Meta', never 'metadata'); a name the user
        writes in lower case may be written so."""
        tokens = text.tokens
        found: set[str] = set()
        if self._cjk:
            found |= self._cjk_mentioned(fold(text.text))
        for position in [index for index, token in enumerate(tokens) if token in self._mentions]:
            for alias, key in self._mentions[tokens[position]]:
                if key in found or tuple(tokens[position : position + len(alias)]) != alias:
                    continue
                if key in self._lower_case or _named(text.text, text.matches[position]):
                    found.add(key)
        return found


def _group_name_words(alias: tuple[str, ...]) -> tuple[str, ...]:
    """The words a group's name adds the word "group" to ("fels" in "Fels Gruppe", "Gruppo Primavera"), or none."""
    if len(alias) >= 2 and alias[-1] in GROUP_WORDS:
        return alias[:-1]
    if len(alias) >= 2 and alias[0] in GROUP_WORDS:
        return alias[1:]
    return ()


def _abroad(key: str, domain: str) -> bool:
    """Whether a domain sits in another country than the one a name is tagged with: corrections.qld.gov.au is not
    Corrections NZ."""
    tag, country = key.rpartition(" ")[2], domain.rpartition(".")[2]
    return tag in COUNTRY_TAGS and len(country) == 2 and country != tag


def _named(text: str, match: re.Match[str]) -> bool:
    """Whether a word is written as a name: capitalised, or part of an address like stripe.com."""
    first = match.group()[0]
    if first.isupper() or first.isdigit():
        return True
    before = text[match.start() - 1 : match.start()]
    after = text[match.end() : match.end() + 2]
    if before and before in "@./":
        return True
    return after[:1] == "." and after[1:2].isalnum()
