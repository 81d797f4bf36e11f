// The UI language, remembered by this browser (localStorage, and a cookie the server reads
// when a new session starts, so the first page is drawn in it). While the page asks
// (data.ask: a new session, nothing switched yet) a language kept earlier that differs
// from the page's is handed back (again at a later render if the page has not taken it); after that
// the page's language (data.lang) is what is kept. The same value is not sent again within a
// few seconds: every send reruns the app with the widget values as they stood, and one sent
// while a click's own rerun is under way would undo the click (as ui/learner_bridge.js found).
export default function ({ data, setStateValue }) {
  const KEY = "actlab.lang";
  if (!data || typeof data.lang !== "string") return;
  const keepCookie = (value) => {
    if (!document.cookie.split("; ").includes(`actlab_lang=${value}`)) {
      document.cookie = `actlab_lang=${value}; path=/; max-age=31536000; SameSite=Lax`;
    }
  };
  try {
    const saved = window.localStorage.getItem(KEY);
    if (data.ask) {
      const last = window.__actlabLangSent, now = Date.now();
      if ((saved === "ja" || saved === "en") && saved !== data.lang
          && !(last && last.value === saved && now - last.at < 3000)) {
        window.__actlabLangSent = { value: saved, at: now };
        setStateValue("saved", saved);
      }
    } else {
      if (saved !== data.lang) window.localStorage.setItem(KEY, data.lang);
      keepCookie(data.lang);
    }
  } catch (e) { /* storage disabled: the language lasts as long as the tab */ }
}
