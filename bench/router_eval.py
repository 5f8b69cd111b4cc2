"""Print how the smart router scores on every labelled set: first-sight figures and today's.

python bench/router_eval.py [--end-to-end | --answering] [--set NAME ...] [-v] [--record-first-sight NAME]

- Sets are listed in tests/router_eval/sets.json. The first four are routed one message at a time with the
  memory their rows name; the newer ones go through the app's own routing (a database, received order).
- --end-to-end sends the newer sets through the whole mail path instead: the local fake Gmail (which follows
  Gmail's search rules), OAuth, the sync action of the API, then the routing; mail the searches never fetch
  counts as missed.
- --answering routes the newer sets day by day with a user who answers the Tracking Inbox each evening as the
  labels say (bench/answering.py): the router's first decision on each message is scored, after what the
  earlier answers taught it (linked threads, approved senders and domains).
- Locked sets are scored only with --locked (their final score) or --record-first-sight (their first).
- -v lists the mistakes, except for locked sets: they are never opened after their first score.
- --record-first-sight NAME stores a new set's figures as its first-sight figures (once; refuses twice).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.answering import route_answering  # noqa: E402
from bench.evaluation import EVAL_DIR, LabelledSet, load_sets, route_alone, route_in_app, score  # noqa: E402

GOALS = {
    "auto-link precision": 0.99,
    "job match": 0.90,
    "stage": 0.85,
    "relevance F1": 0.95,
    "tracked, no review": 0.60,
}
SHOWN = (
    "search recall",
    "auto-linked",
    "auto-link precision",
    "job match",
    "stage",
    "relevance precision",
    "relevance recall",
    "relevance F1",
    "tracked, no review",
    "wrong stages logged automatically",
)


def figures(labelled: LabelledSet, end_to_end: bool, answering: bool = False) -> dict[str, Any]:
    """Route one set the way its entry says, or end to end, or with a user answering the inbox, and score it."""
    if labelled.name in ALONE:
        return score(labelled, route_alone(labelled))
    with tempfile.TemporaryDirectory() as folder:
        if answering:
            return score(labelled, route_answering(labelled, Path(folder)))
        if end_to_end:
            from bench.end_to_end import route_through_gmail

            return score(labelled, route_through_gmail(labelled, Path(folder)))
        return score(labelled, route_in_app(labelled, Path(folder)))


ALONE = {"main", "holdout", "holdout2", "holdout3"}


def report(labelled: LabelledSet, current: dict[str, Any], verbose: bool) -> None:
    """First-sight and current figures side by side, against the goals."""
    kind = "locked" if labelled.locked else "used for tuning" if labelled.tuning else "unseen"
    print(
        f"== {labelled.name}: {labelled.title} ({current['messages']} messages, {current['relevant']} relevant; {kind})"
    )
    print(f"   written by {labelled.author}")
    print(f"   {'figure':<36}{'first sight':>12}{'now':>8}  goal")
    for name in SHOWN:
        first = labelled.first_sight.get(name)
        goal = GOALS.get(name)
        mark = "" if goal is None else ("ok" if current[name] >= goal else f"below {goal:.2f}")
        if name == "wrong stages logged automatically":
            mark = "ok" if current[name] == 0 else "above 0"
        print(f"   {name:<36}{_fmt(first):>12}{_fmt(current[name]):>8}  {mark}")
    if verbose and not labelled.locked:
        print("\n".join(f"   - {line}" for line in current["mistakes"]))
    print()


def _fmt(value: Any) -> str:
    if value is None:
        return "-"
    return f"{value:.3f}" if isinstance(value, float) else str(value)


def record_first_sight(name: str, current: dict[str, Any]) -> None:
    """Store a set's first figures in sets.json; a set has one first sight."""
    path = EVAL_DIR / "sets.json"
    listed = json.loads(path.read_text("utf-8"))
    [entry] = [e for e in listed if e["name"] == name]
    if entry.get("first_sight"):
        raise SystemExit(f"{name} already has first-sight figures")
    entry["first_sight"] = {
        key: round(value, 3) if isinstance(value, float) else value
        for key, value in current.items()
        if key in SHOWN
    }
    path.write_text(json.dumps(listed, indent=2, ensure_ascii=False) + "\n", "utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", action="append", default=[], help="a set's name (repeatable)")
    parser.add_argument(
        "--end-to-end", action="store_true", help="through the fake Gmail, its search and the API"
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="list mistakes (never for locked sets)")
    parser.add_argument(
        "--record-first-sight", metavar="NAME", help="store NAME's figures as its first sight"
    )
    parser.add_argument("--locked", action="store_true", help="score the locked sets too (their final score)")
    parser.add_argument(
        "--answering",
        action="store_true",
        help="with a user who answers the Tracking Inbox each day (the router's first decisions are scored)",
    )
    args = parser.parse_args()
    names = [args.record_first_sight] if args.record_first_sight else args.set
    for labelled in load_sets(names):
        if labelled.locked and not (args.locked or args.record_first_sight):
            print(f"== {labelled.name}: locked, not scored (pass --locked for the final score)\n")
            continue
        current = figures(labelled, args.end_to_end, args.answering and not args.record_first_sight)
        if args.record_first_sight:
            record_first_sight(labelled.name, current)
            labelled = load_sets([labelled.name])[0]
        report(labelled, current, args.verbose)


if __name__ == "__main__":
    main()
