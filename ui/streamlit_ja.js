// Streamlit's own frontend is English only (streamlit/streamlit#1353; the uploader's texts:
// #13500): its widgets' screen-reader names, placeholders and a few fixed texts are put into
// Japanese here while the app is in Japanese, and put back when it switches to English.
// Only exact phrases of Streamlit's bundle are touched, never the app's own text.
const ATTRS = ["aria-label", "placeholder", "title"];
// Names and placeholders (attributes): the screen reader's words.
const ATTR_EXACT = {
  "Sidebar": "サイドバー",
  "Collapse sidebar": "サイドバーを閉じる",
  "Expand sidebar": "サイドバーを開く",
  "App pages": "ページ一覧",
  "Main menu": "メインメニュー",
  "Link to heading": "この見出しへのリンク",
  "Open": "開く",
  "Close": "閉じる",
  "Dismiss": "閉じる",
  "Increment": "1 段増やす",
  "Decrement": "1 段減らす",
  "Selected values": "選んだ項目",
  "Clear all": "すべて外す",
  "Clear value": "値を消す",
  "Selectbox options": "選択肢",
  "Copy to clipboard": "クリップボードにコピー",
  "Show/hide columns": "列の表示・非表示",
  "Download as CSV": "CSV でダウンロード",
  "Search": "検索",
  "Fullscreen": "全画面表示",
  "Close fullscreen": "全画面表示を閉じる",
  "file upload": "ファイルを選ぶ",
  "Help": "ヘルプ",
  "Choose an option": "選んでください",
  "Choose options": "選んでください",
  "No options to select": "選べる項目はありません",
};
const ATTR_PATTERNS = [
  [/^Help for (.+)$/s, "「$1」のヘルプ"],
  [/^Remove (.+)$/s, "「$1」を外す"],
  [/^(.+) — start$/s, "$1 — 下限"],
  [/^(.+) — end$/s, "$1 — 上限"],
  [/^[a-z0-9_]+ icon$/, "アイコン"],
];
// Whole text nodes that only Streamlit's own widgets write.
const TEXT_EXACT = {
  "Select all": "すべて選ぶ",
  "No results": "見つかりません",
  "Upload": "ファイルを選ぶ",
  "Drag and drop a file here": "ここにファイルをドロップ",
  "Drag and drop files here": "ここにファイルをドロップ",
  "Press Enter to apply": "Enter で確定",
  "Press Enter to submit form": "Enter で送信",
  "Skip to main content": "本文へ移動",
  "Running...": "実行中…",
  "Page not found": "ページが見つかりません",
  "Error": "エラー",
};
// A number input's range message (the box keeps what was typed, the app the last value in
// range: the message says so), alone, after "Error: ", or after a bold "Error" as ": …".
const KEEPS = "（入力し直すまでは前の値で計算します）。";
const RANGE = [
  [/Number is outside the allowed range\. Please enter a value between (.+) and (.+)\./,
   (lo, hi) => `範囲外の数です。${lo}〜${hi} の値を入力してください${KEEPS}`],
  [/Number is below the allowed range\. Please enter a value greater than or equal to (.+)\./,
   (lo) => `小さすぎます。${lo} 以上の値を入力してください${KEEPS}`],
  [/Number is above the allowed range\. Please enter a value less than or equal to (.+)\./,
   (hi) => `大きすぎます。${hi} 以下の値を入力してください${KEEPS}`],
  [/Number is below the allowed range\./, () => `小さすぎます${KEEPS}`],
  [/Number is above the allowed range\./, () => `大きすぎます${KEEPS}`],
].map(([re, say]) => [new RegExp(`^(Error: |: )?${re.source}$`, "s"),
  (_, prefix, ...groups) => ({ "Error: ": "エラー：", ": ": "：" }[prefix] || "") + say(...groups)]);
const TEXT_PATTERNS = [
  ...RANGE,
  [/^Select (\d+) matches$/, "一致する $1 件をすべて選ぶ"],
  [/^(\d+(?:\.\d+)?\s?[KMG]B) per file$/, "1 ファイル $1 まで"],
  [/^Press (⌘|Ctrl)\+Enter to apply$/, "$1+Enter で確定"],
  [/^.*Running the app's main page\.$/s, "このページはありません。ホームを表示します。"],
];

function translate(text, exact, patterns) {
  if (!text) return null;
  const key = text.trim();
  if (Object.prototype.hasOwnProperty.call(exact, key)) return text.replace(key, exact[key]);
  for (const [re, to] of patterns) if (re.test(key)) return text.replace(key, key.replace(re, to));
  return null;
}

const state = window.__actlabJa || (window.__actlabJa = { lang: null, seen: new Set() });

function fixAttrs(el) {
  for (const a of ATTRS) {
    const v = el.getAttribute(a);
    const ja = translate(v, ATTR_EXACT, ATTR_PATTERNS);
    if (ja !== null) {
      el.__actlabJa = el.__actlabJa || {};
      el.__actlabJa[a] = v;
      el.setAttribute(a, ja);
      state.seen.add(el);
    }
  }
}

function fixText(node) {
  const ja = translate(node.data, TEXT_EXACT, TEXT_PATTERNS);
  if (ja !== null) {
    node.__actlabJa = node.data;
    node.data = ja;
    state.seen.add(node);
  }
}

function fixTree(root) {
  if (root.nodeType === Node.TEXT_NODE) return fixText(root);
  // a chart's SVG (thousands of nodes per redraw) carries none of Streamlit's phrases
  if (root.nodeType !== Node.ELEMENT_NODE || root instanceof SVGElement) return;
  fixAttrs(root);
  for (const el of root.querySelectorAll("[aria-label],[placeholder],[title]")) fixAttrs(el);
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) fixText(n);
}

function restore() {
  for (const n of state.seen) {
    const orig = n.__actlabJa;
    if (n.nodeType === Node.TEXT_NODE) n.data = orig;
    else for (const a of Object.keys(orig || {})) n.setAttribute(a, orig[a]);
    delete n.__actlabJa;
  }
  state.seen.clear();
}

// A display formula wider than its column scrolls sideways, and a scroll area a keyboard
// cannot reach is a barrier (axe-core: scrollable-region-focusable): every display formula
// takes part in the tab order, whatever the language.
function focusableFormulas() {
  if (window.__actlabFormulas) return;
  window.__actlabFormulas = true;
  const mark = () => {
    for (const el of document.querySelectorAll(".katex-display:not([tabindex])")) el.tabIndex = 0;
  };
  new MutationObserver(mark).observe(document.body, { subtree: true, childList: true });
  mark();
}

export default function ({ data }) {
  focusableFormulas();
  const lang = data && data.lang === "ja" ? "ja" : "en";
  if (lang === state.lang) return;
  state.lang = lang;
  // Streamlit's page says <html lang="en">: a screen reader would read Japanese in an English voice
  document.documentElement.lang = lang;
  if (lang !== "ja") {
    if (state.observer) state.observer.disconnect();
    state.observer = null;
    restore();
    return;
  }
  state.observer = new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === "childList") r.addedNodes.forEach(fixTree);
      else if (r.type === "characterData") fixText(r.target);
      else fixAttrs(r.target);
    }
    for (const n of state.seen) if (!n.isConnected) state.seen.delete(n);
  });
  state.observer.observe(document.body, {
    subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ATTRS,
  });
  fixTree(document.body);
}
