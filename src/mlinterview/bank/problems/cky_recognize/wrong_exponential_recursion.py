"""Wrong: top-down recursion over all split points without memoisation; correct, but exponential
on long sentences that the grammar rejects."""


def cky_recognize(grammar: list[list[str]], tokens: list[str]) -> bool:
    def derives(symbol: str, i: int, j: int) -> bool:
        for rule in grammar:
            if rule[0] != symbol:
                continue
            if len(rule) == 2:
                if j - i == 1 and tokens[i] == rule[1]:
                    return True
            else:
                for k in range(i + 1, j):
                    if derives(rule[1], i, k) and derives(rule[2], k, j):
                        return True
        return False

    return len(tokens) > 0 and derives("S", 0, len(tokens))
