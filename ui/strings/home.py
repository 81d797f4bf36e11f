"""UI strings for the home page: key -> (Japanese, English)."""

STRINGS: dict[str, tuple[str, str]] = {
    "home.tagline": (
        "E資格の「順伝播型ネットワーク」を、動かして・見て・解いて身につける。",
        "Learn the feed-forward networks of the JDLA E資格 by moving, watching and solving.",
    ),
    "home.unit": (
        "この単元は、活性化関数・損失関数・誤差逆伝播法からなり、学習を進める最適化と正則化につながります。"
        "各ラボの値はすべてその場で計算したものです。最後にセルフクイズで確かめましょう。",
        "The unit is made of activation functions, loss functions and backpropagation, and leads "
        "on to the optimisation and regularisation that make training work. Every value in the "
        "labs is computed as you watch; check yourself with the self-quiz at the end.",
    ),
    "home.roles": ("活性化関数の 3 つの役割", "The three roles of an activation function"),
    "home.lead": (
        "活性化関数は、ニューラルネットワークが複雑なパターンを学習できるようにする関数です。"
        "主な役割は次の 3 つです。",
        "An activation function is what lets a neural network learn complex patterns. "
        "It has three main roles.",
    ),
    "home.role.nonlinear.title": ("非線形性の導入", "Introducing nonlinearity"),
    "home.role.nonlinear.body": (
        "線形変換だけを何層重ねても、1 つの線形変換にまとまってしまいます。"
        "層の間に非線形の活性化関数を挟むことで、複雑な関数を近似できます。",
        "Any stack of linear layers collapses into a single linear map. "
        "A nonlinear activation between the layers lets the network approximate complex functions.",
    ),
    "home.role.gradient.title": ("勾配の制御", "Controlling the gradient"),
    "home.role.gradient.body": (
        "逆伝播では層ごとに h'(x) が掛かります。シグモイドの微分は最大 0.25 なので、"
        "L 層では活性化関数の微分の積が $0.25^L$ 以下になり、勾配が縮みます（勾配消失）。ReLU は x > 0 で h'(x) = 1 です。",
        "Backpropagation multiplies by h'(x) at every layer. The sigmoid's derivative is at "
        "most 0.25, so over L layers the activation derivatives multiply to at most $0.25^L$ "
        "(vanishing gradients). "
        "ReLU has h'(x) = 1 for x > 0.",
    ),
    "home.role.normalize.title": ("出力の正規化", "Normalising the output"),
    "home.role.normalize.body": (
        "出力を適切な範囲に収めます。シグモイドは (0, 1)、tanh は (−1, 1)、"
        "ソフトマックスは合計が 1 の確率分布を出力します。",
        "It keeps the output in a suitable range: the sigmoid in (0, 1), tanh in (−1, 1), "
        "and softmax gives a probability distribution that sums to 1.",
    ),
    "home.chart_caption": (
        "代表的な活性化関数 h(x)。詳しくは関数エクスプローラで。",
        "Some classic activations h(x). Explore them one by one in the function explorer.",
    ),
    "home.desc.explorer": (
        "関数を選び、h(x) と h'(x) を描く。パラメータ・接線・共有リンク。",
        "Pick a function and draw h(x) and h'(x): parameters, tangent, shareable links.",
    ),
    "home.desc.compare": (
        "複数の関数を重ねて比較。飽和領域とまとめ表。",
        "Overlay several functions: saturation regions and the summary tables.",
    ),
    "home.desc.softmax": (
        "ロジットと温度 T を動かし、確率とヤコビ行列を見る。",
        "Move logits and the temperature T; see the probabilities and the Jacobian.",
    ),
    "home.desc.gradients": (
        "層を重ねると勾配がどう減衰するかを体験。",
        "See how the gradient fades through many layers.",
    ),
    "home.desc.quiz": (
        "E資格スタイルの問題（4 択・数値・正誤・複数選択）でセルフチェック。",
        "Check yourself with exam-style questions (four-choice, numeric, true/false, multiple-answer).",
    ),
    "home.exam": ("よく出題される内容", "Frequent exam topics"),
    "home.exam.items": (
        "ReLU と Sigmoid の数式と特徴の比較\n"
        "Softmax の数式と多クラス分類での役割\n"
        "勾配消失問題と活性化関数の関係\n"
        "各活性化関数の使用場面と選択理由\n"
        "損失関数（二乗和誤差・交差エントロピー誤差）とその勾配、出力層との組み合わせ\n"
        "誤差逆伝播法：計算グラフ、Affine・ReLU・Sigmoid・Softmax-with-Loss の逆伝播、勾配確認",
        "ReLU and sigmoid: formulas and properties compared\n"
        "Softmax: formula and role in multi-class classification\n"
        "Vanishing gradients and the choice of activation\n"
        "Where each activation is used, and why\n"
        "Loss functions (squared error, cross-entropy), their gradients and the output layer they pair with\n"
        "Backpropagation: the computational graph, the backward of Affine, ReLU, Sigmoid and Softmax-with-Loss, gradient checks",
    ),
    "home.footer": (
        "JDLA E資格（Deep Learning for ENGINEER）の学習用アプリです。",
        "A study app for the JDLA Deep Learning for ENGINEER exam (E資格).",
    ),
    "home.chart_alt": ("{names} の h(x) を重ねたグラフ", "Graph of h(x) for {names}"),
}
