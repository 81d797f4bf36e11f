// The mock exam's clock, counted down in the browser: no rerun every second for every
// learner. The server's remaining time (data.left_ms, sent on every rerun) is the truth;
// the text it drew in `.st-key-quiz-exam-clock` is updated in place, and when the time is
// up the page reruns once so the server scores the exam.
//
// Streamlit calls this function again with each new `data` but calls the returned cleanup
// only when the component unmounts: a timer per call would outlive its exam and write the
// old exam's time into the new one's clock. So there is one timer per page, replaced by
// every call (kept on globalThis, which outlives a re-evaluated module too).
const TIMER = "__actlabExamClock";

export default function ({ data, setTriggerValue }) {
  clearInterval(globalThis[TIMER]);
  globalThis[TIMER] = undefined;
  if (!data || typeof data.left_ms !== "number") return;
  const deadline = performance.now() + data.left_ms;
  let fired = false;
  const pad = (n) => String(n).padStart(2, "0");
  const tick = () => {
    const left = Math.max(0, deadline - performance.now());
    const s = Math.ceil(left / 1000);
    const box = document.querySelector(".st-key-quiz-exam-clock strong");
    if (box) box.textContent = data.template.replace("{mm}", Math.floor(s / 60)).replace("{ss}", pad(s % 60));
    if (left <= 0 && !fired) { fired = true; setTriggerValue("time_up", Date.now()); }
  };
  tick();
  const timer = setInterval(tick, 250);
  globalThis[TIMER] = timer;
  return () => {
    clearInterval(timer);
    if (globalThis[TIMER] === timer) globalThis[TIMER] = undefined;
  };
}
