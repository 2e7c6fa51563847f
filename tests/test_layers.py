"""The layers of README "Architecture": imports only go down, and no library module needs
Streamlit."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# Each layer and the project packages it may import (besides itself).
ALLOWED: dict[str, set[str]] = {
    "loaders": {"data"},
    "graph": {"loaders", "data"},
    "usecases": {"graph", "loaders", "data"},
    "navigator": {"usecases", "graph", "loaders", "data"},
}
PROJECT = {"data", "loaders", "graph", "usecases", "navigator", "pages", "benchmarks", "tests"}


def _modules(package: str) -> list[Path]:
    return sorted((ROOT / package).rglob("*.py"))


def _imported_packages(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module.split(".")[0])
    return found & PROJECT


@pytest.mark.parametrize("package", sorted(ALLOWED))
def test_imports_only_go_down(package: str) -> None:
    wrong = {
        str(path.relative_to(ROOT)): sorted(found - ALLOWED[package] - {package})
        for path in _modules(package)
        if (found := _imported_packages(path)) - ALLOWED[package] - {package}
    }
    assert wrong == {}


def test_no_library_module_imports_streamlit() -> None:
    names = [
        ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
        for package in ALLOWED
        for path in _modules(package)
    ]
    code = (
        "import importlib, sys\n"
        f"for name in {names!r}: importlib.import_module(name)\n"
        "assert 'streamlit' not in sys.modules, 'streamlit imported'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)
