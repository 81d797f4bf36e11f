"""UI strings for the compare page: key -> (Japanese, English)."""

STRINGS: dict[str, tuple[str, str]] = {
    "compare.title": ("活性化関数の比較", "Comparing activation functions"),
    "compare.intro": (
        "複数の関数を重ねて、形と微分の違いを見比べましょう。下の帯は勾配がほとんど流れない"
        "「飽和領域」です。ページの最後に 3 つのまとめ表があります。",
        "Overlay several functions to compare their shapes and derivatives. The bands below the "
        "curves mark where almost no gradient flows (saturation). Three summary tables close "
        "the page.",
    ),
    "compare.fns": ("比較する関数", "Functions to compare"),
    "compare.fns_help": (
        "要素ごとに働く関数から選びます（ソフトマックスはベクトル全体に働くので「ソフトマックス・ラボ」へ）。"
        "パラメータは既定値です。",
        "Choose among the elementwise functions (softmax acts on a whole vector: see the softmax "
        "lab). Parameters are at their defaults.",
    ),
    "compare.which": ("表示する曲線", "Curve"),
    "compare.which_h": ("関数 h(x)", "Function h(x)"),
    "compare.which_grad": ("微分 h'(x)", "Derivative h'(x)"),
    "compare.xrange": ("x の範囲", "x range"),
    "compare.warn.no_fn": (
        "関数が 1 つも選ばれていません。既定の組（{names}）を表示します。",
        "No function is selected. Showing the default set ({names}).",
    ),
    "compare.warn.unknown_fn": (
        "「{value}」という関数はありません（URL の fns）。無視します。",
        "There is no function '{value}' (fns in the URL). Ignoring it.",
    ),
    "compare.warn.vector_fn": (
        "「{value}」はベクトル全体に働く関数なので、曲線は重ねられません（ソフトマックス・ラボへ）。無視します。",
        "'{value}' acts on a whole vector, so it has no curve to overlay (see the softmax lab). Ignoring it.",
    ),
    "compare.warn.bad_choice": (
        "{field}に「{value}」は選べません。既定の「{default}」を表示します。",
        "{field}: '{value}' is not a choice. Showing the default, {default}.",
    ),
    "compare.warn.not_a_number": (
        "{field} = 「{value}」は数値ではありません。既定値 {default} を使います。",
        "{field} = '{value}' is not a number. Using the default {default}.",
    ),
    "compare.warn.out_of_range": (
        "{field} = {value} は範囲外です（|x| ≤ {limit}）。既定の範囲を使います。",
        "{field} = {value} is out of range (|x| ≤ {limit}). Using the default range.",
    ),
    "compare.warn.empty_range": (
        "x の範囲は最小値 < 最大値にしてください（{xmin} と {xmax}）。既定の範囲を使います。",
        "The x range needs min < max ({xmin} and {xmax}). Using the default range.",
    ),
    "compare.axis_x": ("x", "x"),
    "compare.axis_h": ("h(x)", "h(x)"),
    "compare.axis_grad": ("h'(x)", "h'(x)"),
    "compare.axis_lanes": ("飽和", "Saturated"),
    "compare.saturation_caption": (
        "下の帯：|h'(x)| < {threshold} となる x の範囲（飽和領域）を関数ごとの色で塗っています。"
        "ここでは逆伝播で勾配が 1% 未満しか流れず、層を重ねると勾配消失につながります。"
        "GELU・Swish・Mish の負の側にある細い帯は、極小点で h' が 0 を横切る場所で、飽和ではありません。",
        "Bands below: where |h'(x)| < {threshold} (saturation), in each function's colour. There "
        "backpropagation passes on less than 1 % of the gradient, and stacked layers make it "
        "vanish. The thin bands of GELU, Swish and Mish on the negative side are where h' "
        "crosses 0 at their minimum, not saturation.",
    ),
    "compare.regions_title": ("飽和領域（|h'| < {threshold}）", "Saturation regions (|h'| < {threshold})"),
    "compare.col_function": ("活性化関数", "Activation"),
    "compare.col_regions": ("飽和領域", "Saturated where"),
    "compare.regions_none": ("なし", "none"),
    "compare.regions_all": ("範囲全体", "the whole range"),
    "compare.tables_title": ("まとめ表", "Summary tables"),
    "compare.tables_note": (
        "表は、このアプリがグラフに描く関数そのものから作っています。よくある説明との違い："
        "ソフトマックスの微分はヤコビ行列で、よく見かける h(x)(1 − h(x)) はその対角成分だけです。"
        "LSTM・GRU のゲートはシグモイドで、tanh は候補値（LSTM ではセル出力にも）に使います。"
        "「（参考）」は E資格の頻出範囲外の関数です。",
        "The tables are built from the very functions this app draws. Where they differ from "
        "a common explanation: softmax's derivative is the Jacobian, and the often-quoted "
        "h(x)(1 − h(x)) is only its diagonal; the gates of LSTM/GRU are sigmoids, and tanh is "
        "for the candidate (and, in LSTM, the cell output). “(extra)” marks functions outside "
        "the exam's usual range.",
    ),
    "compare.table_formulas": ("数式と微分", "Formulas and derivatives"),
    "compare.table_study": ("利点と問題点", "Pros and cons"),
    "compare.table_guide": ("選択指針", "Which to choose"),
    "compare.col_h": ("数式 h(x)", "Formula h(x)"),
    "compare.col_dh": ("微分 h'(x)（ベクトル関数はヤコビ行列）", "Derivative h'(x) (the Jacobian for vector functions)"),
    "compare.col_range": ("値域", "Range"),
    "compare.col_pros": ("利点", "Pros"),
    "compare.col_cons": ("問題点", "Cons"),
    "compare.col_use": ("用途", "Use"),
    "compare.col_recommended": ("推奨活性化関数", "Recommended"),
    "compare.col_reason": ("理由", "Why"),
    "compare.chart_alt": (
        "選んだ関数の{what}を重ねたグラフと、各関数の飽和領域（|h'| < {threshold}）の帯",
        "The chosen functions' {what} overlaid, with each one's saturation band (|h'| < {threshold})",
    ),
    "compare.gated.title": ("ゲート付き活性化（GLU・SwiGLU）", "Gated activations (GLU, SwiGLU)"),
    "compare.gated.body": (
        "ゲートとは、0〜1 の値を掛けて信号をどれだけ通すかを決める仕組みです（LSTM のゲートと同じ考え方）。"
        r"GLU は入力 $x$ を前半 $a$ と後半 $b$ に分け、$b$ のシグモイド $\sigma(b)$ をゲートとして $a$ に掛けます。"
        r"SwiGLU はシグモイドの代わりに Swish（SiLU）を使い、$\mathrm{Swish}(a)$ に $b$ を掛けます。"
        "出力の 1 つの成分が $a$ と $b$ の 2 つの入力で決まり、出力の幅は入力の半分になるので、"
        "要素ごとに働く関数ではありません（上の比較グラフに入らないのはこのためです）。"
        "SwiGLU は PaLM や LLaMA などの大規模言語モデルで、Transformer の FFN（位置ごとの全結合層）に使われています。",
        "A gate multiplies a signal by a value between 0 and 1 and so decides how much of it "
        "passes (the same idea as the gates of an LSTM). GLU splits its input $x$ into a first "
        r"half $a$ and a second half $b$, and multiplies $a$ by the gate $\sigma(b)$, the sigmoid "
        "of $b$. SwiGLU uses Swish (SiLU) instead of the sigmoid and multiplies "
        r"$\mathrm{Swish}(a)$ by $b$. Each output depends on two inputs, one from $a$ and one "
        "from $b$, and the output is half as wide as the input, so these are not elementwise "
        "functions (which is why the chart above does not offer them). SwiGLU is the activation "
        "of the Transformer's FFN (the position-wise fully connected layers) in large language "
        "models such as PaLM and LLaMA.",
    ),
    "compare.gated.convention": (
        "前半と後半のどちらに活性化をかけるかは書き方の違いです。ここでは GLU を PyTorch の glu 関数に"
        r"合わせて $a \otimes \sigma(b)$、SwiGLU を論文（Shazeer, 2020）の "
        r"$\mathrm{Swish}(xW) \otimes xV$ に合わせて $\mathrm{Swish}(a) \otimes b$"
        r"（$x = [xW;\ xV]$）と書きます。",
        "Which half is activated is a matter of notation. Here GLU follows PyTorch's glu "
        r"function, $a \otimes \sigma(b)$, and SwiGLU follows the paper (Shazeer, 2020), "
        r"$\mathrm{Swish}(xW) \otimes xV$, as $\mathrm{Swish}(a) \otimes b$ with "
        r"$x = [xW;\ xV]$.",
    ),
    "compare.gated.caption": (
        r"上：GLU。どの線も傾き $\sigma(b)$ の直線です。$b = {b_open:g}$ では "
        r"$\sigma(b) \approx {sigma_open:.3f}$ で $a$ がほぼそのまま通り、$b = {b_shut:g}$ では "
        r"$\sigma(b) \approx {sigma_shut:.3f}$ で出力はほぼ 0 です。"
        "下：SwiGLU。$b$ は 0〜1 のゲートではなく倍率として掛かり、負なら符号も反転します。",
        r"Top: GLU. Every line is straight, with slope $\sigma(b)$. At $b = {b_open:g}$, "
        r"$\sigma(b) \approx {sigma_open:.3f}$ and $a$ passes almost unchanged; at "
        r"$b = {b_shut:g}$, $\sigma(b) \approx {sigma_shut:.3f}$ and the output is almost 0. "
        "Bottom: SwiGLU. $b$ is not a gate between 0 and 1 but a multiplier, and a negative $b$ "
        "flips the sign.",
    ),
    "compare.gated.panel_glu": ("GLU：a ⊗ σ(b)", "GLU: a ⊗ σ(b)"),
    "compare.gated.panel_swiglu": ("SwiGLU：Swish(a) ⊗ b", "SwiGLU: Swish(a) ⊗ b"),
    "compare.gated.axis_x": ("a（入力の前半）", "a (first half of the input)"),
    "compare.gated.axis_y": ("出力", "Output"),
    "compare.gated.legend_b": ("b = {b}", "b = {b}"),
    "compare.gated.chart_alt": (
        "GLU（上）と SwiGLU（下）の出力を a に対して、b の値ごとに線で描いたグラフ",
        "GLU (top) and SwiGLU (bottom): the output against a, one line for each value of b",
    ),
}
