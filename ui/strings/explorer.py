"""UI strings for the explorer page: key -> (Japanese, English)."""

STRINGS: dict[str, tuple[str, str]] = {}
