"""The product package imports without Streamlit; only jobops.dashboard may need it."""

from __future__ import annotations

import json
import pkgutil
import subprocess
import sys
from pathlib import Path

import jobops

ROOT = Path(__file__).resolve().parents[1]

# Run in a fresh interpreter where importing Streamlit raises. Each failure names the module that was
# imported and the jobops file whose import statement reached for Streamlit (the deepest in the traceback).
PROBE = """
import importlib, json, sys, traceback

class NoStreamlit:
    def find_spec(self, name, path=None, target=None):
        if name == "streamlit" or name.startswith("streamlit."):
            raise ImportError(f"Streamlit is not available here ({name})")
        return None

sys.meta_path.insert(0, NoStreamlit())
failures = {}
for module in json.loads(sys.argv[1]):
    try:
        importlib.import_module(module)
    except ImportError as exc:
        frames = [f.filename for f in traceback.extract_tb(exc.__traceback__) if "/jobops/" in f.filename]
        failures[module] = f"{exc} at {frames[-1] if frames else module}"
print(json.dumps(failures))
"""


def core_modules() -> list[str]:
    """Every module of jobops/ outside the dashboard package (`__main__` runs the command line: cli stands in)."""
    found = ["jobops"]
    for info in pkgutil.walk_packages(jobops.__path__, "jobops."):
        if info.name in ("jobops.__main__", "jobops.dashboard") or info.name.startswith("jobops.dashboard."):
            continue
        found.append(info.name)
    return sorted(found)


def modules_needing_streamlit(modules: list[str]) -> dict[str, str]:
    """Each given module that fails to import when Streamlit cannot be imported, with the error."""
    result = subprocess.run(
        [sys.executable, "-c", PROBE, json.dumps(modules)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout)


def test_every_module_outside_the_dashboard_imports_without_streamlit() -> None:
    modules = core_modules()
    assert "jobops.api.http" in modules and "jobops.dashboard.page" not in modules
    failures = modules_needing_streamlit(modules)
    assert not failures, "these modules pull Streamlit in: " + "; ".join(
        f"{module} ({error})" for module, error in failures.items()
    )


def test_a_module_that_imports_streamlit_is_named() -> None:
    failures = modules_needing_streamlit(["jobops.api.http", "jobops.dashboard.page"])
    assert list(failures) == ["jobops.dashboard.page"]
    assert "Streamlit is not available" in failures["jobops.dashboard.page"]
