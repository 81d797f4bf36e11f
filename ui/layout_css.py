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
/* the loss lab's tables: the same (1e-300 and -0.340999 stay whole) */
:is(.st-key-loss-routes, .st-key-loss-safety) [data-testid="stTable"] { overflow-x: auto; }
/* (a cell's text is a markdown paragraph, whose own white-space rule beats a td's) */
:is(.st-key-loss-routes, .st-key-loss-safety) td [data-testid="stMarkdownContainer"] p { white-space: nowrap; }
/* a long formula in a card scrolls inside the card instead of leaving the screen */
.st-key-compare-formulas [data-testid="stMarkdownContainer"] { overflow-x: auto; overflow-y: hidden; }
/* the language memory (ui/lang_memory.js) draws nothing: no gap above the toggle */
.st-key-i18n-memory { display: none; }
</style>"""

# The quiz (ui/quiz_play.py, ui/quiz_exam.py).
_QUIZ_CSS = """<style>
/* the exam clock stays in view below the app's header while the learner scrolls (sticky
   on its wrapper, whose parent is the whole question) */
[data-testid="stLayoutWrapper"]:has(> .st-key-quiz-exam-clock) {
    position: sticky; top: 3.75rem; z-index: 99;
    background-color: light-dark(#fff, rgb(23 22 20));  /* the page's own, light and dark */
}
/* each answer option's clickable box holds the whole of its typeset formula (KaTeX draws a
   fraction past its line box, over the next option) and is at least 44 px tall, a finger */
[class*="st-key-quiz-answers"] :is([data-testid="stRadioOption"], [data-testid="stCheckbox"] label) {
    display: flex; align-items: center; min-height: 2.75rem; padding-block: 0.4rem;
}
/* checkboxes are one element each: 44 px apiece is room enough without Streamlit's gap */
[class*="st-key-quiz-answers"] { gap: 0.25rem; }
</style>"""


def apply() -> None:
    """Add the CSS to the page (a style-only st.html takes no room)."""
    st.html(_CSS + _QUIZ_CSS)
