"""One validation problem: where it is (file, location) and what is wrong, in both languages."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    file: str  # as the user named it, e.g. quiz_data/softmax.yaml
    location: str  # e.g. "questions[3] (id=sigmoid-grad-max) → answer", or "line 4, column 7"
    message: str  # English: what the CLI prints
    message_ja: str

    def text(self, lang: str = "en") -> str:
        """``file: location: message`` in the chosen language."""
        message = self.message_ja if lang == "ja" else self.message
        return f"{self.file}: {self.location}: {message}"

    def __str__(self) -> str:
        return self.text("en")


def question_location(index: int, qid: object, field: str | None = None) -> str:
    """``questions[3] (id=x) → field``; the id is shown only when it is a string."""
    where = f"questions[{index}]"
    if isinstance(qid, str) and qid:
        where += f" (id={qid})"
    return f"{where} → {field}" if field else where


def field_path(loc: tuple) -> str:
    """pydantic's loc tuple as ``options[1]`` / ``answer``."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out
