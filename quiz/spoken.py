"""An option's text as a screen reader can speak it: the answer controls' accessible names.

Typeset maths has no text a screen reader (or axe-core) takes as a control's name: KaTeX's
picture is aria-hidden and its MathML flattens ``\\dfrac{1}{1 + e^{-x}}`` to "1 1 + e − x".
Here TeX becomes a linear form with its grouping kept, ``1/(1 + e^(-x))``, by pylatexenc
with fractions, powers and indices taught to bracket what they group.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pylatexenc.latex2text import LatexNodes2Text, MacroTextSpec, get_default_latex_context_db
from pylatexenc.latexwalker import LatexWalker
from pylatexenc.latexwalker import get_default_latex_context_db as walker_db
from pylatexenc.macrospec import MacroSpec

_ATOM = re.compile(r"[\w.′']+|\(.*\)")
_FRACS = ("frac", "dfrac", "tfrac")


def _group(text: str) -> str:
    text = text.strip()
    return text if _ATOM.fullmatch(text) else f"({text})"


def _frac(node, l2tobj) -> str:
    num, den = (l2tobj.nodelist_to_text([arg]) for arg in node.nodeargd.argnlist[-2:])
    return f"{_group(num)}/{_group(den)} "  # 1/2 x, not 1/2x


def _scripts(tex: str) -> str:
    """``^{-x}`` → ``^(-x)``, ``_{ij}`` → ``_(ij)``, innermost first; one character stays bare."""
    tex = re.sub(r"(\\[A-Za-z]+)\s+(?=\w)", r"\1{} ", tex)  # \tanh x keeps its space
    inner = re.compile(r"([\^_])\{([^{}]*)\}")
    while True:
        new = inner.sub(lambda m: m[1] + (m[2] if len(m[2].strip()) == 1 else f"\x01{m[2]}\x02"),
                        tex)
        if new == tex:
            return tex.replace("\x01", "(").replace("\x02", ")")
        tex = new


@lru_cache(maxsize=1)
def _converter() -> tuple[LatexNodes2Text, object]:
    walker = walker_db()
    walker.add_context_category("actlab", prepend=True,
                                macros=[MacroSpec(name, "{{") for name in _FRACS])
    text = get_default_latex_context_db()
    plain = [MacroTextSpec("mathbf", simplify_repl="%s")]
    text.add_context_category("actlab", prepend=True, macros=[
        *(MacroTextSpec(name, simplify_repl=_frac) for name in _FRACS), *plain])
    return LatexNodes2Text(latex_context=text, math_mode="text"), walker


@lru_cache(maxsize=4096)
def spoken(text: str) -> str:
    """Markdown with ``$…$`` maths → plain text; maths linear, everything else as written."""
    l2t, walker_context = _converter()

    def one(m: re.Match) -> str:
        nodes = LatexWalker(_scripts(m[1]), latex_context=walker_context,
                            tolerant_parsing=True).get_latex_nodes()[0]
        return " ".join(l2t.nodelist_to_text(nodes).split())

    out = re.sub(r"\$([^$]+)\$", one, text)
    return " ".join(out.replace("`", "").replace("**", "").split())
