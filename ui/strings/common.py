"""UI strings shared by every page and the frame: key -> (Japanese, English)."""

STRINGS: dict[str, tuple[str, str]] = {
    "app.title": ("活性化関数ラボ", "Activation Lab"),
    "app.language": ("言語 / Language", "言語 / Language"),
    "nav.home": ("ホーム", "Home"),
    "nav.explorer": ("関数エクスプローラ", "Function explorer"),
    "nav.compare": ("比較", "Compare"),
    "nav.softmax": ("ソフトマックス・ラボ", "Softmax lab"),
    "nav.gradients": ("勾配フロー・ラボ", "Gradient-flow lab"),
    "nav.quiz": ("セルフクイズ", "Self-quiz"),
    "notfound.title": ("ページが見つかりません", "Page not found"),
    "notfound.body": (
        "この URL のページはありません。アドレスを確かめるか、下のページから選んでください。",
        "There is no page at this URL. Check the address, or choose one of the pages below.",
    ),
}
