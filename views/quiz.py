"""/quiz: the self-quiz and its 学習履歴 view. The engine is in quiz/; this page wires it."""

import streamlit as st

from quiz.markdown import safe_markdown
from ui.i18n import lang, restore_choices, t
from ui.learner import refused_text, render_bridge
from ui.pairing import render_pairing, take_link_code
from ui.quiz_exam import resume
from ui.quiz_history import TAB_KEY, render_history
from ui.quiz_kept import keep_run
from ui.quiz_play import RUN_KEY
from ui.quiz_resources import get_history, load_bank
from ui.quiz_run import render_run
from ui.quiz_setup import recall_setup, render_setup

restore_choices("quiz")
st.title(t("quiz.title"))
st.caption(t("quiz.intro"))

bank = load_bank()
store = get_history()  # this learner's history only
resume(store, bank.by_id)  # a reload returns to the quiz in progress
recall_setup(st.session_state.get(RUN_KEY))  # and 「新しいクイズ」 to its setup
keep_run(store)  # as the callbacks left it
for key, fields in render_bridge(store, bank.by_id):
    shown = {"reason": lambda v: t(f"learner.copy.reason.{v}"), "refused": refused_text}
    show = (st.error if key.endswith(("rejected", "refused")) else
            st.warning if fields.get("refused") else st.success)
    show(t(key, **{k: shown.get(k, lambda v: v)(v) for k, v in fields.items()}),
         icon=":material/sync:")
if bank.problems:
    listing = "\n".join(f"- {safe_markdown(p.text(lang()))}" for p in bank.problems)
    st.warning(f"{t('quiz.bank.problems', n=len(bank.problems))}\n\n{listing}", icon=":material/warning:")
if store.warning:
    st.warning(t(f"quiz.store.{store.warning}"), icon=":material/save:")

if take_link_code():  # the QR code's link: the code waits in 学習履歴's field
    st.session_state[TAB_KEY] = t("quiz.tab.history")
quiz_tab, history_tab = st.tabs([t("quiz.tab.quiz"), t("quiz.tab.history")], key=TAB_KEY,
                                on_change="rerun")
with quiz_tab:
    run = st.session_state.get(RUN_KEY)
    if not bank.questions:
        st.info(t("quiz.bank.empty"))
    elif run is None:
        render_setup(bank, store)
    else:
        render_run(run, bank.by_id, store)
with history_tab:
    render_history(bank, store)
    render_pairing(store)
keep_run(store)  # as this run left it (time up, a question gone from the bank)
