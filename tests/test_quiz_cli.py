"""`python -m quiz validate`: one line per problem, exit 1 on any problem, 0 otherwise."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

FIXTURES = Path("tests/fixtures/quiz")


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "quiz", "validate", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=60)


def test_clean_banks_exit_0_and_print_no_problem():
    done = run(str(FIXTURES / "good"))
    assert done.returncode == 0, done.stdout
    assert done.stdout == ""


def test_broken_banks_exit_1_with_one_line_per_problem():
    done = run(str(FIXTURES / "broken"))
    assert done.returncode == 1
    lines = done.stdout.splitlines()
    assert len(lines) == 6
    assert (f"{FIXTURES.as_posix()}/broken/unknown_key.yaml: questions[0] (id=unknown-key) → "
            "hint: unknown key") in lines
    assert all(line.startswith(f"{FIXTURES.as_posix()}/broken/") for line in lines)


def test_japanese_messages_on_request():
    done = run("--lang", "ja", str(FIXTURES / "broken" / "missing_explanation.yaml"))
    assert done.returncode == 1
    assert done.stdout.strip().endswith("→ explanation: 必須の項目がありません")


def test_a_missing_path_is_a_problem():
    done = run("no/such/dir")
    assert done.returncode == 1
    assert done.stdout.strip() == "no/such/dir: top level: no such file or directory"


def test_groups_lists_each_group_with_its_questions():
    done = subprocess.run([sys.executable, "-m", "quiz", "groups", str(FIXTURES / "cross" / "grouped.yaml")],
                          cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["relu-mask: cx-mask, cx-shows-mask",
                                        "softmax-123: cx-value, cx-shows-value"]
