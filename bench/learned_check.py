"""Does the learned second reader make the router safer on mail it never learned from?

python bench/learned_check.py [--locked] [--folds K]

Leave-one-set-out over the tuning sets: each tuning set in turn is routed by the app (as bench/router_eval.py
routes it) twice, by the rules alone and with a reader trained on the other tuning sets only. --folds K trains K
readers instead of one per set: the tuning sets are dealt into K folds (every K-th set), and each set is routed by
the reader trained on the other folds. With --locked, the locked sets are routed by the rules alone and with the
reader JobOps ships (trained on every tuning set), figures only: no message of theirs is printed.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any, Final

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.evaluation import LabelledSet, load_sets, route_in_app, score  # noqa: E402
from jobops.router.learned import LearnedReader, reading_with, shipped_reader, train  # noqa: E402

SHOWN: Final = (
    "auto-link precision",
    "wrong stages logged automatically",
    "tracked, no review",
    "stage",
    "relevance F1",
)


def figures(labelled: LabelledSet, reader: LearnedReader | None) -> dict[str, Any]:
    """The set routed in the app with this reader (None: the rules alone), scored."""
    with reading_with(reader), tempfile.TemporaryDirectory() as folder:
        return score(labelled, route_in_app(labelled, Path(folder)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--locked", action="store_true", help="the locked sets, with the reader JobOps ships")
    parser.add_argument("--folds", type=int, metavar="K", help="K readers, each trained without one fold")
    args = parser.parse_args()
    locked = args.locked
    tuning = [labelled for labelled in load_sets() if labelled.tuning and not labelled.locked]
    scored = [labelled for labelled in load_sets() if labelled.locked] if locked else tuning
    fold_readers: dict[int, LearnedReader] = {}
    print(f"{'set':<26}{'routed by':<18}" + "".join(f"{name[:14]:>16}" for name in SHOWN))
    totals: dict[str, Counter[str]] = defaultdict(Counter)
    for labelled in scored:
        if labelled.name in ("main", "holdout", "holdout2", "holdout3"):
            continue  # routed one message at a time with their own memory, not by the app
        reader = shipped_reader() if locked else _held_out(tuning, labelled.name, args.folds, fold_readers)
        for label, chosen in (("rules alone", None), ("rules + reader", reader)):
            found = figures(labelled, chosen)
            print(f"{labelled.name:<26}{label:<18}" + "".join(f"{_fmt(found[name]):>16}" for name in SHOWN))
            totals[label].update(
                {"auto": found["auto-linked"], "wrong": found["wrong stages logged automatically"]}
            )
    print("\nover these sets: auto-linked / wrong stages logged")
    for label, counted in totals.items():
        print(f"   {label:<18}{counted['auto']:>6}{counted['wrong']:>6}")


def _held_out(
    tuning: list[LabelledSet], name: str, folds: int | None, trained: dict[int, LearnedReader]
) -> LearnedReader | None:
    """A reader that never learned from the set `name`: trained without it, or without its fold."""
    if not folds:
        return train(_rows(t for t in tuning if t.name != name))
    fold = [t.name for t in tuning].index(name) % folds
    if fold not in trained:
        trained[fold] = train(_rows(t for index, t in enumerate(tuning) if index % folds != fold))
    return trained[fold]


def _rows(sets: Any) -> list[dict[str, Any]]:
    return [row for labelled in sets for row in labelled.messages]


def _fmt(value: Any) -> str:
    return f"{value:.3f}" if isinstance(value, float) else str(value)


if __name__ == "__main__":
    main()
