"""The 学習履歴 view's last words: what is stored where, and deleting it all (confirmed)."""

from __future__ import annotations

import streamlit as st

from quiz.store import LearnerHistory
from ui import learner
from ui.account import logged_in
from ui.i18n import t

_DONE_KEY = "learner.forget.done"


@st.dialog(" ", width="small")
def _confirm(history: LearnerHistory, n: int) -> None:
    st.markdown(f"**{t('learner.forget.title')}**")
    st.markdown(t("learner.forget.body", n=n))
    left, right = st.columns(2)
    # A callback, so it runs whether or not the dialog is drawn again; then the whole page
    # reruns (a dialog's button reruns only the dialog) to tell the browser and redraw.
    if left.button(t("learner.forget.confirm"), key="learner.forget.yes", type="primary",
                   icon=":material/delete_forever:", on_click=_forget, args=(history,)):
        st.rerun()
    if right.button(t("learner.forget.cancel"), key="learner.forget.no"):
        st.rerun()


def _forget(history: LearnerHistory) -> None:
    learner.forget(history)
    st.session_state[_DONE_KEY] = True


def render_privacy(history: LearnerHistory) -> None:
    n = history.count()
    if st.session_state.get(_DONE_KEY) and not n:  # until the next answer: the page may rerun
        st.success(t("learner.forget.done"), icon=":material/check:")
    elif n:
        st.session_state.pop(_DONE_KEY, None)
    if not history.known:
        st.caption(t("learner.where.waiting"))
    else:
        st.caption(t("learner.where", login=t("learner.where.login" if logged_in()
                                                 else "learner.where.anonymous")))
    if n and st.button(t("learner.forget"), key="learner.forget", icon=":material/delete:"):
        _confirm(history, n)
