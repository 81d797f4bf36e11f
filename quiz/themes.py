"""The quiz themes: id -> (Japanese name, English name), in the order the page lists them.

The first four are the exam's recurring themes on activation functions named in the study
notes; the last four are the rest of the unit (loss, backpropagation) and its optimisation
chapter.
"""

THEMES: dict[str, tuple[str, str]] = {
    "relu_sigmoid": ("ReLUとSigmoidの比較", "ReLU vs sigmoid"),
    "softmax": ("Softmaxの数式と多クラス分類での役割",
                "Softmax and its role in multi-class classification"),
    "vanishing_gradient": ("勾配消失問題と活性化関数", "Vanishing gradients and activations"),
    "usage": ("使用場面と選択理由", "Where to use which, and why"),
    "formulas": ("数式・導関数・値", "Formulas, derivatives and values"),
    "implementation": ("NumPy実装（穴埋め）", "NumPy implementation (fill-in)"),
    "loss": ("損失関数", "Loss functions"),
    "backprop": ("誤差逆伝播法", "Backpropagation"),
    "optimizers": ("最適化手法", "Optimizers"),
    "regularization": ("正則化・正規化", "Regularisation and normalisation"),
}
EXAM_THEMES = ("relu_sigmoid", "softmax", "vanishing_gradient", "usage")
UNIT_THEMES = ("loss", "backprop", "optimizers", "regularization")


def theme_name(theme: str, lang: str = "ja") -> str:
    """The theme's display name; an unknown id is shown as itself."""
    ja, en = THEMES.get(theme, (theme, theme))
    return en if lang == "en" else ja


def theme_order(theme: str) -> int:
    """Sort key: the page's order of THEMES, unknown themes last."""
    return list(THEMES).index(theme) if theme in THEMES else len(THEMES)


def tally_by_theme(answers) -> dict[str, tuple[int, int]]:
    """theme -> (correct, answered) over anything with .theme and .correct, in THEMES order."""
    counts: dict[str, list[int]] = {}
    for a in answers:
        c = counts.setdefault(a.theme, [0, 0])
        c[0] += bool(a.correct)
        c[1] += 1
    return {t: (c[0], c[1]) for t, c in sorted(counts.items(), key=lambda kv: theme_order(kv[0]))}
