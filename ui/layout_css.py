"""Page CSS that no widget option expresses: titles whole on a phone, tables that fit it."""

import streamlit as st

_CSS = """<style>
/* Japanese may break between any two characters: keep words (a katakana run, a kanji
   compound) whole in titles, and break inside one only if it alone is wider than the screen */
[data-testid="stMain"] :is(h1, h2, h3, h4),
[data-testid="stTable"] :is(th, td:first-child) {
    word-break: keep-all;
    overflow-wrap: anywhere;
}
/* a phone fits a 9-character title on one line (Streamlit's 2.75rem fits 7) */
@media (max-width: 640px) {
    [data-testid="stMain"] h1 { font-size: 2rem; }
}
/* the overflow table: 4.53999e-05 stays one number on one line; the table scrolls instead */
.st-key-softmax-overflow [data-testid="stTable"] { overflow-x: auto; }
.st-key-softmax-overflow td { white-space: nowrap; }
/* captions: Streamlit fades them to 60 % opacity, 3.9:1 on white, under WCAG's 4.5:1; at
   75 % they are 6.1:1 in the light theme and 8.9:1 in the dark one, still a step below text */
:is([data-testid="stMain"], [data-testid="stSidebar"]) [data-testid="stCaptionContainer"] {
    opacity: 0.75;
}
/* a slider's value is drawn in the primary red, 3.9:1 on the dark theme's background: a
   lighter red there (5.9:1); the light theme keeps Streamlit's own (5.2:1 on white) */
[data-testid="stSliderThumbValue"] :is(p, div) { color: light-dark(rgb(197 57 72), rgb(230 110 120)); }
/* KaTeX overhangs its box by a pixel or two, which makes every display formula a scroll
   area that a keyboard cannot reach; a little room inside keeps it a plain block */
.katex-display { padding-inline: 0.15em; }
/* the home page's tagline is its second-level heading, drawn at a subtitle's size */
.st-key-home-tagline h2 { font-size: 1.25rem; font-weight: 600; padding-top: 0; }
/* a long formula in a card scrolls inside the card instead of leaving the screen */
.st-key-compare-formulas [data-testid="stMarkdownContainer"] { overflow-x: auto; overflow-y: hidden; }
</style>"""


def apply() -> None:
    """Add the CSS to the page (a style-only st.html takes no room)."""
    st.html(_CSS)
