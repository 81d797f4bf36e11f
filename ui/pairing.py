"""「別の端末に引き継ぐ」: one browser shows a one-time code (and a QR code of a link with
it); entering it in another browser makes that browser the same learner (quiz/pairing.py).
Shown only where it means something: no login (a logged-in learner is the same everywhere)
and a history the server keeps (not one in memory)."""

from __future__ import annotations

import io
import secrets
from urllib.parse import urlsplit, urlunsplit

import segno
import streamlit as st

from quiz import pairing
from quiz.store import LearnerHistory
from ui import learner
from ui.account import logged_in
from ui.i18n import t

CODE_KEY = "pair.code"  # the code typed (or brought by the QR code's link)
QUERY = "pair"  # ?pair=CODE in the QR code's link
_OFFER_KEY = "pair.offer"
_NOTICE_KEY = "pair.notice"
_SESSION_KEY = "pair.session"  # a random name for this session's failed tries


def take_link_code() -> bool:
    """A code brought by the QR code's link fills the field (never redeemed by itself: the
    learner presses the button) and leaves the URL. True if there was one."""
    if QUERY not in st.query_params:
        return False
    code = pairing.normalize(st.query_params.get(QUERY))
    del st.query_params[QUERY]
    if code is not None:
        st.session_state[CODE_KEY] = pairing.shown(code)
    return code is not None


def _link(code: str) -> str:
    """This app's /quiz page with the code, as the browser reached the app."""
    url = st.context.url
    parts = urlsplit(url if isinstance(url, str) else "")
    path = parts.path.rsplit("/", 1)[0] if parts.path.rstrip("/").endswith("quiz") else (
        parts.path.rstrip("/"))
    return urlunsplit((parts.scheme, parts.netloc, f"{path}/quiz", f"{QUERY}={code}", ""))


def _qr_png(text: str) -> bytes:
    out = io.BytesIO()
    segno.make(text, error="m").save(out, kind="png", scale=6, border=2)
    return out.getvalue()


@st.dialog(" ", width="small")
def _show_offer(offer: pairing.Offer) -> None:
    st.metric(t("pair.offer.title"), offer.code)  # large, to be read and typed on the other
    st.markdown(t("pair.offer.steps"))
    st.image(_qr_png(_link(offer.code.replace("-", ""))), width=180,
             caption=t("pair.offer.qr"))
    st.caption(t("pair.offer.expiry", minutes=int(pairing.TTL.total_seconds() // 60)))


def _offer(history: LearnerHistory) -> None:
    st.session_state.pop(_NOTICE_KEY, None)
    browser_id = st.session_state.get(learner.BROWSER_ID_KEY)
    st.session_state[_OFFER_KEY] = pairing.new_code(history.db, history.learner, browser_id)


def _redeem(history: LearnerHistory) -> None:
    address = st.context.ip_address
    sources = ["session:" + st.session_state.setdefault(_SESSION_KEY, secrets.token_hex(16)),
               "address:" + (address if isinstance(address, str) else "local")]
    result = pairing.redeem(history.db, st.session_state.get(CODE_KEY), sources)
    if result.status == pairing.OK:
        new = learner.browser_learner(result.browser_id)
        same = new == history.learner
        moved = 0 if same else pairing.move_answers(history.db, history.learner, new)
        learner.adopt(result.browser_id)
        st.session_state[CODE_KEY] = ""
        st.session_state[_NOTICE_KEY] = ("pair.done.same" if same else "pair.done", moved)
    else:
        st.session_state[_NOTICE_KEY] = (f"pair.refused.{result.status}", 0)


def render_pairing(history: LearnerHistory) -> None:
    """The pairing section of 学習履歴 (nothing where pairing does not apply)."""
    if logged_in() or not history.known or history.in_memory:
        return
    browser_id = st.session_state.get(learner.BROWSER_ID_KEY)
    if learner.browser_learner(browser_id) != history.learner:
        return  # no browser id behind this learner (storage disabled): nothing to hand over
    st.subheader(t("pair.header"))
    st.caption(t("pair.what"))
    # Kept until the next pairing action: the bridge reruns the page after a pairing.
    notice = st.session_state.get(_NOTICE_KEY)
    if notice is not None:
        key, moved = notice
        (st.success if key.startswith("pair.done") else st.error)(
            t(key, n=moved), icon=":material/devices:")
    if st.button(t("pair.offer"), key="pair.offer.button", icon=":material/qr_code_2:",
                 on_click=_offer, args=(history,)):
        _show_offer(st.session_state[_OFFER_KEY])
    with st.form("pair.form", border=False, enter_to_submit=True):
        st.text_input(t("pair.code"), key=CODE_KEY, max_chars=20, placeholder="ABCD-EFGH",
                      autocomplete="off")
        st.form_submit_button(t("pair.redeem"), icon=":material/login:",
                              on_click=_redeem, args=(history,))
