"""History as CSV, so a learner whose disk is not kept (Community Cloud) can take their
progress along and bring it back. Importing the same file twice adds nothing.

The file is UTF-8 with a BOM, so that Excel opens the Japanese correctly; import takes it
with or without. The ``rating`` column (the learner's own FSRS rating) is optional."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field

from .attempt import COLUMNS, Attempt
from .rows import BAD_SHAPE, parse_row


@dataclass(frozen=True)
class ImportResult:
    added: int = 0
    duplicates: int = 0
    bad_rows: tuple[int, ...] = ()  # line numbers in the file (the header is line 1)
    refused: dict[str, int] = field(default_factory=dict)  # why, as quiz.rows reasons
    missing_columns: tuple[str, ...] = ()
    unreadable: bool = False  # not UTF-8 text


RATING = "rating"
BOM = "\ufeff"


def export_csv(store) -> str:
    """The whole history as CSV text, starting with a BOM (encode it as UTF-8)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow((*COLUMNS, RATING))
    writer.writerows((*a.row(), "" if a.rating is None else a.rating) for a in store.attempts())
    return BOM + out.getvalue()


def _parse_row(row: dict) -> Attempt | str:
    return parse_row({k: row.get(k) or "" for k in (*COLUMNS, RATING)})


def import_csv(store, data: bytes | str) -> ImportResult:
    """Add the rows of an exported CSV that ``store`` (one learner's history) does not have
    yet: they become that learner's, whatever learner the file came from."""
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
    refused: dict[str, int] = {}

    def refuse(reason: str) -> None:
        bad.append(reader.line_num)
        refused[reason] = refused.get(reason, 0) + 1

    try:
        for row in reader:
            attempt = _parse_row(row)
            if isinstance(attempt, Attempt):
                good.append(attempt)
            else:
                refuse(attempt)
    except csv.Error:  # broken quoting: the rest of the file cannot be split into rows
        refuse(BAD_SHAPE)
    added = store.add(good)
    return ImportResult(added, len(good) - added, tuple(bad), refused)
