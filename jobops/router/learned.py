"""A learned second reader: naive Bayes over character n-grams, trained on the labelled mailboxes of the repository.

The rules decide; the reader only doubts. An automatic link whose stage is not among the reader's three likeliest
stages, or that it is sure is noise, waits for review; mail the rules ignore but the reader is sure is recruiting
mail waits for review too. It learns only from sets marked for tuning in `tests/router_eval/sets.json`, never
from locked ones, and JobOps routes without it when those files are absent.
"""

from __future__ import annotations

import json
import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from itertools import repeat
from pathlib import Path
from typing import Any, Final

from jobops.config import PROJECT_ROOT
from jobops.router.text import fold, newest_part
from jobops.stages import NO_CHANGE

EVAL_DIR: Final = PROJECT_ROOT / "tests" / "router_eval"
GRAMS: Final = (4,)
ALPHA: Final = 0.1
MIN_COUNT: Final = 2  # n-grams seen once in all training mail say little and cost memory
READ_CHARS: Final = 1_000  # of the newest part
STAGES_KEPT: Final = 3  # an automatic link's stage must be among the reader's three likeliest
NOISE_SURE: Final = 0.9  # the reader calls an automatic link noise with at least this probability
RELEVANT_SURE: Final = (
    0.99  # the reader calls mail the rules ignore recruiting mail with at least this probability
)


def grams(text: str) -> set[str]:
    """The distinct character n-grams of each word, padded with spaces."""
    found: set[str] = set()
    for word in text.split():
        padded = f" {word} "
        for size in GRAMS:
            found.update(padded[i : i + size] for i in range(max(1, len(padded) - size + 1)))
    return found


def reading_text(subject: str, body: str) -> str:
    """What the reader reads: the folded subject and the newest part of the body."""
    return fold(f"{subject}\n{newest_part(body)[:READ_CHARS]}")


class NaiveBayes:
    """Multinomial naive Bayes over the presence of character n-grams seen at least twice in training."""

    def __init__(self, alpha: float = ALPHA) -> None:
        self.alpha = alpha
        self.priors: dict[str, float] = {}
        self.vocabulary: frozenset[str] = frozenset()
        self.logs: dict[
            str, dict[str, float]
        ] = {}  # label -> n-gram -> log P(n-gram | label), for n-grams it had
        self.unseen: dict[str, float] = {}  # label -> log P(a known n-gram the label never had)

    def fit(self, texts: Sequence[str], labels: Sequence[str]) -> NaiveBayes:
        """Count each label's n-grams once and keep their smoothed log-probabilities."""
        counts: dict[str, Counter[str]] = defaultdict(Counter)
        for text, label in zip(texts, labels, strict=True):
            counts[label].update(grams(text))
        everywhere = sum(counts.values(), Counter())
        self.vocabulary = frozenset(gram for gram, count in everywhere.items() if count >= MIN_COUNT)
        seen = Counter(labels)
        self.priors = {label: math.log(seen[label] / len(labels)) for label in counts}
        size = self.alpha * len(self.vocabulary)
        for label, counter in counts.items():
            kept = {gram: count for gram, count in counter.items() if gram in self.vocabulary}
            scale = sum(kept.values()) + size
            self.logs[label] = {gram: math.log((count + self.alpha) / scale) for gram, count in kept.items()}
            self.unseen[label] = math.log(self.alpha / scale)
        return self

    def probabilities(self, text: str | set[str]) -> dict[str, float]:
        """Each label's probability for one text (or its n-grams), highest first."""
        features = (grams(text) if isinstance(text, str) else text) & self.vocabulary
        scores = {
            label: prior + sum(map(self.logs[label].get, features, repeat(self.unseen[label])))
            for label, prior in self.priors.items()
        }
        top = max(scores.values())
        weights = {label: math.exp(value - top) for label, value in scores.items()}
        total = sum(weights.values())
        return dict(sorted(((k, v / total) for k, v in weights.items()), key=lambda item: -item[1]))


@dataclass(frozen=True)
class LearnedReader:
    """A stage model (trained on relevant mail) and a relevance model."""

    stage: NaiveBayes
    relevance: NaiveBayes

    def doubts_link(self, text: str, stage_target: str) -> str | None:
        """Why an automatic link should wait: its stage is not among the likeliest, or it reads as noise."""
        found = grams(text)
        if self.relevance.probabilities(found).get("False", 0.0) >= NOISE_SURE:
            return "the learned reader takes it for mail about no application"
        if stage_target == NO_CHANGE:
            return None  # a link that logs no stage: only its relevance is in question
        likeliest = list(self.stage.probabilities(found))[:STAGES_KEPT]
        if stage_target not in likeliest:
            return (
                f"the learned reader reads it as {' or '.join(name.replace('_', ' ') for name in likeliest)}"
            )
        return None

    def sure_relevant(self, text: str) -> bool:
        """Whether mail the rules ignore reads as recruiting mail beyond doubt."""
        return self.relevance.probabilities(text).get("True", 0.0) >= RELEVANT_SURE


def train(rows: Iterable[dict[str, Any]]) -> LearnedReader:
    """A reader from labelled messages (subject, body_text and a label with relevant and stage_target)."""
    rows = list(rows)
    texts = [reading_text(row["subject"], row["body_text"]) for row in rows]
    relevant = [(text, row) for text, row in zip(texts, rows, strict=True) if row["label"]["relevant"]]
    stage = NaiveBayes().fit(
        [text for text, _ in relevant], [row["label"]["stage_target"] for _, row in relevant]
    )
    relevance = NaiveBayes().fit(texts, [str(row["label"]["relevant"]) for row in rows])
    return LearnedReader(stage, relevance)


def tuning_rows(folder: Path = EVAL_DIR) -> Iterator[dict[str, Any]]:
    """Every labelled message of the sets marked for tuning; locked sets are never read."""
    listing = folder / "sets.json"
    if not listing.is_file():
        return
    for entry in json.loads(listing.read_text("utf-8")):
        if not entry.get("tuning") or entry.get("locked"):
            continue
        base = folder / entry["dir"] if entry.get("dir") else folder
        path = base / entry.get("messages", "messages.jsonl")
        if path.is_file():
            yield from (json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip())


@lru_cache(maxsize=1)
def shipped_reader() -> LearnedReader | None:
    """The reader trained on the repository's tuning sets, once per process; None when they are absent."""
    rows = [row for row in tuning_rows() if row.get("label")]
    return train(rows) if rows else None


_chosen: list[LearnedReader | None] = []


def current_reader() -> LearnedReader | None:
    """The reader routing uses: the shipped one, unless an evaluation chose another (or none)."""
    return _chosen[-1] if _chosen else shipped_reader()


@contextmanager
def reading_with(reader: LearnedReader | None) -> Iterator[None]:
    """Route with this reader (None: the rules alone) inside the block, as evaluations compare them."""
    _chosen.append(reader)
    try:
        yield
    finally:
        _chosen.pop()
