"""Reading the cue tables: what kind of mail this is, which step its words name, how much doubt it holds.

Cues are written naturally and folded (lower case, no accents) when compiled. Words of scripts without
spaces (Chinese, Japanese, Korean) match anywhere; others on word boundaries.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

from jobops.router import step_cues_albanian as albanian
from jobops.router import step_cues_arabic_indonesian as arabic_indonesian
from jobops.router import step_cues_bulgarian_west_slavic as bulgarian_west_slavic
from jobops.router import step_cues_caucasus_central_asia as caucasus
from jobops.router import step_cues_central_east as central_east
from jobops.router import step_cues_dari_pashto as dari_pashto
from jobops.router import step_cues_east_africa as east_africa
from jobops.router import step_cues_east_asia as east_asia
from jobops.router import step_cues_haitian_creole as haitian_creole
from jobops.router import step_cues_hebrew_celtic as hebrew_celtic
from jobops.router import step_cues_khmer_lao as khmer_lao
from jobops.router import step_cues_malagasy as malagasy
from jobops.router import step_cues_maltese as maltese
from jobops.router import step_cues_mongolian as mongolian
from jobops.router import step_cues_nordic as nordic
from jobops.router import step_cues_punjabi as punjabi
from jobops.router import step_cues_romance as romance
from jobops.router import step_cues_somali as somali
from jobops.router import step_cues_sorani as sorani
from jobops.router import step_cues_south_asia_mena as south_asia_mena
from jobops.router import step_cues_south_slavic as south_slavic
from jobops.router import step_cues_southeast_asia as southeast_asia
from jobops.router.approach_cues import APPROACH_CUES
from jobops.router.context_cues import CONTEXT_CUES, DOUBT_CUES
from jobops.router.no_change_cues import NO_CHANGE_KINDS
from jobops.router.step_cues import STEP_CUES
from jobops.router.text import fold


def _merged(*tables: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
    """One table from several, entry by entry, in the first table's order."""
    merged: dict[str, tuple[str, ...]] = {}
    for table in tables:
        for entry, cues in table.items():
            merged[entry] = merged.get(entry, ()) + cues
    return merged


TABLES: Final[dict[str, dict[str, tuple[str, ...]]]] = {
    "kind": _merged(
        NO_CHANGE_KINDS,
        east_asia.KINDS,
        southeast_asia.KINDS,
        romance.KINDS,
        central_east.KINDS,
        caucasus.KINDS,
        hebrew_celtic.KINDS,
        south_asia_mena.KINDS,
        arabic_indonesian.KINDS,
        east_africa.KINDS,
        *south_slavic.KIND_TABLES,
        bulgarian_west_slavic.KINDS,
        albanian.KINDS,
        nordic.KINDS,
        punjabi.KINDS,
        maltese.KINDS,
        haitian_creole.KINDS,
        mongolian.KINDS,
        somali.KINDS,
        malagasy.KINDS,
        sorani.KINDS,
    ),
    "step": _merged(
        STEP_CUES,
        east_asia.STEPS,
        southeast_asia.STEPS,
        khmer_lao.STEPS,
        romance.STEPS,
        central_east.STEPS,
        caucasus.STEPS,
        hebrew_celtic.STEPS,
        south_asia_mena.STEPS,
        dari_pashto.STEPS,
        arabic_indonesian.STEPS,
        east_africa.STEPS,
        *south_slavic.STEP_TABLES,
        bulgarian_west_slavic.STEPS,
        albanian.STEPS,
        nordic.STEPS,
        punjabi.STEPS,
        maltese.STEPS,
        haitian_creole.STEPS,
        mongolian.STEPS,
        somali.STEPS,
        malagasy.STEPS,
        sorani.STEPS,
    ),
    "doubt": {"doubt": DOUBT_CUES},
    "approach": {"approach": APPROACH_CUES},
    "context": {
        "context": (
            *CONTEXT_CUES,
            *central_east.CONTEXT,
            *caucasus.CONTEXT,
            *hebrew_celtic.CONTEXT,
            *south_asia_mena.CONTEXT,
            *dari_pashto.CONTEXT,
            *khmer_lao.CONTEXT,
            *arabic_indonesian.CONTEXT,
            *east_africa.CONTEXT,
            *south_slavic.CONTEXT,
            *bulgarian_west_slavic.CONTEXT,
            *albanian.CONTEXT,
            *nordic.CONTEXT,
            *punjabi.CONTEXT,
            *maltese.CONTEXT,
            *haitian_creole.CONTEXT,
            *mongolian.CONTEXT,
            *somali.CONTEXT,
            *malagasy.CONTEXT,
            *sorani.CONTEXT,
        )
    },
}


_TOKEN: Final = re.compile(r"\w+|[^\w\s]")
# Scripts matched inside words: Thai, Lao, Khmer, Hangul, Japanese and Chinese have no spaces, Indic vowel signs
# split words into several tokens, and Amharic joins prepositions to its words.
_UNSPACED: Final = re.compile(
    r"[\u0900-\u0dff\u0e00-\u0eff\u1100-\u11ff\u1200-\u137f\u1780-\u17ff\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]"
)
MAX_CUE_WORDS: Final = 6
# "The successful candidates" (최종합격자, 合格者): a schedule's or a notice's words for everyone who passes, never
# news that this candidate did ("최종합격자 발표: 4월 2일"); nor is "upon final acceptance" (최종 합격 시).
_ANNOUNCED: Final = re.compile(
    "|".join(
        re.escape(fold(words))
        for words in (
            "최종 합격자",
            "최종합격자",
            "최종 합격 시",
            "최종 합격시",
            "최종합격 시",
            "최종합격시",
            "합격자",
            "最終合格者",
            "合格者",
            "最终录取者",
            "录取者",
            "錄取者",
        )
    )
)


def _index() -> tuple[dict[tuple[str, ...], list[tuple[str, str]]], dict[str, list[tuple[str, str]]]]:
    """Every cue of every table: spaced ones by their words, the others (Chinese, Japanese, Korean) by text."""
    spaced: dict[tuple[str, ...], list[tuple[str, str]]] = {}
    unspaced: dict[str, list[tuple[str, str]]] = {}
    for table, entries in TABLES.items():
        for entry, cues in entries.items():
            for cue in cues:
                folded = fold(cue)
                if _UNSPACED.search(folded):
                    unspaced.setdefault(folded, []).append((table, entry))
                else:
                    spaced.setdefault(tuple(_TOKEN.findall(folded)), []).append((table, entry))
    return spaced, unspaced


_SPACED, _UNSPACED_CUES = _index()


def _lengths_by_first_word() -> dict[str, list[int]]:
    """For each first word of a spaced cue, the lengths of the cues it starts, longest first."""
    lengths: dict[str, set[int]] = {}
    for words in _SPACED:
        lengths.setdefault(words[0], set()).add(len(words))
    return {first: sorted(found, reverse=True) for first, found in lengths.items()}


_LENGTHS: Final = _lengths_by_first_word()


# "Unfortunately" alone, which the step tables read as a rejection when nothing else decides.
_BARE_REGRET: Final = frozenset(fold(cue) for cue in DOUBT_CUES)


@dataclass(frozen=True)
class Cues:
    """What the cue tables find in one text: the entries of each table, each with the words that named it."""

    found: dict[str, dict[str, str]]
    context_words: frozenset[str] = frozenset()

    def first(self, table: str) -> tuple[str, str] | None:
        """The first entry of a table, in the table's order, that the text names."""
        hits = self.found.get(table, {})
        entry = next((name for name in TABLES[table] if name in hits), None)
        return None if entry is None else (entry, hits[entry])


@lru_cache(maxsize=256)
def read_cues(folded: str) -> Cues:
    """Read a folded text once for every table: word sequences looked up, unspaced cues searched only if needed."""
    found: dict[str, dict[str, str]] = {}
    context: set[str] = set()

    def note(owners: list[tuple[str, str]], words: str) -> None:
        for table, entry in owners:
            hits = found.setdefault(table, {})
            held = hits.get(entry)
            if held is None or -1 < cue_at(folded, words) < cue_at(folded, held):  # an entry's earliest words
                hits[entry] = words
            if table == "context":
                context.add(words)

    tokens = _TOKEN.findall(folded)
    for start, token in enumerate(tokens):
        for length in _LENGTHS.get(token, ()):
            owners = _SPACED.get(tuple(tokens[start : start + length]))
            if owners:
                note(owners, " ".join(tokens[start : start + length]))
    if _UNSPACED.search(folded):
        unspaced = _ANNOUNCED.sub(" ", folded)
        for cue, owners in _UNSPACED_CUES.items():
            if cue in unspaced:
                note(owners, cue)
    return Cues(found, frozenset(context))


def no_change_kind(folded: str) -> tuple[str, str] | None:
    """The first no-change kind a folded text shows, with its words."""
    return read_cues(folded).first("kind")


def step_cue(folded: str) -> tuple[str, str] | None:
    """The highest-priority stage these languages' cues name in a folded text, with its words: a closed vacancy
    before a rejection read from a bare "unfortunately", which is the wrapping of the closing news."""
    cues = read_cues(folded)
    found = cues.first("step")
    closed = cues.found.get("step", {}).get("closed")
    if found and found[0] == "rejected" and closed and found[1] in _BARE_REGRET:
        return "closed", closed
    return found


def context_points(folded: str) -> int:
    """How many distinct application words of these languages a folded text holds (at most 2)."""
    return min(2, len(read_cues(folded).context_words))


def doubt(folded: str) -> str | None:
    """The "unfortunately" words a folded text holds, if any."""
    hit = read_cues(folded).first("doubt")
    return hit[1] if hit else None


def approach(folded: str) -> str | None:
    """The words of a folded text that offer to talk about a role (a recruiter's approach), if any."""
    hit = read_cues(folded).first("approach")
    return hit[1] if hit else None


ADJOINING: Final = 2  # characters at most between two cues that make one phrase


def cue_at(text: str, cue: str) -> int:
    """Where a cue's words first stand in a text (they may be written with punctuation: "offerta ta' impjieg"), or
    -1."""
    found = text.find(cue)
    if found >= 0 or not re.search(r"\W\s|\s\W", cue):
        return found
    written = cue_pattern(cue).search(text)
    return written.start() if written else -1


def adjoins(text: str, first: str, then: str) -> bool:
    """Whether one cue's words run straight into another's as one phrase: "测评提醒", "interview reminder"."""
    first_at, then_at = cue_at(text, first), cue_at(text, then)
    end = first_at + len(first)  # a cue inside the other's words ("問卷" in "工作風格問卷") is part of it
    return first_at > -1 and end <= then_at <= end + ADJOINING


@lru_cache(maxsize=512)
def cue_pattern(cue: str) -> re.Pattern[str]:
    """A cue's words as a text writes them, with any punctuation or spacing between them."""
    return re.compile(r"\W*".join(map(re.escape, cue.split())))
