"""UI strings for the quiz page and its 学習履歴 view: key -> (Japanese, English)."""

STRINGS: dict[str, tuple[str, str]] = {
    "quiz.title": ("セルフクイズ", "Self-quiz"),
    "quiz.intro": ("E資格の頻出テーマから出題します。間違えた問題ほど早く、苦手なテーマほど多く出ます。",
                   "Questions on the exam's recurring themes. What you get wrong comes back "
                   "sooner, and weak themes come up more often. (Questions are in Japanese.)"),
    "quiz.tab.quiz": ("クイズ", "Quiz"),
    "quiz.tab.history": ("学習履歴", "History"),
    # Banks and storage
    "quiz.bank.problems": ("問題集に {n} 件の誤りがあります。該当する問題を除いて出題します。",
                           "The question banks have {n} problem(s); those questions are left out."),
    "quiz.bank.empty": ("出題できる問題がありません。", "There are no questions to ask."),
    "quiz.store.missing_dir": (
        "履歴の保存先のフォルダがありません。今回の解答はこのブラウザにだけ保存されます"
        "（次に保存先が使えるようになったとき、サーバーに戻します）。",
        "The history folder does not exist. This time your answers are kept in this browser "
        "only (they go back to the server once it can store them again)."),
    "quiz.store.unwritable": (
        "履歴の保存先に書き込めません。今回の解答はこのブラウザにだけ保存されます"
        "（次に保存先が使えるようになったとき、サーバーに戻します）。",
        "The history cannot be written. This time your answers are kept in this browser "
        "only (they go back to the server once it can store them again)."),
    "quiz.store.unreachable": (
        "履歴のデータベースに接続できません。今回の解答はこのブラウザにだけ保存されます"
        "（データベースに接続できるようになったとき、サーバーに戻します）。",
        "The history database cannot be reached. This time your answers are kept in this "
        "browser only (they go back to the server once it answers again)."),
    # Setup
    "quiz.setup.header": ("出題の設定", "Set up a quiz"),
    "quiz.themes": ("出題テーマ", "Themes"),
    "quiz.themes.none": ("テーマを1つ以上選んでください。", "Choose at least one theme."),
    "quiz.available": ("選んだテーマの問題: {n} 問", "Questions in these themes: {n}"),
    "quiz.count": ("問題数", "Number of questions"),
    "quiz.mode": ("モード", "Mode"),
    "quiz.mode.study": ("学習モード（解答するとすぐに解説）", "Study (explanation at once)"),
    "quiz.mode.exam": ("模試モード（制限時間つき・解説は最後）",
                       "Mock exam (timed, explanations at the end)"),
    "quiz.exam.limit": ("制限時間: {minutes} 分（1問あたり {seconds} 秒、本試験と同じペース）",
                        "Time limit: {minutes} min ({seconds} s per question, the exam's pace)"),
    "quiz.start": ("開始", "Start"),
    # A question
    "quiz.progress": ("{i} / {n} 問目", "Question {i} of {n}"),
    "quiz.review_round": ("復習ラウンド {r}（間違えた問題だけ）", "Review round {r} (wrong answers only)"),
    "quiz.meta": ("{theme}・{difficulty}・{kind}", "{theme} · {difficulty} · {kind}"),
    "quiz.difficulty.1": ("基本", "basic"),
    "quiz.difficulty.2": ("標準", "standard"),
    "quiz.difficulty.3": ("応用", "advanced"),
    "quiz.type.single": ("1つ選べ", "choose one"),
    "quiz.type.multiple": ("当てはまるものをすべて選べ", "choose all that apply"),
    "quiz.type.numeric": ("数値で答えよ", "answer with a number"),
    "quiz.type.truefalse": ("正誤を答えよ", "true or false"),
    "quiz.type.blanks": ("空欄に入る組み合わせを1つ選べ", "choose what fills the blanks"),
    "quiz.type.graph": ("グラフを1つ選べ", "choose one graph"),
    "quiz.answer": ("解答", "Your answer"),
    "quiz.answer.numeric": ("数値（例: 0.25、1/4、-0.632）", "A number (e.g. 0.25, 1/4, -0.632)"),
    "quiz.true": ("正しい", "True"),
    "quiz.false": ("誤り", "False"),
    "quiz.submit": ("解答する", "Submit"),
    "quiz.need_answer": ("解答を選んでから「解答する」を押してください。",
                         "Choose an answer before submitting."),
    "quiz.bad_number": ("「{text}」は数値として読めません。例: 0.25、1/4、-0.632",
                        "“{text}” is not a number. Examples: 0.25, 1/4, -0.632"),
    "quiz.right": ("正解！", "Correct!"),
    "quiz.wrong": ("不正解", "Not quite"),
    "quiz.key": ("正解", "Answer"),
    "quiz.given": ("あなたの解答", "You answered"),
    "quiz.unanswered": ("未回答", "not answered"),
    "quiz.explanation": ("解説", "Explanation"),
    "quiz.link": ("アプリで確かめる", "See it in the app"),
    "quiz.next": ("次へ", "Next"),
    "quiz.quit": ("中断して設定に戻る", "Stop and go back"),
    "quiz.time_left": ("残り時間 {mm}:{ss:02d}", "Time left {mm}:{ss:02d}"),
    "quiz.time_up": ("時間切れです。未回答の問題は不正解として採点しました。",
                     "Time is up. Unanswered questions count as wrong."),
    # Results
    "quiz.results": ("結果", "Results"),
    "quiz.score": ("{correct} / {total} 問正解（{pct}%）", "{correct} of {total} right ({pct}%)"),
    "quiz.by_theme": ("テーマ別の成績", "Score by theme"),
    "quiz.col.theme": ("テーマ", "Theme"),
    "quiz.col.correct": ("正解", "Right"),
    "quiz.col.answered": ("出題", "Asked"),
    "quiz.col.accuracy": ("正答率", "Accuracy"),
    "quiz.details": ("解答と解説", "Answers and explanations"),
    "quiz.review": ("間違えた問題だけ復習", "Review the wrong ones only"),
    "quiz.all_right": ("全問正解です！", "All right!"),
    "quiz.restart": ("新しいクイズ", "New quiz"),
    # History
    "quiz.history.empty": ("まだ解答の記録がありません。", "No answers recorded yet."),
    "quiz.history.summary": ("これまでに {n} 回解答、正答率 {pct}%", "{n} answers so far, {pct}% right"),
    "quiz.history.chart": ("テーマ別正答率の推移（日本時間の日ごと）",
                           "Accuracy per theme over time (per day, Japan time)"),
    "quiz.history.y": ("正答率 (%)", "Accuracy (%)"),
    "quiz.history.x": ("日付", "Day"),
    "quiz.history.weakest": ("苦手な問題", "Weakest questions"),
    "quiz.history.no_weak": ("間違えた問題はまだありません。", "No wrong answers yet."),
    "quiz.history.weak_meta": (
        "{n}. {theme}・不正解 {wrong} / {answered} 回（正答率 {pct}%）・最終 {last}",
        "{n}. {theme} · wrong {wrong} of {answered} ({pct}% right) · last {last}"),
    "quiz.history.gone": ("（問題集にない問題 {qid}）", "(question {qid}, no longer in the banks)"),
    "quiz.history.backup": ("バックアップ", "Backup"),
    "quiz.history.backup_note": (
        "履歴は CSV で書き出して手元に残したり、別の端末やブラウザに読み込んだりできます。"
        "読み込んだ解答はあなたの履歴に加わり、同じ解答は二重に取り込まれません。",
        "Save your history as CSV to keep it, or load it into another device or browser. "
        "Loaded answers join your own history; the same answer is never imported twice."),
    "quiz.history.download": ("履歴を CSV でダウンロード", "Download the history (CSV)"),
    "quiz.history.upload": ("CSV から履歴を読み込む", "Load a history CSV"),
    "quiz.history.imported": ("{added} 件を追加しました（既にあった {duplicates} 件は除きました）。",
                              "Added {added} answer(s) ({duplicates} already there were skipped)."),
    "quiz.history.bad_rows": ("読めなかった行（行番号）: {rows}", "Rows that could not be read (line numbers): {rows}"),
    "quiz.history.missing_columns": ("CSV に必要な列がありません: {columns}",
                                     "The CSV lacks the columns: {columns}"),
    "quiz.history.unreadable": ("UTF-8 の CSV ではないため読み込めません。",
                                "This is not a UTF-8 CSV file."),
}
