"""Print how the smart router scores on the labelled evaluation set (python bench/router_eval.py [-v])."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from jobops.router.evaluation import evaluate, load_jobs, load_messages  # noqa: E402

TARGETS = {
    "auto_link_precision": 0.99,
    "job_match_accuracy": 0.90,
    "stage_accuracy": 0.90,
    "relevance_precision": 0.95,
    "relevance_recall": 0.95,
}


def main(verbose: bool) -> None:
    """Score the main set and the held-out set written after the rules were fixed."""
    for title, name in (("evaluation set", "messages.jsonl"), ("held-out set", "holdout.jsonl")):
        print(f"== {title} ({name})")
        report(name, verbose)
        print()


def report(name: str, verbose: bool) -> None:
    """Route one labelled file, print each figure against its target, and the mistakes when asked."""
    scores = evaluate(load_jobs(), load_messages(name=name))
    print(f"messages                 {scores.messages}")
    print(f"auto-linked              {scores.auto_linked}")
    for name, target in TARGETS.items():
        value = getattr(scores, name)
        mark = "ok" if value >= target else "BELOW TARGET"
        print(f"{name.replace('_', ' '):<25}{value:.3f}  (target >= {target:.2f}) {mark}")
    print(f"{'message type accuracy':<25}{scores.message_type_accuracy:.3f}")
    print(f"{'relevant, no review':<25}{scores.no_review_share:.3f}  (share auto-linked)")
    print(f"{'mistakes':<25}{len(scores.mistakes)}")
    if verbose:
        print("\n".join(scores.mistakes))


if __name__ == "__main__":
    main(verbose="-v" in sys.argv[1:])
