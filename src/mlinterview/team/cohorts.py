"""Cohorts and coaching: members, assignments, the cohort dashboard and coach comments.

Access is decided here, for the user a Workspace acts for (``viewer_id``), from the
``users`` table and cohort memberships, never in templates:

- a candidate sees only their own data;
- a coach sees the candidates of the cohorts where they are a coach (and those cohorts);
- an admin sees everything.

Whatever the viewer may not see raises :class:`NotVisible` (a LookupError: the web answers
404, exactly as for an id that does not exist, so nobody learns what exists). Creating
cohorts and managing members is the admin's (:class:`NotAllowed` otherwise).

The weak key points of a cohort come from the grading engine itself: the latest typed
answer per card and candidate (bounded) is graded again and the points it missed are
counted, so the coach sees the gaps in the rubric's words, not only low scores.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any

from mlinterview.store import cohorts as db

if TYPE_CHECKING:
    from mlinterview.content.loader import Bank
    from mlinterview.practice.scheduling import TopicStats
    from mlinterview.store.db import Store

ASSIGNMENT_KINDS = ("kit", "mock", "cards", "problems")
MEMBER_ROLES = ("candidate", "coach")
MAX_NAME = 80
MAX_TITLE = 200
MAX_COMMENT = 4000
MAX_ITEMS = 200  # cards or problems in one assignment
INACTIVE_DAYS = 7
#: below this share of seen cards still recalled in a week, a candidate is behind
LOW_MASTERY = 0.5
LOW_MASTERY_MIN_SEEN = 5
#: weak key points: latest answer per card, this many cards per candidate, this many overall
WEAK_PER_CANDIDATE = 40
WEAK_MAX_ANSWERS = 400
WEAK_SHOWN = 15


class NotVisible(LookupError):
    """No such cohort, candidate, assignment or answer for this viewer (web: 404)."""


class NotAllowed(PermissionError):
    """The viewer's role may not do this (only admins create cohorts and manage members)."""


class CoachingError(ValueError):
    """Bad input, said in one line with what to fix."""


def utcnow() -> datetime:
    return datetime.now(UTC)


def parse_due(value: str | date | datetime | None) -> datetime | None:
    """A due date: a day (due at its end, UTC) or an ISO date-time; empty means none."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=UTC)
    if isinstance(value, date):
        return datetime.combine(value, time(23, 59, 59), tzinfo=UTC)
    text = value.strip()
    if len(text) > 40:
        raise CoachingError("due date is too long; write it as YYYY-MM-DD")
    try:
        if len(text) == 10:
            return parse_due(date.fromisoformat(text))
        return parse_due(datetime.fromisoformat(text))
    except ValueError:
        raise CoachingError(f"due date {text!r} is not a date; write it as YYYY-MM-DD") from None


def check_comment(body: str) -> str:
    text = body.strip()
    if not text:
        raise CoachingError("the comment is empty; write what the candidate should know")
    if len(text) > MAX_COMMENT:
        raise CoachingError(
            f"the comment has {len(text)} characters; the limit is {MAX_COMMENT}, shorten it"
        )
    return text


# -- what the core returns -----------------------------------------------------------------


@dataclass(frozen=True)
class CohortView:
    id: int
    name: str
    my_role: str  # candidate, coach or admin (an admin who is not a member)
    candidates: int
    coaches: tuple[str, ...]


@dataclass(frozen=True)
class AssignmentStatus:
    """One assignment as a candidate stands with it."""

    id: int
    cohort_id: int
    cohort: str
    kind: str
    title: str
    payload: dict[str, Any]
    due_at: datetime | None
    created_at: datetime
    status: str  # done, open, overdue; "kit" for kits (nothing to do, material to read)
    done: int  # items done (cards reviewed, problems accepted, mocks finished)
    total: int
    mock_id: int | None = None  # the mock started from it (to continue or to read)


@dataclass(frozen=True)
class CandidateProgress:
    user_id: int
    name: str
    topics: tuple[TopicStats, ...]
    cards_seen: int
    due_now: int
    mastery: float  # mean recall in a week over the whole bank (unseen cards count 0)
    mastery_seen: float | None  # the same over the cards seen
    reviews_7d: int
    problems_solved: int
    mocks_finished: int
    last_mock_score: float | None
    assignments_done: int
    assignments_overdue: int
    last_activity: datetime | None
    behind: tuple[str, ...]  # overdue, inactive, low_mastery


@dataclass(frozen=True)
class WeakPoint:
    card_id: str
    point_id: str
    text: str
    missing: int
    partly: int
    answers: int  # graded answers of this card in the cohort
    candidates: tuple[str, ...]  # who missed it

    @property
    def share(self) -> float:
        return (self.missing + 0.5 * self.partly) / self.answers if self.answers else 0.0


@dataclass(frozen=True)
class CohortDashboard:
    id: int
    name: str
    coaches: tuple[str, ...]
    topics: tuple[str, ...]
    candidates: tuple[CandidateProgress, ...]
    assignments: tuple[db.StoredAssignment, ...]
    weak_points: tuple[WeakPoint, ...]
    graded_answers: int

    @property
    def behind(self) -> list[CandidateProgress]:
        return [c for c in self.candidates if c.behind]


@dataclass(frozen=True)
class CandidateAnswers:
    """What a coach opens of one candidate and card: the answers and the comments on it."""

    user_id: int
    name: str
    card_id: str
    reviews: tuple[db.AnsweredReview, ...]
    comments: tuple[db.StoredComment, ...]


@dataclass(frozen=True)
class CandidateOverview:
    user_id: int
    name: str
    answered: tuple[db.AnsweredReview, ...]  # latest review per card, newest first
    mocks: tuple[Any, ...]  # MockSummary
    assignments: tuple[AssignmentStatus, ...]


@dataclass
class _GradeCache:
    """Per-point statuses of graded answers, keyed by what decides them (card, language,
    text, engine version): never by a review id, which another database reuses."""

    entries: dict[tuple[str, str, str, str], tuple[tuple[str, str, str], ...]] = field(
        default_factory=dict
    )
    limit: int = 20_000

    def get(
        self,
        key: tuple[str, str, str, str],
        compute: Callable[[], tuple[tuple[str, str, str], ...]],
    ) -> tuple[tuple[str, str, str], ...]:
        found = self.entries.get(key)
        if found is None:
            if len(self.entries) >= self.limit:
                self.entries.clear()
            found = self.entries[key] = compute()
        return found


_GRADES = _GradeCache()


def can_see(store: Store, viewer_id: int, other_id: int) -> bool:
    """The one rule for a person's data: yourself; an admin anyone; a coach the candidates
    of the cohorts where they are a coach. Disabled or unknown viewers see only themselves."""
    if viewer_id == other_id:
        return True
    viewer = db.get_user(store, viewer_id)
    if viewer is None or viewer.disabled:
        return False
    if viewer.role == "admin":
        return db.get_user(store, other_id) is not None
    if viewer.role == "coach":
        return db.coaches_candidate(store, viewer_id, other_id)
    return False


class Coaching:
    """Cohorts, assignments, dashboards and comments as one viewer may see them."""

    def __init__(
        self,
        store: Store,
        bank: Bank,
        viewer_id: int,
        problem_ids: Callable[[], Iterable[str]],
    ) -> None:
        self.store = store
        self.bank = bank
        self.viewer_id = viewer_id
        self._problem_ids = problem_ids

    # -- who is asking ---------------------------------------------------------------------
    def role(self, user_id: int | None = None) -> str:
        """The account's role; an unknown or disabled account has none (sees only itself)."""
        user = db.get_user(self.store, self.viewer_id if user_id is None else user_id)
        if user is None or user.disabled:
            return ""
        return user.role

    def can_see(self, viewer_id: int, other_id: int) -> bool:
        return can_see(self.store, viewer_id, other_id)

    def sees(self, other_id: int) -> bool:
        return self.can_see(self.viewer_id, other_id)

    def _visible_user(self, user_id: int) -> db.StoredUser:
        user = db.get_user(self.store, user_id)
        if user is None or not self.sees(user_id):
            raise NotVisible(f"no candidate #{user_id}")
        return user

    def _require_admin(self, what: str) -> None:
        if self.role() != "admin":
            raise NotAllowed(f"only an admin can {what}")

    def _cohort(self, cohort_id: int) -> db.StoredCohort:
        found = db.get_cohort(self.store, cohort_id)
        if found is None:
            raise NotVisible(f"no cohort #{cohort_id}")
        return found

    def _managed_cohort(self, cohort_id: int) -> db.StoredCohort:
        """A cohort the viewer coaches (or any, for an admin); NotVisible otherwise."""
        cohort = self._cohort(cohort_id)
        role = self.role()
        if role == "admin":
            return cohort
        if role == "coach" and db.member_role(self.store, cohort_id, self.viewer_id) == "coach":
            return cohort
        raise NotVisible(f"no cohort #{cohort_id}")

    def cohort_id(self, name_or_id: str | int) -> int:
        """A cohort by name (or id), as the CLI names it; NotVisible if there is none."""
        if isinstance(name_or_id, int) or str(name_or_id).isdigit():
            return self._cohort(int(name_or_id)).id
        found = db.cohort_by_name(self.store, str(name_or_id))
        if found is None:
            raise NotVisible(f"no cohort named {name_or_id!r}; `mlinterview cohorts list`")
        return found.id

    # -- cohorts and members ---------------------------------------------------------------
    def create_cohort(self, name: str) -> int:
        self._require_admin("create a cohort")
        text = name.strip()
        if not text or len(text) > MAX_NAME:
            raise CoachingError(f"a cohort name has 1 to {MAX_NAME} characters")
        try:
            return db.create_cohort(self.store, text, utcnow())
        except db.DuplicateName as exc:
            raise CoachingError(f"{exc}; choose another name") from None

    def set_member(self, cohort_id: int, user_name: str, role: str) -> None:
        """Add a user to a cohort as candidate or coach (or change their role in it)."""
        self._require_admin("manage cohort members")
        cohort = self._cohort(cohort_id)
        if role not in MEMBER_ROLES:
            raise CoachingError(f"member role must be candidate or coach, not {role!r}")
        user = db.user_by_name(self.store, user_name.strip()[:MAX_NAME])
        if user is None:
            raise NotVisible(f"no user named {user_name!r}; add it with `mlinterview users add`")
        if role == "coach" and user.role not in ("coach", "admin"):
            raise CoachingError(
                f"{user.name} is a {user.role}; give the account the coach role first "
                "(`mlinterview users set-role`)"
            )
        db.set_member(self.store, cohort.id, user.id, role)

    def remove_member(self, cohort_id: int, user_name: str) -> bool:
        self._require_admin("manage cohort members")
        cohort = self._cohort(cohort_id)
        user = db.user_by_name(self.store, user_name.strip()[:MAX_NAME])
        if user is None:
            raise NotVisible(f"no user named {user_name!r}")
        return db.remove_member(self.store, cohort.id, user.id)

    def my_cohorts(self) -> list[CohortView]:
        """Admin: every cohort; coach: where they coach; candidate: where they are a member."""
        role = self.role()
        if role == "admin":
            cohorts = db.all_cohorts(self.store)
        elif role == "coach":
            cohorts = db.cohorts_of(self.store, self.viewer_id, "coach")
        else:
            cohorts = db.cohorts_of(self.store, self.viewer_id, "candidate")
        views = []
        for cohort in cohorts:
            people = db.members(self.store, cohort.id)
            mine = next((m.role for m in people if m.user_id == self.viewer_id), role)
            views.append(
                CohortView(
                    cohort.id,
                    cohort.name,
                    mine,
                    sum(1 for m in people if m.role == "candidate"),
                    tuple(m.name for m in people if m.role == "coach"),
                )
            )
        return views

    def members(self, cohort_id: int) -> list[db.StoredMember]:
        self._managed_cohort(cohort_id)
        return db.members(self.store, cohort_id)

    # -- assignments -----------------------------------------------------------------------
    def assign(
        self,
        cohort_id: int,
        kind: str,
        *,
        title: str = "",
        due: str | date | datetime | None = None,
        role: str = "",
        level: str = "mid",
        minutes: int = 45,
        seed: int | None = None,
        ids: Iterable[str] = (),
    ) -> int:
        """Set the cohort work; a mock's or kit's seed is fixed now, so everyone gets the
        same questions."""
        cohort = self._managed_cohort(cohort_id)
        if kind not in ASSIGNMENT_KINDS:
            raise CoachingError(f"assignment kind must be one of {', '.join(ASSIGNMENT_KINDS)}")
        due_at = parse_due(due)
        payload: dict[str, Any]
        if kind in ("kit", "mock"):
            from mlinterview.interviews.plan import (
                PlanError,
                check_level,
                check_minutes,
                check_role,
            )

            try:
                role, level = str(check_role(role)), str(check_level(level))
                check_minutes(minutes)
            except PlanError as exc:
                raise CoachingError(str(exc)) from None
            if seed is not None and not 0 <= seed < 2**31:
                raise CoachingError(f"seed must be 0 or more, not {seed}")
            chosen = seed if seed is not None else _random_seed()
            payload = {"role": role, "level": level, "minutes": minutes, "seed": chosen}
            default_title = f"{kind} · {role} · {level} · {minutes} min"
        else:
            wanted = list(dict.fromkeys(i.strip() for i in ids if i and i.strip()))
            if not wanted:
                raise CoachingError(f"name the {kind} to assign (comma-separated ids)")
            if len(wanted) > MAX_ITEMS:
                raise CoachingError(f"at most {MAX_ITEMS} {kind} per assignment")
            known = {c.id for c in self.bank} if kind == "cards" else set(self._problem_ids())
            unknown = [i for i in wanted if i not in known]
            if unknown:
                listing = "`mlinterview list`" if kind == "cards" else "`mlinterview problems`"
                raise CoachingError(
                    f"unknown {kind[:-1]} id(s): {', '.join(unknown[:5])}; see {listing}"
                )
            payload = {"ids": wanted}
            default_title = f"{kind}: {', '.join(wanted[:3])}{' …' if len(wanted) > 3 else ''}"
        text = title.strip() or default_title
        if len(text) > MAX_TITLE:
            raise CoachingError(f"the title has more than {MAX_TITLE} characters; shorten it")
        return db.insert_assignment(
            self.store,
            cohort_id=cohort.id,
            created_by=self.viewer_id,
            kind=kind,
            title=text,
            payload=payload,
            due_at=due_at,
            moment=utcnow(),
        )

    def _status(
        self, user_id: int, item: db.StoredAssignment, cohort: str, now: datetime
    ) -> AssignmentStatus:
        mock_id = None
        if item.kind == "mock":
            mocks = db.mocks_of_assignment(self.store, user_id, item.id)
            finished = [m for m, done in mocks if done]
            done, total = (1 if finished else 0), 1
            mock_id = finished[-1] if finished else (mocks[-1][0] if mocks else None)
        elif item.kind == "cards":
            ids = item.payload.get("ids", [])
            done = len(db.cards_reviewed_since(self.store, user_id, ids, item.created_at))
            total = len(ids)
        elif item.kind == "problems":
            ids = item.payload.get("ids", [])
            done = len(db.problems_accepted_since(self.store, user_id, ids, item.created_at))
            total = len(ids)
        else:  # a kit is material to read: nothing to finish, never overdue
            done, total = 0, 0
        if item.kind == "kit":
            status = "kit"
        elif done >= total:
            status = "done"
        elif item.due_at is not None and item.due_at < now:
            status = "overdue"
        else:
            status = "open"
        return AssignmentStatus(
            id=item.id,
            cohort_id=item.cohort_id,
            cohort=cohort,
            kind=item.kind,
            title=item.title,
            payload=item.payload,
            due_at=item.due_at,
            created_at=item.created_at,
            status=status,
            done=done,
            total=total,
            mock_id=mock_id,
        )

    def statuses(self, user_id: int, now: datetime | None = None) -> list[AssignmentStatus]:
        """The assignments of every cohort the user is a candidate in, with their status."""
        self._visible_user(user_id)
        moment = now or utcnow()
        cohorts = {c.id: c.name for c in db.cohorts_of(self.store, user_id, "candidate")}
        return [
            self._status(user_id, item, cohorts[item.cohort_id], moment)
            for item in db.assignments_of(self.store, cohorts)
        ]

    def my_assignments(self, now: datetime | None = None) -> list[AssignmentStatus]:
        return self.statuses(self.viewer_id, now)

    def assignment(self, assignment_id: int) -> db.StoredAssignment:
        """An assignment of a cohort the viewer belongs to (or manages)."""
        item = db.get_assignment(self.store, assignment_id)
        if item is None:
            raise NotVisible(f"no assignment #{assignment_id}")
        if self.role() != "admin" and db.member_role(
            self.store, item.cohort_id, self.viewer_id
        ) not in ("candidate", "coach"):
            raise NotVisible(f"no assignment #{assignment_id}")
        return item

    def assigned_mock(self, assignment_id: int) -> tuple[db.StoredAssignment, int | None]:
        """A mock assignment of one of the viewer's cohorts, and their unfinished mock of it
        (None: start one). Only candidates of the cohort do assignments."""
        item = db.get_assignment(self.store, assignment_id)
        if (
            item is None
            or item.kind != "mock"
            or db.member_role(self.store, item.cohort_id, self.viewer_id) != "candidate"
        ):
            raise NotVisible(f"no mock assignment #{assignment_id}")
        open_mocks = [
            m for m, done in db.mocks_of_assignment(self.store, self.viewer_id, item.id) if not done
        ]
        return item, (open_mocks[-1] if open_mocks else None)

    # -- the cohort dashboard --------------------------------------------------------------
    def dashboard(self, cohort_id: int, now: datetime | None = None) -> CohortDashboard:
        """Progress per candidate and topic, weak key points, who is behind (coach/admin)."""
        from mlinterview.practice.scheduling import PracticeService
        from mlinterview.store.practice import coding_and_mock_progress

        cohort = self._managed_cohort(cohort_id)
        moment = now or utcnow()
        people = db.members(self.store, cohort.id)
        candidates = [m for m in people if m.role == "candidate"]
        assignments = db.assignments_of(self.store, [cohort.id])
        cards = list(self.bank)
        rows = []
        for person in candidates:
            topics = tuple(PracticeService(self.store, person.user_id).stats(cards, now=moment))
            progress = coding_and_mock_progress(self.store, person.user_id)
            statuses = [self._status(person.user_id, a, cohort.name, moment) for a in assignments]
            total_cards = sum(t.cards for t in topics)
            seen = sum(t.seen for t in topics)
            recalled = sum(t.recall_in_a_week * t.cards for t in topics)
            mastery_seen = recalled / seen if seen else None
            last = db.last_activity(self.store, person.user_id)
            overdue = sum(1 for s in statuses if s.status == "overdue")
            behind = []
            if overdue:
                behind.append("overdue")
            if last is None or moment - last > timedelta(days=INACTIVE_DAYS):
                behind.append("inactive")
            if (
                mastery_seen is not None
                and seen >= LOW_MASTERY_MIN_SEEN
                and mastery_seen < LOW_MASTERY
            ):
                behind.append("low_mastery")
            rows.append(
                CandidateProgress(
                    user_id=person.user_id,
                    name=person.name,
                    topics=topics,
                    cards_seen=seen,
                    due_now=sum(t.due_now for t in topics),
                    mastery=recalled / total_cards if total_cards else 0.0,
                    mastery_seen=mastery_seen,
                    reviews_7d=db.review_count_since(
                        self.store, person.user_id, moment - timedelta(days=7)
                    ),
                    problems_solved=progress.problems_solved,
                    mocks_finished=progress.mocks_finished,
                    last_mock_score=progress.last_mock_score,
                    assignments_done=sum(1 for s in statuses if s.status == "done"),
                    assignments_overdue=overdue,
                    last_activity=last,
                    behind=tuple(behind),
                )
            )
        weak, graded = self.weak_points([(c.user_id, c.name) for c in candidates])
        topic_order = tuple(t.topic for t in rows[0].topics) if rows else ()
        return CohortDashboard(
            id=cohort.id,
            name=cohort.name,
            coaches=tuple(m.name for m in people if m.role == "coach"),
            topics=topic_order,
            candidates=tuple(rows),
            assignments=tuple(assignments),
            weak_points=weak,
            graded_answers=graded,
        )

    def weak_points(
        self, people: list[tuple[int, str]], shown: int = WEAK_SHOWN
    ) -> tuple[tuple[WeakPoint, ...], int]:
        """The rubric points the cohort's latest answers miss most (bounded: the latest answer
        per card, ``WEAK_PER_CANDIDATE`` cards per candidate, ``WEAK_MAX_ANSWERS`` in all)."""
        from mlinterview.grading.engine import engine_version, grade_card

        names = dict(people)
        answers = db.latest_answers(self.store, names, WEAK_PER_CANDIDATE)[:WEAK_MAX_ANSWERS]
        version = engine_version()
        missing: dict[tuple[str, str], int] = defaultdict(int)
        partly: dict[tuple[str, str], int] = defaultdict(int)
        texts: dict[tuple[str, str], str] = {}
        who: dict[tuple[str, str], set[str]] = defaultdict(set)
        per_card: dict[str, int] = defaultdict(int)
        graded = 0
        for review in answers:
            card = self.bank.get(review.card_id)
            if card is None or not review.answer:
                continue
            text, lang = review.answer, review.lang if review.lang in ("en", "de") else "en"

            def compute(
                card: Any = card, text: str = text, lang: str = lang
            ) -> tuple[tuple[str, str, str], ...]:
                result = grade_card(card, text, lang)
                return tuple((p.id, p.text, p.status) for p in result.key_points)

            points = _GRADES.get((card.id, lang, text, version), compute)
            graded += 1
            per_card[card.id] += 1
            for point_id, point_text, status in points:
                key = (card.id, point_id)
                texts[key] = point_text
                if status == "missing":
                    missing[key] += 1
                    who[key].add(names[review.user_id])
                elif status == "partly":
                    partly[key] += 1
        found = [
            WeakPoint(
                card_id=card_id,
                point_id=point_id,
                text=texts[(card_id, point_id)],
                missing=missing.get((card_id, point_id), 0),
                partly=partly.get((card_id, point_id), 0),
                answers=per_card[card_id],
                candidates=tuple(sorted(who.get((card_id, point_id), ()))),
            )
            for card_id, point_id in texts
            if missing.get((card_id, point_id)) or partly.get((card_id, point_id))
        ]
        found.sort(key=lambda w: (-w.missing, -w.share, -w.answers, w.card_id, w.point_id))
        return tuple(found[:shown]), graded

    # -- coach review and comments ---------------------------------------------------------
    def candidate(self, user_id: int, mocks: Callable[[int], Iterable[Any]]) -> CandidateOverview:
        """A candidate's latest answer per card, mocks and assignments, for whoever sees them."""
        user = self._visible_user(user_id)
        return CandidateOverview(
            user_id=user.id,
            name=user.name,
            answered=tuple(db.answered_cards(self.store, user.id)),
            mocks=tuple(mocks(user.id)),
            assignments=tuple(self.statuses(user.id)),
        )

    def candidate_answers(self, user_id: int, card_id: str) -> CandidateAnswers:
        user = self._visible_user(user_id)
        if self.bank.get(card_id) is None:
            raise NotVisible(f"no card {card_id!r}")
        return CandidateAnswers(
            user_id=user.id,
            name=user.name,
            card_id=card_id,
            reviews=tuple(db.reviews_with_answers(self.store, user.id, card_id)),
            comments=tuple(db.card_comments(self.store, user.id, card_id)),
        )

    def _check_commenter(self, candidate_id: int) -> None:
        self._visible_user(candidate_id)
        if self.role() not in ("coach", "admin"):
            raise NotAllowed("only a coach or an admin comments on answers")

    def comment_on_card(
        self, candidate_id: int, card_id: str, body: str, review_id: int | None = None
    ) -> int:
        """A comment the candidate sees the next time they practise this card."""
        self._check_commenter(candidate_id)
        if self.bank.get(card_id) is None:
            raise NotVisible(f"no card {card_id!r}")
        if review_id is not None and db.review_owner(self.store, review_id) != (
            candidate_id,
            card_id,
        ):
            raise NotVisible(f"no review #{review_id} of {card_id!r} by this candidate")
        return db.insert_comment(
            self.store,
            author_id=self.viewer_id,
            candidate_id=candidate_id,
            card_id=card_id,
            review_id=review_id,
            body=check_comment(body),
            moment=utcnow(),
        )

    def comment_on_mock(self, mock_id: int, body: str) -> int:
        from mlinterview.store.mocks import mock_owner

        owner = mock_owner(self.store, mock_id)
        if owner is None or not self.sees(owner):
            raise NotVisible(f"no mock interview #{mock_id}")
        self._check_commenter(owner)
        return db.insert_comment(
            self.store,
            author_id=self.viewer_id,
            candidate_id=owner,
            mock_id=mock_id,
            body=check_comment(body),
            moment=utcnow(),
        )

    def take_card_comments(self, card_id: str) -> list[db.StoredComment]:
        """The viewer's unseen comments on a card, marked seen now: the practice page shows
        them once, the next time the card comes up."""
        found = db.card_comments(self.store, self.viewer_id, card_id, unseen_only=True)
        db.mark_seen(self.store, self.viewer_id, [c.id for c in found], utcnow())
        return found

    def unread_mock_comments(self) -> list[db.StoredComment]:
        """The viewer's unread comments on their mock reports: the dashboard points to them
        until the report is opened (reading it marks them seen)."""
        return db.unseen_mock_comments(self.store, self.viewer_id)

    def mock_comments(self, mock_id: int) -> list[db.StoredComment]:
        """Comments on a mock for whoever may see it; the owner's reading marks them seen."""
        from mlinterview.store.mocks import mock_owner

        owner = mock_owner(self.store, mock_id)
        if owner is None or not self.sees(owner):
            raise NotVisible(f"no mock interview #{mock_id}")
        found = db.mock_comments(self.store, mock_id)
        if owner == self.viewer_id:
            db.mark_seen(self.store, owner, [c.id for c in found if c.seen_at is None], utcnow())
        return found


def _random_seed() -> int:
    import random

    return random.SystemRandom().randrange(1, 10**6)


def payload_text(payload: dict[str, Any]) -> str:
    """An assignment's payload in one line (CLI listing)."""
    return json.dumps(payload, sort_keys=True)
