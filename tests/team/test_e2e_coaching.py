"""The coaching loop in Chromium against a real `mlinterview serve --team`, PostgreSQL, Redis
and a judge worker: an admin builds a cohort, the coach assigns a mock, the candidate does it
from her assignments (her code judged by the worker), the coach reads the report and
comments, and the candidate is pointed to the comment and reads it. Each person has their
own browser context (own cookies), as three people at three desks would."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from team_helpers import WorkerFactory

pytestmark = [pytest.mark.browser, pytest.mark.postgres, pytest.mark.slow]


def reference_solution(problem_id: str) -> str:
    from mlinterview.judge.problems import get_problem

    return (get_problem(problem_id).folder / "reference.py").read_text(encoding="utf-8")


COMMENT = "Good structure. Next time say why subwords avoid out-of-vocabulary words."


def test_coach_assigns_a_mock_candidate_does_it_coach_comments_candidate_reads(
    team_server: str, logged_in: Callable[[str], Any], start_worker: WorkerFactory
) -> None:
    start_worker(concurrency=1)  # the mock's code answer is judged here, not by the server
    base = team_server
    admin = logged_in("boss")
    admin.goto(base + "/cohorts")
    admin.fill("#c-name", "Spring NLP")
    admin.click("#create-cohort")
    admin.wait_for_url(re.compile(r".*/cohorts/\d+$"))
    cohort_url = admin.url
    for name, role in (("coach", "coach"), ("alice", "candidate")):
        admin.fill("#m-user", name)
        admin.select_option("#m-role", role)
        admin.click("#add-member")
        admin.wait_for_load_state()
    assert admin.locator("#members").inner_text().count("·") == 2

    coach = logged_in("coach")
    coach.goto(base + "/cohorts")
    coach.click("#cohorts >> text=Spring NLP")
    assert coach.url == cohort_url
    coach.select_option("#a-kind", "mock")
    coach.fill("#a-title", "NLP screen")
    coach.select_option("#a-role", "nlp")
    coach.fill("#a-minutes", "15")
    coach.fill("#a-seed", "7")
    coach.click("#assign")
    assert coach.locator("#assigned").is_visible()
    assert "NLP screen" in coach.locator("#cohort-assignments").inner_text()

    alice = logged_in("alice")
    assert "NLP screen" in alice.locator("#todo").inner_text()  # on her dashboard
    alice.click("#todo >> text=" + "Assignments")
    row = alice.locator("#assignments tr[data-status=open]")
    assert "NLP screen" in row.inner_text()
    row.locator("button[data-start]").click()
    alice.wait_for_url(re.compile(r".*/mock/\d+$"))
    mock_id = int(alice.url.rsplit("/", 1)[1])
    question = alice.locator("#mock-question")
    assert question.get_attribute("data-kind") == "problem"  # a mock opens with coding
    assert alice.locator("#mock-progress").inner_text().startswith("Question 1 of")
    alice.wait_for_selector(".CodeMirror", state="visible")
    problem = question.get_attribute("data-item") or ""
    alice.evaluate("code => window.mlEditor.setValue(code)", reference_solution(problem))
    alice.click("#mock-submit")
    assert alice.locator("#mock-progress").inner_text().startswith("Question 2 of")
    assert question.get_attribute("data-kind") == "card"
    alice.fill(
        "#mock-text",
        "Momentum averages past gradients so steps keep their direction through noise; "
        "Adam also scales each coordinate by a running estimate of its gradient size.",
    )
    alice.click("#mock-submit")
    assert alice.locator("#mock-progress").inner_text().startswith("Question 3 of")
    alice.once("dialog", lambda dialog: dialog.accept())
    alice.click("#mock-finish")
    alice.wait_for_url(f"{base}/mock/{mock_id}/report")
    alice.goto(base + "/assignments")
    assert alice.locator("#assignments tr[data-status=done]").inner_text().count("NLP screen")
    alice.goto(base + "/")
    assert alice.locator("#todo").count() == 0  # done: off the dashboard

    coach.goto(cohort_url)
    coach.click("#progress >> text=alice")
    done = coach.locator("#candidate-assignments li[data-status=done]")
    assert "NLP screen" in done.inner_text()
    done.locator("a", has_text="Report").click()
    coach.wait_for_url(f"{base}/mock/{mock_id}/report")
    assert "Accepted" in coach.locator("#mock-report").inner_text()  # judged by the worker
    coach.fill("#mock-comment-body", COMMENT)
    coach.click("#send-mock-comment")
    coach.wait_for_url(f"{base}/mock/{mock_id}/report*")
    assert COMMENT in coach.locator("#mock-comments").inner_text()

    alice.goto(base + "/")
    notice = alice.locator("#unread-comments")
    assert "coach commented on your mock interview" in notice.inner_text()
    notice.locator(f'a[href="/mock/{mock_id}/report"]').click()
    alice.wait_for_url(f"{base}/mock/{mock_id}/report")
    comments = alice.locator("#mock-comments").inner_text()
    assert COMMENT in comments and "coach" in comments
    assert alice.locator("#mock-comment-form").count() == 0  # a candidate does not comment
    alice.goto(base + "/")
    assert alice.locator("#unread-comments").count() == 0  # read: no longer pointed to
