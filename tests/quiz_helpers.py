"""Shared for the quiz tests: the small fixture bank, loaded once per test."""

from __future__ import annotations

from pathlib import Path

from quiz.loader import load_paths

GOOD_BANK = Path(__file__).parent / "fixtures" / "quiz" / "good"


def fixture_questions():
    bank = load_paths([GOOD_BANK])
    assert not bank.problems, bank.problems
    return bank
