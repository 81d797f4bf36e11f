// The learner's browser side: a random id that is this browser's learner, and the
// learner's own copy of their answers, both in localStorage. Python sends what to write
// (data.push, data.replace, data.forget) and asks once per session how large the copy is
// (data.ask = the number of answers the server has); the copy itself is sent back only
// when it holds more than the server (the server lost them). The quiz in progress is kept
// beside it (data.run: its JSON, '' once there is none) and handed back when asked
// (data.ask_run); the server decides whether it needs it.
// What this page has told the server. Setting a state value reruns the app even when the
// value is the same, and that rerun carries the page's widget values as they stood: sent
// while a click's own rerun is under way, it undid the click (an exam answer, a graph choice).
const sent = {};

export default function ({ data, setStateValue: set, setTriggerValue }) {
  const setStateValue = (key, value) => {
    if (sent[key] === value) return;
    sent[key] = value;
    set(key, value);
  };
  const ID = "actlab.learner";
  let id = null;
  try {
    // Paired with another browser (quiz/pairing.py): from now on this browser is its learner.
    if (data && /^[0-9a-f]{32}$/.test(data.adopt || "")) window.localStorage.setItem(ID, data.adopt);
    id = window.localStorage.getItem(ID);
    if (!/^[0-9a-f]{32}$/.test(id || "")) {
      const bytes = window.crypto.getRandomValues(new Uint8Array(16)); // 128 bits
      id = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
      window.localStorage.setItem(ID, id);
    }
  } catch (e) {
    id = null; // storage disabled: the server keeps a history for this tab only
  }
  setStateValue("id", id);
  if (!id) document.body.dataset.actlabSynced = "1"; // no storage: nothing to wait for
  if (!id || !data || !data.slot) return;

  const key = "actlab.copy." + data.slot;
  const runKey = "actlab.run." + data.slot;
  if (typeof data.run === "string") {
    try {
      if (data.run) window.localStorage.setItem(runKey, data.run);
      else window.localStorage.removeItem(runKey);
    } catch (e) { /* over the quota: the server still keeps the run */ }
  }
  if (data.ask_run) setStateValue("run", window.localStorage.getItem(runKey) || "");
  const read = () => {
    const raw = window.localStorage.getItem(key);
    try {
      const copy = JSON.parse(raw);
      if (copy && Array.isArray(copy.rows)) return { raw, copy };
    } catch (e) { /* a broken copy is reported to the server as it is */ }
    return { raw, copy: null };
  };
  let { raw, copy } = read();
  const fresh = () => ({ v: 1, learner: data.slot, rows: [] });
  let changed = false;
  if (data.forget) { copy = fresh(); changed = true; }
  if (Array.isArray(data.replace)) { copy = fresh(); copy.rows = data.replace; changed = true; }
  if (Array.isArray(data.push) && data.push.length) {
    if (!copy) copy = fresh();
    // One row per answer (session, question, time): a row sent again (now with the
    // learner's rating) replaces the one kept.
    const keyOf = (r) => Array.isArray(r) ? r[0] + "\u0000" + r[1] + "\u0000" + r[5] : "";
    const at = new Map(copy.rows.map((r, i) => [keyOf(r), i]));
    for (const r of data.push) {
      const i = at.get(keyOf(r));
      if (i === undefined) { at.set(keyOf(r), copy.rows.length); copy.rows.push(r); }
      else copy.rows[i] = r;
    }
    changed = true;
  }
  if (changed) {
    try {
      raw = JSON.stringify(copy);
      window.localStorage.setItem(key, raw);
    } catch (e) { /* over the browser's quota: the server still has every answer */ }
  }
  if (typeof data.ask === "number") {
    const n = copy ? copy.rows.length : (raw ? -1 : 0);
    if (raw && (n < 0 || n > data.ask)) setTriggerValue("backup", raw);
    else setStateValue("count", n);
    // For tests (and nothing else): the browser has answered the server's one question.
    document.body.dataset.actlabSynced = "1";
  }
}
