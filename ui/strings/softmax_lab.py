"""UI strings for the softmax_lab page: key -> (Japanese, English)."""

STRINGS: dict[str, tuple[str, str]] = {}
