"""UI strings for the gradients page: key -> (Japanese, English)."""

STRINGS: dict[str, tuple[str, str]] = {}
