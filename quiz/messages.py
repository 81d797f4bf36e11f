"""Validation messages in both languages: pydantic's error types mapped to plain words.

The English text is what ``python -m quiz validate`` prints; the page shows the Japanese one
when the language is ja. An error type not listed here keeps pydantic's own English text.
"""

from __future__ import annotations

from typing import Any

# pydantic error type -> (English, Japanese); {fields} come from the error's ctx.
_BY_TYPE: dict[str, tuple[str, str]] = {
    "missing": ("required field is missing", "必須の項目がありません"),
    "extra_forbidden": ("unknown key", "未知のキーです"),
    "string_type": ("must be a string (quote it)", "文字列にしてください（引用符で囲む）"),
    "float_type": ("must be a number", "数値にしてください"),
    "bool_type": ("must be true or false", "true か false にしてください"),
    "list_type": ("must be a list", "リストにしてください"),
    "literal_error": ("must be one of {expected}", "{expected} のいずれかにしてください"),
    "too_short": ("needs at least {min_length} item(s)", "{min_length} 個以上必要です"),
    "too_long": ("allows at most {max_length} item(s)", "{max_length} 個までです"),
    "string_too_short": ("must not be empty", "空にできません"),
    "blank": ("must not be empty", "空にできません"),
    "not_finite": ("must be a finite number", "有限の数値にしてください"),
    "greater_than": ("must be greater than {gt}", "{gt} より大きくしてください"),
    "greater_than_equal": ("must be at least {ge}", "{ge} 以上にしてください"),
    "less_than_equal": ("must be at most {le}", "{le} 以下にしてください"),
    "string_pattern_mismatch": (
        "must match {pattern} (lowercase letters, digits, - and _)",
        "{pattern} の形式にしてください（英小文字・数字・-・_）",
    ),
    "union_tag_invalid": ("{tag_field} must be one of {expected_tags}",
                          "{tag_field} は {expected_tags} のいずれかにしてください"),
    "union_tag_not_found": ("required field is missing", "必須の項目がありません"),
    "model_type": ("must be a mapping of key: value", "「キー: 値」の形式にしてください"),
}


def from_pydantic(error: dict[str, Any], tag: str = "type") -> tuple[str, str]:
    """(English, Japanese) for one entry of ``ValidationError.errors()``; ``tag`` names the
    field that picks the model (a question's ``type``, a figure's ``kind``)."""
    pair = _BY_TYPE.get(error["type"])
    if pair is None:
        return error["msg"], error["msg"]
    ctx = {"tag_field": tag, **{k: str(v) for k, v in (error.get("ctx") or {}).items()}}
    try:
        return pair[0].format(**ctx), pair[1].format(**ctx)
    except KeyError:  # a ctx field pydantic did not give: fall back to its own text
        return error["msg"], error["msg"]
