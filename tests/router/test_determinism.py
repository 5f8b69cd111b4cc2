"""The same mail and jobs give the same decisions in every process, whatever Python's hash seed."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from jobops.config import PROJECT_ROOT

SCRIPT = """
import json
from bench.evaluation import load_sets, route_alone
[labelled] = load_sets(["healthcare-eu"])
print(json.dumps({k: [o.job_id, o.stage_target, o.bucket] for k, o in sorted(route_alone(labelled).items())}))
"""


def decisions_with_hash_seed(seed: str) -> dict[str, list]:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT], cwd=PROJECT_ROOT, env=env, capture_output=True, text=True, check=True
    )
    return json.loads(done.stdout)


def test_routing_does_not_depend_on_the_hash_seed() -> None:
    first, second = decisions_with_hash_seed("1"), decisions_with_hash_seed("2")
    assert len(first) > 300
    assert first == second
