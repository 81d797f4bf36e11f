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
    "quiz.exam.formats": ("本試験と同じく選択式（1つ選ぶ・すべて選ぶ）だけを出題します（{n} 問）。"
                          "数値入力と正誤問題は学習モードで。",
                          "Like the exam, only multiple-choice questions ({n} here); numbers and "
                          "true/false stay in study mode."),
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
    # No example numbers here: an example can equal a key (−0.632 was one).
    "quiz.answer.numeric": ("数値", "A number"),
    "quiz.answer.numeric_help": ("小数・分数（a/b）・指数表記で入力できます。全角数字も使えます。"
                                 "Enter で解答します。",
                                 "Decimals, fractions (a/b) and exponents are accepted. "
                                 "Press Enter to submit."),
    "quiz.graph.choose": ("{letter} を選ぶ", "Choose {letter}"),
    "quiz.true": ("正しい", "True"),
    "quiz.false": ("誤り", "False"),
    "quiz.submit": ("解答する", "Submit"),
    "quiz.need_answer": ("解答を選んでから「解答する」を押してください。",
                         "Choose an answer before submitting."),
    "quiz.bad_number": ("「{text}」は数値として読めません。小数・分数（a/b）・指数表記で入力してください。",
                        "“{text}” is not a number. Use a decimal, a fraction (a/b) or an "
                        "exponent."),
    "quiz.huge_number": ("「{text}」は大きすぎて数として扱えません。問題の答えの大きさで入力してください。",
                         "“{text}” is too large to be a number here. Enter a value of the "
                         "answer's size."),
    "quiz.note": ("（{text}）", "({text})"),
    "quiz.right": ("正解！", "Correct!"),
    "quiz.wrong": ("不正解", "Not quite"),
    "quiz.key": ("正解", "Answer"),
    "quiz.given": ("あなたの解答", "You answered"),
    "quiz.missed": ("選び漏れ", "missed"),
    "quiz.extra": ("余分に選んだもの", "chosen but wrong"),
    "quiz.rating": ("自己評価（任意）", "How was it? (optional)"),
    "quiz.rating.help": ("次に出題する時期の目安になります。選ばなければ「{default}」として記録します。",
                         "Sets when this question comes back. Not chosen: recorded as "
                         "“{default}”."),
    "quiz.rating.1": ("もう一度", "Again"),
    "quiz.rating.2": ("難しい", "Hard"),
    "quiz.rating.3": ("正解", "Good"),
    "quiz.rating.4": ("簡単", "Easy"),
    "quiz.unanswered": ("未回答", "not answered"),
    "quiz.explanation": ("解説", "Explanation"),
    "quiz.link": ("アプリで確かめる", "See it in the app"),
    "quiz.next": ("次へ", "Next"),
    "quiz.quit": ("中断", "Stop"),
    "quiz.quit.title": ("クイズを中断しますか？", "Stop this quiz?"),
    "quiz.quit.body": ("このクイズの続きは失われます（解答済みの問題は履歴に残ります）。",
                       "The rest of this quiz is lost (answers already checked stay in the "
                       "history)."),
    "quiz.quit.yes": ("中断する", "Stop"),
    "quiz.quit.no": ("続ける", "Continue"),
    # Mock exam
    "quiz.exam.progress": ("{i} / {n} 問目（解答済み {answered} 問）",
                           "Question {i} of {n} ({answered} answered)"),
    "quiz.exam.flag": ("見直し（あとで確認する）", "Flag for review"),
    "quiz.exam.back": ("前へ", "Back"),
    "quiz.exam.next": ("次へ", "Next"),
    "quiz.exam.skip": ("スキップ", "Skip"),
    "quiz.exam.skip_help": ("次の未解答の問題へ進みます。", "Go to the next unanswered question."),
    "quiz.exam.overview": ("問題一覧（解答済み {answered}・見直し {flagged}・未解答 {unanswered}）",
                           "All questions ({answered} answered, {flagged} flagged, "
                           "{unanswered} unanswered)"),
    "quiz.exam.legend": ("■ 解答済み　□ 未解答　⚑ 見直し。番号を押すとその問題へ移動します。",
                         "■ answered, □ unanswered, ⚑ flagged. Choose a number to go there."),
    "quiz.exam.jump": ("移動する問題", "Go to question"),
    "quiz.exam.finish": ("解答を終了する", "Finish the exam"),
    "quiz.exam.confirm_title": ("解答を終了しますか？", "Finish the exam?"),
    "quiz.exam.confirm_body": ("未解答が {unanswered} 問、見直しの印が {flagged} 問あります。"
                               "終了すると採点し、解答は変えられません。",
                               "{unanswered} unanswered and {flagged} flagged. Finishing scores "
                               "the exam; answers can no longer change."),
    "quiz.exam.finish_yes": ("終了して採点する", "Finish and score"),
    "quiz.exam.finish_no": ("問題に戻る", "Back to the questions"),
    "quiz.time_left": ("残り時間 {mm}:{ss:02d}", "Time left {mm}:{ss:02d}"),
    "quiz.time_up": ("時間切れです。選んでいた解答で採点しました（未解答は不正解）。",
                     "Time is up. The answers chosen were scored (unanswered count as wrong)."),
    # Results
    "quiz.results": ("結果", "Results"),
    "quiz.score": ("{correct} / {total} 問正解（{pct}%）", "{correct} of {total} right ({pct}%)"),
    "quiz.time_used": ("所要時間 {used}（制限時間 {limit}）", "Time used {used} (limit {limit})"),
    "quiz.seconds": ("{s} 秒", "{s} s"),
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
    "quiz.history.chart": ("テーマ別正答率の推移（{tz} の日ごと）",
                           "Accuracy per theme over time (per day, {tz})"),
    "quiz.history.y": ("正答率 (%)", "Accuracy (%)"),
    "quiz.history.x": ("日付", "Day"),
    "quiz.history.weakest": ("苦手な問題", "Weakest questions"),
    "quiz.history.no_weak": ("間違えた問題はまだありません。", "No wrong answers yet."),
    "quiz.history.weak_meta": (
        "{n}. {theme}・不正解 {wrong} / {answered} 回（正答率 {pct}%）・最終 {last} {mark}",
        "{n}. {theme} · wrong {wrong} of {answered} ({pct}% right) · last {last} {mark}"),
    "quiz.history.gone": ("（問題集から削除された問題）", "(a question no longer in the banks)"),
    "quiz.history.weak_start": ("苦手な問題を解く", "Practise the weakest questions"),
    "quiz.history.due": ("今日の復習", "Today's review"),
    "quiz.history.due_count": ("復習の時期が来た問題: **{n} 問**（忘れかけた頃に解き直すと定着します）",
                               "Due for review: **{n}** (answering just before you forget "
                               "makes it stick)"),
    "quiz.history.due_means": ("対象: 最後に間違えた問題・「もう一度」「難しい」と評価した問題と、"
                               "次の復習日が今日までに来た問題（今日正解した問題は入りません）。",
                               "Counted: questions last answered wrong or rated Again or Hard, and "
                               "those whose next review date is today or earlier (not those "
                               "answered right today)."),
    "quiz.history.due_start": ("今日の復習を始める（{n} 問）", "Start today's review ({n})"),
    "quiz.history.exam_running": ("模試の実施中は開始できません（「中断」か「解答を終了する」のあとで）。",
                                  "Not during a mock exam (stop or finish it first)."),
    "quiz.history.due_none": ("今日復習する問題はありません。", "Nothing is due today."),
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
    "quiz.history.bad_rows": ("{refused}。行番号: {rows}", "{refused}. Line numbers: {rows}"),
    "quiz.history.missing_columns": ("CSV に必要な列がありません: {columns}",
                                     "The CSV lacks the columns: {columns}"),
    "quiz.history.unreadable": ("UTF-8 の CSV ではないため読み込めません。",
                                "This is not a UTF-8 CSV file."),
    # Reading the mistakes again (ui/quiz_review.py)
    "quiz.review.header": ("間違えた問題の復習", "Your mistakes"),
    "quiz.review.note": ("間違えた問題と、自己評価で「もう一度」「難しい」とした問題を、解き直さずに"
                         "読めます（問題ごとに最新の1回、新しい順）。",
                         "Questions you got wrong or rated Again or Hard, to read without "
                         "answering again (the latest time for each, newest first)."),
    "quiz.review.themes": ("テーマで絞り込む", "Filter by theme"),
    "quiz.review.figure_order": ("図の A〜D はこの一覧での並びです（クイズで見たときとは記号が違う"
                                 "ことがあります。図の内容で確かめてください）。",
                                 "A–D are this list's order of the figures (the letters may "
                                 "differ from the quiz's: go by what each figure shows)."),
    "quiz.review.none": ("選んだテーマに間違えた問題はありません。",
                         "No mistakes in the chosen themes."),
    "quiz.review.count": ("{n} 問のうち {first}〜{last} 問目を表示（時刻は {tz}）",
                          "Showing {first}–{last} of {n} (times in {tz})"),
    "quiz.review.page": ("ページ（全 {pages} ページ）", "Page (of {pages})"),
    "quiz.review.meta": ("{theme}・{when}・{verdict}・間違い／難しい {times} 回",
                         "{theme} · {when} · {verdict} · wrong or hard {times}×"),
    "quiz.review.wrong": ("不正解", "wrong"),
    "quiz.review.hard": ("正解（自己評価「{rating}」）", "right (rated “{rating}”)"),
    "quiz.review.exam_running": ("模試の実施中は、間違えた問題の復習・学習記録・Anki の書き出し（正解と解説を含むもの）"
                                 "は表示しません。",
                                 "During a mock exam, your mistakes, the study record and the "
                                 "Anki export (which hold keys and explanations) are hidden."),
    "quiz.review.retry": ("この問題を解き直す", "Try this question again"),
    # The study record and the Anki deck
    "quiz.record.header": ("学習記録", "Study record"),
    "quiz.record.note": ("解答ごとに日時（{tz}）・テーマ・問題の1行目・あなたの解答・正解・正誤を並べた"
                         "一覧です（Excel で開けます）。読むための記録で、履歴の読み込みには下の"
                         "バックアップ用 CSV を使います。",
                         "Every answer with its time ({tz}), theme, the question's first line, "
                         "your answer, the key and right or wrong (opens in Excel). It is for "
                         "reading; to load a history back, use the backup CSV below."),
    "quiz.record.download": ("学習記録をダウンロード（CSV）", "Download the study record (CSV)"),
    "quiz.record.col.time": ("日時（{tz}）", "Time ({tz})"),
    "quiz.record.col.theme": ("テーマ", "Theme"),
    "quiz.record.col.question": ("問題", "Question"),
    "quiz.record.col.given": ("あなたの解答", "Your answer"),
    "quiz.record.col.key": ("正解", "Key"),
    "quiz.record.col.result": ("正誤", "Result"),
    "quiz.record.right": ("○ 正解", "○ right"),
    "quiz.record.wrong": ("× 不正解", "× wrong"),
    "quiz.anki.header": ("Anki で復習する", "Review in Anki"),
    "quiz.anki.note": ("問題を Anki（AnkiDroid・AnkiMobile でも）の単語帳として書き出します。表に問題と図、"
                       "裏に正解と解説。同じ問題を書き出し直すと、Anki では同じカードが更新されます。",
                       "Export questions as an Anki deck (also AnkiDroid and AnkiMobile): the "
                       "question and its figures on the front, the key and the explanation on "
                       "the back. Exporting a question again updates the same card in Anki."),
    "quiz.anki.scope": ("書き出す問題", "Questions to export"),
    "quiz.anki.mistakes": ("間違えた問題（{n} 問）", "My mistakes ({n})"),
    "quiz.anki.mistakes_deck": ("間違えた問題", "My mistakes"),
    "quiz.anki.theme": ("{theme}（{n} 問）", "{theme} ({n})"),
    "quiz.anki.download": ("Anki デッキをダウンロード（.apkg）", "Download the Anki deck (.apkg)"),
    "quiz.anki.empty": ("書き出す問題がありません。", "There are no questions to export."),
    "quiz.anki.deck": ("E資格ラボ::{name}", "E資格 Lab::{name}"),
    "quiz.anki.key": ("正解", "Answer"),
    "quiz.anki.explanation": ("解説", "Explanation"),
}
