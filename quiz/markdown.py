"""Bank text made safe for ``st.markdown``: Markdown and LaTeX render, raw HTML never does.

``<`` and ``&`` become entities outside math and code, so ``<script>`` shows as text. Inside
``$...$``, ``$$...$$`` and code the text is left alone: KaTeX and code blocks show it
literally, and an entity there would show as ``&lt;``.
"""

from __future__ import annotations

import re

# Fenced code, inline code, display math, inline math: the parts left as written.
_KEEP = re.compile(
    r"(?ms)^(?P<fence>```|~~~).*?(?:^(?P=fence)[ \t]*$|\Z)"
    r"|(?P<ticks>`+).+?(?P=ticks)"
    r"|(?<!\\)\$\$.+?(?<!\\)\$\$"
    r"|(?<![\\$])\$(?!\s)[^$\n]+?(?<![\s\\])\$(?!\$)"
)


def _escape_plain(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;")


def safe_markdown(text: str) -> str:
    """``text`` with every ``<`` and ``&`` outside math and code turned into an entity."""
    out, last = [], 0
    for match in _KEEP.finditer(text):
        out.append(_escape_plain(text[last:match.start()]))
        out.append(match.group(0))
        last = match.end()
    out.append(_escape_plain(text[last:]))
    return "".join(out)
