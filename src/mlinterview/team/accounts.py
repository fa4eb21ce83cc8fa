"""Accounts, passwords, login rate limiting and session tokens for team mode.

The CLI (`mlinterview users ...`) and the web app (login page, ``/api/login``) only call
:class:`Accounts`; every rule lives here:

- Names: 1-80 characters of letters, digits, ``.``, ``-``, ``_``. Passwords: at least
  10 characters (at most 1024, so hashing cost stays bounded). Roles: candidate, coach, admin.
- Passwords are hashed with argon2id (``argon2-cffi``'s defaults, RFC 9106's low-memory
  profile); a hash made with older parameters is replaced at the next successful login.
- The first account with a password must be an admin, and it takes over the local user
  (id 1, no password): the single-user data it owned becomes the admin's, reviews included.
- Failed logins are rows in ``login_attempts``, so every server process on one database
  counts the same failures: 5 for one name or 20 from one address within 15 minutes, and
  further attempts are refused (before any hash is checked) until the oldest one ages out.
  An unknown name costs the same hash verification as a known one.
- A session is a signed token (itsdangerous) of (user id, session epoch, session id). It
  stops working after 14 days, when it is logged out (its id is kept in
  ``ended_sessions`` until it would have expired), or for every device at once when the
  account is disabled or its password changes (the epoch is bumped). The signing secret
  is ``MLINTERVIEW_SECRET_KEY`` or one generated once and kept in ``server_settings``, so
  all processes and machines sharing the database accept each other's cookies.
"""

from __future__ import annotations

import hashlib
import hmac
import math
import os
import re
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from mlinterview.store import users as rows
from mlinterview.store.models import LOCAL_USER_ID, ROLES

if TYPE_CHECKING:
    from argon2 import PasswordHasher

    from mlinterview.store.db import Store

NAME_PATTERN = re.compile(r"[A-Za-z0-9._-]{1,80}")
MIN_PASSWORD = 10
MAX_PASSWORD = 1024
NAME_FAILURES = 5
ADDRESS_FAILURES = 20
FAILURE_WINDOW = timedelta(minutes=15)
SESSION_MAX_AGE = timedelta(days=14)
SECRET_ENV = "MLINTERVIEW_SECRET_KEY"
SECRET_SETTING = "session_secret"
_SESSION_SALT = "mlinterview.session.v1"


class AccountError(ValueError):
    """A request about accounts that cannot be done; the message says what to fix."""


class UserNotFound(AccountError, LookupError):
    """No account with that name."""


class PasswordRejected(AccountError):
    """A new password that breaks the rules (too short or too long)."""


class WrongPassword(AccountError):
    """The current password given for a change is not the account's."""


class LoginFailed(Exception):
    """Wrong name or password, or a disabled account (the message never says which)."""

    def __init__(self) -> None:
        super().__init__("wrong user name or password")


class TooManyAttempts(Exception):
    """Too many failed logins for this name or address; ``minutes`` until one may try again."""

    def __init__(self, minutes: int) -> None:
        self.minutes = minutes
        super().__init__(f"too many failed logins; wait {minutes} minutes and try again")


@dataclass(frozen=True)
class Account:
    """An account as the adapters see it: never the password hash."""

    id: int
    name: str
    role: str
    disabled: bool
    has_password: bool
    created_at: datetime

    @classmethod
    def of(cls, row: rows.UserRow) -> Account:
        return cls(
            id=row.id,
            name=row.name,
            role=row.role,
            disabled=row.disabled,
            has_password=row.password_hash is not None,
            created_at=row.created_at,
        )

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "role": self.role,
            "disabled": self.disabled,
            "can_log_in": self.has_password and not self.disabled,
            "created_at": self.created_at.isoformat(),
        }


@dataclass(frozen=True)
class Session:
    """A valid session: who, and the id its CSRF token is bound to."""

    account: Account
    session_id: str
    language: str | None = None


def check_name(name: str) -> str:
    if not NAME_PATTERN.fullmatch(name):
        raise AccountError(
            f"user name {name[:90]!r} is not allowed: use 1-80 letters, digits, '.', '-' or '_'"
        )
    return name


def check_role(role: str) -> str:
    if role not in ROLES:
        raise AccountError(f"role must be candidate, coach or admin, not {role[:40]!r}")
    return role


def check_password(password: str) -> str:
    if len(password) < MIN_PASSWORD:
        raise PasswordRejected(f"the password is too short: use at least {MIN_PASSWORD} characters")
    if len(password) > MAX_PASSWORD:
        raise PasswordRejected(f"the password is too long: use at most {MAX_PASSWORD} characters")
    return password


_hasher: PasswordHasher | None = None


def hasher() -> PasswordHasher:
    """The process's argon2 hasher (imported on first use: the CLI's startup stays light)."""
    global _hasher
    if _hasher is None:
        from argon2 import PasswordHasher

        _hasher = PasswordHasher()
    return _hasher


class Accounts:
    """Every account use case over one store (see the module doc for the rules)."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._secret: str | None = None
        self._dummy_hash: str | None = None

    # -- managing accounts ----------------------------------------------------------------
    def add(self, name: str, role: str, password: str) -> Account:
        """A new account; the first one with a password must be an admin and takes over
        the local user's data (see the module doc)."""
        check_name(name)
        check_role(role)
        check_password(password)
        if not rows.any_password_set(self.store):
            if role != "admin":
                raise AccountError(
                    "add an admin first: the first account takes over this database's "
                    f"existing data (mlinterview users add {name} --role admin)"
                )
            local = rows.get_user(self.store, LOCAL_USER_ID)
            if local is not None and local.password_hash is None:
                if name != local.name and rows.find_user(self.store, name) is not None:
                    raise AccountError(f"a user named {name!r} already exists")
                claimed = rows.claim_passwordless_user(
                    self.store, LOCAL_USER_ID, name, role, hasher().hash(password)
                )
                if claimed is not None:
                    return Account.of(claimed)
        try:
            return Account.of(rows.insert_user(self.store, name, role, hasher().hash(password)))
        except ValueError as exc:
            raise AccountError(str(exc)) from None

    def list(self) -> list[Account]:
        return [Account.of(row) for row in rows.list_users(self.store)]

    def get(self, name: str) -> Account:
        return Account.of(self._row(name))

    def set_role(self, name: str, role: str) -> Account:
        check_role(role)
        found = self._row(name)
        if found.role == "admin" and role != "admin":
            self._keep_one_admin(found.id)
        changed = rows.update_user(self.store, found.id, role=role)
        assert changed is not None
        return Account.of(changed)

    def disable(self, name: str) -> Account:
        """The account can no longer log in and its open sessions stop working at once."""
        found = self._row(name)
        if found.role == "admin":
            self._keep_one_admin(found.id)
        changed = rows.update_user(self.store, found.id, disabled=True, bump_epoch=True)
        assert changed is not None
        return Account.of(changed)

    def enable(self, name: str) -> Account:
        changed = rows.update_user(self.store, self._row(name).id, disabled=False)
        assert changed is not None
        return Account.of(changed)

    def set_password(self, name: str, password: str) -> Account:
        """An admin's reset (CLI): no old password asked; every session of the account ends."""
        check_password(password)
        found = self._row(name)
        first = found.password_hash is None and not rows.any_password_set(self.store)
        if first and found.role != "admin":
            raise AccountError("add an admin first (mlinterview users add NAME --role admin)")
        changed = rows.update_user(
            self.store, found.id, password_hash=hasher().hash(password), bump_epoch=True
        )
        assert changed is not None
        return Account.of(changed)

    def change_password(self, user_id: int, current: str, new: str) -> Account:
        """The user's own change: the current password first; every older session ends."""
        from argon2.exceptions import VerificationError

        check_password(new)
        found = rows.get_user(self.store, user_id)
        if found is None or found.password_hash is None or found.disabled:
            raise LoginFailed
        try:
            hasher().verify(found.password_hash, current)
        except VerificationError:
            raise WrongPassword("the current password is wrong") from None
        changed = rows.update_user(
            self.store, user_id, password_hash=hasher().hash(new), bump_epoch=True
        )
        assert changed is not None
        return Account.of(changed)

    def _row(self, name: str) -> rows.UserRow:
        found = rows.find_user(self.store, name[:80])
        if found is None:
            raise UserNotFound(f"no user named {name[:80]!r}; see `mlinterview users list`")
        return found

    def _keep_one_admin(self, leaving: int) -> None:
        others = [
            u
            for u in rows.list_users(self.store)
            if u.role == "admin" and not u.disabled and u.id != leaving and u.password_hash
        ]
        if not others:
            raise AccountError("this is the last admin who can log in; make another admin first")

    # -- logging in -----------------------------------------------------------------------
    def authenticate(
        self, name: str, password: str, address: str, *, now: datetime | None = None
    ) -> Account:
        """The account for a correct name and password, or LoginFailed / TooManyAttempts.

        Checked in this order so nothing leaks: the rate limit (no hash work for a
        throttled attacker), then one argon2 verification whether or not the name exists,
        then disabled. Every failure is recorded for the name and the address."""
        from argon2.exceptions import InvalidHashError, VerificationError

        moment = now or datetime.now(UTC)
        name = name[:80]
        address = (address or "unknown")[:64]
        self._check_rate(name, address, moment)
        found = rows.find_user(self.store, name) if NAME_PATTERN.fullmatch(name) else None
        stored = found.password_hash if found is not None else None
        ok = False
        try:
            ok = hasher().verify(stored or self._dummy(), password[:MAX_PASSWORD])
        except (VerificationError, InvalidHashError):
            ok = False
        if not ok or found is None or stored is None or found.disabled:
            rows.record_failed_login(self.store, name, address, moment)
            raise LoginFailed
        if hasher().check_needs_rehash(stored):
            rows.update_user(self.store, found.id, password_hash=hasher().hash(password))
        rows.forget_failed_logins(self.store, name=name, before=moment - FAILURE_WINDOW)
        return Account.of(found)

    def _check_rate(self, name: str, address: str, moment: datetime) -> None:
        by_name, by_address = rows.failed_logins_since(
            self.store, name, address, moment - FAILURE_WINDOW
        )
        waits = []
        if len(by_name) >= NAME_FAILURES:
            waits.append(by_name[-NAME_FAILURES] + FAILURE_WINDOW - moment)
        if len(by_address) >= ADDRESS_FAILURES:
            waits.append(by_address[-ADDRESS_FAILURES] + FAILURE_WINDOW - moment)
        if waits:
            raise TooManyAttempts(max(1, math.ceil(max(waits).total_seconds() / 60)))

    def _dummy(self) -> str:
        """A hash of a random password, verified for unknown names (same cost as a real one)."""
        if self._dummy_hash is None:
            self._dummy_hash = hasher().hash(secrets.token_urlsafe(16))
        return self._dummy_hash

    # -- sessions -------------------------------------------------------------------------
    def secret(self) -> str:
        """The signing secret every server process on this database shares."""
        if self._secret is None:
            given = os.environ.get(SECRET_ENV, "").strip()
            self._secret = given or rows.server_setting_or_create(
                self.store, SECRET_SETTING, secrets.token_urlsafe(48)
            )
        return self._secret

    def _serializer(self) -> Any:
        from itsdangerous import URLSafeTimedSerializer

        return URLSafeTimedSerializer(self.secret(), salt=_SESSION_SALT)

    def issue_session(self, account: Account) -> str:
        """A new session token for an account that just proved its password."""
        found = rows.get_user(self.store, account.id)
        if found is None or found.disabled:
            raise LoginFailed
        return str(self._serializer().dumps([found.id, found.session_epoch, _session_id()]))

    def session(self, token: str | None, *, now: datetime | None = None) -> Session | None:
        """The session a cookie stands for, or None (bad signature, expired, disabled
        account, or issued before the account's last password change or logout)."""
        from itsdangerous import BadSignature

        if not token or len(token) > 512:
            return None
        serializer = self._serializer()
        try:
            if now is None:
                payload = serializer.loads(token, max_age=SESSION_MAX_AGE.total_seconds())
            else:
                payload, signed_at = serializer.loads(token, return_timestamp=True)
                if now - signed_at > SESSION_MAX_AGE:
                    return None
        except BadSignature:  # SignatureExpired is one
            return None
        if not (
            isinstance(payload, list)
            and len(payload) == 3
            and all(isinstance(part, int) for part in payload[:2])
            and isinstance(payload[2], str)
            and len(payload[2]) <= 32
        ):
            return None
        user_id, epoch, session_id = payload
        found = rows.user_with_language(self.store, user_id, session_id)
        if found is None:
            return None
        row, language = found
        if row.disabled or row.password_hash is None or row.session_epoch != epoch:
            return None
        return Session(Account.of(row), session_id, language)

    def log_out(self, session: Session) -> None:
        """End this session only: the account's other devices stay logged in."""
        rows.end_session(
            self.store, session.account.id, session.session_id, datetime.now(UTC), SESSION_MAX_AGE
        )

    def csrf_token(self, session: Session) -> str:
        """The CSRF token bound to one session: a token from another session never matches."""
        key = hashlib.sha256(("csrf:" + self.secret()).encode()).digest()
        return hmac.new(key, session.session_id.encode(), hashlib.sha256).hexdigest()

    def check_csrf(self, session: Session, sent: str | None) -> bool:
        return isinstance(sent, str) and hmac.compare_digest(sent, self.csrf_token(session))


def _session_id() -> str:
    return secrets.token_urlsafe(16)
