"""PostgreSQL specifics: text without NUL characters, and read-only units of work."""

from __future__ import annotations

from typing import Any

from psycopg.types.string import StrDumperUnknown
from sqlalchemy import Engine, event

NUL_STAND_IN = "\ufffd"  # the replacement character, as a reader would show an unreadable byte


class _TextWithoutNul(StrDumperUnknown):
    """PostgreSQL text cannot hold NUL: in mail or a looked-up id it becomes U+FFFD instead of an error."""

    def dump(self, obj: str) -> Any:
        return super().dump(obj.replace("\x00", NUL_STAND_IN))


def prepare(engine: Engine, read_only_option: str) -> None:
    """Connections send text without NUL; a unit of work marked read-only runs in a READ ONLY transaction."""

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.adapters.register_dumper(str, _TextWithoutNul)

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        if conn.get_execution_options().get(read_only_option):
            conn.exec_driver_sql("SET TRANSACTION READ ONLY")
