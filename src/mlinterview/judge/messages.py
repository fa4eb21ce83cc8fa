"""The judge's messages in the reader's language.

The judge writes its messages in English and they are stored that way: one text that the
JSON API, stored submissions and tests can compare, whatever language the reader uses.
Pages show them in the reader's language through :func:`message_in`. Only the judge's own
sentences are translated; what comes from the submission (a Python exception, a signal
name, a test's name) stays as it was, as in any editor.
"""

from __future__ import annotations

import re

from mlinterview.judge.decide import HIDDEN_MESSAGE, OBSERVED_TEXT
from mlinterview.judge.runner import TORCH_MISSING
from mlinterview.judge.verdict import Verdict

#: The judge's fixed sentences, in German.
_GERMAN: dict[str, str] = {
    HIDDEN_MESSAGE[Verdict.WRONG_ANSWER]: "ein verdeckter Test bekam eine falsche Antwort",
    HIDDEN_MESSAGE[Verdict.RUNTIME_ERROR]: (
        "ein verdeckter Test lieferte keinen Wert (eine Exception, ein Absturz oder kein "
        "Speicher mehr)"
    ),
    HIDDEN_MESSAGE[Verdict.TIME_LIMIT]: "ein verdeckter Test lief über das Zeitlimit",
    HIDDEN_MESSAGE[Verdict.OUTPUT_LIMIT]: (
        "ein verdeckter Test gab mehr zurück oder aus, als das Ausgabelimit erlaubt"
    ),
    OBSERVED_TEXT["timeout"]: "am Zeitlimit gestoppt",
    OBSERVED_TEXT["output"]: "die Antwort überschritt das Ausgabelimit",
    OBSERVED_TEXT["protocol"]: "die Einreichung hat das Protokoll des Judges verletzt",
    OBSERVED_TEXT["crash"]: "der Prozess wurde beendet",
    "an example failed": "ein Beispiel ist fehlgeschlagen",
    "the module's top level ran past the time limit": (
        "der Code auf Modulebene lief über das Zeitlimit"
    ),
    "the submission broke the judge's protocol while loading": (
        "die Einreichung hat beim Laden das Protokoll des Judges verletzt"
    ),
    "the judge lost track of a test": "der Judge hat einen Test aus dem Blick verloren",
    TORCH_MISSING: (
        "diese Aufgabe braucht PyTorch, das hier nicht installiert ist: "
        "pip install 'mlinterview[deep]'"
    ),
    "the file contains NUL bytes: it is binary, not Python source": (
        "die Datei enthält NUL-Bytes: sie ist binär, kein Python-Quelltext"
    ),
    "the file is empty": "die Datei ist leer",
    "the returned value is larger than the output limit": (
        "der zurückgegebene Wert ist größer als das Ausgabelimit"
    ),
    "printed more than the output limit": "mehr ausgegeben, als das Ausgabelimit erlaubt",
    "stopped by the judge at the time limit": "vom Judge am Zeitlimit gestoppt",
    "the process ended before it answered": "der Prozess endete, bevor er antwortete",
    "the child broke the judge's protocol": "der Prozess hat das Protokoll des Judges verletzt",
    "the child sent a malformed reply": "der Prozess schickte eine fehlerhafte Antwort",
}

#: Sentences with a part of their own: (English pattern, German template). A group named
#: ``what`` holds one of the fixed sentences above and is translated too.
_GERMAN_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.DOTALL), template)
    for pattern, template in (
        (
            r"(?P<what>.+): (?P<passed>\d+) of (?P<total>\d+) hidden tests passed; "
            r"the first that failed: (?P<name>.+)",
            "{what}: {passed} von {total} verdeckten Tests bestanden; der erste, der "
            "fehlschlug: {name}",
        ),
        (r"(?P<what>.+) on an example", "{what} (bei einem Beispiel)"),
        (
            r"the sandbox could not be set up; this is a judge problem, not yours "
            r"\((?P<detail>.*)\)",
            "die Sandbox ließ sich nicht einrichten; das ist ein Problem des Judges, nicht "
            "deins ({detail})",
        ),
        (
            r"(?P<detail>.+); this is a judge problem, not yours: try again",
            "{detail}; das ist ein Problem des Judges, nicht deins: versuch es noch einmal",
        ),
        (
            r"the process ended while loading \((?P<signal>.+)\)",
            "der Prozess endete beim Laden ({signal})",
        ),
        (
            r"the file is (?P<mb>[\d.]+) MB; submissions are limited to (?P<kb>\d+) KB",
            "die Datei ist {mb} MB groß; Einreichungen sind auf {kb} KB begrenzt",
        ),
        (
            r"the file is not UTF-8 text \(byte (?P<byte>\d+)\): is it binary\?",
            "die Datei ist kein UTF-8-Text (Byte {byte}): ist sie binär?",
        ),
        (
            r"took (?P<took>[\d.]+) s; the limit per test is (?P<limit>[\d.]+) s",
            "brauchte {took} s; das Limit pro Test ist {limit} s",
        ),
        (
            r"stopped after (?P<limit>[\d.]+) s \(the limit per test\)",
            "nach {limit} s gestoppt (das Limit pro Test)",
        ),
        (
            r"stopped here after (?P<limit>[\d.]+) s \(the limit per test\)",
            "hier nach {limit} s gestoppt (das Limit pro Test)",
        ),
    )
)


def message_in(message: str | None, lang: str) -> str | None:
    """``message`` in ``lang`` (en or de); a text the judge did not write comes back as is.

    Of a text of several lines (a traceback) only the last line can be the judge's: "stopped
    here after 2 s" under the lines where a slow test was stopped.
    """
    if not message or lang != "de":
        return message
    whole = _sentence_in_german(message)
    body = message.rstrip("\n")
    head, newline, last = body.rpartition("\n")
    if whole != message or not newline:
        return whole
    said = _sentence_in_german(last)
    return message if said == last else head + newline + said + message[len(body) :]


def _sentence_in_german(message: str) -> str:
    fixed = _GERMAN.get(message)
    if fixed is not None:
        return fixed
    for pattern, template in _GERMAN_PATTERNS:
        found = pattern.fullmatch(message)
        if found is not None:
            parts = found.groupdict()
            if "what" in parts:
                parts["what"] = _GERMAN.get(parts["what"], parts["what"])
            return template.format(**parts)
    return message


#: Why an answer differs from the expected one (``judge.compare``), in German. The
#: expected side comes first and is the bank's; what the submission returned is always the
#: rest of the line, so it can only ever be shown, never change how the line is read.
_GERMAN_DETAILS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.DOTALL), template)
    for pattern, template in (
        (r"expected a number, got (?P<rest>.*)", "erwartet war eine Zahl, erhalten: {rest}"),
        (r"expected a list, got (?P<rest>.*)", "erwartet war eine Liste, erhalten: {rest}"),
        (r"expected (?P<n>\d+) items, got (?P<m>\d+)", "erwartet {n} Elemente, erhalten {m}"),
        (r"NaN never matches", "NaN ist nie gleich"),
        (
            r"missing keys (?P<a>.*?); unexpected keys (?P<b>.*)",
            "es fehlen die Schlüssel {a}; unerwartete Schlüssel {b}",
        ),
        (r"missing keys (?P<a>.*)", "es fehlen die Schlüssel {a}"),
        (r"unexpected keys (?P<b>.*)", "unerwartete Schlüssel {b}"),
        (r"missing (?P<a>.*?); unexpected (?P<b>.*)", "es fehlt {a}; unerwartet {b}"),
        (r"missing (?P<a>.*)", "es fehlt {a}"),
        (r"unexpected (?P<b>.*)", "unerwartet {b}"),
        (r"expected (?P<a>.*?), got (?P<b>.*)", "erwartet {a}, erhalten {b}"),
    )
)
_WHERE = re.compile(r"at (?P<path>.+?): (?P<rest>.*)", re.DOTALL)


def detail_in(detail: str | None, lang: str) -> str | None:
    """Why a test's answer differs ("at [0][0]: expected "have", got "Have"") in ``lang``;
    the values stay as they are."""
    if not detail or lang != "de":
        return detail
    where, rest = "", detail
    found = _WHERE.fullmatch(detail)
    if found is not None:
        where, rest = f"bei {found['path']}: ", found["rest"]
    for pattern, template in _GERMAN_DETAILS:
        matched = pattern.fullmatch(rest)
        if matched is not None:
            return where + template.format(**matched.groupdict())
    return detail
