"""What 学習履歴's review list and downloads cost for a long history, and the Anki deck of
the largest theme (its figures drawn by matplotlib).

Usage: python bench/bench_review_export.py [--answers 5000]
Prints the time to list the mistakes (every rerun of 学習履歴 does it), to write the study
record, and to build the Anki deck of the mistakes and of the theme with the most questions.
"""

from __future__ import annotations

import argparse
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from quiz.anki import build_apkg  # noqa: E402
from quiz.answers import encode  # noqa: E402
from quiz.attempt import Attempt  # noqa: E402
from quiz.loader import DEFAULT_BANK_DIR, load_paths  # noqa: E402
from quiz.review import mistakes  # noqa: E402
from quiz.study_record import study_record_csv  # noqa: E402


def _history(questions, n: int) -> list[Attempt]:
    rng = np.random.default_rng(0)
    start = datetime(2026, 1, 1, tzinfo=UTC)
    out = []
    for i in range(n):
        q = questions[int(rng.integers(len(questions)))]
        right = bool(rng.random() < 0.7)
        given = q.answer if right else (not q.answer if isinstance(q.answer, bool) else None)
        out.append(Attempt("s", q.id, q.theme, right, encode(given),
                           start + timedelta(minutes=7 * i)))
    return out


def _timed(label: str, fn) -> None:
    t0 = time.perf_counter()
    result = fn()
    size = f" ({len(result):,} bytes)" if isinstance(result, bytes | str) else ""
    print(f"{label:<44} {1e3 * (time.perf_counter() - t0):8.0f} ms{size}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--answers", type=int, default=5000)
    a = ap.parse_args()
    bank = load_paths([DEFAULT_BANK_DIR])
    history = _history(bank.questions, a.answers)
    wrong = [bank.by_id[m.attempt.question_id] for m in mistakes(history)]
    themes = {}
    for q in bank.questions:
        themes.setdefault(q.theme, []).append(q)
    theme, largest = max(themes.items(), key=lambda kv: len(kv[1]))
    print(f"{a.answers} answers, {len(wrong)} questions with a mistake")
    _timed("mistakes (the review list, every rerun)", lambda: mistakes(history))
    _timed("study record CSV", lambda: study_record_csv(history, bank.by_id, ZoneInfo("UTC")))
    _timed(f"Anki: {theme} ({len(largest)} questions), cold", lambda: build_apkg(largest, "b"))
    _timed(f"Anki: {theme} again (figures cached)", lambda: build_apkg(largest, "b"))
    _timed(f"Anki: the mistakes ({len(wrong)} questions)", lambda: build_apkg(wrong, "b"))


if __name__ == "__main__":
    main()
