"""Type stubs of the native module ``gridward._gridward`` (kept true by stubtest).

The native side is generic: the generated ``gridward._api`` gives every capability's
commands and queries their types and calls these entry points.
"""

from typing import Any, final

__all__ = [
    "__version__",
    "NativeWard",
    "call",
    "GridwardError",
    "InvalidInputError",
    "NotFoundError",
    "ConflictError",
    "PermissionDeniedError",
    "JournalError",
    "InternalError",
    "_panic_for_tests",
]

__version__: str

class GridwardError(Exception):
    code: str
    kind: str
    field: str | None

class InvalidInputError(GridwardError): ...
class NotFoundError(GridwardError): ...
class ConflictError(GridwardError): ...
class PermissionDeniedError(GridwardError): ...
class JournalError(GridwardError): ...
class InternalError(GridwardError): ...

@final
class NativeWard:
    def __new__(cls, config: Any = None) -> NativeWard: ...
    @staticmethod
    def from_journal(text: Any, config: Any = None) -> NativeWard: ...
    def execute(
        self,
        capability: str,
        name: str,
        args: Any,
        actor: Any = None,
        at: Any = None,
        key: Any = None,
    ) -> Any: ...
    def execute_command(
        self, command: Any, actor: Any = None, at: Any = None, key: Any = None
    ) -> Any: ...
    def decide(
        self, command: Any, actor: Any = None, at: Any = None, key: Any = None
    ) -> Any: ...
    def ask(self, capability: str, name: str, args: Any) -> Any: ...
    @property
    def head(self) -> str: ...
    @property
    def journal_length(self) -> int: ...
    def state_digest(self) -> str: ...
    def export_journal(self) -> str: ...
    def config(self) -> Any: ...
    def _panic_for_tests(self, message: str, command: Any = None) -> None: ...

def call(name: str, args: Any) -> Any: ...
def _panic_for_tests(message: str) -> None: ...
