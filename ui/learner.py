"""Who the learner is, and their history on this deployment.

Without login each browser is one learner: a random 128-bit id kept in its localStorage
(ui/learner_bridge.js, an ``st.components.v2`` component). With OIDC login configured
(``[auth]`` in secrets) a logged-in learner is their identity (issuer + subject), on any
device. The database only ever sees a hash of either. Until the browser has said who it is,
the page renders and answers wait in memory (quiz.store.LearnerHistory).

The browser also keeps the learner's own copy of their answers and of the quiz in progress;
when a session finds the server without them (a wiped disk), the copy is read back, checked,
and restored into that learner's history only.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

import streamlit as st

from quiz import browser_copy, run_json
from quiz.rows import REASONS
from quiz.schema import Question
from quiz.session import EXAM
from quiz.store import HistoryDB, LearnerHistory, memory_db
from ui.account import logged_in
from ui.i18n import t

BROWSER_ID_KEY = "learner.browser_id"  # AppTest seeds this; the bridge sets it in a browser
ADOPT_KEY = "learner.adopt"  # a browser id taken over by pairing, until the browser keeps it
_BRIDGE_KEY = "learner.bridge"
_HISTORY_KEY = "learner.history"
_SYNC_KEY = "learner.sync"
_BROWSER_ID = re.compile(r"^[0-9a-f]{32}$")

_bridge = st.components.v2.component(
    "actlab_learner", js=(Path(__file__).with_name("learner_bridge.js")).read_text("utf-8"))


def _noop() -> None:
    pass


def _digest(*parts: str) -> str:
    return hashlib.sha256("\x00".join(parts).encode()).hexdigest()


def learner_key() -> str | None:
    """The learner of this session, as the database knows them; None until known."""
    if logged_in():
        issuer, subject = st.user.get("iss"), st.user.get("sub")
        if isinstance(issuer, str) and isinstance(subject, str) and issuer and subject:
            return "oidc:" + _digest(issuer, subject)
    return browser_learner(st.session_state.get(BROWSER_ID_KEY))


def browser_learner(browser_id: object) -> str | None:
    """The learner key of a browser's random id (None for anything that is not one)."""
    if isinstance(browser_id, str) and _BROWSER_ID.match(browser_id):
        return "anon:" + _digest("browser", browser_id)
    return None


@dataclass
class _Sync:
    """What this session still has to tell the browser, and what it has learned from it."""
    checked: bool = False  # the browser's copy was compared with the server's history
    push: list = field(default_factory=list)
    replace: list | None = None
    forget: bool = False
    notice: tuple[str, dict] | None = None  # (ui string key, fields) about the copy
    restored: bool = False  # the server had lost answers that the copy gave back
    # The quiz in progress (quiz/run_json.py), kept in the browser too for a wiped disk.
    run_checked: bool = False  # the browser said which run it keeps, if any
    run_sent: str | None = None  # what the browser was last told to keep ('' for none)
    run_notice: tuple[str, dict] | None = None


def _sync() -> _Sync:
    return st.session_state.setdefault(_SYNC_KEY, _Sync())


def history(db: HistoryDB | None, warning: str | None) -> LearnerHistory:
    """This session's learner's history (``db`` None: the database cannot be used)."""
    bridge_state = st.session_state.get(_BRIDGE_KEY) or {}
    browser_id = bridge_state.get("id") if hasattr(bridge_state, "get") else None
    adopted = st.session_state.get(ADOPT_KEY)
    if adopted is not None and browser_id == adopted:
        del st.session_state[ADOPT_KEY]  # the browser now keeps the id it was handed
    if adopted is not None and browser_id != adopted:
        st.session_state[BROWSER_ID_KEY] = adopted  # paired: this session is that learner now
    elif browser_learner(browser_id):  # only a well-formed id is taken from the browser
        st.session_state[BROWSER_ID_KEY] = browser_id
    key = learner_key()
    current: LearnerHistory | None = st.session_state.get(_HISTORY_KEY)
    if current is None or (current.known and current.learner != key):
        current = LearnerHistory(db or memory_db(), None, warning)
        current.on_added.append(lambda attempts: _sync().push.extend(
            browser_copy.encode_rows(attempts)))
        st.session_state[_HISTORY_KEY] = current
        st.session_state[_SYNC_KEY] = _Sync()
    if key is not None and not current.known:
        current.identify(key)
        if current.db.embedded and not current.in_memory and st.context.ip_address is None:
            # A history file from before learners existed belongs to whoever uses the
            # app on this machine: a local run, reached from the same computer.
            current.db.claim_legacy(key)
    return current


def adopt(browser_id: str) -> None:
    """Become the learner of another browser's id (pairing): at once in this session, and
    in this browser's storage at the next render of the bridge."""
    if browser_learner(browser_id) is None:
        raise ValueError("not a browser id")
    st.session_state[ADOPT_KEY] = st.session_state[BROWSER_ID_KEY] = browser_id


def forget(current: LearnerHistory) -> None:
    """Delete the learner's answers here and, at the next render, in the browser."""
    current.forget()
    sync = _sync()
    sync.push, sync.replace, sync.forget = [], None, True


def _reason_order(item: tuple[str, int]) -> int:
    return REASONS.index(item[0]) if item[0] in REASONS else len(REASONS)


def refused_text(refused: dict[str, int]) -> str:
    """「読めなかった行: 4（IDが不正: 2、解答の形式が不正: 2）」: how many rows were not
    read, and why, in the learner's language ('' when none)."""
    if not refused:
        return ""
    reasons = t("learner.rows.sep").join(f"{t(f'learner.rows.{r}')}: {n}"
                                          for r, n in sorted(refused.items(), key=_reason_order))
    return t("learner.rows.refused", n=sum(refused.values()), reasons=reasons)


def _restore(current: LearnerHistory, sync: _Sync, text: object) -> None:
    restored = browser_copy.decode(text, browser_copy.slot(current.learner))
    if restored.rejected:
        sync.notice = ("learner.copy.rejected", {"reason": restored.rejected})
    else:
        added = current.db.add(current.learner, restored.attempts)
        sync.restored = True
        sync.notice = ("learner.copy.restored", {"added": added, "refused": restored.refused})
    # The browser's copy becomes exactly what the server now holds: clean, and complete.
    sync.replace = browser_copy.encode_rows(current.attempts())


def _restore_run(current: LearnerHistory, sync: _Sync, text: str,
                 questions: dict[str, Question]) -> bool:
    """The quiz in progress kept by the browser, when the server has lost it (a wiped disk:
    the server has no run and had no answers, or has just been given them back from the
    copy); checked as untrusted. Returns whether a run was restored."""
    if current.load_run() is not None or not (sync.restored or current.count() == 0):
        return False  # the server's word stands: it finished or dropped that run
    run = run_json.loads(text, questions)
    if run is None:
        sync.run_notice = ("learner.run.refused", {})
        return False
    if run.mode == EXAM and any(a.session_id == run.session_id for a in current.attempts()):
        return False  # that exam was scored already
    current.save_run(run_json.dumps(run))
    sync.run_notice = ("learner.run.restored", {})
    return True


def render_bridge(current: LearnerHistory,
                  questions: dict[str, Question]) -> list[tuple[str, dict]]:
    """Mount the browser side; returns what to tell the learner about their browser's
    copy (ui string key, fields), if anything happened to it in this session.
    Call it near the top of a page, after callbacks have stored this run's answers and the
    run in progress (ui/quiz_kept.py); ``questions`` check a run the browser gives back."""
    sync = _sync()
    data: dict = {}
    if st.session_state.get(ADOPT_KEY):
        data["adopt"] = st.session_state[ADOPT_KEY]
    if current.known:
        data["slot"] = browser_copy.slot(current.learner)
        if not sync.checked:
            data["ask"] = current.count()
        if sync.forget:
            data["forget"] = True
        if sync.replace is not None:
            data["replace"] = sync.replace
        elif sync.push:
            data["push"] = sync.push
        sync.push, sync.replace, sync.forget = [], None, False  # each is sent once
        if not sync.run_checked:
            data["ask_run"] = True
        elif (kept := current.load_run() or "") != sync.run_sent:
            data["run"] = sync.run_sent = kept
    result = _bridge(key=_BRIDGE_KEY, data=data, height=0, on_id_change=_noop,
                     on_count_change=_noop, on_backup_change=_noop, on_run_change=_noop)
    if current.known and not sync.checked:
        backup, count = result.get("backup"), result.get("count")
        if backup is not None:
            sync.checked = True
            _restore(current, sync, backup)
            st.rerun()
        elif isinstance(count, int):
            sync.checked = True
            if count != current.count():
                sync.replace = browser_copy.encode_rows(current.attempts())
    if current.known and sync.checked and not sync.run_checked:
        kept = result.get("run")
        if isinstance(kept, str):  # the browser has answered (with '' when it keeps none)
            sync.run_checked = True
            if kept and _restore_run(current, sync, kept, questions):
                st.rerun()  # ui/quiz_exam.resume takes it up
    # Shown for the rest of this session: the bridge may rerun the page.
    return [n for n in (sync.notice, sync.run_notice) if n]
