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
}
