"""Every package the code imports is declared in pyproject.toml, pinned, and pinned alike in constraints.txt."""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OWN = {"jobops", "tests", "bench", "pages", "app"}
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def normalise(name: str) -> str:
    """A distribution name as pip compares them (`SQLAlchemy` == `sqlalchemy`, `a_b` == `a-b`)."""
    return re.sub(r"[-_.]+", "-", name).lower()


def pins(requirements: list[str]) -> dict[str, str]:
    """{name: version} of `name[extra]==version` lines; anything else is left out (and caught below)."""
    found = {}
    for line in requirements:
        matched = re.fullmatch(r"([A-Za-z0-9_.-]+)(\[[^\]]+\])?==([^\s;]+)", line.strip())
        if matched:
            found[normalise(matched[1])] = matched[3]
    return found


def imported_packages(*places: str) -> set[str]:
    """Top-level names of third-party modules imported anywhere under these files or folders."""
    names: set[str] = set()
    for place in places:
        path = ROOT / place
        for source in [path] if path.is_file() else path.rglob("*.py"):
            for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Import):
                    names.update(alias.name.split(".")[0] for alias in node.names)
                elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                    names.add(node.module.split(".")[0])
    return {n for n in names if n not in sys.stdlib_module_names and n not in OWN and n != "__future__"}


def undeclared(modules: set[str], declared: set[str]) -> list[str]:
    """Modules none of whose installed distributions is declared."""
    providers = packages_distributions()
    return sorted(m for m in modules if not {normalise(d) for d in providers.get(m, [])} & declared)


APP = set(PROJECT["dependencies"])
DEV = set(PROJECT["optional-dependencies"]["dev"])


def test_everything_the_app_imports_is_an_app_dependency() -> None:
    assert undeclared(imported_packages("jobops", "pages", "app.py"), set(pins(list(APP)))) == []


def test_everything_tests_and_benches_import_is_declared() -> None:
    assert undeclared(imported_packages("tests", "bench"), set(pins(list(APP | DEV)))) == []


def test_every_declared_dependency_is_pinned_exactly() -> None:
    assert sorted(set(APP | DEV) - {line for line in APP | DEV if pins([line])}) == []


def test_the_constraints_file_pins_every_declared_dependency_at_the_same_version() -> None:
    constraints = pins((ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines())
    declared = pins(list(APP | DEV))
    assert {name: constraints.get(name) for name in declared} == declared
