"""History as CSV, so a learner whose disk is not kept (Community Cloud) can take their
progress along and bring it back. Importing the same file twice adds nothing.

The file is UTF-8 with a BOM, so that Excel opens the Japanese correctly; import takes it
with or without. The ``rating`` column (the learner's own FSRS rating) is optional."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import UTC, datetime

from .attempt import COLUMNS, Attempt
from .store import Store

_TRUE, _FALSE = {"1", "true", "True", "TRUE"}, {"0", "false", "False", "FALSE"}


@dataclass(frozen=True)
class ImportResult:
    added: int = 0
    duplicates: int = 0
    bad_rows: tuple[int, ...] = ()  # line numbers in the file (the header is line 1)
    missing_columns: tuple[str, ...] = ()
    unreadable: bool = False  # not UTF-8 text


RATING = "rating"
BOM = "\ufeff"


def export_csv(store: Store) -> str:
    """The whole history as CSV text, starting with a BOM (encode it as UTF-8)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow((*COLUMNS, RATING))
    writer.writerows((*a.row(), "" if a.rating is None else a.rating) for a in store.attempts())
    return BOM + out.getvalue()


def _rating(text: str) -> int | None | bool:
    """1..4, None when empty, False when unreadable."""
    if not text:
        return None
    return int(text) if text in ("1", "2", "3", "4") else False


def _parse_row(row: dict[str, str]) -> Attempt | None:
    values = {k: (row.get(k) or "").strip() for k in COLUMNS}
    values["answer"] = row.get("answer") or ""  # an answer's own spaces are kept
    if not all(values[k] for k in ("session_id", "question_id", "theme", "answered_at")):
        return None
    if values["correct"] not in _TRUE | _FALSE:
        return None
    try:
        moment = datetime.fromisoformat(values["answered_at"])
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    rating = _rating((row.get(RATING) or "").strip())
    if rating is False:
        return None
    return Attempt(values["session_id"], values["question_id"], values["theme"],
                   values["correct"] in _TRUE, values["answer"], moment, rating)


def import_csv(store: Store, data: bytes | str) -> ImportResult:
    """Add the rows of an exported CSV that the store does not have yet."""
    if isinstance(data, bytes):
        try:
            data = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            return ImportResult(unreadable=True)
    reader = csv.DictReader(io.StringIO(data.removeprefix(BOM)))
    missing = tuple(c for c in COLUMNS if c not in (reader.fieldnames or ()))
    if missing:
        return ImportResult(missing_columns=missing)
    good: list[Attempt] = []
    bad: list[int] = []
    try:
        for row in reader:
            attempt = _parse_row(row)
            if attempt is None:
                bad.append(reader.line_num)
            else:
                good.append(attempt)
    except csv.Error:
        bad.append(reader.line_num)
    added = store.add(good)
    return ImportResult(added, len(good) - added, tuple(bad))
