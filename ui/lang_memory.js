// The UI language, remembered by this browser (localStorage). The first render of a session
// asks (data.ask): a language kept earlier that differs from the page's is handed back for
// the page to switch to; otherwise the page's language (data.lang) is what is kept.
export default function ({ data, setStateValue }) {
  const KEY = "actlab.lang";
  if (!data || typeof data.lang !== "string") return;
  try {
    const saved = window.localStorage.getItem(KEY);
    if (data.ask && (saved === "ja" || saved === "en") && saved !== data.lang) {
      setStateValue("saved", saved);
    } else if (saved !== data.lang) {
      window.localStorage.setItem(KEY, data.lang);
    }
  } catch (e) { /* storage disabled: the language lasts as long as the tab */ }
}
