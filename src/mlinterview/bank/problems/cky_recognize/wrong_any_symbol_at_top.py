"""Wrong: accepts when any nonterminal covers the whole sentence, ignoring the start symbol S."""


def cky_recognize(grammar: list[list[str]], tokens: list[str]) -> bool:
    n = len(tokens)
    if n == 0:
        return False
    chart: dict[tuple[int, int], set[str]] = {}
    for i, tok in enumerate(tokens):
        chart[(i, i + 1)] = {r[0] for r in grammar if len(r) == 2 and r[1] == tok}
    for length in range(2, n + 1):
        for i in range(n - length + 1):
            j = i + length
            found: set[str] = set()
            for k in range(i + 1, j):
                for r in grammar:
                    if len(r) == 3 and r[1] in chart[(i, k)] and r[2] in chart[(k, j)]:
                        found.add(r[0])
            chart[(i, j)] = found
    return len(chart[(0, n)]) > 0
