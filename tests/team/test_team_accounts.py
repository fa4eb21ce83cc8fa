"""The accounts core on SQLite and PostgreSQL: hashing, login limits seen by every process,
sessions that die with a password change or a disabled account, the first admin taking over
the local user's data."""

from __future__ import annotations

import statistics
import time
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from mlinterview.store import users as rows
from mlinterview.store.db import Store
from mlinterview.store.models import LOCAL_USER_ID, User
from mlinterview.team.accounts import (
    FAILURE_WINDOW,
    AccountError,
    Accounts,
    LoginFailed,
    TooManyAttempts,
    UserNotFound,
)
from mlinterview.workspace import Workspace

ADMIN_PW = "correct horse battery"
ALICE_PW = "alice-password-1"


@pytest.fixture
def accounts(store: Store) -> Accounts:
    found = Accounts(store)
    found.add("boss", "admin", ADMIN_PW)
    found.add("alice", "candidate", ALICE_PW)
    return found


def _stored_hash(store: Store, name: str) -> str | None:
    with store.transaction() as session:
        return session.scalar(select(User.password_hash).where(User.name == name))


def test_passwords_are_argon2_hashes_and_only_the_right_one_logs_in(
    store: Store, accounts: Accounts
) -> None:
    stored = _stored_hash(store, "alice")
    assert stored is not None and stored.startswith("$argon2id$") and ALICE_PW not in stored
    assert accounts.authenticate("alice", ALICE_PW, "10.0.0.1").name == "alice"
    with pytest.raises(LoginFailed, match="wrong user name or password"):
        accounts.authenticate("alice", ALICE_PW + "x", "10.0.0.1")
    with pytest.raises(LoginFailed, match="wrong user name or password"):
        accounts.authenticate("nobody", ALICE_PW, "10.0.0.1")
    assert "password" not in repr(accounts.get("alice")).lower().replace("has_password", "")


def test_rules_for_names_passwords_and_roles(accounts: Accounts) -> None:
    with pytest.raises(AccountError, match="at least 10 characters"):
        accounts.add("carol", "candidate", "short")
    with pytest.raises(AccountError, match="letters, digits"):
        accounts.add("carol smith", "candidate", ALICE_PW)
    with pytest.raises(AccountError, match="letters, digits"):
        accounts.add("x" * 81, "candidate", ALICE_PW)
    with pytest.raises(AccountError, match="role must be candidate, coach or admin"):
        accounts.add("carol", "root", ALICE_PW)
    with pytest.raises(AccountError, match="already exists"):
        accounts.add("alice", "coach", ALICE_PW)
    with pytest.raises(UserNotFound, match="no user named 'zed'"):
        accounts.set_role("zed", "coach")
    assert accounts.set_role("alice", "coach").role == "coach"
    # The last admin who can log in cannot demote or disable itself away.
    with pytest.raises(AccountError, match="last admin"):
        accounts.set_role("boss", "candidate")
    with pytest.raises(AccountError, match="last admin"):
        accounts.disable("boss")
    accounts.set_role("alice", "admin")
    assert accounts.set_role("boss", "coach").role == "coach"


def test_the_rate_limit_is_shared_by_every_process_on_the_database(
    database_url: str, accounts: Accounts
) -> None:
    """Two Store objects stand for two server processes: failures made through one
    refuse logins through the other, the right password included."""
    other = Accounts(Store(database_url))
    for i in range(5):
        with pytest.raises(LoginFailed):
            (accounts if i % 2 else other).authenticate("alice", f"guess-{i}-xxxx", "10.0.0.2")
    now = datetime.now(UTC)
    with pytest.raises(TooManyAttempts, match=r"wait 1[45] minutes") as refused:
        other.authenticate("alice", ALICE_PW, "10.0.0.3", now=now)
    assert 1 <= refused.value.minutes <= 15
    assert rows.count_failed_logins(other.store) == 5  # refusals are not counted again
    # Another name is not affected; after the window the right password works again.
    assert other.authenticate("boss", ADMIN_PW, "10.0.0.2").name == "boss"
    later = now + FAILURE_WINDOW + timedelta(seconds=5)
    assert accounts.authenticate("alice", ALICE_PW, "10.0.0.2", now=later).name == "alice"
    other.store.close()


def test_one_address_trying_many_names_is_refused(accounts: Accounts) -> None:
    for i in range(20):
        with pytest.raises(LoginFailed):
            accounts.authenticate(f"user{i}", "whatever-password", "203.0.113.9")
    with pytest.raises(TooManyAttempts):
        accounts.authenticate("alice", ALICE_PW, "203.0.113.9")
    assert accounts.authenticate("alice", ALICE_PW, "198.51.100.1").name == "alice"


def test_an_unknown_name_costs_a_hash_verification(accounts: Accounts) -> None:
    """Telling unknown names from wrong passwords by timing must not be easy: both verify
    one argon2 hash (a dictionary lookup alone takes well under 1 % of that)."""
    accounts.authenticate("alice", ALICE_PW, "10.1.0.1")  # warm the dummy hash's twin

    def timed(name: str, address: str) -> float:
        start = time.perf_counter()
        with pytest.raises(LoginFailed):
            accounts.authenticate(name, "not-the-password", address)
        return time.perf_counter() - start

    known = statistics.median(timed("alice", f"10.2.0.{i}") for i in range(3))
    unknown = statistics.median(timed(f"ghost{i}", f"10.3.0.{i}") for i in range(3))
    assert unknown > 0.4 * known, (unknown, known)


def test_a_hash_with_old_parameters_is_replaced_at_login(store: Store, accounts: Accounts) -> None:
    from argon2 import PasswordHasher

    weak = PasswordHasher(time_cost=1, memory_cost=8192, parallelism=1).hash(ALICE_PW)
    user = rows.find_user(store, "alice")
    assert user is not None
    rows.update_user(store, user.id, password_hash=weak)
    accounts.authenticate("alice", ALICE_PW, "10.0.0.4")
    renewed = _stored_hash(store, "alice")
    assert renewed != weak and renewed is not None and "m=65536" in renewed
    assert accounts.authenticate("alice", ALICE_PW, "10.0.0.4").name == "alice"


def test_a_password_change_ends_older_sessions(accounts: Accounts) -> None:
    alice = accounts.authenticate("alice", ALICE_PW, "10.0.0.5")
    laptop, phone = accounts.issue_session(alice), accounts.issue_session(alice)
    on_laptop, on_phone = accounts.session(laptop), accounts.session(phone)
    assert on_laptop is not None and on_phone is not None
    assert on_laptop.account.id == alice.id
    assert accounts.csrf_token(on_laptop) != accounts.csrf_token(on_phone)
    with pytest.raises(AccountError, match="current password is wrong"):
        accounts.change_password(alice.id, "not-my-password", "a-new-password-2")
    assert accounts.session(laptop) is not None  # a failed change ends nothing
    accounts.change_password(alice.id, ALICE_PW, "a-new-password-2")
    assert accounts.session(laptop) is None and accounts.session(phone) is None
    with pytest.raises(LoginFailed):
        accounts.authenticate("alice", ALICE_PW, "10.0.0.5")
    fresh = accounts.issue_session(accounts.authenticate("alice", "a-new-password-2", "10.0.0.5"))
    assert accounts.session(fresh) is not None
    # An admin's reset from the CLI ends it too.
    accounts.set_password("alice", "third-password-3")
    assert accounts.session(fresh) is None


def test_a_disabled_account_cannot_log_in_and_its_sessions_stop(accounts: Accounts) -> None:
    token = accounts.issue_session(accounts.authenticate("alice", ALICE_PW, "10.0.0.6"))
    assert accounts.session(token) is not None
    accounts.disable("alice")
    assert accounts.session(token) is None
    with pytest.raises(LoginFailed):
        accounts.authenticate("alice", ALICE_PW, "10.0.0.6")
    accounts.enable("alice")
    assert accounts.authenticate("alice", ALICE_PW, "10.0.0.6").name == "alice"


def test_sessions_expire_and_forged_or_foreign_tokens_fail(
    database_url: str, accounts: Accounts, monkeypatch: pytest.MonkeyPatch
) -> None:
    token = accounts.issue_session(accounts.get("alice"))
    assert accounts.session(token, now=datetime.now(UTC) + timedelta(days=13)) is not None
    assert accounts.session(token, now=datetime.now(UTC) + timedelta(days=15)) is None
    assert accounts.session(token[:-2] + ("AA" if not token.endswith("AA") else "BB")) is None
    assert accounts.session("") is None and accounts.session("x" * 5000) is None
    # Another process on the same database shares the secret (kept in server_settings) ...
    second = Accounts(Store(database_url))
    assert second.session(token) is not None
    # ... while a server with its own MLINTERVIEW_SECRET_KEY does not accept the cookie.
    monkeypatch.setenv("MLINTERVIEW_SECRET_KEY", "another-server-secret-0123456789")
    third = Accounts(Store(database_url))
    assert third.session(token) is None
    assert third.session(third.issue_session(accounts.get("alice"))) is not None
    second.store.close()
    third.store.close()


def test_the_first_admin_takes_over_the_local_users_data(store: Store) -> None:
    local = Workspace(store)
    card = local.cards()[0].id
    local.record_rating(card, 3, lang="de", answer="Meine Antwort vor dem Teammodus.")
    local.set_language("de")
    mock = local.start_mock("generalist", minutes=15, seed=5)
    accounts = Accounts(store)
    with pytest.raises(AccountError, match="add an admin first"):
        accounts.add("alice", "candidate", ALICE_PW)
    boss = accounts.add("boss", "admin", ADMIN_PW)
    assert boss.id == LOCAL_USER_ID and boss.name == "boss"
    owner = local.for_user(boss.id)
    assert owner.practice.review_count() == 1 and owner.language() == "de"
    assert [m.id for m in owner.mocks()] == [mock.id]
    # The next accounts are new people with nothing of the local data.
    alice = accounts.add("alice", "candidate", ALICE_PW)
    assert alice.id != LOCAL_USER_ID
    theirs = local.for_user(alice.id)
    assert theirs.practice.review_count() == 0 and theirs.mocks() == []
    assert [a.name for a in accounts.list()] == ["boss", "alice"]
    assert accounts.authenticate("boss", ADMIN_PW, "10.0.0.7").id == LOCAL_USER_ID


def test_the_workspace_and_the_store_agree_on_the_local_user() -> None:
    from mlinterview import workspace

    assert workspace.LOCAL_USER_ID == LOCAL_USER_ID
