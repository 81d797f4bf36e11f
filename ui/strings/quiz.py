"""UI strings for the quiz page: key -> (Japanese, English)."""

STRINGS: dict[str, tuple[str, str]] = {}
