"""`mlinterview answer` and `mlinterview grade --batch`, through the real Typer app."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from mlinterview.cli import app
from mlinterview.grading.embedding import CachedEmbedder
from mlinterview.practice.session import assess_answer

runner = CliRunner()
GOOD = "Overfitting: the model memorises noise in the training data and fails on new data."


def test_answer_command_prints_points_and_score(embedder: CachedEmbedder | None) -> None:
    run = runner.invoke(app, ["answer", "overfitting", "--lang", "en"], input=GOOD + "\n")
    assert run.exit_code == 0, run.output
    assert "covered" in run.output and "missing" in run.output
    assert "%" in run.output


def test_answer_command_json(embedder: CachedEmbedder | None) -> None:
    run = runner.invoke(app, ["answer", "overfitting", "--lang", "de", "--json", "--text", GOOD])
    assert run.exit_code == 0, run.output
    data = json.loads(run.stdout)
    assert 0 < data["score"] <= 1
    assert data["language_detected"] == "en"
    assert {p["status"] for p in data["key_points"]} <= {"covered", "partly", "missing"}
    assert "Kernpunkten" in data["feedback"]


def test_answer_unknown_card_is_one_line_error() -> None:
    run = runner.invoke(app, ["answer", "no-such-card", "--text", "x"])
    assert run.exit_code == 1
    assert "no question with id 'no-such-card'" in run.output
    assert "Traceback" not in run.output


def test_batch_grades_free_and_card_records(
    tmp_path: Path, embedder: CachedEmbedder | None
) -> None:
    batch = tmp_path / "answers.jsonl"
    records = [
        {
            "question": "Why keep a test set?",
            "reference_answer": "It estimates performance on unseen data.",
            "answer": "To estimate how the model does on data it has not seen.",
            "lang": "en",
        },
        {"id": "overfitting", "question": "", "reference_answer": "", "answer": GOOD, "lang": "de"},
    ]
    batch.write_text("\n".join(json.dumps(r) for r in records) + "\n\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    run = runner.invoke(app, ["grade", "--batch", str(batch), "--out", str(out)])
    assert run.exit_code == 0, run.output
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [line["line"] for line in lines] == [1, 2]
    assert all(0 <= line["score"] <= 1 for line in lines)
    assert lines[0]["key_points"][0]["id"] == "ref-1"
    assert lines[1]["key_points"][0]["id"] == "definition"


def test_batch_to_stdout(tmp_path: Path, embedder: CachedEmbedder | None) -> None:
    batch = tmp_path / "one.jsonl"
    batch.write_text(
        json.dumps({"question": "Q?", "reference_answer": "A.", "answer": "", "lang": "en"}) + "\n",
        encoding="utf-8",
    )
    run = runner.invoke(app, ["grade", "--batch", str(batch)])
    assert run.exit_code == 0, run.output
    assert json.loads(run.stdout)["score"] == 0.0


def test_malformed_batch_line_names_the_line(tmp_path: Path) -> None:
    batch = tmp_path / "bad.jsonl"
    good = json.dumps({"question": "Q?", "reference_answer": "A.", "answer": "B.", "lang": "en"})
    batch.write_text(good + "\n{not json\n", encoding="utf-8")
    run = runner.invoke(app, ["grade", "--batch", str(batch)])
    assert run.exit_code == 1
    assert "line 2" in run.output and "Traceback" not in run.output
    batch.write_text(json.dumps({"question": "Q?", "answer": "B.", "lang": "en"}) + "\n")
    run = runner.invoke(app, ["grade", "--batch", str(batch)])
    assert run.exit_code == 1 and "line 1" in run.output and "reference_answer" in run.output
    batch.write_text(
        json.dumps({"question": "Q", "reference_answer": "A", "answer": "B", "lang": "fr"})
    )
    run = runner.invoke(app, ["grade", "--batch", str(batch)])
    assert run.exit_code == 1 and "lang" in run.output


def test_practice_assessment_lists_key_points(embedder: CachedEmbedder | None) -> None:
    from mlinterview.content.loader import bundled_bank

    card = bundled_bank().cards["overfitting"]
    assessment = assess_answer(card, GOOD, "en")
    assert assessment is not None
    assert [p.id for p in assessment.key_points] == [p.id for p in card.key_points]
    assert assessment.key_points[0].status != "missing"
    assert 1 <= assessment.suggested_rating <= 4
