// Every quiz answer input gets a name a screen reader can speak (data.names, in the order of
// the inputs in the container `.st-key-<data.container>`). Streamlit names a radio or a
// checkbox by its label's text, and a label that is all typeset maths has none: KaTeX's
// picture is aria-hidden. React may redraw the inputs, so the names are put back on each
// change inside the page; one observer per container, replaced by every call.
const OBSERVERS = "__actlabAnswerNames";

export default function ({ data }) {
  const observers = (globalThis[OBSERVERS] ??= new Map());
  if (!data || !Array.isArray(data.names)) return;
  observers.get(data.container)?.disconnect();
  const apply = () => {
    const box = document.querySelector(`.st-key-${data.container}`);
    if (!box) return;
    box.querySelectorAll('input[type="radio"], input[type="checkbox"]').forEach((input, k) => {
      const name = data.names[k];
      if (name && input.getAttribute("aria-label") !== name) input.setAttribute("aria-label", name);
    });
  };
  apply();
  const observer = new MutationObserver(apply);
  observer.observe(document.querySelector('[data-testid="stMain"]') ?? document.body,
                   { subtree: true, childList: true });
  observers.set(data.container, observer);
  return () => {
    observer.disconnect();
    if (observers.get(data.container) === observer) observers.delete(data.container);
  };
}
