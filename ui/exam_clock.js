// The mock exam's clock, counted down in the browser: no rerun every second for every
// learner. The server's remaining time (data.left_ms) is the truth; the text it drew in
// the container `.st-key-quiz-exam-clock` is updated in place, and when the time is up the
// page reruns once so the server scores the exam.
export default function ({ data, setTriggerValue }) {
  if (!data || typeof data.left_ms !== "number") return;
  const start = performance.now();
  let fired = false;
  const pad = (n) => String(n).padStart(2, "0");
  const tick = () => {
    const left = Math.max(0, data.left_ms - (performance.now() - start));
    const s = Math.ceil(left / 1000);
    const box = document.querySelector(".st-key-quiz-exam-clock strong");
    if (box) box.textContent = data.template.replace("{mm}", Math.floor(s / 60)).replace("{ss}", pad(s % 60));
    if (left <= 0 && !fired) { fired = true; setTriggerValue("time_up", Date.now()); }
  };
  tick();
  const timer = setInterval(tick, 250);
  return () => clearInterval(timer);
}
