"""「Anki で復習する」 in 学習履歴: the learner's mistakes, or every question of a theme, as an
Anki deck to download (quiz/anki.py). The deck is made only when the button is clicked."""

from __future__ import annotations

import streamlit as st

from quiz.anki import CardText, build_apkg
from quiz.loader import Bank
from quiz.review import mistakes
from quiz.themes import THEMES, theme_name
from ui.i18n import keep, lang, t
from ui.quiz_text import words

MISTAKES = "mistakes"
SCOPE_KEY = "quiz.anki.scope"


def _scopes(bank: Bank, attempts: list) -> dict[str, tuple[list, str]]:
    """scope -> (its questions, its label): the mistakes first (the same choices whether
    there are any yet or not, so the first mistake does not move the learner's choice)."""
    wrong = [bank.by_id[m.attempt.question_id] for m in mistakes(attempts)
             if m.attempt.question_id in bank.by_id]
    scopes = {MISTAKES: (wrong, t("quiz.anki.mistakes", n=len(wrong)))}
    for theme in THEMES:
        questions = [q for q in bank.questions if q.theme == theme]
        if questions:
            scopes[theme] = (questions, t("quiz.anki.theme", theme=theme_name(theme, lang()),
                                          n=len(questions)))
    return scopes


def render_anki(bank: Bank, attempts: list) -> None:
    st.subheader(t("quiz.anki.header"))
    st.caption(t("quiz.anki.note"))
    scopes = _scopes(bank, attempts)
    # a radio: all choices in view, and no text box a phone's keyboard would open for
    scope = keep(SCOPE_KEY, st.radio(t("quiz.anki.scope"), list(scopes), key=SCOPE_KEY,
                                     format_func=lambda s: scopes[s][1]))
    questions = scopes[scope][0]
    if not questions:
        st.info(t("quiz.anki.empty"))
        return
    deck = t("quiz.anki.deck", name=t("quiz.anki.mistakes_deck") if scope == MISTAKES
             else theme_name(scope, lang()))
    text = CardText(lang(), t("quiz.anki.key"), t("quiz.anki.explanation"), words())
    st.download_button(t("quiz.anki.download"), lambda: build_apkg(questions, deck, text),
                       file_name=f"activation-lab-{scope}.apkg",
                       mime="application/octet-stream", key="quiz.anki.download",
                       on_click="ignore", icon=":material/style:")
