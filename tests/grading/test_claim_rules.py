"""Issue 21's linguistic rules one by one, on real sentences in English and German.

Each rule is general (negation scope, claim polarity per term, hedges, lists of terms,
talk around the question); these tests pin what each one reads and what it leaves alone.
No embedder is needed: the rules are word-level.
"""

from __future__ import annotations

import pytest

from mlinterview.content.loader import Bank
from mlinterview.grading import claims as cl
from mlinterview.grading import lexical as lx
from mlinterview.grading import text as tx
from mlinterview.grading.embedding import CachedEmbedder
from mlinterview.grading.engine import grade_card
from mlinterview.grading.labelset import check_against, kinds_dir, load_labelled, writers_dir


def _stated(answer: str, point: str, terms: tuple[str, ...], lang: str) -> bool | None:
    return cl.point_stated(lx.analyse_sentence(answer, lang), point, terms, lang)


# -- negation scope ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("answer", "point", "terms", "lang"),
    [
        # a denial at the start of the clause reaches the term, however far
        (
            "Labelling is cheap, so there is no reason to use unlabelled data.",
            "Semi-supervised learning uses a few labels and much unlabelled data.",
            ("unlabelled data",),
            "en",
        ),
        (
            "Es gibt keinen vernünftigen Grund für ungelabelte Daten.",
            "Semi-supervised Learning nutzt wenige Labels und viele ungelabelte Daten.",
            ("ungelabelte daten",),
            "de",
        ),
        # "tells you nothing": the pronoun is an object, not a new clause
        (
            "Comparing the feature distributions with a training reference tells you nothing.",
            "Covariate shift is found by comparing feature distributions with a reference.",
            ("feature distribution",),
            "en",
        ),
        # a German infinitive clause is the subject of the denial after its comma
        (
            "Die Verteilungen der Features mit einer Referenz zu vergleichen, bringt nichts.",
            "Covariate Shift erkennt man, indem man die Verteilungen der Features vergleicht.",
            ("verteilungen der features",),
            "de",
        ),
        # an enumerated subject shares the predicate after the list
        (
            "Dropout, weight decay and early stopping do not help.",
            "Dropout regularises the network.",
            ("dropout",),
            "en",
        ),
        (
            "Dropout, Weight Decay und Early Stopping helfen nicht.",
            "Dropout regularisiert das Netz.",
            ("dropout",),
            "de",
        ),
        # advice against the term itself denies it
        (
            "You should not standardise the features before regularising.",
            "Standardise features first.",
            ("standardise",),
            "en",
        ),
        (
            "Man sollte die Features vor der Regularisierung nicht standardisieren.",
            "Zuerst die Features standardisieren.",
            ("standardisieren",),
            "de",
        ),
        # a contrast word right after the finite verb is an adverb of the clause, so the
        # denial after it still belongs to the term
        (
            "Der MAE ist allerdings nicht robust gegenüber Ausreißern.",
            "Der MAE ist robust gegenüber Ausreißern.",
            ("mae",),
            "de",
        ),
        (
            "Feature scaling is however not needed for k-nearest neighbours.",
            "Scale the features before k-nearest neighbours.",
            ("feature scaling",),
            "en",
        ),
        # a term that opens its clause heads the subject up to the verb: the denial after
        # the verb is still near it
        (
            "Zero-init of the branch is unnecessary and would actually break the block.",
            "Zero-initialising the last layer of each branch makes blocks start as identity.",
            ("zero init",),
            "en",
        ),
        # "entfällt": the thing is dropped, not done
        (
            "Eine Kontrolle auf kurzen Kontexten entfällt.",
            "Man prüft das Modell auch auf kurzen Kontexten.",
            ("kurzen kontexten",),
            "de",
        ),
        # an opening "ob" clause takes the verdict of the clause it hangs on
        (
            "Ob man die Features vorher standardisiert, ist für die Regularisierung egal.",
            "Vor der Regularisierung die Features standardisieren.",
            ("standardisieren",),
            "de",
        ),
        # denied necessity says a thing is not needed ("must not" and "darf nicht" forbid)
        (
            "Die brauche ich nicht, man muss nie eine MDE festlegen.",
            "Man legt vorab eine MDE fest.",
            ("mde",),
            "de",
        ),
        # an opening indirect question takes the verdict after it
        (
            "Was Xavier genau anders macht, weiß ich gerade nicht mehr.",
            "Xavier hält die Varianz über die Schichten gleich.",
            ("xavier",),
            "de",
        ),
        # German "also" inside a clause is "so", not a new clause: the denial still counts
        (
            "Die Startzentroide haben wenig Einfluss, k-means++ braucht man also nicht.",
            "k-means++ wählt die Startpunkte gestreut.",
            ("k-means++",),
            "de",
        ),
    ],
)
def test_denial_in_the_terms_clause_denies_the_point(
    answer: str, point: str, terms: tuple[str, ...], lang: str
) -> None:
    assert _stated(answer, point, terms, lang) is False


@pytest.mark.parametrize(
    ("answer", "point", "terms", "lang"),
    [
        ("Not only regularisation helps, early stopping does too.", "Add regularisation.",
         ("regularisation",), "en"),
        ("Nicht nur Regularisierung hilft, auch Early Stopping.", "Regularisierung einsetzen.",
         ("regularisierung",), "de"),
        ("Don't forget to standardise the features first.", "Standardise features first.",
         ("standardise",), "en"),
        ("Man darf nicht vergessen, die Features zu standardisieren.",
         "Zuerst die Features standardisieren.", ("standardisieren",), "de"),
        # a denial in another predicate, after "and", stays there
        ("It finds clusters and needs no labels.", "It finds clusters in the inputs.",
         ("clusters",), "en"),
    ],
)  # fmt: skip
def test_what_is_not_a_denial(answer: str, point: str, terms: tuple[str, ...], lang: str) -> None:
    assert _stated(answer, point, terms, lang) is True


def test_polarity_is_read_where_the_term_stands_in_the_point() -> None:
    """A point that denies something elsewhere ("lasso has none") still asserts its term."""
    point_en = "Ridge has a closed-form solution; lasso has none and needs coordinate descent."
    assert _stated("Ridge has no closed-form solution.", point_en, ("closed-form",), "en") is False
    assert _stated("Ridge has a closed-form solution.", point_en, ("closed-form",), "en") is True
    point_de = "Ridge hat eine geschlossene Lösung; Lasso hat keine."
    terms = ("geschlossene lösung",)
    assert _stated("Ridge hat keine geschlossene Lösung.", point_de, terms, "de") is False
    # a point that itself denies its term is met by an answer that denies it
    assert _stated(
        "Unsupervised learning has no labels at all.",
        "Unsupervised learning has no labels.",
        ("labels",),
        "en",
    )


def test_a_word_with_the_opposite_prefix_reverses_the_point() -> None:
    point = "Leave the intercept unpenalised and choose lambda by cross-validation."
    answer = "The intercept should be penalised like every other weight."
    assert _stated(answer, point, ("intercept",), "en") is False
    point_de = "Den Achsenabschnitt lässt man unbestraft."
    assert (
        _stated("Der Achsenabschnitt wird bestraft.", point_de, ("achsenabschnitt",), "de") is False
    )
    # both words in one clause contrast the two, they do not reverse
    both = "Unsupervised learning, unlike supervised learning, finds structure."
    assert _stated(both, "Unsupervised learning finds structure.", ("structure",), "en")


# -- hedges and talk around the question -------------------------------------------------


def test_a_hedged_clause_does_not_state_the_point() -> None:
    point = "The learning rate scales each tree's contribution; smaller needs more trees."
    terms = ("learning rate",)
    assert not _stated(
        "The right learning rate, tree depth and early stopping really depend on the data.",
        point,
        terms,
        "en",
    )
    point_de = "Die Learning Rate skaliert den Beitrag jedes Baums."
    assert not _stated("Die richtige Learning Rate hängt vom Datensatz ab.", point_de, terms, "de")
    # a point that itself says what depends on what is met by such a sentence
    assert _stated(
        "The result depends on the initial centroids.",
        "The result depends on the initial centroids.",
        ("initial centroids",),
        "en",
    )


def test_vague_talk_in_the_questions_words_earns_nothing() -> None:
    question = lx.analyse_statement(
        "How does k-means work, why does the initialisation matter and how do you choose k?",
        "en",
    )
    point = "The result depends on the initial centroids; k-means++ spreads the seeds."
    vague = lx.analyse_sentence(
        "How you initialise it and how you choose k depends on the use case, there are "
        "several options.",
        "en",
    )
    assert cl.vague(vague, "en")
    assert not cl.adds_to_question(vague, point, ("initialisation",), question, "en")
    # a plain claim in the question's words commits to something
    rl = lx.analyse_statement("What is the difference between SARSA and Q-learning?", "en")
    claim = lx.analyse_sentence("SARSA is on-policy and Q-learning is off-policy.", "en")
    assert not cl.vague(claim, "en")
    assert cl.adds_to_question(claim, "Q-learning is off-policy.", ("off-policy",), rl, "en")
    frage = lx.analyse_statement("Wie wählt man k bei k-Means?", "de")
    ausweichend = lx.analyse_sentence(
        "Wie man k wählt, hängt vom Anwendungsfall ab, da gibt es verschiedene Möglichkeiten.",
        "de",
    )
    assert not cl.adds_to_question(
        ausweichend,
        "k wählt man über den Ellbogen oder die Silhouette.",
        ("silhouette",),
        frage,
        "de",
    )


# -- lists of terms ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("answer", "lang"),
    [
        ("- centroids\n- k-means++\n- elbow method\n- silhouette score", "en"),
        ("- Zentroide\n- k-means++\n- Elbow-Methode\n- Silhouette", "de"),
        ("Sequential trees. Pseudo-residuals. Shrinkage. Early stopping.", "en"),
        ("Sequenzielle Bäume. Pseudo-Residuen. Shrinkage. Early Stopping.", "de"),
        ("Target leakage\nTemporal leakage with random splits\nGroup leakage\nFinal holdout", "en"),
        (
            "Target Leakage\nZeitliches Leakage bei zufälligen Splits\nGruppen-Leakage\nHoldout",
            "de",
        ),
        (
            "Key words: additive model of trees, negative gradient of the loss, learning rate, "
            "shallow trees as weak learners, early stopping on validation.",
            "en",
        ),
        (
            "Stichworte: additives Modell aus Bäumen, negativer Gradient des Loss, Learning "
            "Rate, flache Bäume als schwache Lerner, Early Stopping auf Validierungsdaten.",
            "de",
        ),
        # formulas are terms with their definitions; one-letter symbols are no words, a
        # subscript is no pronoun, and "mean" is the statistic
        ("MAE = Σ|y − ŷ|/n; RMSE = √(Σ(y − ŷ)²/n); R² = 1 − SS_res/SS_tot; median vs. mean", "en"),
        ("(1) sinusoidal PE (2) learned absolute embeddings (3) RoPE, rotation by m·θ_i (4) ALiBi",
         "en"),
        # item numbers the sentence splitter leaves on their own do not break the run
        ("1. alpha\n2. beta, type II error\n3. MDE\n4. variance of the metric\n5. CUPED", "en"),
        # a lead-in that only names what follows, without a colon; one-word items are nouns
        ("Things like mixing weights, means, covariances, responsibilities, E-step, M-step.",
         "en"),
        ("Also so Begriffe wie Naive Bayes, Überkonfidenz, Basisrate, Log Loss, Treppenfunktion.",
         "de"),
    ],
)  # fmt: skip
def test_lists_of_terms_in_any_layout_are_bare(answer: str, lang: str) -> None:
    sentences = lx.analyse(answer, lang, lines=True).sentences
    assert cl.list_share(sentences, lang) > 0.8, [s.text for s in sentences]


@pytest.mark.parametrize(
    ("answer", "lang"),
    [
        (
            "K-means assigns every point to its nearest centroid.\nThen it moves each centroid "
            "to the mean of its points.\nIt stops when nothing changes.",
            "en",
        ),
        ("Bagging: trains trees on bootstrap samples, averages them, is parallel.", "en"),
        ("Boosting: Bäume werden nacheinander gefittet, jeder korrigiert, was fehlt, ist seriell.",
         "de"),
        ("R² = 1 − SS_res/SS_tot compares the residual error with predicting the mean; it can go "
         "below zero on new data.", "en"),
        ("Models like k-means, GMMs and DBSCAN differ in how they assign points.", "en"),
    ],
)  # fmt: skip
def test_explained_answers_are_not_bare_lists(answer: str, lang: str) -> None:
    sentences = lx.analyse(answer, lang, lines=True).sentences
    assert cl.list_share(sentences, lang) < 0.4, [s.text for s in sentences]


def test_short_lines_end_where_they_end_and_wrapped_prose_does_not() -> None:
    # the card path reads short lines so; the fitted free-answer path keeps its splitting
    assert tx.split_sentences("Target leakage\nTemporal leakage\nGroup leakage") == [
        "Target leakage Temporal leakage Group leakage"
    ]
    assert tx.split_sentences("Target leakage\nTemporal leakage\nGroup leakage", lines=True) == [
        "Target leakage",
        "Temporal leakage",
        "Group leakage",
    ]
    wrapped = (
        "Gradient boosting adds shallow trees one after another and\n"
        "each of them fits the negative gradient of the loss."
    )
    assert len(tx.split_sentences(wrapped, lines=True)) == 1


# -- the dev answers of the hard kinds ---------------------------------------------------


def test_dev_answers_of_the_hard_kinds(bank: Bank, embedder: CachedEmbedder | None) -> None:
    """labelled/kinds: cards outside the held-out set, answers the rules were designed on."""
    labelled = load_labelled(kinds_dir())
    assert check_against(bank.cards, labelled) == []
    answers = [a for v in labelled.values() for a in v]
    assert {a.kind for a in answers} == {
        "strong",
        "partial",
        "keyword-list",
        "evasive",
        "negated",
        "misconception",
    }
    for a in answers:
        result = grade_card(bank.cards[a.card_id], a.text, a.lang, use_llm=False)
        covered = {p.id for p in result.key_points if p.status == "covered"}
        if a.kind == "strong":
            # a strong answer that refutes a misconception ("A common belief is ...; it does
            # not") is not flagged with it
            assert not result.misconceptions and result.score >= 0.8, (a.card_id, a.answer_id)
        if a.kind == "keyword-list":
            assert not covered and result.score <= 1 / 3, (a.card_id, a.answer_id)
        if a.kind == "evasive":
            assert result.score <= 0.2, (a.card_id, a.answer_id, result.score)
        if a.kind == "negated":
            assert result.score <= 0.25, (a.card_id, a.answer_id, result.score)
        if a.kind == "misconception":
            assert {m.id for m in result.misconceptions} <= a.misconceptions


def test_other_writers_lists_and_strong_answers(
    bank: Bank, embedder: CachedEmbedder | None
) -> None:
    """labelled/writers: what the rules already read in three other writers' answers stays
    read. Their buzzword lists (commas, bullets, numbered lines, formulas, "Things like ...")
    cover nothing and score at most a third; their strong answers score at least 0.6. (Their
    negated and evasive answers are not pinned: word rules do not read swapped roles.)"""
    answers = [a for v in load_labelled(writers_dir()).values() for a in v]
    lists = [a for a in answers if a.kind == "keyword-list"]
    strong = [a for a in answers if a.kind == "strong"]
    assert len(lists) == len(strong) == 36
    for a in lists:
        result = grade_card(bank.cards[a.card_id], a.text, a.lang, use_llm=False)
        covered = [p.id for p in result.key_points if p.status == "covered"]
        assert not covered and result.score <= 1 / 3, (a.card_id, a.answer_id, covered)
    for a in strong:
        result = grade_card(bank.cards[a.card_id], a.text, a.lang, use_llm=False)
        assert result.score >= 0.6, (a.card_id, a.answer_id, result.score)


@pytest.mark.parametrize(
    ("answer", "point", "terms", "lang"),
    [
        # a relative or complement clause takes the denial of the clause it hangs on
        ("I wouldn't worry about features that are a consequence of the label.",
         "Target leakage: a feature that is a consequence of the label.",
         ("consequence of the label",), "en"),
        ("Features, die eine Folge des Labels sind, würde ich nicht als Leakage sehen.",
         "Target Leakage: ein Feature, das eine Folge des Labels ist.",
         ("folge des labels",), "de"),
        ("It is a myth that k-means only reaches a local minimum.",
         "k-means converges, but only to a local minimum.", ("local minimum",), "en"),
        ("Dass k-Means nur ein lokales Minimum erreicht, ist ein Mythos.",
         "k-Means konvergiert, aber nur in ein lokales Minimum.", ("lokales minimum",), "de"),
        # "rather than" / "statt" rejects what follows it
        ("Boosting grows deep trees rather than shallow trees.",
         "The base learners are shallow trees.", ("shallow trees",), "en"),
        ("Boosting baut tiefe Bäume statt flacher Bäume.",
         "Die Basislerner sind flache Bäume.", ("flache bäume",), "de"),
        # an opposite says the other thing of the same subject
        ("Lloyd's steps find the global optimum.",
         "Lloyd's algorithm converges, but only to a local minimum.", ("lloyd",), "en"),
        ("Die Lloyd-Schritte finden das globale Optimum.",
         "Der Lloyd-Algorithmus konvergiert nur in ein lokales Minimum.", ("lloyd",), "de"),
    ],
)  # fmt: skip
def test_rejected_and_opposite_claims_are_not_stated(
    answer: str, point: str, terms: tuple[str, ...], lang: str
) -> None:
    assert _stated(answer, point, terms, lang) is False


def test_what_these_rejections_leave_alone() -> None:
    # a demonstrative opens a main clause of its own
    assert _stated(
        "Value Iteration gehört nicht dazu, das ist Planung mit bekanntem Modell.",
        "Dynamische Programmierung ist Planung mit bekanntem Modell.",
        ("planung",),
        "de",
    )
    # "statt" rejects what it stands before, not the rest of the clause
    assert _stated(
        "Statt einer harten 1 nimmt man etwa 0,9 für die richtige Klasse.",
        "Label Smoothing ersetzt die harte 1 durch etwa 0,9 für die richtige Klasse.",
        ("richtige klasse",),
        "de",
    )
    # poles that answers compare along are no opposites
    assert _stated(
        "A small draft model proposes tokens that the large model verifies in one pass.",
        "Speculative decoding: a small draft model proposes, the large model verifies.",
        ("draft model",),
        "en",
    )


def test_comparatives_and_bars_in_a_list_still_make_it_bare() -> None:
    """ "lower variance" names a term as "more data" does; "lowers variance" says something."""
    assert cl.is_bare_list("Bias-variance: high bias, lower variance, more data, pruning.", "en")
    assert cl.is_bare_list("Weniger Bias, höhere Varianz, mehr Daten, Regularisierung.", "de")
    assert cl.is_bare_list("bias | variance | noise | model complexity", "en")
    assert not cl.is_bare_list(
        "More data lowers variance, pruning lowers variance, bagging lowers variance.", "en"
    )
    assert not cl.is_bare_list("Mehr Daten senken die Varianz, Pruning senkt sie, Bagging.", "de")


def test_a_lead_in_about_the_answer_itself_does_not_explain_its_list() -> None:
    for text, lang in [
        ("Key terms that come to mind: regularisation, dropout, early stopping, more data.", "en"),
        ("Wichtige Stichworte sind: Regularisierung, Dropout, Early Stopping, mehr Daten.", "de"),
    ]:
        sentences = lx.analyse(text, lang).sentences
        assert cl.bare_lists(sentences, lang) == frozenset({len(sentences) - 1}), text
    # a lead-in that says what the list is of still makes it a claim
    cells = "The four cells are: true positives, false positives, true negatives, false negatives."
    assert cl.list_share(lx.analyse(cells, "en").sentences, "en") == 0.0


@pytest.mark.parametrize(
    ("answer", "point", "terms", "lang"),
    [
        # a point that denies in its own clause is met by an answer that denies
        ("A step function doesn't work with backpropagation because its gradient is zero.",
         "The step function has zero gradient and so cannot be trained with backpropagation.",
         ("backpropagation",), "en"),
        ("For trees it doesn't matter.",
         "Tree-based models are invariant to monotone rescaling and do not need scaling.",
         ("trees",), "en"),
        # "worse than" compares, it does not deny
        ("Its own mistakes fed back in can make it worse than the supervised baseline.",
         "Wrong pseudo-labels reinforce themselves; compare against a supervised baseline.",
         ("supervised baseline",), "en"),
        # depending on something specific is a claim, not a hedge
        ("Its explanations are unstable from run to run and depend on the kernel width.",
         "LIME explanations are unstable and sensitive to the kernel width.",
         ("kernel width",), "en"),
        ("Die Erklärungen hängen stark von der Kernelbreite ab.",
         "LIME-Erklärungen sind instabil und hängen von der Kernelbreite ab.",
         ("kernelbreite",), "de"),
        # the point says the word itself too: no opposite by prefix
        ("Pearson ist für lineare Zusammenhänge gedacht.",
         "Pearsons r misst linearen Zusammenhang und übersieht nichtlineare.",
         ("pearson",), "de"),
        # an enumerated subject does not take a relative clause's denial
        ("The error splits into the squared bias, the variance and a noise term that no model "
         "can remove.", "Expected error = bias^2 + variance + irreducible noise.",
         ("noise term",), "en"),
    ],
)  # fmt: skip
def test_claims_that_only_look_denied(
    answer: str, point: str, terms: tuple[str, ...], lang: str
) -> None:
    assert _stated(answer, point, terms, lang) is True


# -- issue 21, second pass: refutations, joined terms, list layouts, hedge scope -------------


@pytest.mark.parametrize(
    ("answer", "following", "claim", "terms", "lang"),
    [
        # reported as others' belief, then refuted in the next sentence
        ("A common belief is that clipping also fixes vanishing gradients;", "it does not.",
         "Gradient clipping cures vanishing gradients as well.",
         ("clipping fixes vanishing", "clipping also fixes vanishing"), "en"),
        ("Oft hört man, Clipping behebt auch verschwindende Gradienten;", "das stimmt nicht.",
         "Gradient Clipping behebt auch verschwindende Gradienten.",
         ("clipping behebt verschwindende",), "de"),
        # a myth is a myth, whatever follows
        ("It is a myth that clipping fixes vanishing gradients.", None,
         "Gradient clipping cures vanishing gradients as well.",
         ("clipping fixes vanishing",), "en"),
        ("Ein verbreiteter Irrtum: Clipping behebt verschwindende Gradienten.", None,
         "Gradient Clipping behebt auch verschwindende Gradienten.",
         ("clipping behebt verschwindende",), "de"),
        # rejected by its sentence
        ("It is not true that clipping fixes vanishing gradients.", None,
         "Gradient clipping cures vanishing gradients as well.",
         ("clipping fixes vanishing",), "en"),
        ("Es stimmt nicht, dass Clipping verschwindende Gradienten behebt.", None,
         "Gradient Clipping behebt auch verschwindende Gradienten.",
         ("clipping behebt verschwindende",), "de"),
        # taken back in the same sentence
        ("Its posteriors are far from exact, so you should calibrate them.", None,
         "Since the method rests on Bayes' theorem, its posterior outputs are exact and need "
         "no calibration.", ("exact",), "en"),
        ("Die Posterior-Wahrscheinlichkeiten sind alles andere als exakt.", None,
         "Weil es auf dem Satz von Bayes beruht, sind seine Posterior-Ausgaben exakt.",
         ("exakt",), "de"),
        ("It is related to temperature scaling but not the same.", None,
         "This is nothing but temperature scaling moved into training.",
         ("temperature scaling",), "en"),
        ("Es ist mit Temperature Scaling verwandt, aber nicht dasselbe.", None,
         "Das ist nichts anderes als Temperature Scaling im Training.",
         ("temperature scaling",), "de"),
        # the opposite amount of the same thing
        ("It needs little data, since it estimates one distribution per feature.", None,
         "Naive Bayes needs a lot of data because it estimates the full joint distribution.",
         ("joint distribution", "lot of data"), "en"),
        ("Es braucht wenig Daten, weil es nur eine Verteilung pro Feature schätzt.", None,
         "Naive Bayes braucht viele Daten, weil es die volle gemeinsame Verteilung schätzt.",
         ("viele daten", "gemeinsame verteilung"), "de"),
        # denied inside its term
        ("Clipping does not fix vanishing gradients.", None,
         "Gradient clipping cures vanishing gradients as well.",
         ("clipping fixes vanishing",), "en"),
        ("Clipping behebt keine verschwindenden Gradienten.", None,
         "Gradient Clipping behebt auch verschwindende Gradienten.",
         ("clipping behebt verschwindende",), "de"),
    ],
)  # fmt: skip
def test_a_refuted_misconception_is_not_stated(
    answer: str, following: str | None, claim: str, terms: tuple[str, ...], lang: str
) -> None:
    question = lx.analyse_statement("What are vanishing and exploding gradients?", lang)
    after = lx.analyse_sentence(following, lang) if following else None
    sentence = lx.analyse_sentence(answer, lang)
    assert not cl.misconception_stated(sentence, claim, terms, question, lang, after)


@pytest.mark.parametrize(
    ("answer", "claim", "terms", "lang"),
    [
        # the candidate's own belief is stated, "I think" or not
        ("I think clipping also fixes vanishing gradients.",
         "Gradient clipping cures vanishing gradients as well.",
         ("clipping fixes vanishing", "clipping also fixes vanishing"), "en"),
        # a claim that is itself made with a denial is met by one
        ("Mit Matrixfaktorisierung gibt es bei neuen Items kein Cold-Start-Problem.",
         "Matrixfaktorisierung löst das Cold-Start-Problem.", ("cold-start",), "de"),
    ],
)  # fmt: skip
def test_a_misconception_said_by_the_candidate_is_still_stated(
    answer: str, claim: str, terms: tuple[str, ...], lang: str
) -> None:
    question = lx.analyse_statement("What are vanishing and exploding gradients?", lang)
    sentence = lx.analyse_sentence(answer, lang)
    assert cl.misconception_stated(sentence, claim, terms, question, lang)


@pytest.mark.parametrize(
    ("answer", "point", "terms", "lang"),
    [
        # a denial before a term joined to another ("features and thresholds")
        ("A tree does not search over features and thresholds.",
         "A split compares one feature with a threshold, so no scaling is needed.",
         ("threshold",), "en"),
        ("Ein Baum durchsucht keine Features und Schwellen.",
         "Ein Split vergleicht ein Feature mit einer Schwelle.", ("schwelle",), "de"),
        # the window after a term counts from the end of an enumerated subject
        ("Residual connections and normalisation do not help against vanishing gradients.",
         "Against vanishing gradients use ReLU, normalisation and residual connections.",
         ("residual",), "en"),
        ("Gini und Entropie ergeben fast nie denselben Baum.",
         "Die Gini-Unreinheit ist die Wahrscheinlichkeit, ein Beispiel falsch zu "
         "klassifizieren.", ("gini",), "de"),
        # "prevents" turns what follows it, the subject before it is asserted
        ("Training is slow, and smoothing is unnecessary.",
         "Laplace smoothing prevents unseen combinations from zeroing the product.",
         ("smoothing",), "en"),
        # a negative point met by a denial of another subject
        ("Residualverbindungen und Normalisierung helfen nicht gegen verschwindende "
         "Gradienten.", "Clipping hilft nicht gegen verschwindende Gradienten.",
         ("hilft nicht gegen verschwindende", "nicht gegen verschwindende"), "de"),
        # a hedge with a vague object governs the clauses before it
        ("How you initialise it and how you choose k really depends on the use case.",
         "k-means++ initialisation spreads the starting centroids out.",
         ("initialisation",), "en"),
    ],
)  # fmt: skip
def test_joined_subjects_avoided_terms_and_hedge_scope(
    answer: str, point: str, terms: tuple[str, ...], lang: str
) -> None:
    assert _stated(answer, point, terms, lang) is False


@pytest.mark.parametrize(
    ("answer", "point", "terms", "lang"),
    [
        # the point's own subject, or a pronoun, with the denial the point makes
        ("Clipping hilft nicht gegen verschwindende Gradienten.",
         "Clipping hilft nicht gegen verschwindende Gradienten.",
         ("nicht gegen verschwindende",), "de"),
        ("Außerdem hat es kein predict für neue Punkte.",
         "Es hat kein predict für neue Punkte.", ("kein predict",), "de"),
        # "depends on which" is a claim about dependency, not a hedge
        ("For example dependency parsing shows which word depends on which.",
         "Dependency parsing links each word to its head.", ("dependency",), "en"),
        # a denial far before the term belongs to something else
        ("The kernel trick lets the SVM separate data that isn't linearly separable by "
         "working in a higher-dimensional space.",
         "A kernel trains a linear separator in a high-dimensional feature space without "
         "computing phi.", ("higher-dimensional space",), "en"),
        # a sentence-initial article is no relative pronoun
        ("Die Gini-Unreinheit ist die Wahrscheinlichkeit, ein Beispiel falsch zu "
         "klassifizieren.", "Die Gini-Unreinheit ist die Wahrscheinlichkeit einer falschen "
         "Klassifikation.", ("gini",), "de"),
    ],
)  # fmt: skip
def test_what_the_second_pass_leaves_alone(
    answer: str, point: str, terms: tuple[str, ...], lang: str
) -> None:
    assert _stated(answer, point, terms, lang) is True


@pytest.mark.parametrize(
    ("answer", "lang"),
    [
        ("Vanishing vs. exploding gradients — chain rule, depth, sigmoid saturation, RNN + BPTT, "
         "gradient clipping by norm.", "en"),
        ("1) independence assumption 2) counting, spam filters 3) Laplace smoothing 4) argmax",
         "en"),
        ("1) Unabhängigkeitsannahme 2) Zählen, Spamfilter 3) Laplace-Glättung 4) Argmax", "de"),
        ("Thresholds, monotone, no scaling.", "en"),
        ("Schwellen, monoton, keine Skalierung.", "de"),
        ("ReLU, He init, BatchNorm, residuals, LSTM.", "en"),
    ],
)  # fmt: skip
def test_numbered_dashed_and_determiner_lists_are_bare(answer: str, lang: str) -> None:
    assert cl.is_bare_list(answer, lang)


def test_in_a_list_answer_short_verbless_lines_are_bare_too() -> None:
    text = (
        "Greedy splits. Gini = 1 - sum p². Entropy, information gain, gain ratio. "
        "Regression: variance reduction, MSE. Thresholds, monotone, no scaling. "
        "Axis-aligned, pruning."
    )
    sentences = lx.analyse(text, "en").sentences
    bare = cl.bare_lists(sentences, "en")
    assert {s.text for j, s in enumerate(sentences) if j in bare} >= {
        "Greedy splits.",
        "Axis-aligned, pruning.",
        "variance reduction, MSE.",
    }
    # the same two-term line inside an explained answer is left alone
    prose = lx.analyse(
        "Trees split greedily on the feature and threshold with the largest impurity decrease. "
        "Axis-aligned, pruning.",
        "en",
    ).sentences
    assert cl.bare_lists(prose, "en") == frozenset()
    # a dash after a clause is no lead-in
    assert not cl.is_bare_list(
        "Für Fakten taugt es wenig – Neutraining bei jeder Änderung, keine Quellen, "
        "Halluzinationen.",
        "de",
    )


@pytest.mark.parametrize(
    ("answer", "point", "terms", "lang"),
    [
        ("A large epsilon makes the model overconfident.",
         "Too large an epsilon makes the model underconfident.", ("epsilon",), "en"),
        ("Ein zu großes Epsilon macht das Modell überkonfident.",
         "Ein zu großes Epsilon macht das Modell unterkonfident.", ("epsilon",), "de"),
        ("A KV cache makes decoding slower.",
         "A KV cache makes decoding faster.", ("kv cache",), "en"),
        ("Ein KV-Cache macht das Dekodieren langsamer.",
         "Ein KV-Cache macht das Dekodieren schneller.", ("kv-cache",), "de"),
    ],
)  # fmt: skip
def test_opposite_words_reverse_a_point(
    answer: str, point: str, terms: tuple[str, ...], lang: str
) -> None:
    assert _stated(answer, point, terms, lang) is False


@pytest.mark.parametrize(
    ("answer", "point", "lang"),
    [
        (
            "Running more tests does not raise the risk of a false positive.",
            "With many tests the chance of at least one false positive grows.",
            "en",
        ),
        (
            "Mehr Tests erhöhen das Risiko falsch positiver Ergebnisse nicht.",
            "Mit vielen Tests steigt die Chance auf mindestens ein falsch positives Ergebnis.",
            "de",
        ),
    ],
)
def test_false_of_a_term_of_art_does_not_make_the_point_negative(
    answer: str, point: str, lang: str
) -> None:
    """ "False" in "false positive" names a thing; it does not make the point a denial that
    answers could meet with denials of their own."""
    assert cl.loosely_stated(lx.analyse_sentence(answer, lang), point, lang) is False
    stated = answer.replace("does not raise", "raises").replace(" nicht.", ".")
    assert cl.loosely_stated(lx.analyse_sentence(stated, lang), point, lang) is True


# -- fourth pass: formulas and quantities that move together -----------------------------


@pytest.mark.parametrize(
    ("answer", "stated", "lang"),
    [
        ("The standard error of the mean is σ/√n.", True, "en"),
        ("The standard error of the mean is σ·√n.", False, "en"),
        ("The standard error of the mean is σ × √n.", False, "en"),
        ("Der Standardfehler des Mittelwerts ist σ/√n.", True, "de"),
        ("Der Standardfehler des Mittelwerts ist σ·√n.", False, "de"),
    ],
)
def test_a_formula_with_other_operators_is_not_the_point(
    answer: str, stated: bool, lang: str
) -> None:
    """ "σ·√n" and "σ/√n" are the same words; the operators between them are the claim."""
    point = "The standard error is σ/√n, so precision grows with √n."
    assert _stated(answer, point, ("σ/√n",), lang) is stated


def test_a_formula_is_only_judged_operator_against_operator() -> None:
    sentence = lx.analyse_sentence("We checked it with an A B test first.", "en")
    term = lx.analyse_statement("a/b test", "en")
    _score, start, end = lx.locate_term(term, sentence)
    assert end > start
    assert not cl.wrong_formula(sentence, term, start, end)
    # "sqrt" is the root sign written out
    spelled = lx.analyse_sentence("The standard error is σ/sqrt n.", "en")
    root = lx.analyse_statement("σ/√n", "en")
    assert not cl.wrong_formula(spelled, root, *lx.locate_term(root, spelled)[1:])


@pytest.mark.parametrize(
    ("answer", "point", "terms", "lang"),
    [
        # the quantity is the whole noun phrase, before or after the direction word
        ("Deeper plain nets had a lower training error.",
         "Deeper plain nets had a higher training error.", ("training error",), "en"),
        ("It is the other way round: their training error was lower.",
         "Deeper plain nets had a higher training error.", ("training error",), "en"),
        ("Der Trainingsfehler war bei tieferen Netzen niedriger.",
         "Tiefere Netze hatten einen höheren Trainingsfehler.", ("trainingsfehler",), "de"),
        # two quantities: how they move together is the claim
        ("The standard error grows as the sample grows.",
         "The standard error shrinks as the sample grows.", ("standard error",), "en"),
        ("Der Standardfehler wächst, wenn die Stichprobe wächst.",
         "Der Standardfehler sinkt, wenn die Stichprobe wächst.", ("standardfehler",), "de"),
    ],
)  # fmt: skip
def test_quantities_moved_against_the_point_reverse_it(
    answer: str, point: str, terms: tuple[str, ...], lang: str
) -> None:
    assert _stated(answer, point, terms, lang) is False


@pytest.mark.parametrize(
    ("answer", "point", "terms", "lang"),
    [
        # the same claim from the other end: less data, more variance
        ("With less data the variance grows.",
         "More data lowers the variance.", ("variance",), "en"),
        ("Mit weniger Daten steigt die Varianz.",
         "Mehr Daten senken die Varianz.", ("varianz",), "de"),
        # "grows as you ...": what grows stands before it, not after
        ("The precision grows as you collect more data.",
         "Precision grows with more data.", ("precision",), "en"),
        # a point that moves it either way is met by either way
        ("With sigmoids the gradient shrinks exponentially with depth.",
         "The gradient is a product of many factors, so it shrinks or grows exponentially.",
         ("gradient",), "en"),
    ],
)  # fmt: skip
def test_quantities_moved_together_the_points_way_state_it(
    answer: str, point: str, terms: tuple[str, ...], lang: str
) -> None:
    assert _stated(answer, point, terms, lang) is True


@pytest.mark.parametrize(
    ("answer", "point", "terms", "lang"),
    [
        ("People say RAG lets you cite sources, but that's nonsense in practice.",
         "RAG can cite sources and is updated by re-indexing.", ("cite sources",), "en"),
        ("The tricks like scaling residual projections with depth, you never need those.",
         "Depth-scaled residual projections keep deep Transformers stable.",
         ("residual projections",), "en"),
        ("Viele schwören auf Warm-up, das ist reine Paranoia.",
         "Warm-up stabilisiert die ersten Schritte bei großen Lernraten.", ("warm-up",), "de"),
    ],
)  # fmt: skip
def test_a_short_verdict_on_the_clause_before_rejects_it(
    answer: str, point: str, terms: tuple[str, ...], lang: str
) -> None:
    assert _stated(answer, point, terms, lang) is False


@pytest.mark.parametrize(
    ("answer", "point", "terms", "lang"),
    [
        # a clause that goes on to say something of its own is no verdict
        ("Scaling residual projections keeps deep Transformers stable, that is why GPT-2 does it.",
         "Depth-scaled residual projections keep deep Transformers stable.",
         ("residual projections",), "en"),
        # "egal wie" is "regardless of"
        ("Demographic Parity heißt gleiche Auswahlquoten, egal wie die Labels aussehen.",
         "Demographic Parity verlangt gleiche Auswahlquoten in allen Gruppen.",
         ("demographic parity",), "de"),
        # a German article is no pointing back, and a denied dismissal dismisses nothing
        ("BatchNorm macht das Ganze weniger empfindlich, ganz egal wird die Initialisierung "
         "aber nicht.",
         "Normierungsschichten wie BatchNorm verringern die Empfindlichkeit gegenüber der "
         "Initialisierung.", ("batchnorm",), "de"),
    ],
)  # fmt: skip
def test_what_is_no_verdict_on_the_clause_before(
    answer: str, point: str, terms: tuple[str, ...], lang: str
) -> None:
    assert _stated(answer, point, terms, lang) is True
