// The UI language, remembered by this browser (localStorage). While the page asks
// (data.ask: a new session, nothing switched yet) a language kept earlier that differs
// from the page's is handed back, again at every render until the page has it; after that
// the page's language (data.lang) is what is kept.
export default function ({ data, setStateValue }) {
  const KEY = "actlab.lang";
  if (!data || typeof data.lang !== "string") return;
  try {
    const saved = window.localStorage.getItem(KEY);
    if (data.ask) {
      if ((saved === "ja" || saved === "en") && saved !== data.lang) setStateValue("saved", saved);
    } else if (saved !== data.lang) {
      window.localStorage.setItem(KEY, data.lang);
    }
  } catch (e) { /* storage disabled: the language lasts as long as the tab */ }
}
