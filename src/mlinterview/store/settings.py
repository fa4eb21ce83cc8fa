"""Small per-user preferences (interface language, ...) kept in the database."""

from __future__ import annotations

from mlinterview.store.db import Store
from mlinterview.store.models import Setting


def get_setting(store: Store, user_id: int, key: str, default: str) -> str:
    with store.transaction() as session:
        row = session.get(Setting, (user_id, key))
        return row.value if row is not None else default


def set_setting(store: Store, user_id: int, key: str, value: str) -> None:
    with store.transaction() as session:
        row = session.get(Setting, (user_id, key))
        if row is None:
            session.add(Setting(user_id=user_id, key=key, value=value))
        else:
            row.value = value
