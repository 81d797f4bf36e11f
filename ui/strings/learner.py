"""UI strings for the learner's identity, the browser's copy and forgetting the history."""

STRINGS: dict[str, tuple[str, str]] = {
    "learner.where": (
        "解答の記録は、このブラウザ（ほかの人からは見えません）と、このアプリのサーバーに"
        "あなた専用として保存されます。{login}",
        "Your answers are kept in this browser (nobody else sees them) and on this app's "
        "server, as yours alone. {login}"),
    "learner.where.anonymous": (
        "別の端末やブラウザでは別の学習者として扱われます（下の「端末の引き継ぎ」で同じ学習者にできます）。",
        "Another device or browser counts as another learner (\"Your history on another "
        "device\" below makes it the same one)."),
    "learner.where.login": (
        "ログインしているので、どの端末からでも同じ履歴を使えます。",
        "You are logged in, so the same history follows you to any device."),
    "learner.where.waiting": (
        "ブラウザとの接続を確認しています。解答は確認が済みしだい保存されます。",
        "Checking in with your browser; answers are stored as soon as it has."),
    "learner.copy.restored": (
        "このブラウザに保存されていた解答 {added} 件をサーバーの履歴に戻しました。{refused}",
        "Restored {added} answers kept in this browser to the server's history. {refused}"),
    "learner.copy.rejected": (
        "このブラウザに保存されていた解答のコピーは使えないため、読み込みませんでした"
        "（{reason}）。サーバーの履歴はそのままです。",
        "The copy of your answers kept in this browser could not be used and was not read "
        "({reason}). The server's history is unchanged."),
    "learner.copy.reason.too_large": ("大きすぎます", "it is too large"),
    "learner.copy.reason.not_json": ("形式が正しくありません", "it is not in the right format"),
    "learner.copy.reason.other_learner": ("別の学習者のものです", "it belongs to another learner"),
    "learner.forget": ("この履歴を消去", "Delete this history"),
    "learner.forget.title": ("履歴を消去しますか？", "Delete your history?"),
    "learner.forget.body": (
        "これまでの解答 {n} 件を、サーバーとこのブラウザの両方から消去します。元に戻せません。"
        "残したい場合は、先に CSV をダウンロードしてください。",
        "All {n} answers so far are deleted from the server and from this browser. This "
        "cannot be undone; download the CSV first if you want to keep them."),
    "learner.forget.confirm": ("消去する", "Delete"),
    "learner.forget.cancel": ("やめる", "Cancel"),
    "learner.forget.done": ("履歴を消去しました。", "Your history was deleted."),
    "learner.login": ("ログイン", "Log in"),
    "learner.login.why": (
        "ログインすると、履歴がどの端末からでも使えます（ログインしなくても使えます）。",
        "Log in to use your history on any device (the app works without it too)."),
    "learner.logout": ("ログアウト", "Log out"),
    "learner.logged_in": ("ログイン中: {name}", "Logged in: {name}"),
    "pair.header": ("端末の引き継ぎ", "Your history on another device"),
    "pair.what": (
        "このブラウザが 1 人の学習者です。スマートフォンとパソコンで同じ履歴を使うには、"
        "一方で「別の端末に引き継ぐ」を押し、表示されたコードをもう一方のこの欄に入力します。",
        "Each browser is one learner. To use one history on a phone and a computer, press "
        "\"Use on another device\" on one and enter the code it shows in this field on the "
        "other."),
    "pair.offer": ("別の端末に引き継ぐ", "Use on another device"),
    "pair.offer.title": ("引き継ぎコード", "Pairing code"),
    "pair.offer.steps": (
        "もう一方の端末でこのアプリの「学習履歴」を開き、このコードを入力してください。"
        "その端末が、この履歴の学習者になります。",
        "On the other device, open this app's 学習履歴 (history) and enter this code. That "
        "device becomes the learner of this history."),
    "pair.offer.qr": ("スマートフォンのカメラで読み取ると、コード入りで開きます",
                      "Scan with a phone's camera to open the app with the code filled in"),
    "pair.offer.expiry": (
        "{minutes} 分間、1 回だけ使えます。もう一度押すと新しいコードになり、前のコードは使えなくなります。",
        "Valid for {minutes} minutes, once. Pressing again makes a new code and ends this one."),
    "pair.code": ("別の端末で表示した引き継ぎコード", "Pairing code shown on your other device"),
    "pair.redeem": ("この端末で引き継ぐ", "Pair this device"),
    "pair.done": (
        "引き継ぎました。この端末は、コードを表示した端末と同じ学習者です"
        "（この端末のこれまでの解答 {n} 件も同じ履歴にまとめました）。",
        "Paired: this device is now the same learner as the one that showed the code "
        "({n} answers given here before were added to that history)."),
    "pair.done.same": ("この端末はすでにその学習者です。", "This device already is that learner."),
    "pair.refused.malformed": (
        "コードは 8 文字の英数字です（例: ABCD-EFGH）。もう一度確かめてください。",
        "A code is 8 letters and digits (e.g. ABCD-EFGH). Please check it."),
    "pair.refused.unknown": (
        "そのコードは見つかりません。表示された通りに入力したか確かめてください。",
        "That code was not found. Check that it was typed as shown."),
    "pair.refused.expired": (
        "そのコードは有効期限が切れています。もう一方の端末で新しいコードを表示してください。",
        "That code has expired. Show a new code on the other device."),
    "pair.refused.used": (
        "そのコードはすでに使われています。もう一方の端末で新しいコードを表示してください。",
        "That code has already been used. Show a new code on the other device."),
    "pair.refused.limited": (
        "間違ったコードが続いたため、しばらく受け付けません。10 分ほどしてからもう一度どうぞ。",
        "Too many wrong codes: please try again in about 10 minutes."),
    # Why a row of a history file or of the browser's copy was not read (quiz/rows.py).
    "learner.rows.refused": ("読めなかった行: {n}（{reasons}）", "Rows not read: {n} ({reasons})"),
    "learner.rows.sep": ("、", ", "),
    "learner.rows.missing": ("必要な値が空", "a required field is empty"),
    "learner.rows.bad_id": ("問題IDなどの形式が不正", "malformed question or session id"),
    "learner.rows.bad_theme": ("テーマが不明", "unknown theme"),
    "learner.rows.bad_correct": ("正誤の値が不正", "malformed right/wrong value"),
    "learner.rows.bad_time": ("日時が不正", "malformed time"),
    "learner.rows.bad_answer": ("解答の形式が不正", "malformed answer"),
    "learner.rows.html": ("解答に HTML を含む", "HTML in the answer"),
    "learner.rows.bad_rating": ("自己評価の値が不正", "malformed self-rating"),
    "learner.rows.bad_shape": ("行の形が不正（列の数など）", "not a row (number of fields)"),
    "learner.run.restored": (
        "このブラウザに保存されていた途中のクイズを再開しました（サーバーの記録が失われていたため）。"
        "模試の残り時間は、最初に開始した時刻から数えています。",
        "Resumed the quiz in progress kept in this browser (the server had lost it). A mock "
        "exam's time left still counts from when it first started."),
    "learner.run.refused": (
        "このブラウザに途中のクイズが保存されていましたが、内容を確認できないため再開できませんでした"
        "（問題集が変わったか、データが壊れています）。新しいクイズを始めてください。",
        "A quiz in progress was kept in this browser, but it could not be checked and was not "
        "resumed (the question bank changed or the data is damaged). Please start a new quiz."),
}
