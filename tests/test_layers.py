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


def _magic_expressions(path: Path) -> list[str]:
    """Statements Streamlit's "magic" would write to the page: bare expressions other than
    calls, awaits, yields and docstrings (magic.add_magic's rules)."""
    found = []
    for parent in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        for field in ("body", "orelse", "finalbody"):
            block = getattr(parent, field, None)
            if not isinstance(block, list):
                continue
            for i, node in enumerate(block):
                if not isinstance(node, ast.Expr):
                    continue
                value = node.value
                if isinstance(value, ast.Call | ast.Await | ast.Yield | ast.YieldFrom):
                    continue
                docstring = (
                    i == 0
                    and field == "body"
                    and isinstance(parent, ast.Module | ast.FunctionDef | ast.AsyncFunctionDef)
                    and isinstance(value, ast.Constant)
                    and isinstance(value.value, str)
                )
                if not docstring:
                    found.append(f"{path.name}:{node.lineno}")
    return found


def test_no_page_relies_on_streamlit_magic() -> None:
    # .streamlit/config.toml turns magic off (runner.magicEnabled = false): a bare expression in
    # a page script would silently show nothing.
    scripts = [ROOT / "app.py", *sorted((ROOT / "pages").glob("[!_]*.py"))]
    assert [where for path in scripts for where in _magic_expressions(path)] == []
    assert "magicEnabled = false" in (ROOT / ".streamlit" / "config.toml").read_text("utf-8")
