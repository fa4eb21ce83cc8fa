"""Constituency parsing with a small grammar: one sentence, several valid trees.

The grammar is in Chomsky normal form, so a hand-written CKY chart can count parses;
nltk's chart parser enumerates the trees independently and must agree.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from mlinterview.labs.base import Lab, Outcome, Param, Plot, Table, text

GRAMMARS = {
    "en": """
        S -> NP VP
        VP -> V NP | VP PP
        NP -> Det N | NP PP | 'I'
        PP -> P NP
        Det -> 'the' | 'a'
        N -> 'man' | 'telescope' | 'park' | 'hill' | 'bench' | 'garden' | 'dog'
        V -> 'saw'
        P -> 'with' | 'in' | 'on' | 'near' | 'by'
    """,
    "de": """
        S -> NP VP
        VP -> V NP | VP PP
        NP -> Det N | NP PP | 'Ich'
        PP -> P NP
        Det -> 'den' | 'dem'
        N -> 'Mann' | 'Fernglas' | 'Hügel' | 'Garten' | 'Hund' | 'Haus' | 'Baum'
        V -> 'sah'
        P -> 'mit' | 'auf' | 'neben' | 'hinter' | 'unter'
    """,
}


@dataclass(frozen=True)
class Sentences:
    ambiguous: str
    plain: str  # the same sentence without the prepositional phrase: one reading
    scrambled: str  # not a sentence of the grammar: no reading
    pps: tuple[str, ...]  # prepositional phrases appended one by one


SENTENCES = {
    "en": Sentences(
        ambiguous="I saw the man with the telescope",
        plain="I saw the man",
        scrambled="saw I the man the",
        pps=("in the park", "on the hill", "near the bench", "by the garden", "with the dog"),
    ),
    "de": Sentences(
        ambiguous="Ich sah den Mann mit dem Fernglas",
        plain="Ich sah den Mann",
        scrambled="Mann den Ich sah",
        pps=(
            "auf dem Hügel",
            "neben dem Garten",
            "mit dem Hund",
            "hinter dem Haus",
            "unter dem Baum",
        ),
    ),
}


def grammar_text(lang: str, np_attachment: bool) -> str:
    """The grammar, optionally without NP -> NP PP (PPs may then only modify the verb)."""
    src = GRAMMARS[lang]
    if not np_attachment:
        src = src.replace(" | NP PP", "")
    return src


def cky_count(grammar: Any, tokens: list[str]) -> int:
    """Number of parse trees of ``tokens`` rooted in the start symbol (CKY on a CNF grammar)."""
    n = len(tokens)
    lexical: dict[str, list[Any]] = defaultdict(list)
    binary: list[tuple[Any, Any, Any]] = []
    for prod in grammar.productions():
        rhs = prod.rhs()
        if len(rhs) == 1 and isinstance(rhs[0], str):
            lexical[rhs[0]].append(prod.lhs())
        elif len(rhs) == 2:
            binary.append((prod.lhs(), rhs[0], rhs[1]))
        else:
            raise ValueError(f"grammar is not in Chomsky normal form: {prod}")
    chart: list[list[dict[Any, int]]] = [[defaultdict(int) for _ in range(n + 1)] for _ in range(n)]
    for i, tok in enumerate(tokens):
        for lhs in lexical.get(tok, []):
            chart[i][i + 1][lhs] += 1
    for width in range(2, n + 1):
        for i in range(n - width + 1):
            j = i + width
            cell = chart[i][j]
            for k in range(i + 1, j):
                left, right = chart[i][k], chart[k][j]
                if not left or not right:
                    continue
                for lhs, b, c in binary:
                    if b in left and c in right:
                        cell[lhs] += left[b] * right[c]
    return int(chart[0][n].get(grammar.start(), 0)) if n else 0


def catalan(k: int) -> int:
    from math import comb

    return comb(2 * k, k) // (k + 1)


def _layout(
    tree: Any,
) -> tuple[list[tuple[float, float, str, bool]], list[tuple[float, float, float, float]]]:
    """Node positions for drawing: leaves evenly spaced, parents centred over children."""
    nodes: list[tuple[float, float, str, bool]] = []
    edges: list[tuple[float, float, float, float]] = []
    counter = [0]
    height = tree.height()

    def place(t: Any, depth: int) -> tuple[float, float]:
        if isinstance(t, str):
            x = float(counter[0])
            counter[0] += 1
            y = -float(height)
            nodes.append((x, y, t, True))
            return x, y
        xs = [place(child, depth + 1) for child in t]
        x = sum(p[0] for p in xs) / len(xs)
        y = -float(depth)
        nodes.append((x, y, str(t.label()), False))
        for cx, cy in xs:
            edges.append((x, y, cx, cy))
        return x, y

    place(tree, 0)
    return nodes, edges


def run(*, language: str, extra_pps: int, np_attachment: bool, seed: int) -> Outcome:
    import nltk

    grammar = nltk.CFG.fromstring(grammar_text(language, np_attachment))
    parser = nltk.ChartParser(grammar)
    sents = SENTENCES[language]

    def both(sentence: str) -> tuple[int, int, list[Any]]:
        tokens = sentence.split()
        trees = list(parser.parse(tokens))
        return cky_count(grammar, tokens), len(trees), trees

    amb_cky, amb_chart, amb_trees = both(sents.ambiguous)
    plain_cky, plain_chart, _ = both(sents.plain)
    bad_cky, bad_chart, _ = both(sents.scrambled)
    growth = []
    base = sents.plain
    for k in range(extra_pps + 1):
        sentence = " ".join([base, *sents.pps[:k]])
        c, ch, _ = both(sentence)
        growth.append((k, sentence, c, ch, catalan(k + 1)))
    parsers_agree = (
        amb_cky == amb_chart
        and plain_cky == plain_chart
        and bad_cky == bad_chart
        and all(c == ch for _, _, c, ch, _ in growth)
    )
    follows_catalan = all(c == cat for _, _, c, _, cat in growth)
    supported = (
        parsers_agree and amb_chart == 2 and plain_chart == 1 and bad_chart == 0 and follows_catalan
    )
    metrics: dict[str, Any] = {
        "ambiguous_parses": amb_chart,
        "ambiguous_parses_cky": amb_cky,
        "plain_parses": plain_chart,
        "scrambled_parses": bad_chart,
        "parsers_agree": parsers_agree,
        "follows_catalan": follows_catalan,
        "parses_with_most_pps": growth[-1][3],
        "grammar_rules": len(grammar.productions()),
    }
    bracketed = tuple((i + 1, t.pformat(margin=10_000)) for i, t in enumerate(amb_trees))
    drawn = amb_trees[:2]

    def draw_trees(fig: Any, lang: str) -> None:
        axes = fig.subplots(1, max(1, len(drawn)))
        axes = axes if len(drawn) > 1 else [axes]
        for idx, (ax, tree) in enumerate(zip(axes, drawn, strict=False)):
            nodes, edges = _layout(tree)
            for x1, y1, x2, y2 in edges:
                ax.plot([x1, x2], [y1, y2], color="#7f7f7f", linewidth=0.8)
            for x, y, label, leaf in nodes:
                ax.text(
                    x,
                    y,
                    label,
                    ha="center",
                    va="center",
                    fontsize=8,
                    color="#1f77b4" if leaf else "black",
                    bbox={"boxstyle": "round,pad=0.2", "fc": "white", "ec": "none"},
                )
            ax.set_axis_off()
            word = "Analyse" if lang == "de" else "parse"
            ax.set_title(f"{word} {idx + 1}")

    return Outcome(
        supported=supported,
        metrics=metrics,
        explanation=text(
            f"'{sents.ambiguous}' has {amb_chart} parse trees under the grammar (CKY "
            f"counts {amb_cky}): the prepositional phrase attaches either to the noun phrase "
            "or to the verb phrase. The unambiguous control sentence has "
            f"{plain_chart} parse and the scrambled one {bad_chart}. Each extra prepositional "
            f"phrase multiplies the readings; with {extra_pps} more the count is "
            f"{growth[-1][3]} (Catalan number: {growth[-1][4]}). A grammar alone cannot "
            "choose; that takes probabilities (a PCFG or a trained parser) or meaning.",
            f"„{sents.ambiguous}“ hat unter der Grammatik {amb_chart} Syntaxbäume (CKY "
            f"zählt {amb_cky}): Die Präpositionalphrase hängt entweder an der Nominalphrase "
            "oder an der Verbalphrase. Der eindeutige Kontrollsatz hat "
            f"{plain_chart} Analyse, der verwürfelte {bad_chart}. Jede weitere "
            f"Präpositionalphrase vervielfacht die Lesarten; mit {extra_pps} zusätzlichen sind "
            f"es {growth[-1][3]} (Catalan-Zahl: {growth[-1][4]}). Die Grammatik allein kann "
            "nicht entscheiden; dafür braucht es Wahrscheinlichkeiten (PCFG oder trainierter "
            "Parser) oder Bedeutung.",
        ),
        tables=[
            Table(
                text("Parses of the test sentences", "Analysen der Testsätze"),
                ("sentence", "CKY count", "chart parser trees"),
                (
                    (sents.ambiguous, amb_cky, amb_chart),
                    (sents.plain, plain_cky, plain_chart),
                    (sents.scrambled, bad_cky, bad_chart),
                ),
            ),
            Table(
                text("Readings of the ambiguous sentence", "Lesarten des mehrdeutigen Satzes"),
                ("parse", "bracketed tree"),
                bracketed,
            ),
            Table(
                text(
                    "More prepositional phrases, more parses",
                    "Mehr Präpositionalphrasen, mehr Analysen",
                ),
                ("extra PPs", "sentence", "CKY count", "chart parser trees", "Catalan(k+1)"),
                tuple(growth),
            ),
        ],
        plots=[
            Plot(
                "trees",
                text("Two parse trees of one sentence", "Zwei Syntaxbäume eines Satzes"),
                draw_trees,
                size=(8.0, 4.0),
            ),
        ],
    )


LAB = Lab(
    id="parsing",
    title=text(
        "Syntactic ambiguity in a chart parser", "Syntaktische Mehrdeutigkeit im Chart-Parser"
    ),
    claim=text(
        "Under one context-free grammar, a sentence such as 'I saw the man with the "
        "telescope' has two valid constituency trees, and the number of trees grows like the "
        "Catalan numbers as prepositional phrases are added.",
        "Unter einer kontextfreien Grammatik hat ein Satz wie „Ich sah den Mann mit dem "
        "Fernglas“ zwei gültige Konstituentenbäume, und ihre Zahl wächst mit jeder weiteren "
        "Präpositionalphrase wie die Catalan-Zahlen.",
    ),
    cards=("syntactic-analysis",),
    params=(
        Param(
            "language",
            "choice",
            "en",
            text("Grammar language", "Sprache der Grammatik"),
            choices=("en", "de"),
        ),
        Param(
            "extra_pps",
            "int",
            3,
            text("Prepositional phrases to add", "Anzuhängende Präpositionalphrasen"),
            0,
            5,
        ),
        Param(
            "np_attachment",
            "bool",
            True,
            text(
                "Allow PPs to modify noun phrases (NP -> NP PP)",
                "PPs dürfen Nominalphrasen ergänzen (NP -> NP PP)",
            ),
        ),
    ),
    run_fn=run,
)
