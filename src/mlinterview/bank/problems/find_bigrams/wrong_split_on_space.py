"""Wrong: splits on a single space, so tabs, line breaks and double spaces create bad words."""


def find_bigrams(text: str) -> list[tuple[str, str]]:
    words = text.lower().split(" ")
    return [(words[i], words[i + 1]) for i in range(len(words) - 1)]
