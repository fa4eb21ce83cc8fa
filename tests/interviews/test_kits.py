"""Interviewer kits: every role and level in Markdown and HTML, PDFs that render, seeds."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from mlinterview.content.loader import bundled_bank
from mlinterview.content.schema import Role
from mlinterview.interviews.kits import build_kit, kit_html, kit_markdown, render_kit
from mlinterview.interviews.plan import Level, Stage, plan_interview
from mlinterview.practice.problem_info import bundled_problems

ROLES = [r.value for r in Role]
LEVELS = [lv.value for lv in Level]


class _Text(HTMLParser):
    """Collects visible text and checks that every opened element is closed."""

    VOID = frozenset({"meta", "br", "hr", "img", "link", "input"})

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.stack: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes {self.stack[-1:]}"
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def _html_text(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    parser.close()
    assert parser.stack == []
    return " ".join(" ".join(parser.parts).split())


def _cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "mlinterview.cli", *args],
        capture_output=True,
        timeout=180,
        env=env,
    )


@pytest.mark.parametrize("lang", ["en", "de"])
def test_every_role_and_level_in_markdown_and_html(lang: str) -> None:
    bank = bundled_bank()
    problems = bundled_problems()
    for role in ROLES:
        for level in LEVELS:
            plan = plan_interview(role, 60, seed=7, level=level)
            kit = build_kit(plan, lang)
            md = kit_markdown(kit)
            text = _html_text(kit_html(kit))
            total_questions = len(plan)
            # The scoring sheet totals: 4 points per question, per stage and overall.
            assert f"/ {4 * total_questions}**" in md
            assert f"/ {4 * total_questions}" in text
            for stage in kit.stages:
                assert f"/ {stage.max_points}" in text
            for _, _stage, item in plan.entries():
                assert f"`{item.id}`" in md
                assert item.id in text
                if item.kind == "problem":
                    info = problems[item.id]
                    assert info.title.get(lang) in md
                    for mistake in info.mistakes[:1]:
                        assert " ".join(mistake.split()) in md
                    continue
                card = bank.get(item.id)
                assert card is not None
                # expected key points, follow-ups and red flags (misconceptions) are all there
                for point in card.key_points:
                    assert " ".join(point.text(lang).split()) in md
                assert " ".join(card.follow_ups[0].get(lang).split()) in md
                for misconception in card.misconceptions:
                    assert " ".join(misconception.claim.get(lang).split()) in md
            assert md.count("☐ 0 ☐ 1 ☐ 2 ☐ 3 ☐ 4") == total_questions
            headings = re.findall(r"^## \d+\. (.+?) \(\d+:\d\d\)$", md, flags=re.M)
            assert headings == [s.title for s in kit.stages]


def test_german_kit_uses_german_texts() -> None:
    kit = build_kit(plan_interview("reinforcement-learning", 45, seed=3, level="mid"), "de")
    md = kit_markdown(kit)
    assert "Bewertungsbogen" in md and "Warnsignale" in md and "Erwartete Kernpunkte" in md
    assert "Expected key points" not in md


def test_same_seed_gives_byte_identical_markdown_via_cli(tmp_path: Path) -> None:
    args = ["kit", "--role", "computer-vision", "--level", "senior", "--minutes", "45"]
    first = _cli(*args, "--seed", "42", "--format", "md", "--out", str(tmp_path / "a.md"))
    second = _cli(*args, "--seed", "42", "--format", "md", "--out", str(tmp_path / "b.md"))
    other = _cli(*args, "--seed", "43", "--format", "md")
    assert first.returncode == second.returncode == other.returncode == 0, first.stderr
    a = (tmp_path / "a.md").read_bytes()
    assert a == (tmp_path / "b.md").read_bytes()
    assert a.startswith(b"# Interviewer kit: Computer vision (senior)")
    stdout = _cli(*args, "--seed", "42").stdout  # md to stdout by default
    assert stdout == a
    assert other.stdout != a


def _png_variance(png: Path) -> float:
    from PIL import Image

    histogram = Image.open(png).convert("L").histogram()
    count = sum(histogram)
    mean = sum(level * n for level, n in enumerate(histogram)) / count
    return sum(n * (level - mean) ** 2 for level, n in enumerate(histogram)) / count


def _pdf_pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    match = re.search(r"^Pages:\s+(\d+)", info.stdout, flags=re.M)
    assert match
    return int(match.group(1))


needs_poppler = pytest.mark.skipif(
    shutil.which("pdftoppm") is None, reason="poppler-utils (pdftoppm) is not installed"
)


@needs_poppler
def test_pdf_kit_from_the_cli_renders_visible_pages(tmp_path: Path) -> None:
    pdf = tmp_path / "kit.pdf"
    run = _cli(
        "kit", "--role", "llm", "--level", "mid", "--minutes", "60", "--lang", "de",
        "--seed", "9", "--format", "pdf", "--out", str(pdf),
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    assert pdf.read_bytes().startswith(b"%PDF-")
    pages = _pdf_pages(pdf)
    assert pages >= 3
    for page in (1, pages):
        subprocess.run(
            ["pdftoppm", "-r", "40", "-png", "-f", str(page), "-l", str(page), str(pdf),
             str(tmp_path / f"page{page}")],
            check=True,
        )  # fmt: skip
        (png,) = tmp_path.glob(f"page{page}*.png")
        assert _png_variance(png) > 50, f"page {page} looks blank"
    # the text layer holds the German labels and the umlauts survive
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Bewertungsbogen" in text and "Schwierigkeit" in text


@needs_poppler
@pytest.mark.parametrize(("role", "level"), [("generalist", "junior"), ("big-tech", "senior")])
def test_pdf_kits_for_a_few_roles(tmp_path: Path, role: str, level: str) -> None:
    pdf = tmp_path / "kit.pdf"
    pdf.write_bytes(render_kit(build_kit(plan_interview(role, 30, 1, level), "en"), "pdf"))
    assert _pdf_pages(pdf) >= 2
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Scoring sheet" in text and "Coding" in text


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--role", "astronaut"], "unknown role 'astronaut'"),
        (["--role", "llm", "--minutes", "10"], "minutes must be between 15 and"),
        (["--role", "llm", "--level", "intern"], "unknown level 'intern'"),
        (["--role", "llm", "--format", "docx"], "unknown format 'docx'"),
        (["--role", "llm", "--format", "pdf"], "--format pdf needs --out FILE"),
    ],
)
def test_bad_kit_input_is_one_line(args: list[str], message: str) -> None:
    run = _cli("kit", *args)
    stderr = run.stderr.decode()
    assert run.returncode == 1
    assert stderr.strip().count("\n") == 0, stderr
    assert message in stderr
    assert run.stdout == b""


def test_unwritable_kit_output_is_one_line(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    run = _cli("kit", "--role", "nlp", "--seed", "1", "--out", str(blocker / "kit.md"))
    stderr = run.stderr.decode()
    assert run.returncode == 1
    assert stderr.strip().count("\n") == 0, stderr
    assert "cannot write" in stderr and "Traceback" not in stderr


def test_coding_stage_lists_edge_cases_but_kit_has_every_stage() -> None:
    plan = plan_interview("generalist", 90, seed=4, level="mid")
    kit = build_kit(plan, "en")
    coding = next(s for s in kit.stages if s.stage is Stage.CODING)
    question = coding.questions[0]
    info = bundled_problems()[question.id]
    assert len(question.edge_cases) == len(info.case_names) > 0
    assert question.examples and question.examples[0].startswith(f"{info.function}(")


def test_an_example_left_to_the_reference_shows_its_computed_value() -> None:
    """bootstrap_indices' first example depends on numpy's stream: the kit computes it."""
    from mlinterview.interviews.kits import _problem_question

    problem = bundled_problems()["bootstrap_indices"]
    assert problem.examples[0].expected is None  # the bank leaves it to the reference
    question = _problem_question("1", problem, 600, "en", bundled_bank())
    first, second = question.examples
    assert "# returns None" not in first and "'sample': [" in first and "'oob': [" in first
    assert second.endswith("# returns [{'sample': [0], 'oob': []}]")
