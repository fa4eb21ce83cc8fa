"""Interviewer kits: the plan of a mock interview, printed for the person asking.

A kit lists, per stage, each question with its time budget, the key points a strong
answer covers, follow-up questions, red flags (the bank's misconceptions, or for coding
problems the mistakes our wrong solutions make) and a 0-4 scoring sheet with anchors.
Markdown output is a pure function of the plan and the bank, so the same seed gives
byte-identical files; HTML comes from a Jinja2 template and PDF from that HTML.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from mlinterview.content.loader import Bank, bundled_bank
from mlinterview.interviews.plan import (
    LEVEL_TITLES,
    ROLE_TITLES,
    STAGE_TITLES,
    InterviewPlan,
    PlanError,
    Stage,
)
from mlinterview.practice.problem_info import ProblemInfo, bundled_problems
from mlinterview.render import format_seconds, html_to_pdf, md_cell, render_template
from mlinterview.translations import KIT_ANCHORS_CODING as ANCHORS_CODING
from mlinterview.translations import KIT_ANCHORS_TALK as ANCHORS_TALK
from mlinterview.translations import KIT_DIFFICULTY as DIFFICULTY_WORDS
from mlinterview.translations import KIT_LABELS as LABELS

KitFormat = Literal["md", "html", "pdf"]
FORMATS: tuple[str, ...] = ("md", "html", "pdf")


@dataclass(frozen=True)
class KitQuestion:
    number: str
    kind: Literal["card", "problem"]
    id: str
    title: str  # a short line for tables
    prompt: str  # Markdown: the question, or the problem statement
    difficulty: str
    seconds: int
    key_points: tuple[tuple[str, float], ...]
    edge_cases: tuple[str, ...]
    examples: tuple[str, ...]  # one call per line, Python-like
    follow_ups: tuple[str, ...]
    red_flags: tuple[tuple[str, str], ...]  # (claim, correction); correction may be ""

    @property
    def details(self) -> str:
        """The prompt when it says more than the title line, else nothing (no repeats)."""
        return "" if _flat(self.prompt) == _flat(self.title) else self.prompt


@dataclass(frozen=True)
class KitStage:
    number: int
    stage: Stage
    title: str
    seconds: int
    questions: tuple[KitQuestion, ...]

    @property
    def max_points(self) -> int:
        return 4 * len(self.questions)


@dataclass(frozen=True)
class Kit:
    plan: InterviewPlan
    lang: str
    title: str
    role_title: str
    level_title: str
    stages: tuple[KitStage, ...]
    skipped: tuple[str, ...]

    @property
    def max_points(self) -> int:
        return sum(stage.max_points for stage in self.stages)

    @property
    def labels(self) -> dict[str, str]:
        return LABELS[self.lang]

    @property
    def command(self) -> str:
        plan = self.plan
        return (
            f"mlinterview kit --role {plan.role} --level {plan.level} --minutes {plan.minutes} "
            f"--lang {self.lang} --seed {plan.seed}"
        )


def _value(value: Any) -> str:
    return repr(value)


def _example_call(problem: ProblemInfo, args: Mapping[str, Any], expected: Any, word: str) -> str:
    joined = ", ".join(f"{name}={_value(value)}" for name, value in args.items())
    return f"{problem.function}({joined})  # {word} {_value(expected)}"


def _examples_with_answers(problem: ProblemInfo) -> list[tuple[Mapping[str, Any], Any]]:
    """Examples with their expected values; one the bank leaves to the reference (e.g. a
    value that depends on numpy's random stream) is computed the way the judge does."""
    from mlinterview.judge.problems import get_problem, load_tests

    computed = load_tests(get_problem(problem.id)).examples
    return [(test.args, test.expected) for test in computed]


def _flat(text: str) -> str:
    """One line: list items and table cells must not break."""
    return " ".join(text.split())


def _first_line(markdown: str) -> str:
    for line in markdown.splitlines():
        stripped = line.strip().lstrip("#").strip()
        if stripped:
            return stripped
    return ""


def _problem_question(
    number: str, problem: ProblemInfo, seconds: int, lang: str, bank: Bank
) -> KitQuestion:
    follow_ups: list[str] = []
    for card_id in problem.cards:
        card = bank.get(card_id)
        if card is not None:
            follow_ups.extend(_flat(f.get(lang)) for f in card.follow_ups)
    if not follow_ups:
        follow_ups.append(LABELS[lang]["no_follow_ups"])
    word = LABELS[lang]["returns"]
    return KitQuestion(
        number=number,
        kind="problem",
        id=problem.id,
        title=problem.title.get(lang),
        prompt=problem.statement.get(lang).strip(),
        difficulty=problem.difficulty,
        seconds=seconds,
        key_points=(),
        edge_cases=problem.case_names,
        examples=tuple(
            _example_call(problem, args, expected, word)
            for args, expected in _examples_with_answers(problem)
        ),
        follow_ups=tuple(dict.fromkeys(follow_ups)),
        red_flags=tuple((_flat(mistake), "") for mistake in problem.mistakes),
    )


def build_kit(
    plan: InterviewPlan,
    lang: str = "en",
    *,
    bank: Bank | None = None,
    problems: Mapping[str, ProblemInfo] | None = None,
) -> Kit:
    """The kit's content for a plan; rendering is separate so web pages can reuse it."""
    if lang not in LABELS:
        raise PlanError(f"unknown language {lang!r}; use en or de")
    bank = bank if bank is not None else bundled_bank()
    problem_map = problems if problems is not None else bundled_problems()
    stages: list[KitStage] = []
    for stage_number, stage_plan in enumerate(plan.stages, start=1):
        questions: list[KitQuestion] = []
        for item_number, item in enumerate(stage_plan.items, start=1):
            number = f"{stage_number}.{item_number}"
            if item.kind == "problem":
                problem = problem_map.get(item.id)
                if problem is None:
                    raise PlanError(f"problem {item.id!r} is not in the bank")
                questions.append(_problem_question(number, problem, item.seconds, lang, bank))
                continue
            card = bank.get(item.id)
            if card is None:
                raise PlanError(f"card {item.id!r} is not in the bank")
            question = card.question.get(lang).strip()
            questions.append(
                KitQuestion(
                    number=number,
                    kind="card",
                    id=card.id,
                    title=_first_line(question),
                    prompt=question,
                    difficulty=card.difficulty.value,
                    seconds=item.seconds,
                    key_points=tuple((_flat(p.text(lang)), p.weight) for p in card.key_points),
                    edge_cases=(),
                    examples=(),
                    follow_ups=tuple(_flat(f.get(lang)) for f in card.follow_ups),
                    red_flags=tuple(
                        (_flat(m.claim.get(lang)), _flat(m.correction.get(lang)))
                        for m in card.misconceptions
                    ),
                )
            )
        stages.append(
            KitStage(
                number=stage_number,
                stage=stage_plan.stage,
                title=STAGE_TITLES[stage_plan.stage].get(lang),
                seconds=stage_plan.seconds,
                questions=tuple(questions),
            )
        )
    role_title = ROLE_TITLES[plan.role].get(lang)
    level_title = LEVEL_TITLES[plan.level].get(lang)
    return Kit(
        plan=plan,
        lang=lang,
        title=f"{LABELS[lang]['kit']}: {role_title} ({level_title})",
        role_title=role_title,
        level_title=level_title,
        stages=tuple(stages),
        skipped=tuple(STAGE_TITLES[stage].get(lang) for stage in plan.skipped),
    )


def _weight(weight: float) -> str:
    return f"{weight:g}"


def kit_markdown(kit: Kit) -> str:
    """The kit as Markdown; deterministic (no dates, no clock)."""
    t = kit.labels
    lang = kit.lang
    words = DIFFICULTY_WORDS[lang]
    out: list[str] = [f"# {kit.title}", ""]
    out.append(
        f"{t['role']}: {kit.role_title} · {t['level']}: {kit.level_title} · "
        f"{t['length']}: {kit.plan.minutes} {t['minutes']} · {t['seed']}: {kit.plan.seed}"
    )
    out += ["", f"{t['regenerate']}: `{kit.command} --format md`", ""]
    out += [f"## {t['plan']}", ""]
    out += [f"| # | {t['stage']} | {t['time']} | {t['questions']} |", "|---|---|---|---|"]
    for stage in kit.stages:
        out.append(
            f"| {stage.number} | {stage.title} | {format_seconds(stage.seconds)} | "
            f"{len(stage.questions)} |"
        )
    if kit.skipped:
        out += ["", f"{t['skipped']}: {', '.join(kit.skipped)}."]
    out += ["", f"## {t['anchors']}", ""]
    out += [f"| {t['score']} | {t['anchors_talk']} | {t['anchors_coding']} |", "|---|---|---|"]
    for score, (talk, code) in enumerate(
        zip(ANCHORS_TALK[lang], ANCHORS_CODING[lang], strict=True)
    ):
        out.append(f"| {score} | {md_cell(talk)} | {md_cell(code)} |")
    for stage in kit.stages:
        out += ["", f"## {stage.number}. {stage.title} ({format_seconds(stage.seconds)})"]
        for q in stage.questions:
            out += [
                "",
                f"### {q.number} {q.title}",
                "",
                f"*{t['difficulty']}: {words.get(q.difficulty, q.difficulty)} · "
                f"{t['time']}: {format_seconds(q.seconds)} · `{q.id}`*",
                "",
            ]
            if q.kind == "problem":
                out += [f"**{t['task']}**", "", q.prompt, ""]
                if q.examples:
                    out += [f"**{t['examples']}**", "", "```python", *q.examples, "```", ""]
                if q.edge_cases:
                    out += [f"**{t['edge_cases']}**", ""]
                    out += [f"- {case}" for case in q.edge_cases]
                    out.append("")
            else:
                if q.details:
                    out += [q.details, ""]
                out += [f"**{t['points']}**", ""]
                out += [f"- {text} ({t['weight']} {_weight(w)})" for text, w in q.key_points]
                out.append("")
            out += [f"**{t['follow_ups']}**", ""]
            out += [f"- {text}" for text in q.follow_ups]
            out.append("")
            out += [f"**{t['mistakes'] if q.kind == 'problem' else t['red_flags']}**", ""]
            for claim, correction in q.red_flags:
                out.append(
                    f"- {claim}" + (f" → {t['instead']}: {correction}" if correction else "")
                )
            out += ["", f"**{t['score']}:** ☐ 0 ☐ 1 ☐ 2 ☐ 3 ☐ 4 · {t['notes']}: ______________"]
    out += ["", f"## {t['sheet']}", ""]
    out += [f"| # | {t['question']} | {t['time']} | {t['score']} (0-4) |", "|---|---|---|---|"]
    for stage in kit.stages:
        for q in stage.questions:
            out.append(f"| {q.number} | {md_cell(q.title)} | {format_seconds(q.seconds)} | |")
        out.append(
            f"| **{stage.number}** | **{t['total']}: {stage.title}** | | **/ {stage.max_points}** |"
        )
    out.append(f"| | **{t['overall']}** | | **/ {kit.max_points}** |")
    return "\n".join(out) + "\n"


def kit_html(kit: Kit, fmt: str = "html") -> str:
    """The kit as HTML; ``fmt`` names the format in the regenerate line (html or pdf)."""
    return render_template(
        "kit.html.j2",
        kit=kit,
        fmt=fmt,
        t=kit.labels,
        words=DIFFICULTY_WORDS[kit.lang],
        anchors=list(zip(ANCHORS_TALK[kit.lang], ANCHORS_CODING[kit.lang], strict=True)),
    )


def render_kit(kit: Kit, fmt: str) -> bytes:
    """The kit in one of ``md``, ``html`` or ``pdf``, as bytes ready to write."""
    if fmt == "md":
        return kit_markdown(kit).encode("utf-8")
    if fmt == "html":
        return kit_html(kit).encode("utf-8")
    if fmt == "pdf":
        return html_to_pdf(kit_html(kit, "pdf"))
    raise PlanError(f"unknown format {fmt!r}; choose one of: {', '.join(FORMATS)}")
