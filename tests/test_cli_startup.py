"""`navigator --help` stays fast: the CLI's start-up imports none of the heavy packages.

No wall-clock assertion (the machine is shared): what makes start-up slow is importing pandas,
networkx, openpyxl, streamlit and friends, so a fresh interpreter builds the parser and prints
every command's help, then reports which of them it had to import. Measured times are in the
README ("Command line").
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from navigator.cli import COMMAND_MODULES, main, version

HEAVY = ("pandas", "networkx", "openpyxl", "streamlit", "rapidfuzz", "numpy", "pyvis", "requests")

_PROBE = """
import contextlib, io, json, sys
import navigator.cli as cli
parser = cli.build_parser()
commands = sorted(parser._subparsers._group_actions[0].choices)
for argv in [["--help"], ["--version"], *[[c, "--help"] for c in commands]]:
    with contextlib.redirect_stdout(io.StringIO()), contextlib.suppress(SystemExit):
        cli.main(argv)
heavy = sorted(m for m in {heavy!r} if m in sys.modules)
print(json.dumps({{"commands": commands, "heavy": heavy}}))
"""


def test_help_and_version_import_no_heavy_package():
    proc = subprocess.run(
        [sys.executable, "-c", _PROBE.format(heavy=HEAVY)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
    )
    found = json.loads(proc.stdout.strip().splitlines()[-1])
    assert found["heavy"] == []
    assert len(found["commands"]) >= len(COMMAND_MODULES)  # every command's --help was asked


def test_importing_the_cli_imports_no_heavy_package():
    code = (
        "import sys, json, navigator.cli; "
        f"print(json.dumps(sorted(m for m in {HEAVY!r} if m in sys.modules)))"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert json.loads(proc.stdout) == []


def test_version(capsys):
    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0
    assert capsys.readouterr().out.strip() == f"navigator {version()}"
    assert version()[0].isdigit()


def test_help_texts_written_out_agree_with_the_library():
    """Defaults shown in --help are written out in the CLI (to stay light); keep them true."""
    from graph.duplicates import DEFAULT_THRESHOLD
    from loaders.kstartup.sync import OPERATIONS
    from navigator import cmd_engine, cmd_sync

    assert cmd_engine._DUPLICATE_THRESHOLD_HELP == DEFAULT_THRESHOLD
    assert set(cmd_sync._CHOICES["both"]) == set(OPERATIONS)


@pytest.mark.parametrize(
    ("command", "module"), [("duplicates", "graph.duplicates"), ("diff", "graph.diff")]
)
def test_default_threshold_in_help_is_the_library_default(command, module, capsys):
    import importlib

    default = importlib.import_module(module).DEFAULT_THRESHOLD
    with pytest.raises(SystemExit):
        main([command, "--help"])
    assert f"기본 {default:g})" in " ".join(capsys.readouterr().out.split())
