"""Result(value, messages): warnings travel with values, never lost or printed ad hoc."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Generic, TypeVar

T = TypeVar("T")

INFO, WARNING, ERROR = "info", "warning", "error"


@dataclass(frozen=True)
class Message:
    level: str  # INFO, WARNING or ERROR
    text: str
    where: str | None = None  # "page 4", "table 2", "section 'Our priorities'" ...

    def __str__(self) -> str:
        return f"{self.level}: {self.text}" + (f" ({self.where})" if self.where else "")


@dataclass(frozen=True)
class Result(Generic[T]):
    value: T
    messages: tuple[Message, ...] = field(default=())

    def warn(self, text: str, where: str | None = None) -> "Result[T]":
        return Result(self.value, self.messages + (Message(WARNING, text, where),))

    def then(self, fn) -> "Result":
        """Apply fn(value) -> Result and keep both sets of messages."""
        nxt = fn(self.value)
        return Result(nxt.value, self.messages + nxt.messages)

    @property
    def warnings(self) -> tuple[Message, ...]:
        return tuple(m for m in self.messages if m.level in (WARNING, ERROR))


class MessageLog:
    """Collects messages while a reader or writer works; .result(value) ends it."""

    def __init__(self) -> None:
        self.messages: list[Message] = []

    def info(self, text: str, where: str | None = None) -> None:
        self.messages.append(Message(INFO, text, where))

    def warning(self, text: str, where: str | None = None) -> None:
        self.messages.append(Message(WARNING, text, where))

    def extend(self, messages) -> None:
        self.messages.extend(messages)

    def result(self, value: T) -> Result[T]:
        return Result(value, tuple(self.messages))
