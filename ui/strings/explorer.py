"""UI strings for the explorer page: key -> (Japanese, English)."""

STRINGS: dict[str, tuple[str, str]] = {
    "explorer.title": ("関数エクスプローラ", "Function explorer"),
    "explorer.intro": (
        "関数を選んでパラメータを動かし、h(x) と微分 h'(x) の形を確かめましょう。"
        "表示はすべて URL に入るので、アドレスをそのまま共有できます。"
        "「（参考）」は E資格の頻出範囲外の関数です。",
        "Pick a function, move its parameters and watch h(x) and its derivative h'(x). "
        "The whole view lives in the URL, so the address is a shareable link. "
        "“(extra)” marks functions outside the exam's usual range.",
    ),
    "explorer.fn": ("活性化関数", "Activation function"),
    "explorer.advanced": ("参考", "extra"),
    "explorer.vector_note": (
        "「{name}」はベクトル全体に作用する関数（出力の各成分が全入力に依存）なので、"
        "1 変数の h(x) としては描けません。微分もヤコビ行列になります。"
        "ロジットと温度を動かせるソフトマックス・ラボで確かめましょう。",
        "“{name}” acts on a whole vector (each output depends on every input), so it has no "
        "one-variable graph h(x), and its derivative is a Jacobian matrix. "
        "Explore it in the softmax lab, with editable logits and a temperature.",
    ),
    "explorer.vector_link": ("ソフトマックス・ラボを開く", "Open the softmax lab"),
    "explorer.gelu.exact": ("厳密 (erf)", "exact (erf)"),
    "explorer.gelu.tanh": ("tanh 近似", "tanh approximation"),
    "explorer.gelu.label": ("GELU の計算式", "GELU formula"),
    "explorer.range": ("x の範囲", "x-range"),
    "explorer.xmin": ("最小", "min"),
    "explorer.xmax": ("最大", "max"),
    "explorer.show_h": ("h(x) を表示", "Show h(x)"),
    "explorer.show_grad": ("h'(x) を表示", "Show h'(x)"),
    "explorer.nothing_shown": (
        "h(x) と h'(x) がどちらも非表示です。少なくとも一方をオンにしてください。",
        "Both h(x) and h'(x) are hidden. Switch at least one on.",
    ),
    "explorer.morph": ("{symbol} をドラッグ", "Drag {symbol}"),
    "explorer.morph_help": (
        "グラフの下のスライダーをドラッグすると、計算済みの曲線が指の動きに合わせて変わります"
        "（サーバーとの往復なし）。指を離した値がパラメータの値になります。"
        "プローブはこの表示では出ません。",
        "Dragging the slider under the chart morphs the precomputed curves as your finger moves "
        "(no round trip to the server); where you let go becomes the parameter's value. "
        "The probe is not shown in this view.",
    ),
    "explorer.morph_caption": (
        "グラフ下のスライダーで {symbol} を動かせます（きりのよい値ごとに計算済み）。"
        "指を離した値が {symbol} の値になり、URL にも入ります。",
        "Move {symbol} with the slider under the chart (computed in advance at round values). "
        "Where you let go becomes {symbol}'s value, in the URL too.",
    ),
    "explorer.probe": ("プローブ x₀", "Probe x₀"),
    "explorer.probe_help": (
        "x₀ での h(x₀)・h'(x₀) と接線を表示します（x の範囲内で指定）。",
        "Shows h(x₀), h'(x₀) and the tangent at x₀ (within the x-range).",
    ),
    "explorer.tangent_eq": ("x₀ での接線", "Tangent at x₀"),
    "explorer.kink_h": (
        "x₀ = {x0} では h 自体が跳びます。h(x₀) = {value} は x ≤ 0 側をとる慣例の値で、"
        "右からの極限は {other} です。ここでは微分できません（表示の h'(x₀) と接線も x ≤ 0 側の値です）。",
        "h itself jumps at x₀ = {x0}. h(x₀) = {value} is the convention (the x ≤ 0 branch); "
        "the limit from the right is {other}. h is not differentiable here (the h'(x₀) and "
        "tangent shown are the x ≤ 0 branch's).",
    ),
    "explorer.kink_grad": (
        "x₀ = {x0} で h' は不連続です（微分は定義されません）。h'(x₀) = {value} は x ≤ 0 側をとる"
        "慣例の値で、右からの極限は {other} です。",
        "h' is discontinuous at x₀ = {x0} (the derivative does not exist there). "
        "h'(x₀) = {value} is the convention (the x ≤ 0 branch); the limit from the right is {other}.",
    ),
    "explorer.jump_caption": (
        "線の切れ目は不連続点。● はその点でとる値（慣例）、○ は反対側からの極限です。",
        "A break in a line is a discontinuity: ● is the value taken there (the convention), "
        "○ the limit from the other side.",
    ),
    "explorer.reference_caption": (
        "点線は既定値（{defaults}）の曲線です。",
        "The dotted lines are the curves at the defaults ({defaults}).",
    ),
    "explorer.legend.reference": ("既定値", "default"),
    "explorer.legend.tangent": ("x₀ での接線", "tangent at x₀"),
    "explorer.legend.probe": ("プローブ x₀", "probe x₀"),
    "explorer.legend.taken": ("とる値", "value taken"),
    "explorer.legend.limit": ("反対側の極限", "other-side limit"),
    "explorer.formulas": ("数式", "Formulas"),
    "explorer.output_range": ("値域", "Output range"),
    "explorer.study": ("E資格のポイント", "Exam points"),
    "explorer.uses": ("使用場面", "Where it is used"),
    "explorer.pros": ("利点", "Advantages"),
    "explorer.cons": ("問題点", "Problems"),
    "explorer.remarks": ("補足", "Remarks"),
    "explorer.code": ("E資格スタイルの NumPy 実装", "Exam-style NumPy implementation"),
    # Bad values in the URL or the inputs: what was wrong, and what is used instead. A value
    # is named as the page shows it (ui/url_warnings.py): α, not the URL's "alpha".
    "explorer.field.xmin": ("x の範囲の最小", "x-range min"),
    "explorer.field.xmax": ("x の範囲の最大", "x-range max"),
    "explorer.field.show": ("表示する曲線", "curves shown"),
    "explorer.field.show_both": ("h(x) と h'(x)", "h(x) and h'(x)"),
    "explorer.warn.unknown_fn": (
        "関数「{value}」は登録されていません。既定の「{default}」を表示します。",
        "There is no function “{value}”. Showing the default, “{default}”.",
    ),
    "explorer.warn.not_a_number": (
        "{field} の値「{value}」は数値ではありません。既定値 {default} を使います。",
        "{field} = “{value}” is not a number. Using the default, {default}.",
    ),
    "explorer.warn.out_of_range": (
        "{field} = {value} は範囲外です（{lo} 〜 {hi}）。既定値 {default} を使います。",
        "{field} = {value} is out of range ({lo} to {hi}). Using the default, {default}.",
    ),
    "explorer.warn.too_large": (
        "{field} = {value} は大きすぎます（|x| ≤ {limit}）。既定値 {default} を使います。",
        "{field} = {value} is too large (|x| ≤ {limit}). Using the default, {default}.",
    ),
    "explorer.warn.range_order": (
        "x の範囲が正しくありません（最小 {xmin} ≥ 最大 {xmax}）。既定の範囲 {dmin} 〜 {dmax} を使います。",
        "The x-range is invalid (min {xmin} ≥ max {xmax}). Using the default range, {dmin} to {dmax}.",
    ),
    "explorer.warn.range_narrow": (
        "x の範囲 {xmin} 〜 {xmax} は狭すぎます（幅 {width} 以上が必要）。既定の範囲 {dmin} 〜 {dmax} を使います。",
        "The x-range {xmin} to {xmax} is too narrow (width ≥ {width} needed). "
        "Using the default range, {dmin} to {dmax}.",
    ),
    "explorer.warn.x0_outside": (
        "プローブ x₀ = {value} が x の範囲（{xmin} 〜 {xmax}）の外です。x₀ = {default} を使います。",
        "The probe x₀ = {value} is outside the x-range ({xmin} to {xmax}). Using x₀ = {default}.",
    ),
    "explorer.warn.bad_choice": (
        "{field}に「{value}」は選べません。既定の「{default}」を使います。",
        "{field}: “{value}” is not a valid choice. Using the default, {default}.",
    ),
    "explorer.chart_alt": ("{name} の h(x) と h'(x) のグラフ", "Graph of h(x) and h'(x) for {name}"),
}
