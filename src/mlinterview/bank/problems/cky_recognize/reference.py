"""Reference: bottom-up CKY chart of the nonterminals that derive every span."""

from collections import defaultdict


def cky_recognize(grammar: list[list[str]], tokens: list[str]) -> bool:
    n = len(tokens)
    if n == 0:
        return False  # CNF without an epsilon rule cannot derive the empty sentence
    lexical: dict[str, set[str]] = defaultdict(set)
    binary: dict[tuple[str, str], set[str]] = defaultdict(set)
    for rule in grammar:
        if len(rule) == 2:
            lexical[rule[1]].add(rule[0])
        else:
            binary[(rule[1], rule[2])].add(rule[0])
    # chart[i][j] holds the nonterminals that derive tokens[i:j].
    chart: list[list[set[str]]] = [[set() for _ in range(n + 1)] for _ in range(n + 1)]
    for i, token in enumerate(tokens):
        chart[i][i + 1] = set(lexical.get(token, ()))
    for length in range(2, n + 1):
        for i in range(0, n - length + 1):
            j = i + length
            cell = chart[i][j]
            for k in range(i + 1, j):  # every split point, both ends excluded
                for left in chart[i][k]:
                    for right in chart[k][j]:
                        cell |= binary.get((left, right), set())
    return "S" in chart[0][n]
