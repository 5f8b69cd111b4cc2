"""A learned second reader: logistic regression over character and word n-grams, trained on the labelled
mailboxes of the repository.

The rules decide; the reader doubts, suggests, vouches, and sets aside what it is sure is about no application.
- An automatic link that logs a stage waits for review unless that stage is the reader's likeliest; one the
  reader is sure is noise waits too.
- Mail the rules ignore but the reader takes for recruiting mail waits for review.
- Where the rules only guess (no stage words, or words that name no step plainly), the reader's likeliest step is
  suggested instead when it is likely enough: still a guess, for review. When that step is the very one the rules
  guessed, the two agree and the step is sure; decisions (offer, rejection, withdrawal, closing) and readings with
  mixed signals stay guesses all the same.
- Mail the rules read no stage in, and in which the reader is sure there is no step, is no change.
- Mail that writes a tracked employer's name and the job's whole title, in which the rules read a step in plain
  words, links without the employer's own address when the reader is sure of that very step.
- Where the reader is sure of another stage than the rules read, even in plain words, its stage is suggested in
  their place, for review; a withdrawal or rejection the rules read stands.
- Recruiting words outside a known thread, in mail the reader is sure is about no application (or mostly sure,
  when it names no tracked job), are set aside;
  mail the rules know as noise, or the candidate's own mail they place nowhere, waits for review when the reader
  is surer still that it is about an application.

It learns only from sets marked for tuning in `tests/router_eval/sets.json`, never from locked ones, and JobOps
routes without it when those files are absent.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import tempfile
import threading
import weakref
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Final

import numpy as np
import sklearn
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

from jobops.config import PROJECT_ROOT
from jobops.router.text import fold, newest_part
from jobops.stages import NO_CHANGE

EVAL_DIR: Final = PROJECT_ROOT / "tests" / "router_eval"
CACHE_DIR: Final = PROJECT_ROOT / ".cache"
_training: Final = threading.Lock()
READ_CHARS: Final = 1_000  # of the newest part
STAGES_KEPT: Final = 1  # an automatic link's stage must be the reader's likeliest
NOISE_SURE: Final = 0.9  # the reader calls an automatic link noise with at least this probability
NOISE_IGNORED: Final = 0.9  # mail with recruiting words outside known threads is noise with this probability
NOISE_UNPLACED: Final = 0.7  # and mail about no tracked job with this one
RELEVANT_OVER_NOISE: Final = 0.9  # and mail the rules know as noise, or the candidate's own unplaced mail
RELEVANT_SURE: Final = (
    0.7  # the reader calls mail the rules ignore recruiting mail with at least this probability
)
STEP_LIKELY: Final = 0.4  # the reader suggests a step for mail the rules name none in with this probability
STEP_OVERRULES: Final = 0.6  # and overrules a step the rules only guess with this one
STEP_DOUBTS_QUIET: Final = 0.7  # and holds back a link that logs no stage with this one
STEP_CONFIRMED: Final = 0.8  # the reader vouches for the step the rules read with this probability
NO_STEP_CONFIRMED: Final = 0.9  # and for no step at all, with this one
READING_CONTRADICTED: Final = 0.7  # the reader's stage replaces the rules' own, for review, with this one
NO_STEP_SURE: Final = (
    0.9  # mail the rules read no stage in is no change when the reader reads none this surely
)
NO_STEP_SURE_ALONE: Final = 0.92  # and mail outside a linked thread, which has no thread to speak for it
STRENGTH: Final = 10.0  # inverse regularisation of the logistic regression
WORDS_KEPT: Final = 200_000  # words whose character columns are kept between mails


@lru_cache(maxsize=8)
def reading_text(subject: str, body: str) -> str:
    """What the reader reads: the folded subject and the newest part of the body."""
    return fold(f"{subject}\n{newest_part(body)[:READ_CHARS]}")


class TextFeatures:
    """TF-IDF of character 2-5-grams within words and of words and word pairs, each block of unit length.

    scikit-learn fits it; one mail is then turned into its features by the same arithmetic without scikit-learn's
    per-call checks, which cost ten times the sums themselves when mail is routed one message at a time.
    """

    def __init__(self) -> None:
        self.vectorizers = (
            TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, min_df=2),
            TfidfVectorizer(analyzer="word", ngram_range=(1, 2), sublinear_tf=True, min_df=2),
        )
        self._blocks: list[tuple[Callable[[str], list[str]], dict[str, int], np.ndarray, int]] = []

    def fit_transform(self, texts: Sequence[str]) -> sparse.csr_matrix:
        """Learn the vocabulary and weights of these texts; their features, one row each."""
        blocks, offset = [], 0
        for vectorizer in self.vectorizers:
            blocks.append(vectorizer.fit_transform(texts))
            self._blocks.append(
                (vectorizer.build_analyzer(), vectorizer.vocabulary_, vectorizer.idf_, offset)
            )
            offset += len(vectorizer.vocabulary_)
        return sparse.hstack(blocks).tocsr()

    def of(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        """One text's non-zero feature columns and their weights: both blocks counted in one pass, each block then
        scaled to unit length."""
        (_, characters, _, _), (analyse, vocabulary, _, word_offset) = self._blocks
        words = [column for column in map(vocabulary.get, analyse(text)) if column is not None]
        known = np.concatenate(
            [self._char_columns(text, characters), np.array(words, dtype=np.intp) + word_offset]
        )
        if not known.size:
            return np.zeros(0, dtype=np.intp), np.zeros(0)
        found, counts = _counted(known)
        values = (1.0 + np.log(counts)) * self._idf()[found]
        cut = int(np.searchsorted(found, word_offset))
        for block in (values[:cut], values[cut:]):
            if block.size:
                block /= np.linalg.norm(block)
        return found, values

    def _idf(self) -> np.ndarray:
        """Both blocks' inverse document frequencies, one after the other, as their columns are numbered."""
        joined: np.ndarray | None = self.__dict__.get("_joined_idf")
        if joined is None:
            joined = self.__dict__["_joined_idf"] = np.concatenate([idf for _, _, idf, _ in self._blocks])
        return joined

    def _char_columns(self, text: str, vocabulary: dict[str, int]) -> np.ndarray:
        """The character block's columns, word by word as scikit-learn's char_wb analyser finds them; a word's
        columns are kept, since mail repeats its words."""
        memo: dict[str, np.ndarray] = self.__dict__.setdefault("_columns_of_word", {})
        found: list[np.ndarray] = []
        for word in text.lower().split():
            known = memo.get(word)
            if known is None:
                if len(memo) >= WORDS_KEPT:
                    memo.clear()
                known = memo[word] = np.array(
                    [column for gram in _char_grams(word) if (column := vocabulary.get(gram)) is not None],
                    dtype=np.intp,
                )
            found.append(known)
        return np.concatenate(found) if found else np.zeros(0, dtype=np.intp)


def _counted(columns: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The distinct columns, in order, and how often each occurs (what `np.unique` gives, without its overhead)."""
    ordered = np.sort(columns)
    starts = np.flatnonzero(np.concatenate(([True], ordered[1:] != ordered[:-1])))
    return ordered[starts], np.diff(np.append(starts, ordered.size))


def _char_grams(word: str) -> list[str]:
    """A word's character 2-5-grams with a space on either side; a word shorter than a size is one gram."""
    padded = f" {word} "
    grams: list[str] = []
    for size in range(2, 6):
        if len(padded) <= size:
            grams.append(padded)
            break
        grams.extend(padded[start : start + size] for start in range(len(padded) - size + 1))
    return grams


_by_feature: weakref.WeakKeyDictionary[LogisticRegression, tuple[np.ndarray, np.ndarray, list[str]]] = (
    weakref.WeakKeyDictionary()
)


def _per_feature(model: LogisticRegression) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """A model's weights one row a feature (a mail's few features are then read from a few rows, not across all),
    its intercepts and its labels."""
    kept = _by_feature.get(model)
    if kept is None:
        kept = (np.ascontiguousarray(model.coef_.T), model.intercept_, list(map(str, model.classes_)))
        _by_feature[model] = kept
    return kept


def probabilities(model: LogisticRegression, features: tuple[np.ndarray, np.ndarray]) -> dict[str, float]:
    """Each label's probability under a fitted logistic regression, highest first."""
    columns, weights = features
    rows, intercept, labels = _per_feature(model)
    return _distribution(weights @ rows[columns] + intercept, labels)


@dataclass(frozen=True)
class SideBySide:
    """Two models' weights in one table, one row a feature, so that a mail's features are read once for both."""

    rows: np.ndarray
    intercept: np.ndarray
    split: int
    labels: tuple[list[str], list[str]]

    @classmethod
    def of(cls, first: LogisticRegression, second: LogisticRegression) -> SideBySide:
        """The two models' weights, laid out once (tens of megabytes are copied, so not per mail)."""
        return cls(
            np.ascontiguousarray(np.vstack([first.coef_, second.coef_]).T),
            np.concatenate([first.intercept_, second.intercept_]),
            len(first.intercept_),
            (list(map(str, first.classes_)), list(map(str, second.classes_))),
        )

    def probabilities(
        self, features: tuple[np.ndarray, np.ndarray]
    ) -> tuple[dict[str, float], dict[str, float]]:
        """Both models' probabilities over the same features."""
        columns, weights = features
        scores = weights @ self.rows[columns] + self.intercept
        return (
            _distribution(scores[: self.split], self.labels[0]),
            _distribution(scores[self.split :], self.labels[1]),
        )


def _distribution(scores: np.ndarray, labels: list[str]) -> dict[str, float]:
    """Labels and their probabilities from a model's scores, highest first."""
    if len(labels) == 2:  # one score: the second label's log-odds
        second = float(1.0 / (1.0 + np.exp(-scores[0])))
        found = np.array([1.0 - second, second])
    else:
        exp = np.exp(scores - scores.max())
        found = exp / exp.sum()
    return dict(sorted(zip(labels, found.tolist(), strict=True), key=lambda pair: -pair[1]))


_last_read: list[tuple[Any, str, tuple[np.ndarray, np.ndarray]] | None] = [None]
_last_chances: list[tuple[LogisticRegression, str, dict[str, float]] | None] = [None, None]


@dataclass(frozen=True)
class LearnedReader:
    """Shared text features, a stage model (trained on relevant mail) and a relevance model."""

    features: TextFeatures
    stage: LogisticRegression
    relevance: LogisticRegression
    weights: SideBySide = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "weights", SideBySide.of(self.stage, self.relevance))

    def __getstate__(self) -> dict[str, Any]:
        """What is stored: the features and the two models; their side-by-side weights are laid out on loading."""
        return {"features": self.features, "stage": self.stage, "relevance": self.relevance}

    def __setstate__(self, state: dict[str, Any]) -> None:
        for name in ("features", "stage", "relevance"):
            object.__setattr__(self, name, state[name])
        self.__post_init__()

    def _features(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        """A text's features; the rules ask about one mail several times in a row, so the last one is kept."""
        last = _last_read[0]
        if last is not None and last[0] is self and last[1] == text:
            return last[2]
        found = self.features.of(text)
        _last_read[0] = (self, text, found)  # one assignment: safe when several threads route at once
        return found

    def _chances(self, model: LogisticRegression, text: str) -> dict[str, float]:
        """One model's probabilities for a text; both models read it at once, and the last ones are kept."""
        slot = 0 if model is self.stage else 1
        last = _last_chances[slot]
        if last is not None and last[0] is model and last[1] == text:
            return last[2]
        stage, relevance = self.weights.probabilities(self._features(text))
        _last_chances[0], _last_chances[1] = (self.stage, text, stage), (self.relevance, text, relevance)
        return stage if slot == 0 else relevance

    def doubts_link(self, text: str, stage_target: str) -> str | None:
        """Why an automatic link should wait: its stage is not among the likeliest, or it reads as noise."""
        if self._chances(self.relevance, text).get("False", 0.0) >= NOISE_SURE:
            return "the learned reader takes it for mail about no application"
        if stage_target == NO_CHANGE:  # a link that logs no stage waits only for a step the reader is sure of
            stage, chance = self._likeliest(text)
            if stage != NO_CHANGE and chance >= STEP_DOUBTS_QUIET:
                return f"the learned reader reads it as {stage.replace('_', ' ')} ({chance:.0%})"
            return None
        likeliest = list(self._chances(self.stage, text))[:STAGES_KEPT]
        if stage_target not in likeliest:
            return (
                f"the learned reader reads it as {' or '.join(name.replace('_', ' ') for name in likeliest)}"
            )
        return None

    def _likeliest(self, text: str) -> tuple[str, float]:
        """The stage the reader finds likeliest in a mail, and how likely."""
        return next(iter(self._chances(self.stage, text).items()), (NO_CHANGE, 0.0))

    def reads_no_step(self, text: str) -> bool:
        """Whether the likeliest stage of a mail is no change at all (the candidate's own reply, for instance)."""
        return self._likeliest(text)[0] == NO_CHANGE

    def suggests_step(self, text: str, overruling: bool = False) -> tuple[str, float] | None:
        """The step the reader reads in a mail, when likely enough to stand in for no stage words or overrule a guess."""
        stage, chance = self._likeliest(text)
        needed = STEP_OVERRULES if overruling else STEP_LIKELY
        return (stage, chance) if stage != NO_CHANGE and chance >= needed else None

    def contradicts(self, text: str, stage_target: str) -> tuple[str, float] | None:
        """The stage the reader reads instead of the rules' one, when it is sure enough to suggest it in its place."""
        stage, chance = self._likeliest(text)
        return (stage, chance) if stage != stage_target and chance >= READING_CONTRADICTED else None

    def confirms(self, text: str, stage_target: str) -> float | None:
        """How sure the reader is of the very stage the rules read, when sure enough to vouch for it."""
        stage, chance = self._likeliest(text)
        needed = NO_STEP_CONFIRMED if stage_target == NO_CHANGE else STEP_CONFIRMED
        return chance if stage == stage_target and chance >= needed else None

    def sure_no_step(self, text: str, alone: bool = False) -> float | None:
        """How sure the reader is that a mail announces no step, when it is sure enough to link it as no change
        (surer for mail outside a linked thread)."""
        stage, chance = self._likeliest(text)
        return (
            chance
            if stage == NO_CHANGE and chance >= (NO_STEP_SURE_ALONE if alone else NO_STEP_SURE)
            else None
        )

    def sure_noise(self, text: str, unplaced: bool = False) -> float | None:
        """How sure the reader is that mail is about no application, when sure enough to set it aside (mail about
        no tracked job needs less)."""
        chance = self._chances(self.relevance, text).get("False", 0.0)
        return chance if chance >= (NOISE_UNPLACED if unplaced else NOISE_IGNORED) else None

    def sure_relevant(self, text: str, overruling: bool = False) -> bool:
        """Whether mail the rules ignore reads as recruiting mail beyond doubt (where they know it as noise, with
        more certainty still)."""
        needed = RELEVANT_OVER_NOISE if overruling else RELEVANT_SURE
        return self._chances(self.relevance, text).get("True", 0.0) >= needed


def train(rows: Iterable[dict[str, Any]]) -> LearnedReader:
    """A reader from labelled messages (subject, body_text and a label with relevant and stage_target)."""
    rows = list(rows)
    features = TextFeatures()
    matrix = features.fit_transform([reading_text(row["subject"], row["body_text"]) for row in rows])
    relevant = [index for index, row in enumerate(rows) if row["label"]["relevant"]]
    stage = LogisticRegression(C=STRENGTH, max_iter=2_000).fit(
        matrix[relevant], [rows[index]["label"]["stage_target"] for index in relevant]
    )
    relevance = LogisticRegression(C=STRENGTH, max_iter=2_000).fit(
        matrix, [str(row["label"]["relevant"]) for row in rows]
    )
    return LearnedReader(features, stage, relevance)


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


def shipped_reader() -> LearnedReader | None:
    """The reader trained on the repository's tuning sets, once per process (callers wait for the first one)."""
    with _training:
        return _shipped_reader()


@lru_cache(maxsize=1)
def _shipped_reader() -> LearnedReader | None:
    """The reader trained on the repository's tuning sets; None when they are absent.

    Training takes a while, so the trained reader is kept in `.cache/` under the project, named by a digest of
    the training mail and the scikit-learn version: later processes load it instead of training again.
    """
    rows = [row for row in tuning_rows() if row.get("label")]
    if not rows:
        return None
    digest = hashlib.sha256(f"{sklearn.__version__}\n{json.dumps(rows, sort_keys=True)}".encode()).hexdigest()
    path = CACHE_DIR / f"learned-reader-{digest[:20]}.pickle"
    try:
        with path.open("rb") as stored:
            reader = pickle.load(stored)  # written below by this function, from the repository's own files
        if isinstance(reader, LearnedReader):
            return reader
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        pass
    reader = train(rows)
    _keep(reader, path)
    return reader


def _keep(reader: LearnedReader, path: Path) -> None:
    """Store a trained reader for later processes; a folder that cannot be written only costs the next one time."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("wb", dir=path.parent, delete=False) as partial:
            pickle.dump(reader, partial, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(partial.name, path)
    except OSError:
        return


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
