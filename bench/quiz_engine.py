"""Print how long the quiz engine takes on the real banks and on a long history.

    python bench/quiz_engine.py

Loading and validating quiz_data/, replaying N answers through FSRS to weight a draw, and
writing N answers to SQLite one short transaction at a time (what each answer costs).
"""

from __future__ import annotations

import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from quiz.attempt import Attempt  # noqa: E402
from quiz.loader import DEFAULT_BANK_DIR, load_paths  # noqa: E402
from quiz.scheduler import draw_weights  # noqa: E402
from quiz.session import draw  # noqa: E402
from quiz.store import HistoryDB, sqlite_engine  # noqa: E402


def timed(label: str, fn, repeat: int = 3):
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - start)
    print(f"{label:<52} {best * 1000:9.1f} ms")
    return result


bank = timed(f"load + validate {DEFAULT_BANK_DIR.name}/", lambda: load_paths([DEFAULT_BANK_DIR]))
questions = list(bank.questions)
print(f"  {len(questions)} questions, {len(bank.problems)} problems")
rng = np.random.default_rng(0)
t0 = datetime(2026, 1, 1, tzinfo=UTC)
for n in (1_000, 10_000):
    history = [Attempt("s", questions[i % len(questions)].id, questions[i % len(questions)].theme,
                       bool(rng.random() < 0.7), "", t0 + timedelta(minutes=7 * i))
               for i in range(n)]
    now = history[-1].answered_at + timedelta(days=1)
    weights = timed(f"draw weights from {n:,} answers (FSRS replay)",
                    lambda h=history, t=now: draw_weights(questions, h, t))
    timed("  draw 20 of them", lambda w=weights: draw(questions, 20, rng, w))
with tempfile.TemporaryDirectory() as tmp:
    db = HistoryDB(sqlite_engine(str(Path(tmp) / "h.sqlite3")))
    timed("store 200 answers, one transaction each (SQLite, WAL)",
          lambda: [db.add("anon:bench", [a]) for a in history[:200]], repeat=1)
    db.add("anon:bench", history)
    db.add("anon:other", history[:5000])  # another learner's rows are not read
    timed(f"read back one learner's {db.count('anon:bench'):,} answers",
          lambda: db.attempts("anon:bench"))
