"""Cohorts and coaching in the core, on SQLite and PostgreSQL, with the real grader and judge
store: who sees whom, assignment states, comments at the next practice, weak key points.

The people: the local admin (user 1), a coach of cohort A only, Alice (candidate in A) and
Bob (candidate in B)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest

from mlinterview.grading.engine import grade_card
from mlinterview.interviews.mock import MockNotFound
from mlinterview.judge.verdict import JudgeResult, Verdict
from mlinterview.store.db import Store
from mlinterview.store.models import User
from mlinterview.team.cohorts import CoachingError, NotAllowed, NotVisible
from mlinterview.workspace import Workspace

CARD = "overfitting"
OTHER_CARD = "bias-variance-tradeoff"


def add_user(store: Store, name: str, role: str) -> int:
    with store.transaction() as session:
        user = User(name=name, role=role, created_at=datetime.now(UTC))
        session.add(user)
        session.flush()
        return int(user.id)


@dataclass
class Team:
    admin: Workspace
    coach: Workspace
    alice: Workspace
    bob: Workspace
    a: int
    b: int


@pytest.fixture
def team(store: Store) -> Team:
    admin = Workspace(store)  # the local user: an admin
    coach = admin.for_user(add_user(store, "coach", "coach"))
    alice = admin.for_user(add_user(store, "alice", "candidate"))
    bob = admin.for_user(add_user(store, "bob", "candidate"))
    a, b = admin.create_cohort("cohort A"), admin.create_cohort("cohort B")
    admin.set_cohort_member(a, "coach", "coach")
    admin.set_cohort_member(a, "alice", "candidate")
    admin.set_cohort_member(b, "bob", "candidate")
    return Team(admin, coach, alice, bob, a, b)


def test_the_bank_has_the_cards_these_tests_use(team: Team) -> None:
    assert team.admin.card(CARD) and team.admin.card(OTHER_CARD)


def test_who_sees_whom(team: Team) -> None:
    coach, alice, bob, admin = team.coach, team.alice, team.bob, team.admin
    alice.record_rating(CARD, 3, lang="en", answer="It memorises noise.")
    bob.record_rating(CARD, 2, lang="en", answer="Bob's private answer.")
    bob_mock = bob.start_mock("generalist", minutes=15, seed=4)

    # the one rule
    assert coach.can_see(alice.user_id) and not coach.can_see(bob.user_id)
    assert not alice.can_see(bob.user_id) and alice.can_see(alice.user_id)
    assert admin.can_see(bob.user_id) and not alice.can_see(coach.user_id)

    # a coach: cohort A's candidate yes, B's candidate and B's dashboard no
    answers = coach.candidate_answers(alice.user_id, CARD)
    assert [r.answer for r in answers.reviews] == ["It memorises noise."]
    assert coach.cohort_dashboard(team.a).name == "cohort A"
    with pytest.raises(LookupError):
        coach.candidate_answers(bob.user_id, CARD)
    with pytest.raises(LookupError):
        coach.cohort_dashboard(team.b)
    with pytest.raises(LookupError):
        coach.candidate_overview(bob.user_id)
    with pytest.raises(MockNotFound):
        coach.mock_report(bob_mock.id)
    with pytest.raises(LookupError):
        coach.assign(team.b, "cards", ids=[CARD])

    # a candidate: not the other candidate's answers, not even their own cohort's dashboard
    with pytest.raises(LookupError):
        alice.candidate_answers(bob.user_id, CARD)
    with pytest.raises(LookupError):
        alice.cohort_dashboard(team.a)
    with pytest.raises(LookupError):
        alice.mock_report(bob_mock.id)
    with pytest.raises(LookupError):
        alice.assign(team.a, "cards", ids=[CARD])
    with pytest.raises(NotAllowed):
        alice.create_cohort("mine")
    with pytest.raises(NotAllowed):
        coach.set_cohort_member(team.a, "bob", "candidate")
    assert alice.candidate_answers(alice.user_id, CARD).reviews  # her own, yes

    # an admin: everything
    assert admin.candidate_answers(bob.user_id, CARD).reviews[0].answer == "Bob's private answer."
    assert admin.cohort_dashboard(team.b).candidates[0].name == "bob"
    assert admin.mock_report(bob_mock.id).id == bob_mock.id

    # my cohorts, by role
    assert [c.name for c in admin.cohorts()] == ["cohort A", "cohort B"]
    assert [(c.name, c.my_role) for c in coach.cohorts()] == [("cohort A", "coach")]
    assert [(c.name, c.my_role) for c in alice.cohorts()] == [("cohort A", "candidate")]
    assert [c.name for c in bob.cohorts()] == ["cohort B"]


def test_a_coach_who_loses_the_cohort_loses_its_candidates(team: Team) -> None:
    assert team.coach.can_see(team.alice.user_id)
    assert team.admin.remove_cohort_member(team.a, "coach")
    assert not team.coach.can_see(team.alice.user_id)
    with pytest.raises(LookupError):
        team.coach.cohort_dashboard(team.a)


def test_members_and_names_are_checked(team: Team) -> None:
    with pytest.raises(CoachingError, match="coach role first"):
        team.admin.set_cohort_member(team.a, "bob", "coach")  # bob's account is a candidate
    with pytest.raises(CoachingError, match="candidate or coach"):
        team.admin.set_cohort_member(team.a, "bob", "admin")
    with pytest.raises(LookupError, match="no user named"):
        team.admin.set_cohort_member(team.a, "nobody", "candidate")
    with pytest.raises(ValueError, match="exists already"):
        team.admin.create_cohort("cohort A")
    with pytest.raises(CoachingError, match="1 to 80"):
        team.admin.create_cohort("x" * 81)
    assert team.admin.cohort_id("cohort B") == team.b


def test_mock_assignment_is_done_when_the_mock_from_it_is_finished(team: Team) -> None:
    due = (datetime.now(UTC) + timedelta(days=3)).date().isoformat()
    assignment = team.coach.assign(team.a, "mock", role="generalist", minutes=15, due=due)
    [status] = team.alice.my_assignments()
    assert (status.id, status.status, status.mock_id) == (assignment, "open", None)
    assert team.bob.my_assignments() == []  # cohort B has none
    with pytest.raises(LookupError):
        team.bob.start_assigned_mock(assignment)

    mock = team.alice.start_assigned_mock(assignment)
    again = team.alice.start_assigned_mock(assignment)  # continues the same one
    assert again.id == mock.id
    seed = team.coach.coaching.assignment(assignment).payload["seed"]
    assert mock.plan.seed == seed  # everyone gets the assignment's questions
    [status] = team.alice.my_assignments()
    assert (status.status, status.mock_id) == ("open", mock.id)

    first = team.alice.mock_question(mock.id)
    assert first is not None
    team.alice.answer_mock(mock.id, first.position, "An honest first answer.")
    team.alice.finish_mock(mock.id)
    [status] = team.alice.my_assignments()
    assert (status.status, status.done, status.total) == ("done", 1, 1)
    # the coach reads the report of the mock (the owner's, through can_see)
    assert team.coach.mock_report(mock.id).id == mock.id
    # a mock of the same role that was not started from the assignment does not count
    board = team.coach.cohort_dashboard(team.a)
    assert board.candidates[0].assignments_done == 1


def test_card_and_problem_assignments_and_overdue(team: Team) -> None:
    alice = team.alice
    alice.record_rating(CARD, 3, lang="en")  # before the assignment: does not count
    yesterday = datetime.now(UTC) - timedelta(days=1)
    cards = team.coach.assign(team.a, "cards", ids=[CARD, OTHER_CARD], due=yesterday)
    problems = team.coach.assign(team.a, "problems", ids=["softmax"], title="Softmax, stable")
    by_id = {s.id: s for s in alice.my_assignments()}
    assert (by_id[cards].status, by_id[cards].done, by_id[cards].total) == ("overdue", 0, 2)
    assert (by_id[problems].status, by_id[problems].title) == ("open", "Softmax, stable")

    alice.record_rating(CARD, 3, lang="en")
    assert {s.id: s for s in alice.my_assignments()}[cards].done == 1
    alice.record_rating(OTHER_CARD, 4, lang="en")
    alice.save_submission(
        JudgeResult(problem="softmax", verdict=Verdict.WRONG_ANSWER, tests=(), seconds=0.1), "x"
    )
    by_id = {s.id: s for s in alice.my_assignments()}
    assert by_id[cards].status == "done" and by_id[problems].status == "open"
    alice.save_submission(
        JudgeResult(problem="softmax", verdict=Verdict.ACCEPTED, tests=(), seconds=0.1), "y"
    )
    assert {s.id: s for s in alice.my_assignments()}[problems].status == "done"

    # an open assignment turns overdue when its day has passed
    later = team.coach.assign(team.a, "cards", ids=[OTHER_CARD, "roc-auc"], due="2030-01-01")
    in_2031 = datetime(2031, 1, 1, tzinfo=UTC)
    states = {s.id: s.status for s in alice.coaching.my_assignments(now=in_2031)}
    assert states[later] == "overdue" and states[cards] == "done"


def test_assignments_are_validated(team: Team) -> None:
    coach = team.coach
    with pytest.raises(CoachingError, match="unknown card id"):
        coach.assign(team.a, "cards", ids=[CARD, "no-such-card"])
    with pytest.raises(CoachingError, match="unknown problem id"):
        coach.assign(team.a, "problems", ids=["no_such_problem"])
    with pytest.raises(CoachingError, match="unknown role"):
        coach.assign(team.a, "mock", role="astronaut")
    with pytest.raises(CoachingError, match="minutes"):
        coach.assign(team.a, "kit", role="generalist", minutes=5)
    with pytest.raises(CoachingError, match="YYYY-MM-DD"):
        coach.assign(team.a, "cards", ids=[CARD], due="next tuesday")
    with pytest.raises(CoachingError, match="kind"):
        coach.assign(team.a, "essay")
    kit = coach.assign(team.a, "kit", role="generalist", minutes=30)
    [status] = team.alice.my_assignments()
    assert status.status == "kit"
    assert b"<html" in coach.assignment_kit(kit).lower()
    assert b"<html" in team.alice.assignment_kit(kit).lower()
    with pytest.raises(LookupError):
        team.bob.assignment_kit(kit)


def test_a_comment_reaches_exactly_that_candidate_at_their_next_practice(team: Team) -> None:
    alice, bob, coach = team.alice, team.bob, team.coach
    outcome = alice.record_rating(CARD, 2, lang="en", answer="It is when the model is big.")
    bob.record_rating(CARD, 2, lang="en", answer="Something else.")
    comment = coach.comment_on_card(
        alice.user_id, CARD, "  Say what happens on unseen data.  ", outcome.review_id
    )
    assert comment > 0
    assert bob.take_card_comments(CARD) == []  # bob practises the same card: nothing
    assert alice.take_card_comments(OTHER_CARD) == []  # another card: nothing
    [shown] = alice.take_card_comments(CARD)
    assert (shown.body, shown.author_name, shown.review_id) == (
        "Say what happens on unseen data.",
        "coach",
        outcome.review_id,
    )
    assert alice.take_card_comments(CARD) == []  # seen: shown once
    seen = coach.candidate_answers(alice.user_id, CARD).comments
    assert len(seen) == 1 and seen[0].seen_at is not None

    with pytest.raises(LookupError):
        coach.comment_on_card(bob.user_id, CARD, "Not your candidate.")
    with pytest.raises(LookupError):  # a review that is not this candidate's
        bob_review = bob.candidate_answers(bob.user_id, CARD).reviews[0].id
        coach.comment_on_card(alice.user_id, CARD, "Wrong review.", bob_review)
    with pytest.raises(NotAllowed):
        alice.comment_on_card(alice.user_id, CARD, "Praising myself.")
    assert bob.take_card_comments(CARD) == []


def test_comment_length_is_bounded(team: Team) -> None:
    coach, alice = team.coach, team.alice
    with pytest.raises(CoachingError, match="empty"):
        coach.comment_on_card(alice.user_id, CARD, "   \n ")
    with pytest.raises(CoachingError, match="limit is 4000"):
        coach.comment_on_card(alice.user_id, CARD, "x" * 4001)
    coach.comment_on_card(alice.user_id, CARD, "y" * 4000)
    assert len(alice.take_card_comments(CARD)[0].body) == 4000


def test_mock_comments_show_on_the_report_for_the_owner(team: Team) -> None:
    mock = team.alice.start_mock("generalist", minutes=15, seed=9)
    team.alice.finish_mock(mock.id)
    team.coach.comment_on_mock(mock.id, "Structure your system-design answer.")
    with pytest.raises(LookupError):
        team.bob.mock_comments(mock.id)
    with pytest.raises(LookupError):
        team.bob.comment_on_mock(mock.id, "hi")
    assert team.coach.mock_comments(mock.id)[0].seen_at is None  # the coach's read: not seen
    [comment] = team.alice.mock_comments(mock.id)
    assert comment.author_name == "coach" and comment.seen_at is None  # shown now
    assert team.alice.mock_comments(mock.id)[0].seen_at is not None


def test_weak_key_points_aggregate_real_graded_answers(team: Team, store: Store) -> None:
    admin, alice = team.admin, team.alice
    carol = admin.for_user(add_user(store, "carol", "candidate"))
    admin.set_cohort_member(team.a, "carol", "candidate")
    old = "It memorises noise, does not generalise; validation error rises, use more data."
    answers = {
        "alice": "The model memorises the training data.",
        "carol": "Use regularisation and more data, and stop early on the validation set.",
    }
    alice.record_rating(CARD, 3, lang="en", answer=old)  # superseded by her latest answer
    alice.record_rating(CARD, 2, lang="en", answer=answers["alice"])
    carol.record_rating(CARD, 2, lang="en", answer=answers["carol"])
    carol.record_rating(OTHER_CARD, 1, lang="en")  # no typed answer: nothing to grade

    board = team.coach.cohort_dashboard(team.a)
    assert board.graded_answers == 2
    card = admin.card(CARD)
    expected_missing: dict[str, set[str]] = {}
    for name, text in answers.items():
        for point in grade_card(card, text, "en").key_points:
            if point.status == "missing":
                expected_missing.setdefault(point.id, set()).add(name)
    found = {w.point_id: w for w in board.weak_points if w.card_id == CARD}
    assert expected_missing  # the answers do miss points
    for point_id, names in expected_missing.items():
        assert found[point_id].missing == len(names)
        assert set(found[point_id].candidates) == names
        assert found[point_id].answers == 2
    # most-missed first
    missed = [w.missing for w in board.weak_points]
    assert missed == sorted(missed, reverse=True)


def test_the_dashboard_shows_progress_and_who_is_behind(team: Team, store: Store) -> None:
    admin, alice = team.admin, team.alice
    dave = admin.for_user(add_user(store, "dave", "candidate"))
    admin.set_cohort_member(team.a, "dave", "candidate")
    team.coach.assign(team.a, "cards", ids=["roc-auc"], due="2020-01-01")  # already overdue
    alice.record_rating(CARD, 3, lang="en", answer="It memorises noise.")
    alice.record_rating("roc-auc", 4, lang="en")
    alice.save_submission(
        JudgeResult(problem="softmax", verdict=Verdict.ACCEPTED, tests=(), seconds=0.1), "z"
    )
    mock = alice.start_mock("generalist", minutes=15, seed=2)
    alice.finish_mock(mock.id)

    board = team.coach.cohort_dashboard(team.a)
    rows = {c.name: c for c in board.candidates}
    assert set(rows) == {"alice", "dave"} and board.coaches == ("coach",)
    a, d = rows["alice"], rows["dave"]
    assert (a.cards_seen, a.reviews_7d, a.problems_solved, a.mocks_finished) == (2, 2, 1, 1)
    assert a.last_mock_score == 0.0 and a.assignments_done == 1 and a.behind == ()
    assert sum(t.seen for t in a.topics) == 2 and 0 < a.mastery < 1
    assert (d.cards_seen, d.assignments_overdue) == (0, 1)
    assert set(d.behind) == {"overdue", "inactive"}
    assert [c.name for c in board.behind] == ["dave"]
    assert dave.cohort_dashboard  # dave exists as a Workspace; he still cannot open it
    with pytest.raises(NotVisible):
        dave.cohort_dashboard(team.a)
