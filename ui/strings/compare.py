"""UI strings for the compare page: key -> (Japanese, English)."""

STRINGS: dict[str, tuple[str, str]] = {}
