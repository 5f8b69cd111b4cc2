"""Would a learned second opinion make the router safer? Leave-one-set-out over the tuning sets.

python bench/learned_check.py

For each of the six tuning sets in turn, a naive Bayes model over character n-grams of the subject and the
newest part of the mail is trained on the other five, for the stage a mail announces and for relevance. The
held-out set is routed by the rules as bench/router_eval.py routes it, then scored twice: the rules alone, and
the rules with every auto-link the model disagrees with sent to review instead, and the rules with mail they
ignore but the model is sure is relevant kept for review. Locked sets are never read.
"""

from __future__ import annotations

import math
import sys
import tempfile
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any, Final

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.evaluation import LabelledSet, Outcome, load_sets, route_alone, route_in_app, score  # noqa: E402
from bench.router_eval import ALONE  # noqa: E402
from jobops.router.text import fold, newest_part  # noqa: E402
from jobops.stages import AUTO_LINKED, PENDING_USER  # noqa: E402

TUNING: Final = ("main", "holdout", "holdout2", "holdout3", "healthcare-eu", "software-finance")
GRAMS: Final = (3, 4, 5)
ALPHA: Final = 0.1
NOISE_SURE: Final = 0.9  # the model calls an auto-linked mail noise with at least this probability
RELEVANT_SURE: Final = 0.99  # the model calls mail the rules ignore relevant with at least this probability
SHOWN: Final = ("auto-link precision", "wrong stages logged automatically", "tracked, no review", "stage")


class NaiveBayes:
    """Multinomial naive Bayes over the presence of character n-grams inside words."""

    def __init__(self, alpha: float = ALPHA) -> None:
        self.alpha = alpha
        self.counts: dict[str, Counter[str]] = {}
        self.totals: dict[str, int] = {}
        self.priors: dict[str, float] = {}
        self.vocabulary: set[str] = set()

    def fit(self, texts: Sequence[str], labels: Sequence[str]) -> NaiveBayes:
        """Count each label's n-grams."""
        by_label: dict[str, Counter[str]] = defaultdict(Counter)
        for text, label in zip(texts, labels, strict=True):
            by_label[label].update(grams(text))
        self.counts = dict(by_label)
        self.totals = {label: sum(counter.values()) for label, counter in self.counts.items()}
        self.vocabulary = set().union(*self.counts.values())
        seen = Counter(labels)
        self.priors = {label: math.log(seen[label] / len(labels)) for label in self.counts}
        return self

    def probabilities(self, text: str) -> dict[str, float]:
        """Each label's probability for one text, highest first."""
        features = [gram for gram in grams(text) if gram in self.vocabulary]
        size = len(self.vocabulary)
        logs = {
            label: prior
            + sum(
                math.log((self.counts[label][gram] + self.alpha) / (self.totals[label] + self.alpha * size))
                for gram in features
            )
            for label, prior in self.priors.items()
        }
        top = max(logs.values())
        weights = {label: math.exp(value - top) for label, value in logs.items()}
        total = sum(weights.values())
        return dict(sorted(((k, v / total) for k, v in weights.items()), key=lambda item: -item[1]))


def grams(text: str) -> set[str]:
    """The distinct character n-grams of each word, padded with spaces ("char_wb")."""
    found: set[str] = set()
    for word in text.split():
        padded = f" {word} "
        for size in GRAMS:
            found.update(padded[i : i + size] for i in range(max(1, len(padded) - size + 1)))
    return found


def text_of(row: dict[str, Any]) -> str:
    """What the model reads: the folded subject and newest part of the body."""
    return fold(f"{row['subject']}\n{newest_part(row['body_text'])[:4000]}")


def train(sets: Iterable[LabelledSet]) -> tuple[NaiveBayes, NaiveBayes]:
    """A stage model (relevant mail only) and a relevance model from labelled sets."""
    rows = [row for labelled in sets for row in labelled.messages]
    relevant = [row for row in rows if row["label"]["relevant"]]
    stage = NaiveBayes().fit([text_of(r) for r in relevant], [r["label"]["stage_target"] for r in relevant])
    relevance = NaiveBayes().fit([text_of(r) for r in rows], [str(r["label"]["relevant"]) for r in rows])
    return stage, relevance


def routed(labelled: LabelledSet) -> dict[str, Outcome]:
    """The rules' outcomes, routed as bench/router_eval.py routes the set."""
    if labelled.name in ALONE:
        return route_alone(labelled)
    with tempfile.TemporaryDirectory() as folder:
        return route_in_app(labelled, Path(folder))


def second_opinion(
    labelled: LabelledSet, outcomes: dict[str, Outcome], models: tuple[NaiveBayes, NaiveBayes], top: int
) -> dict[str, Outcome]:
    """Auto-links whose stage is not among the model's `top` stages, or that it calls noise, go to review."""
    stage_model, relevance_model = models
    changed = {}
    for row in labelled.messages:
        outcome = outcomes[row["id"]]
        if outcome.bucket == AUTO_LINKED:
            text = text_of(row)
            stages = list(stage_model.probabilities(text))[:top]
            noise = relevance_model.probabilities(text).get("False", 0.0) >= NOISE_SURE
            if outcome.stage_target not in stages or noise:
                outcome = replace(outcome, bucket=PENDING_USER, logged_stage=None)
        changed[row["id"]] = outcome
    return changed


def relevance_rescue(
    labelled: LabelledSet, outcomes: dict[str, Outcome], relevance_model: NaiveBayes
) -> dict[str, Outcome]:
    """Mail the rules call noise but the model is sure is relevant goes to review, with no job, instead."""
    changed = {}
    for row in labelled.messages:
        outcome = outcomes[row["id"]]
        if outcome.fetched and not outcome.relevant:
            sure = relevance_model.probabilities(text_of(row)).get("True", 0.0) >= RELEVANT_SURE
            if sure:
                outcome = replace(outcome, relevant=True, job_id=None, bucket=PENDING_USER)
        changed[row["id"]] = outcome
    return changed


def model_alone(labelled: LabelledSet, models: tuple[NaiveBayes, NaiveBayes]) -> tuple[float, float]:
    """The model's own stage accuracy on relevant mail and its relevance F1."""
    stage_model, relevance_model = models
    rows = labelled.messages
    relevant = [r for r in rows if r["label"]["relevant"]]
    right = sum(
        next(iter(stage_model.probabilities(text_of(r))))
        in {r["label"]["stage_target"], *r["label"].get("stage_alternatives", [])}
        for r in relevant
    )
    said = {r["id"]: next(iter(relevance_model.probabilities(text_of(r)))) == "True" for r in rows}
    hits = sum(said[r["id"]] for r in relevant)
    flagged = sum(said.values())
    precision, recall = hits / flagged if flagged else 1.0, hits / len(relevant) if relevant else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return right / len(relevant) if relevant else 1.0, f1


def main() -> None:
    sets = load_sets(TUNING)
    if any(labelled.locked for labelled in sets):
        raise SystemExit("a tuning set is marked locked: refusing to read it")
    header = f"{'held-out set':<18}{'scored by':<22}" + "".join(f"{name[:14]:>16}" for name in SHOWN)
    print(header + f"{'relevance F1':>14}")
    totals: dict[str, Counter[str]] = defaultdict(Counter)
    for held_out in sets:
        models = train(s for s in sets if s.name != held_out.name)
        outcomes = routed(held_out)
        rules = score(held_out, outcomes)
        stage_alone, relevance_alone = model_alone(held_out, models)
        rows = [("rules alone", rules, rules["relevance F1"])]
        for top in (1, 2):
            mixed = score(held_out, second_opinion(held_out, outcomes, models, top))
            rows.append((f"rules + model (top {top})", mixed, mixed["relevance F1"]))
        rescued = score(held_out, relevance_rescue(held_out, outcomes, models[1]))
        rows.append(("rules + model relevance", rescued, rescued["relevance F1"]))
        for label, figures, f1 in rows:
            print(
                f"{held_out.name:<18}{label:<22}"
                + "".join(f"{_fmt(figures[n]):>16}" for n in SHOWN)
                + f"{f1:>14.3f}"
            )
            totals[label].update(
                {"auto": figures["auto-linked"], "wrong": figures["wrong stages logged automatically"]}
            )
        print(
            f"{held_out.name:<18}{'model alone':<22}{'':>16}{'':>16}{'':>16}{stage_alone:>16.3f}{relevance_alone:>14.3f}"
        )
    print("\nover the six held-out sets: auto-linked / wrong stages logged")
    for label, counted in totals.items():
        print(f"   {label:<24}{counted['auto']:>6}{counted['wrong']:>6}")


def _fmt(value: Any) -> str:
    return f"{value:.3f}" if isinstance(value, float) else str(value)


if __name__ == "__main__":
    main()
