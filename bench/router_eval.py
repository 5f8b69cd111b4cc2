"""Print how the smart router scores on the labelled evaluation sets.

python bench/router_eval.py [-v] [--set FILE ...]   (FILE is a name under tests/router_eval/, e.g. holdout2.jsonl)
"""

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


DEFAULT_SETS = (
    ("evaluation set", "messages.jsonl"),
    ("held-out set", "holdout.jsonl"),
    ("second held-out set", "holdout2.jsonl"),
    ("third held-out set", "holdout3.jsonl"),
)


def main(verbose: bool, names: list[str]) -> None:
    """Score the chosen sets (by default the main set and both held-out sets)."""
    sets = [(name, name) for name in names] if names else list(DEFAULT_SETS)
    for title, name in sets:
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


def parse(argv: list[str]) -> tuple[bool, list[str]]:
    """The -v flag and the --set file names (--set NAME or --set=NAME, repeatable)."""
    verbose, names, index = False, [], 0
    while index < len(argv):
        arg = argv[index]
        if arg in ("-v", "--verbose"):
            verbose = True
        elif arg == "--set" and index + 1 < len(argv):
            index += 1
            names.append(argv[index])
        elif arg.startswith("--set="):
            names.append(arg.partition("=")[2])
        else:
            raise SystemExit(f"unknown argument: {arg}")
        index += 1
    return verbose, names


if __name__ == "__main__":
    main(*parse(sys.argv[1:]))
