"""Every interface string in English and German, in one place.

Card, problem and lab texts live with their content; these are the words around them
(CLI, web, feedback, reports, kits, exports). One home lets a German reviewer read all of
them at once, and one test checks that both languages have the same keys.
"""

from __future__ import annotations

# cli/practice.py
CLI_PRACTICE = {
    "en": {
        "answer": "Your answer (optional; finish with an empty line, Enter alone skips):",
        "reference": "Reference answer",
        "points": "Key points",
        "rate": "Rate 1 again · 2 hard · 3 good · 4 easy · q quit",
        "suggest": "suggested",
        "saved": "saved; next review",
        "done": "Session finished: {n} cards reviewed.",
        "nothing": "Nothing to practise with these filters.",
        "bad": "Type 1, 2, 3, 4 or q.",
    },
    "de": {
        "answer": (
            "Deine Antwort (optional; mit einer Leerzeile abschließen, nur Enter überspringt):"
        ),
        "reference": "Musterantwort",
        "points": "Kernpunkte",
        "rate": "Bewerten: 1 nochmal · 2 schwer · 3 gut · 4 leicht · q beenden",
        "suggest": "Vorschlag",
        "saved": "gespeichert; nächste Wiederholung",
        "done": "Sitzung beendet: {n} Karten wiederholt.",
        "nothing": "Mit diesen Filtern gibt es nichts zu üben.",
        "bad": "Gib 1, 2, 3, 4 oder q ein.",
    },
}


# cli/interviews.py
CLI_INTERVIEWS = {
    "en": {
        "plan": "Mock interview #{id}: {role} ({level}), {minutes} min, seed {seed}",
        "stage": "Stage",
        "questions": "questions",
        "type": "Type your answer; finish with an empty line (an empty first line skips).",
        "code": (
            "Give the path to your solution file, or type the code and end with a line "
            "containing only EOF (an empty first line skips)."
        ),
        "no_file": "No such file: {path}. Give an existing .py file or type the code.",
        "judging": "judging …",
        "saved": "saved · {used} of {budget}",
        "over": "over time by {over} (recorded)",
        "paused": (
            "Input ended: mock #{id} is saved. Resume with `mlinterview mock --resume {id}`."
        ),
        "report": "Report written to {md} and {html}",
        "queued": "{n} cards put at the front of practice.",
        "review": "Cards to review",
        "overall": "Overall",
        "missed": "missed",
        "none": "No mock interviews yet; start one with `mlinterview mock --role generalist`.",
        "examples": "Examples",
    },
    "de": {
        "plan": "Probeinterview #{id}: {role} ({level}), {minutes} Min., Seed {seed}",
        "stage": "Phase",
        "questions": "Fragen",
        "type": (
            "Tippe deine Antwort; mit einer Leerzeile abschließen (eine leere erste Zeile "
            "überspringt)."
        ),
        "code": (
            "Gib den Pfad zu deiner Lösungsdatei an, oder tippe den Code und beende ihn mit "
            "einer Zeile, die nur EOF enthält (eine leere erste Zeile überspringt)."
        ),
        "no_file": (
            "Datei nicht gefunden: {path}. Gib eine vorhandene .py-Datei an oder tippe den Code."
        ),
        "judging": "wird geprüft …",
        "saved": "gespeichert · {used} von {budget}",
        "over": "Zeit um {over} überschritten (vermerkt)",
        "paused": (
            "Eingabe beendet: Probeinterview #{id} ist gespeichert. Fortsetzen mit "
            "`mlinterview mock --resume {id}`."
        ),
        "report": "Bericht gespeichert: {md} und {html}",
        "queued": "{n} Karten vorne in die Übungsschlange gelegt.",
        "review": "Karten zum Wiederholen",
        "overall": "Gesamt",
        "missed": "gefehlt",
        "none": (
            "Noch keine Probeinterviews; starte eines mit `mlinterview mock --role generalist`."
        ),
        "examples": "Beispiele",
    },
}


# cli/problems.py
CLI_PROBLEM_COMPARE = {
    "en": {
        "exact": "exact comparison (types must match: True is not 1, 1 is not 1.0)",
        "close": "numbers compared with rtol={rtol:g}, atol={atol:g}; shapes must match",
        "unordered": "the list is compared as a multiset (order does not matter)",
        "set": "the list is compared as a set (order and repeats do not matter)",
    },
    "de": {
        "exact": "exakter Vergleich (Typen müssen passen: True ist nicht 1, 1 ist nicht 1.0)",
        "close": "Zahlen verglichen mit rtol={rtol:g}, atol={atol:g}; Formen müssen passen",
        "unordered": "die Liste wird als Multimenge verglichen (Reihenfolge egal)",
        "set": "die Liste wird als Menge verglichen (Reihenfolge und Wiederholungen egal)",
    },
}


# cli/problems.py
CLI_PROBLEM_FIELD = {"en": "field {name}: {rule}", "de": "Feld {name}: {rule}"}


# cli/problems.py
CLI_PROBLEM_LABELS = {
    "en": {
        "examples": "Examples",
        "limits": "Limits: {t:g} s per test, {m} MB memory",
        "starter": "wrote a starter to {path}; judge it with: mlinterview solve {id} {path}",
        "hint": "Hint {n} of {total}",
        "no_hints": "{id} has no hints yet.",
        "no_more_hints": "That was the last hint ({total} of {total}).",
        "more_hints": "{left} more: run `mlinterview hint {id}` again.",
        "hints_available": "Stuck? {total} hints, one at a time: mlinterview hint {id}",
        "libraries": "Libraries: {libs}",
        "needs_torch": "needs PyTorch, which is not installed here: pip install 'mlinterview[deep]'",
    },
    "de": {
        "examples": "Beispiele",
        "limits": "Grenzen: {t:g} s pro Test, {m} MB Speicher",
        "starter": "Vorlage in {path} geschrieben; bewerten mit: mlinterview solve {id} {path}",
        "hint": "Tipp {n} von {total}",
        "no_hints": "Für {id} gibt es noch keine Tipps.",
        "no_more_hints": "Das war der letzte Tipp ({total} von {total}).",
        "more_hints": "Noch {left}: `mlinterview hint {id}` erneut aufrufen.",
        "hints_available": "Festgefahren? {total} Tipps, einer nach dem anderen: mlinterview hint {id}",
        "libraries": "Bibliotheken: {libs}",
        "needs_torch": "braucht PyTorch, das hier nicht installiert ist: pip install 'mlinterview[deep]'",
    },
}


# cli/grading.py
CLI_GRADE_STATUS = {
    "en": {
        "covered": "[green]✓ covered[/]",
        "partly": "[yellow]~ partly[/]",
        "missing": "[red]✗ missing[/]",
        "weak": "[dim](weak evidence)[/]",
    },
    "de": {
        "covered": "[green]✓ abgedeckt[/]",
        "partly": "[yellow]~ teilweise[/]",
        "missing": "[red]✗ fehlt[/]",
        "weak": "[dim](schwacher Beleg)[/]",
    },
}


# cli/grading.py
CLI_GRADE_PROMPT = {
    "en": "Type your answer; finish with an empty line (or Ctrl-D):",
    "de": "Schreibe deine Antwort; beende sie mit einer Leerzeile (oder Strg-D):",
}


# grading/feedback.py
FEEDBACK = {
    "en": {
        "empty": "No answer given yet. The key points are listed below: try to cover them.",
        "nothing": (
            "Your answer does not address the key points of this question yet. "
            "Start with the central ideas below."
        ),
        "score": "Score {score:.0%}: {covered} of {total} key points covered, {partly} partly.",
        "score_predicted": (
            "Likely grade {score:.0%} (as human graders score such answers); "
            "{covered} of {total} key points found, {partly} partly."
        ),
        "partly": "Go further on: {items}.",
        "weak": "Found on weak evidence (say it more explicitly): {items}.",
        "missing": "Missing (most important first): {items}.",
        "wrong": "Careful: you said “{evidence}” — {correction}",
        "other_lang": (
            "(Your answer looks {answer_lang}; it was compared with the {answer_lang} rubric.)"
        ),
        "truncated": "(Only the beginning of this very long answer was graded.)",
        "langs": {"en": "English", "de": "German"},
    },
    "de": {
        "empty": "Noch keine Antwort. Unten stehen die Kernpunkte: Versuche, sie abzudecken.",
        "nothing": (
            "Deine Antwort trifft die Kernpunkte dieser Frage noch nicht. "
            "Beginne mit den zentralen Gedanken unten."
        ),
        "score": (
            "Bewertung {score:.0%}: {covered} von {total} Kernpunkten abgedeckt, "
            "{partly} teilweise."
        ),
        "score_predicted": (
            "Voraussichtliche Note {score:.0%} (so bewerten Prüfer solche Antworten); "
            "{covered} von {total} Kernpunkten gefunden, {partly} teilweise."
        ),
        "partly": "Weiter ausführen: {items}.",
        "weak": "Nur schwach belegt (sag es ausdrücklicher): {items}.",
        "missing": "Es fehlt (Wichtigstes zuerst): {items}.",
        "wrong": "Vorsicht: Du schreibst „{evidence}“ – {correction}",
        "other_lang": (
            "(Deine Antwort ist offenbar {answer_lang}; verglichen wurde mit den "
            "{answer_lang}en Kernpunkten.)"
        ),
        "truncated": "(Bewertet wurde nur der Anfang dieser sehr langen Antwort.)",
        "langs": {"en": "englisch", "de": "deutsch"},
    },
}


# interviews/kits.py
KIT_LABELS: dict[str, dict[str, str]] = {
    "en": {
        "kit": "Interviewer kit",
        "role": "Role",
        "level": "Level",
        "length": "Length",
        "minutes": "min",
        "seed": "Seed",
        "regenerate": "Regenerate with",
        "plan": "Plan",
        "stage": "Stage",
        "time": "Time",
        "questions": "Questions",
        "question": "Question",
        "difficulty": "Difficulty",
        "anchors": "How to score (0-4 per question)",
        "anchors_coding": "Coding questions",
        "anchors_talk": "Knowledge and design questions",
        "task": "Task (read or hand to the candidate)",
        "examples": "Examples",
        "points": "Expected key points",
        "weight": "weight",
        "edge_cases": "Cases the hidden tests check (a strong candidate raises them unprompted)",
        "follow_ups": "Follow-ups",
        "red_flags": "Red flags",
        "mistakes": "Typical wrong solutions (text from the problem bank)",
        "instead": "correct",
        "score": "Score",
        "notes": "Notes",
        "sheet": "Scoring sheet",
        "total": "Stage total",
        "overall": "Overall",
        "skipped": "Stages without questions in the bank (time given to the others)",
        "call": "Call",
        "returns": "returns",
        "no_follow_ups": "Ask how the candidate would test the solution.",
    },
    "de": {
        "kit": "Leitfaden für Interviewende",
        "role": "Rolle",
        "level": "Level",
        "length": "Dauer",
        "minutes": "Min.",
        "seed": "Seed",
        "regenerate": "Neu erzeugen mit",
        "plan": "Ablauf",
        "stage": "Phase",
        "time": "Zeit",
        "questions": "Fragen",
        "question": "Frage",
        "difficulty": "Schwierigkeit",
        "anchors": "Bewertung (0-4 pro Frage)",
        "anchors_coding": "Programmieraufgaben",
        "anchors_talk": "Wissens- und Designfragen",
        "task": "Aufgabe (vorlesen oder aushändigen)",
        "examples": "Beispiele",
        "points": "Erwartete Kernpunkte",
        "weight": "Gewicht",
        "edge_cases": (
            "Fälle, die die verborgenen Tests prüfen (gute Kandidat:innen sprechen sie von "
            "selbst an)"
        ),
        "follow_ups": "Nachfragen",
        "red_flags": "Warnsignale",
        "mistakes": "Typische Falschlösungen (Originaltext der Aufgabenbank, englisch)",
        "instead": "richtig",
        "score": "Punkte",
        "notes": "Notizen",
        "sheet": "Bewertungsbogen",
        "total": "Summe der Phase",
        "overall": "Gesamt",
        "skipped": "Phasen ohne Fragen in der Bank (ihre Zeit geht an die anderen)",
        "call": "Aufruf",
        "returns": "liefert",
        "no_follow_ups": "Frage, wie die Person ihre Lösung testen würde.",
    },
}


# interviews/kits.py
KIT_DIFFICULTY: dict[str, dict[str, str]] = {
    "en": {"easy": "easy", "medium": "medium", "hard": "hard"},
    "de": {"easy": "leicht", "medium": "mittel", "hard": "schwer"},
}


# interviews/kits.py
KIT_ANCHORS_TALK: dict[str, tuple[str, ...]] = {
    "en": (
        "No answer, or the core is wrong (states a red flag as fact).",
        "Fragments: one or two key points, vague, or a red flag left standing.",
        "About half the key points; correct but shallow, needs prompting.",
        "Most key points, correct and structured; handles a follow-up.",
        "All key points with trade-offs and examples; handles follow-ups without help.",
    ),
    "de": (
        "Keine Antwort, oder der Kern ist falsch (ein Warnsignal als Tatsache behauptet).",
        "Bruchstücke: ein oder zwei Kernpunkte, vage, oder ein Warnsignal bleibt stehen.",
        "Etwa die Hälfte der Kernpunkte; richtig, aber oberflächlich, braucht Hilfe.",
        "Die meisten Kernpunkte, richtig und gegliedert; meistert eine Nachfrage.",
        "Alle Kernpunkte mit Abwägungen und Beispielen; meistert Nachfragen ohne Hilfe.",
    ),
}


# interviews/kits.py
KIT_ANCHORS_CODING: dict[str, tuple[str, ...]] = {
    "en": (
        "No working approach.",
        "The idea is right, but the code does not run or fails the examples.",
        "Passes the examples; misses edge cases or the stated rules.",
        "Correct on the edge cases; small issues in complexity or clarity.",
        "Correct, clear, complexity explained, and the candidate tests it unprompted.",
    ),
    "de": (
        "Kein funktionierender Ansatz.",
        "Die Idee stimmt, aber der Code läuft nicht oder scheitert an den Beispielen.",
        "Besteht die Beispiele; übersieht Randfälle oder die genannten Regeln.",
        "Korrekt auch bei Randfällen; kleine Schwächen bei Komplexität oder Klarheit.",
        "Korrekt, klar, Komplexität begründet, und die Person testet von sich aus.",
    ),
}


# interviews/mock.py
MOCK_REASONS: dict[str, dict[str, str]] = {
    "en": {
        "low": "scored {score:.0%} in mock #{id}",
        "skipped": "skipped in mock #{id}",
        "missing": "not reached in mock #{id}",
        "code": "linked to {problem}, not solved in mock #{id}",
    },
    "de": {
        "low": "{score:.0%} im Probeinterview #{id}",
        "skipped": "im Probeinterview #{id} übersprungen",
        "missing": "im Probeinterview #{id} nicht erreicht",
        "code": "gehört zu {problem}, im Probeinterview #{id} nicht gelöst",
    },
}


# interviews/mock.py
MOCK_REPORT_LABELS: dict[str, dict[str, str]] = {
    "en": {
        "title": "Mock interview #{id}: {role} ({level})",
        "meta": "Started {started} UTC · {minutes} min planned · language {lang} · seed {seed}",
        "overall": "Overall score",
        "stage": "Stage",
        "score": "Score",
        "time": "Time used / planned",
        "question": "Question",
        "status": "Status",
        "covered": "Covered",
        "partly": "Partly covered",
        "missed": "Missed",
        "misconceptions": "Misconceptions flagged",
        "feedback": "Feedback",
        "verdict": "Judge verdict",
        "tests": "tests passed",
        "review": "Cards to review (queued at the front of practice)",
        "none": "Nothing to review: every question scored at least {threshold:.0%}.",
        "over": "over time by {over}",
        "compare": "Change vs mock #{prev} ({prev_score:.0%}): {delta:+.0%}",
        "first": "First finished mock for this role: nothing to compare yet.",
        "skipped_stages": "Stages without questions in the bank",
        "answered": "answered",
        "skipped": "skipped",
        "not reached": "not reached",
    },
    "de": {
        "title": "Probeinterview #{id}: {role} ({level})",
        "meta": "Begonnen {started} UTC · {minutes} Min. geplant · Sprache {lang} · Seed {seed}",
        "overall": "Gesamtergebnis",
        "stage": "Phase",
        "score": "Ergebnis",
        "time": "Zeit gebraucht / geplant",
        "question": "Frage",
        "status": "Status",
        "covered": "Abgedeckt",
        "partly": "Teilweise abgedeckt",
        "missed": "Gefehlt",
        "misconceptions": "Erkannte Irrtümer",
        "feedback": "Rückmeldung",
        "verdict": "Urteil des Judges",
        "tests": "Tests bestanden",
        "review": "Karten zum Wiederholen (vorne in der Übungsschlange)",
        "none": "Nichts zu wiederholen: Jede Frage erreichte mindestens {threshold:.0%}.",
        "over": "Zeit um {over} überschritten",
        "compare": "Veränderung gegenüber Probeinterview #{prev} ({prev_score:.0%}): {delta:+.0%}",
        "first": "Erstes abgeschlossenes Probeinterview für diese Rolle: noch kein Vergleich.",
        "skipped_stages": "Phasen ohne Fragen in der Bank",
        "answered": "beantwortet",
        "skipped": "übersprungen",
        "not reached": "nicht erreicht",
    },
}


# export/cards.py
EXPORT_HEADINGS: dict[str, dict[str, str]] = {
    "en": {
        "answer": "Answer",
        "points": "Key points",
        "misconceptions": "Common misconceptions",
        "correct": "correct",
        "follow_ups": "Follow-up questions",
        "meta": "Topic: {topic} · difficulty: {difficulty} · roles: {roles} · id: `{id}`",
        "labs": "Labs",
        "problems": "Coding problems",
    },
    "de": {
        "answer": "Antwort",
        "points": "Kernpunkte",
        "misconceptions": "Häufige Irrtümer",
        "correct": "richtig",
        "follow_ups": "Nachfragen",
        "meta": "Thema: {topic} · Schwierigkeit: {difficulty} · Rollen: {roles} · ID: `{id}`",
        "labs": "Labs",
        "problems": "Programmieraufgaben",
    },
}


# web/i18n.py
WEB: dict[str, dict[str, str]] = {
    "en": {
        "app": "mlinterview",
        "nav_dashboard": "Dashboard",
        "nav_practice": "Practice",
        "nav_questions": "Questions",
        "nav_problems": "Coding",
        "nav_labs": "Labs",
        "nav_mock": "Mock interview",
        "language": "Language",
        "switch": "Switch",
        "due_now": "Due now",
        "due_today": "Due today",
        "undo": "Undo",
        "undone": "Rating of {card} taken back.",
        "session_counts": "{due} due now · {new} new",
        "skip": "Skip this card",
        "status": "Status",
        "section": "Article section",
        "status_solved": "solved",
        "status_attempted": "attempted",
        "status_solved_with_hints": "solved with hints",
        "show_hint": "Show hint {n} of {total}",
        "hints": "Hints",
        "hints_count_apart": "A solve after a hint is shown apart from unaided solves.",
        "status_open": "not tried",
        "examples": "Examples",
        "ctrl_enter": "Ctrl+Enter submits",
        "code_too_long": "The code is larger than 100 KB, the limit for a submission; shorten it. It stays in the editor.",
        "your_submissions": "Your submissions",
        "when": "When (UTC)",
        "lab_running": "Running…",
        "problems_solved": "problems solved ({attempted} tried)",
        "mocks_finished": "mock interviews finished",
        "last_score": "last",
        "no_reviews_yet": "No reviews yet: practise a few cards and they show up here.",
        "mastery_means": "How much of each topic you would still recall in a week; cards not seen yet count as zero.",
        "new_cards": "New cards",
        "reviews_today": "Reviews today",
        "streak": "Streak (days)",
        "reviews_per_day": "Reviews per day (last 30 days)",
        "mastery": "Mastery per topic",
        "start_practice": "Start practising",
        "topic": "Topic",
        "role": "Role",
        "difficulty": "Difficulty",
        "source": "Source",
        "any": "any",
        "search": "Search",
        "search_label": "Search words (German or English)",
        "filter": "Filter",
        "results": "questions",
        "your_answer": "Your answer (optional). Enter submits, Shift+Enter adds a line.",
        "check_answer": "Check answer",
        "show_answer": "Show answer without typing",
        "feedback": "Feedback on your answer",
        "covered": "covered",
        "partly": "partly",
        "missing": "missing",
        "weak_evidence": "weak evidence",
        "sure_evidence": "sure",
        "reference": "Reference answer",
        "key_points": "Key points",
        "misconceptions": "Misconceptions",
        "follow_ups": "Follow-up questions",
        "labs": "Labs",
        "problems": "Coding problems",
        "rate": "How well did you know it? (keys 1-4)",
        "again": "Again",
        "hard": "Hard",
        "good": "Good",
        "easy": "Easy",
        "suggested": "suggested",
        "nothing_due": "Nothing to practise with these filters. Come back later or pick another topic.",
        "saved": "Saved. Next review of {card}: {due}.",
        "not_found": "Not found",
        "too_large": "Too large",
        "too_large_text": "The request is larger than the limit of {limit} KB. Shorten it and send again.",
        "bad_request": "Bad request",
        "invalid_input": "Please check your input",
        "mock_progress": "Question {n} of {total} · {stage}",
        "finish_confirm": "End the interview now? Unanswered questions score 0.",
        "continue_mock": "Continue the interview",
        "why_missing": "is missing",
        "why_not_a_number": "must be a whole number",
        "why_invalid": "has a value that is not allowed",
        "why_greater_than_equal": "must be at least {bound}",
        "why_greater_than": "must be more than {bound}",
        "why_less_than_equal": "must be at most {bound}",
        "why_less_than": "must be less than {bound}",
        "go_back": "Go back and correct it",
        "field_rating": "Rating",
        "field_minutes": "Minutes",
        "field_seed": "Seed",
        "field_position": "Question",
        "field_shown_at": "Start time",
        "field_role": "Role",
        "csrf_failed": "The form expired or came from another site. Reload the page and try again.",
        "seen": "seen",
        "mature": "mature",
        "cards": "cards",
        "open": "open",
        "score": "Score",
        "claim": "Claim",
        "run_lab": "Run the experiment",
        "verdict": "Verdict",
        "supported": "supported",
        "not supported": "not supported",
        "metric": "Metric",
        "value": "Value",
        "problem": "Problem",
        "limits": "Limits",
        "your_solution": "Your solution (Python; {libs} allowed). Esc leaves the editor.",
        "libraries": "Libraries",
        "needs_torch": "This problem needs PyTorch, which is not installed here: pip install 'mlinterview[deep]'",
        "run_visible": "Run visible tests",
        "submit": "Submit",
        "visible_only": "visible tests only",
        "missing_layers": "Sandbox layers missing on this machine (fine for local practice only)",
        "test_kind": "Test",
        "details": "Details",
        "example": "visible",
        "hidden": "hidden",
        "input": "Input",
        "expected": "Expected",
        "got": "Got",
        "job_queued": "Queued: waiting for a judge worker…",
        "job_running": "Running: a judge worker is testing your code…",
        "job_lost": "The verdict could not be loaded; reload the page to see it.",
        "mock_intro": "A timed rehearsal over the five stages of an ML interview: coding, algorithms and data, role-specific, ML system design, MLOps. Answers are graded; missed cards go to your practice queue.",
        "level": "Level",
        "minutes": "Minutes (15-240)",
        "seed": "Seed (same seed, same questions)",
        "random": "random",
        "start_mock": "Start mock interview",
        "past_mocks": "Past mock interviews",
        "mock_answer": "Your answer",
        "mock_code": "Your solution (Python)",
        "next_question": "Submit and continue",
        "finish_mock": "End the interview now",
        "login": "Log in",
        "user_name": "User name",
        "password": "Password",
        "login_wrong": "Wrong user name or password.",
        "login_too_many": "Too many failed attempts; wait {minutes} minutes and try again.",
        "logout": "Log out",
        "logged_in_as": "Logged in as {name}",
        "change_password": "Change password",
        "current_password": "Current password",
        "new_password": "New password (at least 10 characters)",
        "repeat_password": "Repeat the new password",
        "password_changed": "Password changed. Your other sessions have ended.",
        "passwords_differ": "The two new passwords differ.",
        "current_password_wrong": "The current password is wrong.",
        "new_password_rejected": "The new password must have 10 to 1024 characters.",
    },
    "de": {
        "app": "mlinterview",
        "nav_dashboard": "Übersicht",
        "nav_practice": "Üben",
        "nav_questions": "Fragen",
        "nav_problems": "Programmieren",
        "nav_labs": "Labs",
        "nav_mock": "Probeinterview",
        "language": "Sprache",
        "switch": "Wechseln",
        "due_now": "Jetzt fällig",
        "due_today": "Heute fällig",
        "undo": "Rückgängig",
        "undone": "Bewertung von {card} zurückgenommen.",
        "session_counts": "{due} jetzt fällig · {new} neu",
        "skip": "Karte überspringen",
        "status": "Status",
        "section": "Abschnitt im Artikel",
        "status_solved": "gelöst",
        "status_attempted": "versucht",
        "status_solved_with_hints": "mit Tipps gelöst",
        "show_hint": "Tipp {n} von {total} zeigen",
        "hints": "Tipps",
        "hints_count_apart": "Eine Lösung nach einem Tipp zählt getrennt von Lösungen ohne Hilfe.",
        "status_open": "nicht versucht",
        "examples": "Beispiele",
        "ctrl_enter": "Strg+Enter reicht ein",
        "code_too_long": "Der Code ist größer als 100 KB, das Limit für eine Einreichung; kürze ihn. Er bleibt im Editor.",
        "your_submissions": "Deine Einreichungen",
        "when": "Wann (UTC)",
        "lab_running": "Läuft …",
        "problems_solved": "Aufgaben gelöst ({attempted} versucht)",
        "mocks_finished": "Probeinterviews abgeschlossen",
        "last_score": "zuletzt",
        "no_reviews_yet": "Noch keine Wiederholungen: Übe ein paar Karten, dann erscheinen sie hier.",
        "mastery_means": "Wie viel du von jedem Thema in einer Woche noch wüsstest; noch nicht gesehene Karten zählen null.",
        "new_cards": "Neue Karten",
        "reviews_today": "Wiederholungen heute",
        "streak": "Serie (Tage)",
        "reviews_per_day": "Wiederholungen pro Tag (letzte 30 Tage)",
        "mastery": "Beherrschung pro Thema",
        "start_practice": "Jetzt üben",
        "topic": "Thema",
        "role": "Rolle",
        "difficulty": "Schwierigkeit",
        "source": "Quelle",
        "any": "alle",
        "search": "Suchen",
        "search_label": "Suchbegriffe (Deutsch oder Englisch)",
        "filter": "Filtern",
        "results": "Fragen",
        "your_answer": "Deine Antwort (optional). Enter sendet ab, Umschalt+Enter fügt eine Zeile ein.",
        "check_answer": "Antwort prüfen",
        "show_answer": "Antwort ohne Eingabe zeigen",
        "feedback": "Rückmeldung zu deiner Antwort",
        "covered": "abgedeckt",
        "partly": "teilweise",
        "weak_evidence": "schwacher Beleg",
        "sure_evidence": "sicher",
        "missing": "fehlt",
        "reference": "Musterantwort",
        "key_points": "Kernpunkte",
        "misconceptions": "Typische Fehler",
        "follow_ups": "Nachfragen",
        "labs": "Labs",
        "problems": "Programmieraufgaben",
        "rate": "Wie gut wusstest du es? (Tasten 1-4)",
        "again": "Nochmal",
        "hard": "Schwer",
        "good": "Gut",
        "easy": "Leicht",
        "suggested": "Vorschlag",
        "nothing_due": "Mit diesen Filtern gibt es gerade nichts zu üben. Schau später wieder vorbei oder wähle ein anderes Thema.",
        "saved": "Gespeichert. Nächste Wiederholung von {card}: {due}.",
        "not_found": "Nicht gefunden",
        "too_large": "Zu groß",
        "too_large_text": "Die Anfrage überschreitet das Limit von {limit} KB. Kürze sie und sende sie erneut.",
        "bad_request": "Ungültige Anfrage",
        "invalid_input": "Bitte prüfe deine Eingabe",
        "mock_progress": "Frage {n} von {total} · {stage}",
        "finish_confirm": "Das Interview jetzt beenden? Unbeantwortete Fragen zählen 0.",
        "continue_mock": "Interview fortsetzen",
        "why_missing": "fehlt",
        "why_not_a_number": "muss eine ganze Zahl sein",
        "why_invalid": "hat einen unzulässigen Wert",
        "why_greater_than_equal": "muss mindestens {bound} sein",
        "why_greater_than": "muss größer als {bound} sein",
        "why_less_than_equal": "darf höchstens {bound} sein",
        "why_less_than": "muss kleiner als {bound} sein",
        "go_back": "Zurück und korrigieren",
        "field_rating": "Bewertung",
        "field_minutes": "Minuten",
        "field_seed": "Startwert",
        "field_position": "Frage",
        "field_shown_at": "Startzeit",
        "field_role": "Rolle",
        "csrf_failed": "Das Formular ist abgelaufen oder kam von einer anderen Seite. Lade die Seite neu und versuche es noch einmal.",
        "seen": "gesehen",
        "mature": "gefestigt",
        "cards": "Karten",
        "open": "öffnen",
        "score": "Punktzahl",
        "claim": "Behauptung",
        "run_lab": "Experiment starten",
        "verdict": "Ergebnis",
        "supported": "bestätigt",
        "not supported": "nicht bestätigt",
        "metric": "Kennzahl",
        "value": "Wert",
        "problem": "Aufgabe",
        "limits": "Grenzen",
        "your_solution": "Deine Lösung (Python; {libs} erlaubt). Esc verlässt den Editor.",
        "libraries": "Bibliotheken",
        "needs_torch": "Diese Aufgabe braucht PyTorch, das hier nicht installiert ist: pip install 'mlinterview[deep]'",
        "run_visible": "Sichtbare Tests ausführen",
        "submit": "Einreichen",
        "visible_only": "nur sichtbare Tests",
        "missing_layers": "Auf diesem Rechner fehlende Sandbox-Schichten (nur für lokales Üben in Ordnung)",
        "test_kind": "Test",
        "details": "Details",
        "example": "sichtbar",
        "hidden": "verborgen",
        "input": "Eingabe",
        "expected": "Erwartet",
        "got": "Erhalten",
        "job_queued": "In der Warteschlange: wartet auf einen Judge-Worker …",
        "job_running": "Läuft: ein Judge-Worker testet deinen Code …",
        "job_lost": "Das Ergebnis konnte nicht geladen werden; lade die Seite neu, um es zu sehen.",
        "mock_intro": "Eine Probe mit Zeitvorgabe über die fünf Phasen eines ML-Interviews: Programmieren, Algorithmen und Daten, rollenspezifische Fragen, ML-Systemdesign, MLOps. Die Antworten werden bewertet; verpasste Karten landen in deiner Übungswarteschlange.",
        "level": "Stufe",
        "minutes": "Minuten (15-240)",
        "seed": "Startwert (gleicher Wert, gleiche Fragen)",
        "random": "zufällig",
        "start_mock": "Probeinterview starten",
        "past_mocks": "Bisherige Probeinterviews",
        "mock_answer": "Deine Antwort",
        "mock_code": "Deine Lösung (Python)",
        "next_question": "Abschicken und weiter",
        "finish_mock": "Interview jetzt beenden",
        "login": "Anmelden",
        "user_name": "Benutzername",
        "password": "Passwort",
        "login_wrong": "Benutzername oder Passwort falsch.",
        "login_too_many": "Zu viele Fehlversuche; warte {minutes} Minuten und versuche es dann erneut.",
        "logout": "Abmelden",
        "logged_in_as": "Angemeldet als {name}",
        "change_password": "Passwort ändern",
        "current_password": "Aktuelles Passwort",
        "new_password": "Neues Passwort (mindestens 10 Zeichen)",
        "repeat_password": "Neues Passwort wiederholen",
        "password_changed": "Passwort geändert. Deine anderen Sitzungen wurden beendet.",
        "passwords_differ": "Die beiden neuen Passwörter unterscheiden sich.",
        "current_password_wrong": "Das aktuelle Passwort ist falsch.",
        "new_password_rejected": "Das neue Passwort muss 10 bis 1024 Zeichen haben.",
    },
}
