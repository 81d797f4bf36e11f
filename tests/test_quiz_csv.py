"""The history CSV: a BOM for Excel, the learner's FSRS rating as an optional column."""

from __future__ import annotations

from datetime import UTC, datetime

from quiz.attempt import Attempt
from quiz.csv_io import export_csv, import_csv

T0 = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
HEADER = "session_id,question_id,theme,correct,answer,answered_at"


class ListStore:
    """Just what csv_io uses of a store: add() and attempts(), rating included."""

    def __init__(self, attempts=()):
        self.rows = list(attempts)

    def add(self, attempts):
        new = [a for a in attempts if a not in self.rows]
        self.rows += new
        return len(new)

    def attempts(self):
        return list(self.rows)


def test_export_starts_with_a_bom_and_writes_the_rating():
    store = ListStore([Attempt("s", "q", "softmax", True, '"a"', T0, rating=4),
                       Attempt("s", "q2", "softmax", False, "", T0)])
    data = export_csv(store).encode("utf-8")
    assert data.startswith(b"\xef\xbb\xbf")  # what Excel looks for to read UTF-8
    lines = data.decode("utf-8-sig").splitlines()
    assert lines[0] == HEADER + ",rating"
    assert lines[1].endswith(",4") and lines[2].endswith(",")


def test_import_with_and_without_bom_and_rating():
    row = f"s,q,softmax,1,,{T0.isoformat()}"
    for text in (f"{HEADER}\n{row}\n", f"\ufeff{HEADER}\n{row}\n"):
        store = ListStore()
        assert import_csv(store, text.encode("utf-8")).added == 1
        assert store.rows[0].rating is None
    store = ListStore()
    rows = [f"s,q{n},softmax,1,,{T0.isoformat()},{rating}" for n, rating in enumerate("25 ")]
    text = "\n".join([HEADER + ",rating", *rows]) + "\n"
    result = import_csv(store, text.encode("utf-8"))
    assert result.bad_rows == (3,)  # 5 is not an FSRS rating
    assert [a.rating for a in store.rows] == [2, None]


def test_a_round_trip_keeps_the_rating():
    source = ListStore([Attempt("s", "q", "usage", False, '"x"', T0, rating=2)])
    target = ListStore()
    import_csv(target, export_csv(source).encode("utf-8"))
    assert target.rows == source.rows
