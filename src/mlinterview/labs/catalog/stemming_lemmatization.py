"""Stemming vs lemmatisation on English and German words with known dictionary forms.

Stemmers: nltk's Porter and Snowball (rules only, no downloaded data). Lemmatiser:
simplemma (dictionary lookup plus rules). Gold lemmas were written for this lab.
"""

from __future__ import annotations

from typing import Any

from mlinterview.labs.base import Lab, Outcome, Param, Plot, Table, text

MIN_GAP = 0.3  # lemmatiser must match the gold lemma this much more often than stemmers

# (inflected word, dictionary form)
WORDS = {
    "en": (
        ("changing", "change"),
        ("studies", "study"),
        ("studying", "study"),
        ("running", "run"),
        ("ran", "run"),
        ("better", "good"),
        ("mice", "mouse"),
        ("geese", "goose"),
        ("was", "be"),
        ("children", "child"),
        ("universities", "university"),
        ("flies", "fly"),
        ("caring", "care"),
        ("feet", "foot"),
        ("went", "go"),
        ("argued", "argue"),
        ("wolves", "wolf"),
        ("bought", "buy"),
        ("happily", "happily"),
        ("relational", "relational"),
        ("easily", "easily"),
        ("organization", "organization"),
        ("thinking", "think"),
        ("policies", "policy"),
    ),
    "de": (
        ("Veränderung", "Veränderung"),
        ("Veränderungen", "Veränderung"),
        ("Häuser", "Haus"),
        ("ging", "gehen"),
        ("gegangen", "gehen"),
        ("Bücher", "Buch"),
        ("Kinder", "Kind"),
        ("besser", "gut"),
        ("schönsten", "schön"),
        ("Mäuse", "Maus"),
        ("lief", "laufen"),
        ("Zeitungen", "Zeitung"),
        ("Studenten", "Student"),
        ("verändert", "verändern"),
        ("Männer", "Mann"),
        ("war", "sein"),
        ("Äpfel", "Apfel"),
        ("Frauen", "Frau"),
        ("größer", "groß"),
        ("sprach", "sprechen"),
        ("gesprochen", "sprechen"),
        ("Wände", "Wand"),
        ("Wörter", "Wort"),
    ),
}
# Pairs of *unrelated* words; a method that maps both to one form conflates meanings.
UNRELATED = {
    "en": (
        ("university", "universe"),
        ("general", "generous"),
        ("organ", "organization"),
        ("author", "authority"),
        ("communism", "community"),
        ("experiment", "experience"),
        ("business", "busy"),
    ),
    "de": (
        ("zählen", "zahlen"),
        ("drücken", "drucken"),
        ("schön", "schon"),
        ("Bär", "Bar"),
        ("Schüler", "Schule"),
        ("fällen", "fallen"),
        ("lösen", "losen"),
    ),
}
NOUN_CHECK = ("Veränderung", "verändern")  # the lemma of the noun is the noun, not the verb


def _methods(lang: str, lemmatizer: str = "simplemma") -> dict[str, Any]:
    import simplemma
    from nltk.stem import PorterStemmer, SnowballStemmer

    methods: dict[str, Any] = {}
    if lang == "en":
        methods["Porter"] = PorterStemmer().stem
        methods["Snowball"] = SnowballStemmer("english").stem
    else:
        methods["Snowball"] = SnowballStemmer("german").stem
    if lemmatizer == "simplemma":
        methods["simplemma"] = lambda w: simplemma.lemmatize(w, lang=lang)
    else:  # the do-nothing baseline: keep every word as it is
        methods["identity"] = lambda w: w
    return methods


def run(*, language: str, lemmatizer: str, seed: int) -> Outcome:
    import simplemma

    langs = ("en", "de") if language == "both" else (language,)
    summary = []
    word_tables = []
    per_lang: dict[str, dict[str, dict[str, float]]] = {}
    lang_ok = {}
    noun_lemma = None
    for lang in langs:
        methods = _methods(lang, lemmatizer)
        words = WORDS[lang]
        outputs = {name: [fn(w) for w, _ in words] for name, fn in methods.items()}
        stats: dict[str, dict[str, float]] = {}
        for name, outs in outputs.items():
            match = sum(o.lower() == g.lower() for o, (_, g) in zip(outs, words, strict=True))
            known = sum(simplemma.is_known(o, lang=lang) for o in outs)
            merges = sum(methods[name](a) == methods[name](b) for a, b in UNRELATED[lang])
            stats[name] = {
                "match": match / len(words),
                "known": known / len(outs),
                "merges": float(merges),
            }
            summary.append(
                (
                    lang,
                    name,
                    round(match / len(words), 3),
                    round(known / len(outs), 3),
                    f"{merges}/{len(UNRELATED[lang])}",
                )
            )
        per_lang[lang] = stats
        stems = [n for n in stats if n != lemmatizer]
        best_stem = max(stats[n]["match"] for n in stems)
        fewest_merges = min(stats[n]["merges"] for n in stems)
        ok = (
            stats[lemmatizer]["match"] - best_stem >= MIN_GAP
            and stats[lemmatizer]["merges"] < fewest_merges
        )
        if lang == "de":
            noun_lemma = methods[lemmatizer](NOUN_CHECK[0])
            ok = ok and noun_lemma == NOUN_CHECK[0]
        lang_ok[lang] = ok
        word_tables.append(
            Table(
                text(
                    f"Words ({'English' if lang == 'en' else 'German'})",
                    f"Wörter ({'Englisch' if lang == 'en' else 'Deutsch'})",
                ),
                ("word", "gold lemma", *outputs),
                tuple(
                    (w, g, *(outputs[name][i] for name in outputs))
                    for i, (w, g) in enumerate(words)
                ),
            )
        )
    merge_rows = []
    for lang in langs:
        for name, fn in _methods(lang, lemmatizer).items():
            for a, b in UNRELATED[lang]:
                fa, fb = fn(a), fn(b)
                merge_rows.append((lang, name, f"{a} / {b}", f"{fa} / {fb}", fa == fb))

    supported = all(lang_ok.values())
    metrics: dict[str, Any] = {}
    for lang, stats in per_lang.items():
        for name, st in stats.items():
            key = name.lower()
            metrics[f"{lang}_{key}_gold_match"] = st["match"]
            metrics[f"{lang}_{key}_known_words"] = st["known"]
            metrics[f"{lang}_{key}_false_merges"] = int(st["merges"])
    if noun_lemma is not None:
        metrics["lemma_of_Veraenderung"] = noun_lemma

    def draw(fig: Any, lang_ui: str) -> None:
        import numpy as np

        ax = fig.add_subplot()
        labels = [f"{lang}: {name}" for lang in per_lang for name in per_lang[lang]]
        match = [per_lang[lang][n]["match"] for lang in per_lang for n in per_lang[lang]]
        known = [per_lang[lang][n]["known"] for lang in per_lang for n in per_lang[lang]]
        x = np.arange(len(labels))
        ax.bar(
            x - 0.2,
            match,
            0.4,
            color="#1f77b4",
            label="trifft das Lemma" if lang_ui == "de" else "matches gold lemma",
        )
        ax.bar(
            x + 0.2,
            known,
            0.4,
            color="#ff7f0e",
            label="ist ein bekanntes Wort" if lang_ui == "de" else "is a known word",
        )
        ax.set_xticks(x, labels, rotation=20)
        ax.set_ylim(0, 1.05)
        ax.set_ylabel("Anteil" if lang_ui == "de" else "share")
        ax.legend(loc="upper left")

    parts_en, parts_de = [], []
    for lang, stats in per_lang.items():
        stem_txt = ", ".join(f"{n} {stats[n]['match']:.0%}" for n in stats if n != lemmatizer)
        parts_en.append(
            f"{'English' if lang == 'en' else 'German'}: the lemmatiser ({lemmatizer}) returns "
            f"the gold dictionary form for {stats[lemmatizer]['match']:.0%} of the words, the "
            f"stemmers for {stem_txt}"
        )
        parts_de.append(
            f"{'Englisch' if lang == 'en' else 'Deutsch'}: Der Lemmatisierer ({lemmatizer}) "
            f"liefert für {stats[lemmatizer]['match']:.0%} der Wörter die Grundform, die "
            "Stemmer für "
            f"{stem_txt}".replace("%", " %")
        )
    noun_en = noun_de = ""
    if noun_lemma is not None:
        noun_en = (
            f" The lemma of 'Veränderung' is '{noun_lemma}': lemmatisation keeps the word "
            "class, it does not turn the noun into the verb 'verändern'."
        )
        noun_de = (
            f" Das Lemma von „Veränderung“ ist „{noun_lemma}“: Lemmatisierung behält die "
            "Wortart bei und macht aus dem Substantiv nicht das Verb „verändern“."
        )
    return Outcome(
        supported=supported,
        metrics=metrics,
        explanation=text(
            "; ".join(parts_en)
            + ". Stems are often not words at all ('chang', 'studi'), German Snowball drops "
            "umlauts, and rule-based stripping conflates unrelated words (see the table of "
            "unrelated pairs)." + noun_en,
            "; ".join(parts_de)
            + ". Stämme sind oft gar keine Wörter („chang“, „studi“), der deutsche "
            "Snowball-Stemmer entfernt Umlaute, und das regelbasierte Abschneiden wirft "
            "Wörter ohne Bedeutungszusammenhang zusammen (siehe Tabelle der Wortpaare)." + noun_de,
        ),
        tables=[
            Table(
                text("Summary", "Zusammenfassung"),
                (
                    "language",
                    "method",
                    "matches gold lemma",
                    "known word",
                    "unrelated pairs merged",
                ),
                tuple(summary),
            ),
            *word_tables,
            Table(
                text("Unrelated word pairs", "Wortpaare ohne Bedeutungszusammenhang"),
                ("language", "method", "pair", "outputs", "merged"),
                tuple(merge_rows),
            ),
        ],
        plots=[Plot("scores", text("Stemmers vs lemmatiser", "Stemmer und Lemmatisierer"), draw)],
    )


LAB = Lab(
    id="stemming_lemmatization",
    title=text("Stemming vs lemmatisation", "Stemming und Lemmatisierung"),
    claim=text(
        "Rule-based stemmers cut suffixes and often return non-words or merge unrelated "
        "words, whereas a lemmatiser returns the dictionary form of the same word (a noun "
        "stays a noun) far more often, in English and in German.",
        "Regelbasierte Stemmer schneiden Endungen ab und liefern oft Nicht-Wörter oder "
        "werfen unverwandte Wörter zusammen, während ein Lemmatisierer – im Englischen wie "
        "im Deutschen – weit häufiger die Wörterbuchform desselben Wortes liefert (ein "
        "Substantiv bleibt ein Substantiv).",
    ),
    cards=("stemming-vs-lemmatization",),
    params=(
        Param(
            "language",
            "choice",
            "both",
            text("Word lists to run", "Zu verwendende Wortlisten"),
            choices=("both", "en", "de"),
        ),
        Param(
            "lemmatizer",
            "choice",
            "simplemma",
            text(
                "Lemmatiser (identity = keep words unchanged, as a baseline)",
                "Lemmatisierer (identity = Wörter unverändert lassen, als Vergleich)",
            ),
            choices=("simplemma", "identity"),
        ),
    ),
    run_fn=run,
)
