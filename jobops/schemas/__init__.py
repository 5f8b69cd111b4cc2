"""The contract: one pydantic model per request and answer, camelCase only at the JSON edge."""

from jobops.schemas.base import Moment, Schema, dump, parse

__all__ = ["Moment", "Schema", "dump", "parse"]
