"""What the 学習履歴 view shows: accuracy per theme per day, and the weakest questions."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pandas as pd

from .attempt import Attempt
from .themes import theme_order

# Days are counted in the learner's time zone (the page passes the browser's); Japan time
# when it is not known: the learners sit a Japanese exam, and a UTC day would split one
# evening's study at 09:00.
LOCAL_TZ = ZoneInfo("Asia/Tokyo")


def end_of_day(now: datetime, zone: ZoneInfo = LOCAL_TZ) -> datetime:
    """The end of ``now``'s day in ``zone``: what 「今日」 means to the learner."""
    local = now.astimezone(zone)
    return datetime.combine(local.date() + timedelta(days=1), time(), zone)


def daily_accuracy(attempts: list[Attempt], zone: ZoneInfo = LOCAL_TZ) -> pd.DataFrame:
    """One row per (day, theme): answered, correct and accuracy (0..1), days ascending."""
    columns = ["day", "theme", "answered", "correct", "accuracy"]
    if not attempts:
        return pd.DataFrame(columns=columns)
    frame = pd.DataFrame({
        "day": [a.answered_at.astimezone(zone).date() for a in attempts],
        "theme": [a.theme for a in attempts],
        "correct": [int(a.correct) for a in attempts],
    })
    grouped = frame.groupby(["day", "theme"], sort=True)["correct"].agg(["size", "sum"])
    out = grouped.reset_index().rename(columns={"size": "answered", "sum": "correct"})
    out["accuracy"] = out["correct"] / out["answered"]
    out["_order"] = out["theme"].map(theme_order)
    return out.sort_values(["day", "_order"]).drop(columns="_order")[columns].reset_index(drop=True)


@dataclass(frozen=True)
class WeakQuestion:
    question_id: str
    theme: str
    answered: int
    wrong: int
    last_answered: date
    last_correct: bool = False  # the most recent answer was right

    @property
    def accuracy(self) -> float:
        return 1 - self.wrong / self.answered


def weakest(attempts: list[Attempt], limit: int = 10,
            zone: ZoneInfo = LOCAL_TZ) -> list[WeakQuestion]:
    """Questions answered wrong at least once: lowest accuracy first, then most wrong."""
    stats: dict[str, list] = {}
    for a in attempts:
        s = stats.setdefault(a.question_id, [a.theme, 0, 0, a.answered_at, a.correct])
        s[1] += 1
        s[2] += not a.correct
        if a.answered_at >= s[3]:
            s[3], s[4] = a.answered_at, a.correct
    rows = [WeakQuestion(qid, theme, n, wrong, last.astimezone(zone).date(), right)
            for qid, (theme, n, wrong, last, right) in stats.items() if wrong]
    rows.sort(key=lambda r: (r.accuracy, -r.wrong, r.question_id))
    return rows[:limit]
