"""UI strings for the learner's identity, the browser's copy and forgetting the history."""

STRINGS: dict[str, tuple[str, str]] = {
    "learner.where": (
        "解答の記録は、このブラウザ（ほかの人からは見えません）と、このアプリのサーバーに"
        "あなた専用として保存されます。{login}",
        "Your answers are kept in this browser (nobody else sees them) and on this app's "
        "server, as yours alone. {login}"),
    "learner.where.anonymous": (
        "別の端末やブラウザでは別の学習者として扱われます。",
        "Another device or browser counts as another learner."),
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
