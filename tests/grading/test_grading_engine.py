"""The grading engine on real cards and answers: statuses, evidence, language, robustness."""

from __future__ import annotations

import dataclasses
from concurrent.futures import ThreadPoolExecutor

import pytest

from mlinterview.content.loader import Bank
from mlinterview.grading.embedding import CachedEmbedder
from mlinterview.grading.engine import grade_card, grade_free
from mlinterview.grading.features import element_signals, view_answer
from mlinterview.grading.result import GradeResult
from mlinterview.grading.rubric import reference_rubric

STRONG_EN = (
    "Overfitting is when the model learns the noise of the training data instead of the real "
    "pattern, so it does not generalise to new data. You see a big gap: training error is low, "
    "validation error is high. Detect it with a validation set or k-fold cross-validation and "
    "learning curves. Prevent it with more data or augmentation, L2 regularisation or a simpler "
    "model, early stopping and dropout, and pruning for trees."
)
OFF_TOPIC_EN = "I like to cook pasta with tomatoes and basil on Sunday evenings."
# A cap against hangs on hostile input, not a speed test (speed is in benchmarks/).
CAP_SECONDS = 60


def _capped(fn, *args):  # type: ignore[no-untyped-def]
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(fn, *args).result(timeout=CAP_SECONDS)


def _sane(result: GradeResult) -> None:
    assert 0.0 <= result.score <= 1.0
    assert result.feedback.strip()
    assert all(p.status in ("covered", "partly", "missing") for p in result.key_points)
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.score = 1.0  # type: ignore[misc]


def test_strong_answer_beats_off_topic(bank: Bank, embedder: CachedEmbedder | None) -> None:
    card = bank.cards["overfitting"]
    strong = grade_card(card, STRONG_EN, "en")
    off = grade_card(card, OFF_TOPIC_EN, "en")
    _sane(strong)
    _sane(off)
    assert strong.score >= 0.6 > 0.2 >= off.score
    covered = {p.id for p in strong.key_points if p.status == "covered"}
    assert {"definition", "train-validation-gap", "simplify-and-regularise"} <= covered
    assert all(p.status == "missing" for p in off.key_points)


def test_evidence_is_a_sentence_of_the_answer(bank: Bank, embedder: CachedEmbedder | None) -> None:
    result = grade_card(bank.cards["overfitting"], STRONG_EN, "en")
    found = [p for p in result.key_points if p.status != "missing"]
    assert found
    for point in found:
        assert point.evidence is not None and point.evidence in STRONG_EN
    assert all(p.evidence is None for p in result.key_points if p.status == "missing")


def test_feedback_follows_the_user_language(bank: Bank, embedder: CachedEmbedder | None) -> None:
    card = bank.cards["overfitting"]
    german = grade_card(card, STRONG_EN, "de")
    english = grade_card(card, STRONG_EN, "en")
    assert "Kernpunkten" in german.feedback and "key points" in english.feedback
    # shown key point texts come from the card in the user's language
    assert german.key_points[0].text == card.key_points[0].de
    # the English answer is still compared with the English rubric
    assert german.language_detected == "en"
    assert "englisch" in german.feedback
    assert [p.status for p in german.key_points] == [p.status for p in english.key_points]


def test_german_answer_is_graded_in_german(bank: Bank, embedder: CachedEmbedder | None) -> None:
    answer = (
        "Beim Overfitting lernt das Modell das Rauschen der Trainingsdaten auswendig und "
        "generalisiert schlecht auf neue Daten. Dagegen helfen Regularisierung, Dropout und "
        "Early Stopping."
    )
    result = grade_card(bank.cards["overfitting"], answer, "de")
    assert result.language_detected == "de"
    status = {p.id: p.status for p in result.key_points}
    assert status["definition"] != "missing"
    assert status["model-specific-remedies"] != "missing"
    assert status["ensembling"] == "missing"


def test_stated_misconception_is_flagged_but_its_denial_is_not(
    bank: Bank, embedder: CachedEmbedder | None
) -> None:
    card = bank.cards["overfitting"]
    wrong = grade_card(card, "Cross-validation prevents overfitting, so always use it.", "en")
    denied = grade_card(
        card, "Cross-validation does not prevent overfitting; it only measures it.", "en"
    )
    assert "cv-prevents-overfitting" in {m.id for m in wrong.misconceptions}
    assert "cv-prevents-overfitting" not in {m.id for m in denied.misconceptions}
    flagged = next(m for m in wrong.misconceptions if m.id == "cv-prevents-overfitting")
    assert flagged.correction == card.misconceptions[0].correction.en
    assert flagged.correction in wrong.feedback


def test_misconception_lowers_the_score(bank: Bank, embedder: CachedEmbedder | None) -> None:
    card = bank.cards["k-nearest-neighbours"]
    base = "kNN finds the k closest training points and takes a majority vote."
    clean = grade_card(card, base, "en")
    wrong = grade_card(card, base + " Feature scaling does not matter for kNN.", "en")
    assert wrong.misconceptions
    assert wrong.score < clean.score


@pytest.mark.parametrize(
    "answer",
    [
        "",
        "   \n\t  ",
        "asdkj qwpoeiru zxmcnv plokij uhzgtf",
        "\x00\x07 \x1b[31mOverfitting\x1b[0m \ud800 \u202e noise \x7f",
        "∑∫∂ √ ≠ ≈ 1234 5678 %%% ###",
    ],
)
def test_hostile_input_gives_a_sane_result(
    bank: Bank, embedder: CachedEmbedder | None, answer: str
) -> None:
    result = _capped(grade_card, bank.cards["overfitting"], answer, "en")
    _sane(result)
    assert result.score <= 0.25


def test_empty_answer_says_so(bank: Bank, embedder: CachedEmbedder | None) -> None:
    result = grade_card(bank.cards["overfitting"], "", "de")
    assert result.score == 0.0
    assert result.language_detected is None
    assert "Noch keine Antwort" in result.feedback


def test_huge_answer_is_truncated_not_fatal(bank: Bank, embedder: CachedEmbedder | None) -> None:
    answer = (STRONG_EN + " ") * 160  # about 60,000 characters
    assert len(answer) > 50_000
    result = _capped(grade_card, bank.cards["overfitting"], answer, "en")
    _sane(result)
    assert result.truncated
    assert result.score >= 0.6
    assert "beginning" in result.feedback


def test_free_grading_uses_reference_sentences(embedder: CachedEmbedder | None) -> None:
    question = "Why do we split data into training and test sets?"
    reference = (
        "The test set estimates how well the model generalises to unseen data. "
        "Evaluating on the training data would be optimistic because the model has seen it."
    )
    good = grade_free(
        question,
        reference,
        "We keep a test set to see how the model does on data it has never seen; the "
        "training score is too optimistic.",
        "en",
    )
    bad = grade_free(question, reference, OFF_TOPIC_EN, "en")
    _sane(good)
    _sane(bad)
    assert [p.id for p in good.key_points] == ["ref-1", "ref-2"]
    assert good.score > bad.score + 0.2
    assert good.misconceptions == ()


def test_free_grading_of_empty_reference_is_sane(embedder: CachedEmbedder | None) -> None:
    result = grade_free("What is a tensor?", "", "A multi-dimensional array.", "en")
    _sane(result)
    assert result.key_points == ()


MARKED_QUESTION = "Worauf achtest du im Gespräch mit dem Kassierer?"
MARKED_REFERENCE = (
    "Es geht um Freundlichkeit und Verkauf. Wichtig sind die Begrüßung (0.25 P), die "
    "Verabschiedung (0,25 P), das Angebot eines Zusatzprodukts (je 0.25 P) und die Frage "
    "nach der Kundenkarte (0.25 Punkte)."
)


def test_marked_reference_points_are_the_rubric(embedder: CachedEmbedder | None) -> None:
    """Graders award a marked reference's points one by one; so does the free score."""
    full = grade_free(
        MARKED_QUESTION,
        MARKED_REFERENCE,
        "Begrüßung, Verabschiedung, ob er mir ein Zusatzprodukt anbietet und nach der "
        "Kundenkarte fragt.",
        "de",
    )
    half = grade_free(MARKED_QUESTION, MARKED_REFERENCE, "Begrüßung und Verabschiedung.", "de")
    none = grade_free(MARKED_QUESTION, MARKED_REFERENCE, "Ob der Laden sauber ist.", "de")
    for result in (full, half, none):
        _sane(result)
        assert len(result.key_points) == 4
        assert all("P)" not in p.text and "Punkte" not in p.text for p in result.key_points)
    assert [p.weight for p in full.key_points] == [0.25, 0.25, 0.25, 0.25]
    assert full.score > half.score + 0.1
    assert half.score > none.score + 0.1


SPLIT_QUESTION = "Why do we split the data into a training set and a test set?"
SPLIT_REFERENCE = (
    "We split the data into a training set and a test set. The test set estimates how well "
    "the model generalises to data it has never seen."
)


def test_point_that_restates_the_question_is_marked_as_such(
    embedder: CachedEmbedder | None,
) -> None:
    """Restating the question meets a point that restates it: the head must know which."""
    if embedder is None:
        pytest.skip("question similarity needs an embedding backend")
    rubric = reference_rubric(SPLIT_QUESTION, SPLIT_REFERENCE, "en")
    view = view_answer("We split the data into a training and a test set.", "en", embedder)
    restating, substantive = element_signals(view, rubric, embedder)
    assert restating["question_sem"] > substantive["question_sem"] + 0.1
    assert restating["unit_sem"] > substantive["unit_sem"]


def test_restating_the_question_earns_less_than_answering_it(
    embedder: CachedEmbedder | None,
) -> None:
    echo = grade_free(
        SPLIT_QUESTION,
        SPLIT_REFERENCE,
        "We split the data into a training set and a test set.",
        "en",
    )
    answer = grade_free(
        SPLIT_QUESTION,
        SPLIT_REFERENCE,
        "Because the test set tells us how the model does on new data it has never seen.",
        "en",
    )
    _sane(echo)
    _sane(answer)
    assert answer.score > echo.score + 0.1


def test_no_rubric_statuses_see_compounds_and_list_items(
    embedder: CachedEmbedder | None,
) -> None:
    """ "Abschied" in a list meets "die Verabschiedung": the status sees what the score sees."""
    result = grade_free(
        MARKED_QUESTION,
        MARKED_REFERENCE,
        "Begrüßung, Abschied und ob nach der Kundenkarte gefragt wird.",
        "de",
    )
    _sane(result)
    statuses = [p.status for p in result.key_points]
    assert statuses[1] != "missing", statuses
    assert statuses[2] == "missing", statuses  # no word about an extra product


def test_free_feedback_calls_its_score_a_likely_grade(
    bank: Bank, embedder: CachedEmbedder | None
) -> None:
    """Without a rubric the score models human grades, not the share of points found."""
    english = grade_free(
        SPLIT_QUESTION, SPLIT_REFERENCE, "The test set shows generalisation.", "en"
    )
    german = grade_free(MARKED_QUESTION, MARKED_REFERENCE, "Begrüßung und Verabschiedung.", "de")
    card = grade_card(bank.cards["overfitting"], STRONG_EN, "en")
    assert english.feedback.startswith("Likely grade")
    assert german.feedback.startswith("Voraussichtliche Note")
    assert card.feedback.startswith("Score")
