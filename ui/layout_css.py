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
    [data-testid="stMain"] h2 { font-size: 1.5rem; }  /* a section stays below its page's title */
}
/* the overflow table: 4.53999e-05 stays one number on one line; the table scrolls instead */
.st-key-softmax-overflow [data-testid="stTable"] { overflow-x: auto; }
.st-key-softmax-overflow td { white-space: nowrap; }
/* the loss lab's tables: the same (1e-300 and -0.340999 stay whole) */
:is(.st-key-loss-routes, .st-key-loss-safety) [data-testid="stTable"] { overflow-x: auto; }
/* (a cell's text is a markdown paragraph, whose own white-space rule beats a td's) */
:is(.st-key-loss-routes, .st-key-loss-safety) td [data-testid="stMarkdownContainer"] p { white-space: nowrap; }
/* captions: Streamlit fades them to 60 % opacity, 3.9:1 on white, under WCAG's 4.5:1; at
   75 % they are 6.1:1 in the light theme and 8.9:1 in the dark one, still a step below text */
:is([data-testid="stMain"], [data-testid="stSidebar"]) [data-testid="stCaptionContainer"] {
    opacity: 0.75;
}
/* the primary red as text: a slider's value is 3.9:1 on the dark background, a chosen pill
   4.5:1 on its pink tint; a deeper red in the light theme (pill 5.6:1), a lighter one in the
   dark (slider 5.9:1, pill 5.5:1) */
[data-testid="stSliderThumbValue"] :is(p, div) { color: light-dark(rgb(197 57 72), rgb(230 110 120)); }
[data-testid="stButtonGroup"] button[data-selected="true"] :is(p, span) {
    color: light-dark(rgb(176 42 58), rgb(230 110 120)); }
/* a multiselect's "nothing left to choose" line is faded to 3.9:1: plain text colour */
[data-testid="stMultiSelectDropdown"] [role="listbox"][data-empty="true"] [role="option"] span {
    color: inherit; }
/* code: Streamlit's highlighting has one palette for both themes, most of it under 4.5:1 on
   the light code background (#f7f7f6) and its blue and grey under it on the dark (#242321);
   the same hues, darker in the light theme and lighter in the dark, all 4.7:1 or more */
[data-testid="stMain"] pre .token:is(.keyword, .tag, .function, .class-name, .selector,
    .attr-name, .property, .variable) { color: light-dark(#186ebd, #3792e5); }
[data-testid="stMain"] pre .token:is(.comment, .prolog, .doctype, .cdata, .punctuation) {
    color: light-dark(#696c7a, #8a8e9d); }
[data-testid="stMain"] pre .token:is(.boolean, .constant, .symbol, .string, .char, .attr-value) {
    color: light-dark(#157d36, #21c354); }
[data-testid="stMain"] pre .token:is(.number, .regex) { color: light-dark(#1d7b6e, #29b09d); }
[data-testid="stMain"] pre .token:is(.operator, .entity, .decorator, .atrule) {
    color: light-dark(#af520e, #ed6f13); }
/* KaTeX overhangs its box by a pixel or two, which makes every display formula a scroll
   area that a keyboard cannot reach; a little room inside keeps it a plain block */
.katex-display { padding-inline: 0.15em; }
/* the home page's three role cards stand side by side only while each formula fits in its
   card: a formula wider than its card would be a scroll area a keyboard cannot reach */
.st-key-home-roles [data-testid="stHorizontalBlock"] { flex-wrap: wrap; }
.st-key-home-roles [data-testid="stColumn"] { min-width: 16rem; }
.st-key-home-roles .katex-display > .katex { font-size: 1.1em; }
/* the home page's tagline is its second-level heading, drawn at a subtitle's size */
.st-key-home-tagline h2 { font-size: 1.25rem; font-weight: 600; padding-top: 0; }
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
/* a long line of code in an option wraps inside its box on a phone instead of running out */
[class*="st-key-quiz-answers"] :is([data-testid="stRadioOption"], [data-testid="stCheckbox"] label)
    :is(p, code) { min-width: 0; overflow-wrap: anywhere; white-space: normal; }
/* checkboxes are one element each: 44 px apiece is room enough without Streamlit's gap */
[class*="st-key-quiz-answers"] { gap: 0.25rem; }
</style>"""


def apply() -> None:
    """Add the CSS to the page (a style-only st.html takes no room)."""
    st.html(_CSS + _QUIZ_CSS)
