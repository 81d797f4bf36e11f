"""UI strings shared by every page and the frame: key -> (Japanese, English)."""

STRINGS: dict[str, tuple[str, str]] = {
    "app.title": ("E資格 深層学習ラボ", "E資格 Deep Learning Lab"),
    "app.language": ("言語 / Language", "言語 / Language"),
    "nav.home": ("ホーム", "Home"),
    "nav.explorer": ("関数エクスプローラ", "Function explorer"),
    "nav.compare": ("比較", "Compare"),
    "nav.softmax": ("ソフトマックス・ラボ", "Softmax lab"),
    "nav.gradients": ("勾配フロー・ラボ", "Gradient-flow lab"),
    "nav.quiz": ("セルフクイズ", "Self-quiz"),
    # The navigation's sections: the parts of the exam's feed-forward network unit.
    "nav.section.activations": ("活性化関数", "Activation functions"),
    "nav.section.loss": ("損失関数と誤差逆伝播", "Loss and backpropagation"),
    "nav.section.optimization": ("最適化と正則化", "Optimisation and regularisation"),
    "nav.section.practice": ("演習", "Practice"),
    "notfound.title": ("ページが見つかりません", "Page not found"),
    "notfound.body": (
        "この URL のページはありません。アドレスを確かめるか、下のページから選んでください。",
        "There is no page at this URL. Check the address, or choose one of the pages below.",
    ),
}
