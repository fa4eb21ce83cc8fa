"""Accounts, failed logins and server-wide settings as rows: the store side of team mode.

No policy lives here (name rules, hashing, rate limits are in ``mlinterview.team.accounts``);
these functions only read and write, each in its own transaction, so every server process
on one database sees the same users, attempts and session secret.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import CursorResult, delete, func, select, update
from sqlalchemy.exc import IntegrityError

from mlinterview.store.db import Store
from mlinterview.store.models import EndedSession, LoginAttempt, ServerSetting, Setting, User


@dataclass(frozen=True)
class UserRow:
    """One account as stored (``password_hash`` never leaves the core's accounts module)."""

    id: int
    name: str
    role: str
    password_hash: str | None
    disabled: bool
    session_epoch: int
    created_at: datetime


def _row(user: User) -> UserRow:
    return UserRow(
        id=int(user.id),
        name=user.name,
        role=user.role,
        password_hash=user.password_hash,
        disabled=bool(user.disabled),
        session_epoch=int(user.session_epoch or 0),
        created_at=user.created_at,
    )


def get_user(store: Store, user_id: int) -> UserRow | None:
    with store.transaction() as session:
        user = session.get(User, user_id)
        return _row(user) if user is not None else None


def find_user(store: Store, name: str) -> UserRow | None:
    with store.transaction() as session:
        user = session.scalars(select(User).where(User.name == name)).first()
        return _row(user) if user is not None else None


def list_users(store: Store) -> list[UserRow]:
    with store.transaction() as session:
        return [_row(u) for u in session.scalars(select(User).order_by(User.id))]


def any_password_set(store: Store) -> bool:
    with store.transaction() as session:
        found = session.scalar(select(User.id).where(User.password_hash.is_not(None)).limit(1))
        return found is not None


def insert_user(store: Store, name: str, role: str, password_hash: str) -> UserRow:
    """A new account; ``ValueError`` when the name is taken (unique in the database)."""
    try:
        with store.transaction() as session:
            user = User(
                name=name,
                role=role,
                password_hash=password_hash,
                disabled=False,
                session_epoch=0,
                created_at=datetime.now(UTC),
            )
            session.add(user)
            session.flush()
            return _row(user)
    except IntegrityError:
        raise ValueError(f"a user named {name!r} already exists") from None


def claim_passwordless_user(
    store: Store, user_id: int, name: str, role: str, password_hash: str
) -> UserRow | None:
    """Give the password-less account ``user_id`` a name, role and password, atomically.

    Returns None when it is gone or already has a password (another process won the race),
    so two first admins added at once cannot both take over the local data."""
    try:
        with store.transaction() as session:
            claimed: CursorResult[Any] = session.execute(  # type: ignore[assignment]
                update(User)
                .where(User.id == user_id, User.password_hash.is_(None))
                .values(
                    name=name,
                    role=role,
                    password_hash=password_hash,
                    disabled=False,
                    session_epoch=User.session_epoch + 1,
                )
            )
            if not claimed.rowcount:
                return None
            user = session.get(User, user_id)
            assert user is not None
            session.refresh(user)
            return _row(user)
    except IntegrityError:
        raise ValueError(f"a user named {name!r} already exists") from None


def update_user(
    store: Store,
    user_id: int,
    *,
    role: str | None = None,
    disabled: bool | None = None,
    password_hash: str | None = None,
    bump_epoch: bool = False,
) -> UserRow | None:
    """Change the given fields; ``bump_epoch`` ends every session issued before now."""
    with store.transaction() as session:
        user = session.get(User, user_id, with_for_update=True)
        if user is None:
            return None
        if role is not None:
            user.role = role
        if disabled is not None:
            user.disabled = disabled
        if password_hash is not None:
            user.password_hash = password_hash
        if bump_epoch:
            user.session_epoch = int(user.session_epoch or 0) + 1
        session.flush()
        return _row(user)


def user_with_language(
    store: Store, user_id: int, session_id: str
) -> tuple[UserRow, str | None] | None:
    """The account and its interface language in one transaction (one per team request);
    None if there is no such account or this session was logged out."""
    with store.transaction() as session:
        found = session.execute(
            select(User, Setting.value, EndedSession.session_id)
            .outerjoin(Setting, (Setting.user_id == User.id) & (Setting.key == "lang"))
            .outerjoin(EndedSession, EndedSession.session_id == session_id)
            .where(User.id == user_id)
        ).first()
        if found is None or found[2] is not None:  # no such account, or logged out
            return None
        user, lang, _ended = found
        return _row(user), lang


def end_session(
    store: Store, user_id: int, session_id: str, moment: datetime, keep: timedelta
) -> None:
    """Record one logged-out session; rows older than ``keep`` (the cookie's lifetime, after
    which the signature alone refuses the token) are removed on the way."""
    with store.transaction() as session:
        session.execute(delete(EndedSession).where(EndedSession.ended_at < moment - keep))
        if session.get(EndedSession, session_id) is None:
            session.add(EndedSession(session_id=session_id, user_id=user_id, ended_at=moment))


# -- failed logins ----------------------------------------------------------------------------
def record_failed_login(store: Store, name: str, address: str, at: datetime) -> None:
    with store.transaction() as session:
        session.add(LoginAttempt(name=name[:80], address=address[:64], attempted_at=at))


def failed_logins_since(
    store: Store, name: str, address: str, since: datetime
) -> tuple[list[datetime], list[datetime]]:
    """Times of failures since ``since`` for this name and for this address (oldest first)."""
    with store.transaction() as session:
        by_name = session.scalars(
            select(LoginAttempt.attempted_at)
            .where(LoginAttempt.name == name[:80], LoginAttempt.attempted_at >= since)
            .order_by(LoginAttempt.attempted_at)
        ).all()
        by_address = session.scalars(
            select(LoginAttempt.attempted_at)
            .where(LoginAttempt.address == address[:64], LoginAttempt.attempted_at >= since)
            .order_by(LoginAttempt.attempted_at)
        ).all()
        return [_aware(t) for t in by_name], [_aware(t) for t in by_address]


def forget_failed_logins(store: Store, *, name: str | None = None, before: datetime) -> int:
    """Drop failures older than ``before`` (and, with ``name``, that name's failures)."""
    with store.transaction() as session:
        condition = LoginAttempt.attempted_at < before
        if name is not None:
            condition = condition | (LoginAttempt.name == name[:80])
        done: CursorResult[Any] = session.execute(  # type: ignore[assignment]
            delete(LoginAttempt).where(condition)
        )
        return int(done.rowcount or 0)


def count_failed_logins(store: Store) -> int:
    with store.transaction() as session:
        return int(session.scalar(select(func.count()).select_from(LoginAttempt)) or 0)


def _aware(moment: datetime) -> datetime:
    """SQLite hands back naive datetimes; every time in this module is UTC."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


# -- server-wide settings ---------------------------------------------------------------------
def get_server_setting(store: Store, key: str) -> str | None:
    with store.transaction() as session:
        row = session.get(ServerSetting, key)
        return row.value if row is not None else None


def server_setting_or_create(store: Store, key: str, value: str) -> str:
    """The stored value of ``key``, storing ``value`` first if there is none.

    Two processes starting at once both try the insert; the loser's insert fails on the
    primary key and it reads the winner's value, so every process ends with the same one."""
    found = get_server_setting(store, key)
    if found is not None:
        return found
    try:
        with store.transaction() as session:
            session.add(ServerSetting(key=key, value=value))
        return value
    except IntegrityError:
        stored = get_server_setting(store, key)
        assert stored is not None
        return stored
