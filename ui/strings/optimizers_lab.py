"""UI strings for the optimizer lab (/optimizers): key -> (Japanese, English)."""

STRINGS: dict[str, tuple[str, str]] = {
    "nav.optimizers": ("オプティマイザ・ラボ", "Optimizer lab"),
    "home.desc.optimizers": (  # the home page's menu line for this page (it lists every route)
        "SGD・Momentum・AdaGrad・Adam の軌跡を等高線の上で 1 歩ずつたどる。",
        "Step through the paths of SGD, Momentum, AdaGrad and Adam over contours.",
    ),
    "optimizers.title": ("オプティマイザ・ラボ", "Optimizer lab"),
    "optimizers.intro": (
        "勾配を求めたら、次は重みの更新です。関数の等高線の上で、SGD・Momentum・AdaGrad・Adam "
        "などがどう動くかを見比べましょう。図の下のスライダーで 1 歩ずつたどれます。",
        "After the gradient comes the update. Watch SGD, Momentum, AdaGrad, Adam and others move "
        "over a function's contours; the slider under the plot steps through them one by one.",
    ),
    # controls
    "optimizers.preset": ("プリセット", "Preset"),
    "optimizers.preset.custom": ("自由に設定", "Your own settings"),
    "optimizers.preset.textbook": ("教科書の比較（x²/20 + y²）", "The textbook's comparison (x²/20 + y²)"),
    "optimizers.preset.divergence": ("学習率が大きすぎると発散", "Too large a learning rate diverges"),
    "optimizers.preset.adagrad": ("AdaGrad の更新幅が消えていく", "AdaGrad's vanishing steps"),
    "optimizers.preset.bias": ("Adam のバイアス補正（最初の 10 歩）", "Adam's bias correction (first 10 steps)"),
    "optimizers.preset.saddle": ("鞍点からの脱出", "Escaping a saddle point"),
    "optimizers.preset.nesterov": ("Nesterov：NAG と教科書のコード", "Nesterov: NAG and the textbook's code"),
    "optimizers.surface": ("関数", "Function"),
    "optimizers.optimizers": ("オプティマイザ", "Optimizers"),
    "optimizers.none_chosen": ("オプティマイザを 1 つ以上選んでください。",
                               "Choose at least one optimizer."),
    "optimizers.settings": ("{name} の設定", "{name} settings"),
    "optimizers.steps": ("更新の回数 T", "Number of updates T"),
    "optimizers.start_x": ("開始点 x", "Start x"),
    "optimizers.start_y": ("開始点 y", "Start y"),
    "optimizers.start_help": ("図の等高線をクリック（タップ）しても開始点を選べます。",
                              "You can also click (tap) the contour plot to choose the start."),
    "optimizers.reset_start": ("開始点を既定に戻す", "Reset the start"),
    # lines
    "optimizers.variant.above": ("{name}（η = {lr}）", "{name} (η = {lr})"),
    "optimizers.variant.below": ("{name}（η = {lr}）", "{name} (η = {lr})"),
    "optimizers.variant.eta": ("{name}（η = {lr}）", "{name} (η = {lr})"),
    "optimizers.variant.bias_on": ("{name}（バイアス補正あり）", "{name} (bias correction)"),
    "optimizers.variant.bias_off": ("{name}（バイアス補正なし）", "{name} (no bias correction)"),
    "optimizers.sep": ("、", ", "),  # between the items of a list in a sentence
    "optimizers.used": ("この図の設定：{settings}", "Settings drawn: {settings}"),
    # chart
    "optimizers.chart_alt": ("{surface} の等高線と各オプティマイザの軌跡",
                             "Contours of {surface} with each optimizer's path"),
    "optimizers.legend.minimum": ("最小点", "minimum"),
    "optimizers.legend.click": ("クリックでここを開始点に", "click: start here"),
    "optimizers.escaped": ("発散：{t} 歩目で |θ| > 10⁶（ここで打ち切り）",
                           "diverged: |θ| > 10⁶ at step {t} (stopped there)"),
    "optimizers.scrub": (
        "図の下のスライダーで歩数 t を動かすと（▶ で再生）、その歩の位置 θ と損失 f、勾配 g、"
        "更新量 Δθ、状態（Momentum・Nesterov の v、AdaGrad・RMSProp の h、Adam の m・v と補正後の "
        "m̂・v̂）が図の下に出ます。軌跡は計算済みなので、ブラウザの中だけで切り替わります。",
        "Move the slider under the plot (▶ plays it) to step t: its position θ and loss f, the "
        "gradient g, the update Δθ and the state (v for Momentum and Nesterov, h for AdaGrad and "
        "RMSProp, Adam's m and v and the corrected m̂ and v̂) appear under the plot. The paths are "
        "computed already, so this happens in the browser alone.",
    ),
    "optimizers.sampled": (
        "{steps} 歩のうち {frames} か所（ほぼ {every} 歩ごと）をスライダーでたどれます。",
        "The slider reaches {frames} of the {steps} steps (about every {every}th).",
    ),
    "optimizers.loss_log": ("損失 f(θ) と更新回数（縦軸は対数目盛）",
                            "Loss f(θ) against the update (log scale)"),
    "optimizers.loss_linear": ("損失 f(θ) と更新回数（f が負になるので縦軸は線形目盛）",
                               "Loss f(θ) against the update (linear scale: f goes negative)"),
    "optimizers.loss_alt": ("各オプティマイザの損失の推移", "Each optimizer's loss over the updates"),
    "optimizers.loss_clipped": (
        "縦軸は、等高線の図の範囲での f の値（{lo}〜{hi}）に合わせています。{names} の線はこの範囲を"
        "出て、枠の外へ続きます。",
        "The vertical axis spans f over the contour plot's region ({lo} to {hi}). The line of "
        "{names} leaves that range and runs off the frame.",
    ),
    "optimizers.step_axis": ("更新回数 t", "update t"),
    "optimizers.formulas": ("更新式", "Update rules"),
    "optimizers.threshold": (
        "この関数は 2 次関数で、ヘッセ行列の最大固有値は λ_max = {lam}。"
        "SGD が収束するのは 0 < η < 2/λ_max = {thr} のときです。",
        "This function is a quadratic whose Hessian's largest eigenvalue is λ_max = {lam}. "
        "SGD converges for 0 < η < 2/λ_max = {thr}.",
    ),
    "optimizers.threshold_metric": ("発散の境目 2/λ_max", "Divergence threshold 2/λ_max"),
    "optimizers.nesterov_note": (
        "「Nesterov（NAG）」の線は Bengio ら（2012）の書き直しと同じ経路（PyTorch の nesterov=True "
        "と同じ）：v ← μv − ηg のあと θ ← θ + μv − ηg。教科書の Nesterov.update は更新後の v に "
        "μ² を掛けるので別の経路をたどります。",
        "The “Nesterov (NAG)” line follows Bengio et al. (2012)'s reformulation, the same path as "
        "PyTorch's nesterov=True: v ← μv − ηg, then θ ← θ + μv − ηg. The textbook's "
        "Nesterov.update multiplies the updated v by μ² and so follows a different path.",
    ),
    "optimizers.nesterov_note.both": ("図の 2 本の線がその違いです。", " The two lines drawn show the difference."),
    "optimizers.nesterov_note.choose": ("比べるには「オプティマイザ」で「{other}」も選んでください。",
                                        " To compare, also choose “{other}” under Optimizers."),
    # what each preset teaches, with the numbers computed from the runs drawn
    "optimizers.lesson.textbook": (
        "教科書（ゼロから作るDeep Learning 第 6 章）の比較：f(x, y) = x²/20 + y² を ({x}, {y}) から "
        "{steps} 回更新します。SGD（η = {lr}）は y 方向の勾配が 2y なので、y 座標が毎歩 1 − 2η = "
        "{factor} 倍になり、符号を変えながらジグザグに進みます。{steps} 歩後の f：{losses}。",
        "The textbook's comparison (Deep Learning from Scratch, chapter 6): f(x, y) = x²/20 + y², "
        "{steps} updates from ({x}, {y}). For SGD (η = {lr}) the y-gradient is 2y, so y is "
        "multiplied by 1 − 2η = {factor} each step: it zig-zags, changing sign. f after "
        "{steps} steps: {losses}.",
    ),
    "optimizers.lesson.divergence": (
        "f(x, y) = x²/20 + y² のヘッセ行列の最大固有値は λ_max = {lam}、SGD が収束する学習率の"
        "上限は 2/λ_max = {thr} です。η = {lr_hi} > {thr} では y 座標が毎歩 |1 − ηλ_max| = "
        "{f_hi} 倍に広がって発散し（{steps} 歩後の f = {loss_hi}）、η = {lr_lo} < {thr} では "
        "{f_lo} 倍に縮んで、符号を変えながら収束します（f = {loss_lo}）。",
        "The Hessian of f(x, y) = x²/20 + y² has largest eigenvalue λ_max = {lam}, so SGD "
        "converges only for η < 2/λ_max = {thr}. With η = {lr_hi} > {thr} the y coordinate grows "
        "by |1 − ηλ_max| = {f_hi} each step and diverges (f = {loss_hi} after {steps} steps); "
        "with η = {lr_lo} < {thr} it shrinks by {f_lo} while changing sign, and converges "
        "(f = {loss_lo}).",
    ),
    "optimizers.lesson.adagrad": (
        "AdaGrad は h に勾配の 2 乗を足し続けるので、実効的な学習率 η/(√h + ε) は下がることはあっても"
        "上がりません（x 成分：1 歩目 {e1} → {steps} 歩目 {e_last}、約 1/{e_ratio}）。{first}"
        "1 回の更新幅は {s1} から {s_last} に縮みました（約 1/{s_ratio}）。{cause}"
        "{steps} 歩後の位置は {end}（最小点は (1, 1)）です。RMSProp は h を移動平均 "
        "ρh + (1 − ρ)g² にするので、実効学習率は下がり続けません（{steps} 歩目 {r_last}、"
        "位置 {r_end}）。",
        "AdaGrad keeps adding squared gradients to h, so its effective learning rate η/(√h + ε) "
        "can only fall (x component: {e1} at step 1 → {e_last} at step {steps}, about "
        "1/{e_ratio}). {first}Its update shrank from {s1} to {s_last} (about 1/{s_ratio}). "
        "{cause}After {steps} steps it is at {end} (the minimum is (1, 1)). RMSProp makes h a moving average ρh + (1 − ρ)g², so its effective learning "
        "rate does not keep falling ({r_last} at step {steps}; position {r_end}).",
    ),
    "optimizers.lesson.adagrad_first": (
        "ここでは 1 歩目の勾配が大きく、{steps} 歩目の h の x 成分の {share}% をその 2 乗が占めるので、"
        "その後の実効学習率の低下はゆるやかです。",
        "Here the first gradient is large: its square is {share}% of h's x component at step "
        "{steps}, so the effective learning rate falls slowly after it. ",
    ),
    "optimizers.lesson.adagrad_grad": (
        "縮んだ大部分は、勾配の大きさ |g| が {g1} → {g_last}（約 1/{g_ratio}）と小さくなったためです。",
        "Most of that comes from the gradient itself: |g| fell from {g1} to {g_last} (about "
        "1/{g_ratio}). ",
    ),
    "optimizers.lesson.adagrad_eff": (
        "縮んだ大部分は実効学習率の低下によるものです（勾配の大きさ |g| は {g1} → {g_last}、"
        "約 1/{g_ratio}）。",
        "Most of that comes from the falling effective learning rate (|g| went from {g1} to "
        "{g_last}, about 1/{g_ratio}). ",
    ),
    "optimizers.lesson.bias": (
        "最初の 1 歩：バイアス補正ありでは m̂ = g、v̂ = g² なので、勾配が 0 でない各成分の更新幅は"
        "勾配の大きさによらず η = {lr}（図では |Δθ| の最大成分 {on}）。補正なしでは m = (1 − β₁)g、"
        "v = (1 − β₂)g² をそのまま使うため、(1 − β₁)/√(1 − β₂)·η = {expected}（図では {off}）"
        "と約 {ratio} 倍になります。m も v も 0 から始まる偏りを、補正が最初の数歩で打ち消します。",
        "The first step: with bias correction m̂ = g and v̂ = g², so every component with a "
        "non-zero gradient moves by η = {lr} whatever the gradient's size (largest |Δθ| component drawn: {on}). Without it "
        "Adam uses m = (1 − β₁)g and v = (1 − β₂)g² as they are: (1 − β₁)/√(1 − β₂)·η = "
        "{expected} (drawn: {off}), about {ratio} times as large. The correction removes the bias "
        "of m and v starting at 0 during the first steps.",
    ),
    "optimizers.lesson.saddle": (
        "f(x, y) = x² − y² の原点は鞍点です（勾配は 0 でも最小点ではない）。y 方向の勾配は −2y なので、"
        "開始点の y（ここでは {y0}）が 0 に近いほど押し出す力は小さく、抜け出すまでに時間がかかります。"
        "|y| > 1 に達した歩数：{leave}。",
        "The origin of f(x, y) = x² − y² is a saddle point (the gradient is 0 there, but it is "
        "not a minimum). The y-gradient is −2y, so the closer the start's y (here {y0}) is to "
        "0, the weaker the push away and the longer leaving takes. Step at which |y| > 1: "
        "{leave}.",
    ),
    "optimizers.lesson.saddle_on_ridge": (
        "開始点 ({x}, {y}) は y = 0 の上にあります。y 方向の勾配 −2y がずっと 0 なので、どの手法も "
        "y = 0 から離れず、x 方向にだけ鞍点 (0, 0) へ近づきます（{steps} 歩後の位置：{ends}）。"
        "勾配が 0 の鞍点からは、y に少しでもずれがないと抜け出せません。",
        "The start ({x}, {y}) lies on y = 0. The y-gradient −2y stays 0, so no method ever "
        "leaves y = 0: they only move in x, towards the saddle point (0, 0) (after {steps} "
        "steps: {ends}). Without some offset in y there is no way off a saddle point, where the "
        "gradient is 0.",
    ),
    "optimizers.lesson.saddle_outside": (
        "開始点の y = {y} はすでに |y| > 1 なので、抜け出すまでの歩数は測れません。y 方向の勾配 −2y は "
        "|y| が大きいほど強く、どの手法も鞍点から遠ざかり続けます（最後の歩の |y|：{ends}）。",
        "The start's y = {y} already has |y| > 1, so there is no escape to time. The y-gradient "
        "−2y grows with |y|, and every method keeps moving away from the saddle point (|y| at "
        "the last step: {ends}).",
    ),
    "optimizers.lesson.nesterov": (
        "同じ μ = {mu}、η = {lr} でも 1 歩目から経路が違います：NAG は {nag}、教科書の "
        "Nesterov.update は {textbook} に進みます（開始点 ({x}, {y})）。",
        "With the same μ = {mu} and η = {lr} the paths differ from the first step: NAG moves to "
        "{nag}, the textbook's Nesterov.update to {textbook} (start ({x}, {y})).",
    ),
    "optimizers.lesson.on_axis": (
        "開始点 ({x}, {y}) は y = 0 の上にあります。y 方向の勾配 2y が 0 のままなので、どの手法も "
        "y には動かず、学習率が大きすぎるときの振動や発散は y 方向に現れません。"
        "y ≠ 0 の点から始めてください。",
        "The start ({x}, {y}) lies on y = 0. The y-gradient 2y stays 0, so no optimizer moves in "
        "y, and the oscillation or divergence of too large a learning rate cannot show there. "
        "Start from a point with y ≠ 0.",
    ),
    "optimizers.lesson.stationary": (
        "開始点 ({x}, {y}) では勾配が 0 なので、どの手法も 1 歩も動きません。別の点から始めてください。",
        "The gradient is 0 at the start ({x}, {y}), so no optimizer moves at all. Start from "
        "another point.",
    ),
    "optimizers.never": ("{steps} 歩では達しない", "not within {steps} steps"),
    # problems
    "optimizers.warn.start_outside": (
        "開始点 ({x}, {y}) は図の範囲（x：{xmin}〜{xmax}、y：{ymin}〜{ymax}）の外です。"
        "既定の開始点 ({sx}, {sy}) を使います。",
        "The start ({x}, {y}) is outside the plot (x: {xmin} to {xmax}, y: {ymin} to {ymax}). "
        "Using the default start ({sx}, {sy}).",
    ),
    "optimizers.warn.bad_preset": ("リンクのプリセット「{value}」はありません。自由設定で開きます。",
                                   "The link's preset '{value}' does not exist. Opening your own "
                                   "settings."),
    "optimizers.warn.bad_surface": ("リンクの関数「{value}」はありません。既定の関数で開きます。",
                                    "The link's function '{value}' does not exist. Opening the "
                                    "default function."),
    "optimizers.warn.not_number": (
        "リンクの {name} =「{value}」は数値として読めません。既定の開始点を使います。",
        "The link's {name} = '{value}' is not a number. Using the default start.",
    ),
}
