"""Gridward: neighbourhood governance as Chinese cities practise it (网格化管理).

A :class:`Ward` holds a district's grid, requests, funds, votes, service records and
points, with every change recorded in a hash-chained journal that anyone can verify.
Its capabilities are namespaces: ``ward.grid``, ``ward.tasks``, ``ward.fund``,
``ward.assembly``, ``ward.scoring`` and ``ward.points``, each with one method per
command (returning a receipt) and per query. Decimals are ``decimal.Decimal``, days
``datetime.date``, times aware ``datetime.datetime``; lists of rows are :class:`Table`
(a list with ``to_pandas()``); :func:`coverage_findings` and :func:`statement_frames`
reshape a coverage report and a public statement into tables. A refused command raises
a :class:`GridwardError` subclass with ``.code``, ``.kind`` and ``.field``, and changes
nothing.

>>> import gridward
>>> ward = gridward.Ward()
>>> ward.grid.add_unit("510105", "青羊区")["seq"]
1
>>> [u["name"] for u in ward.grid.roots()]
['青羊区']
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from types import TracebackType
from typing import Any, Literal, Required, TypedDict

from . import _api, _gridward
from ._api import *  # noqa: F403 - the generated types, capabilities and functions
from ._api import Command, CommandIn, Event, Receipt, WardCapabilities, WardConfig, WardConfigIn
from ._gridward import (
    ConflictError,
    GridwardError,
    InternalError,
    InvalidInputError,
    JournalError,
    NotFoundError,
    PermissionDeniedError,
    StorageError,
)
from ._table import Table
from ._tables import read_table
from ._views import CoverageFinding, StatementFrames, coverage_findings, statement_frames

__version__: str = _gridward.__version__


class BatchCommand(TypedDict, total=False):
    """One command of :meth:`Ward.execute_batch`: the command in its dict form, and who
    gives it, when, under which idempotency key."""

    command: Required[CommandIn]
    actor: str | None
    at: Any
    key: str | None


class Ward(WardCapabilities):
    """A ward: every capability's state, folded from its hash-chained journal.

    ``Ward(config)`` starts empty with a configuration (a dict of the ward's
    configuration, such as another ward's ``config()``; the default when None). A ward pickles as its configuration, a
    snapshot of its state and its journal, and unpickles from the snapshot, verifying the journal's chain without
    replaying it.

    ``Ward.open(path)`` keeps a ward on disk instead: see :meth:`open`.
    """

    __slots__ = ()

    def __init__(self, config: WardConfigIn | WardConfig | None = None) -> None:
        super().__init__(_gridward.NativeWard(config))

    @classmethod
    def _around(cls, native: _gridward.NativeWard) -> Ward:
        """A ward around a native ward built already."""
        ward = cls.__new__(cls)
        WardCapabilities.__init__(ward, native)
        return ward

    @classmethod
    def from_journal(cls, text: str, config: WardConfigIn | WardConfig | None = None) -> Ward:
        """Rebuilds a ward from its journal (JSON lines), verifying every hash and
        checking every event against the state it meets."""
        return cls._around(_gridward.NativeWard.from_journal(text, config))

    @classmethod
    def open(
        cls,
        path: str | os.PathLike[str],
        config: WardConfigIn | WardConfig | None = None,
        *,
        sync: Literal["command", "request"] | int = "command",
        progress: Callable[[int, int], object] | None = None,
        snapshot_every: int | None = None,
    ) -> Ward:
        """Opens the ward kept in the folder ``path``, or makes one there (with
        ``config``) when the folder holds none.

        Opening restores the newest snapshot in the folder that checks (see
        :meth:`snapshot`), verifies the whole journal's chain and replays the entries
        after the snapshot, and cuts off a torn last line left by a crash (damage
        anywhere else raises :class:`StorageError` naming the ``.line``). A snapshot
        that fails a check is passed over for an older one or the journal alone.
        ``snapshot_every=n`` takes a snapshot after every n entries. From then on every command is written to the folder's
        ``journal.jsonl`` (the same JSON lines :meth:`export_journal` gives) before it
        takes effect, and made durable as ``sync`` says: ``"command"`` (the default)
        fsyncs before each command returns, so nothing acknowledged is lost even to a
        power cut; a number n fsyncs every n entries and ``"request"`` only on
        :meth:`sync` and :meth:`close`, which a power cut (not a crash of the process)
        can cost the commands since the last sync. A write that fails raises
        :class:`StorageError`, and the ward is as it was. One process writes a store
        at a time: another gets :class:`StorageError` with code ``store_locked``.

        Opening releases the GIL. ``progress(done_bytes, total_bytes)``, when given, is
        called about every MiB of journal read and at the end, for a progress bar (in a
        notebook, ``tqdm``'s ``bar.update``); an exception it raises stops the opening
        and is raised.

        Use it as a context manager, which closes the store on leaving::

            with gridward.Ward.open("wards/jifu") as ward:
                ward.grid.add_unit("510105", "青羊区")
        """
        return cls._around(_gridward.NativeWard.open(path, config, sync, progress, snapshot_every))

    @classmethod
    def from_journal_file(
        cls,
        path: str | os.PathLike[str],
        config: WardConfigIn | WardConfig | None = None,
        *,
        progress: Callable[[int, int], object] | None = None,
    ) -> Ward:
        """Reads the journal in a JSON-lines file into a ward in memory, one line at a
        time (the file's text is never held whole), verifying every hash and checking
        every event as :meth:`from_journal` does. A fault raises :class:`StorageError`
        naming the ``.line``. Releases the GIL; ``progress`` is as for :meth:`open`."""
        return cls._around(_gridward.NativeWard.from_journal_file(path, config, progress))

    @property
    def path(self) -> str | None:
        """The folder the ward is kept in (:meth:`open`), or None for a ward in memory."""
        return self._native.path

    def sync(self) -> None:
        """Makes every command written so far durable (for ``sync="request"`` or a
        number; with the default there is nothing to do)."""
        self._native.sync()

    def snapshot(self) -> str:
        """Takes a snapshot of a stored ward's state into its folder, so that the next
        :meth:`open` replays only the entries after it; returns the snapshot file's
        path. The journal is made durable first; the snapshot is written to a temporary
        file, fsynced and renamed into place, and the two newest are kept. A failure
        raises :class:`StorageError` and changes nothing. A ward in memory has no store
        to take one into (:class:`StorageError`, code ``store_not_a_store``): use
        :meth:`snapshot_bytes`. Releases the GIL."""
        return self._native.snapshot()

    def snapshot_bytes(self) -> bytes:
        """The ward's state as a snapshot: a header line (the entry it is at, the head,
        the state digest, and hashes of the configuration and the body) and a CBOR
        body. :meth:`from_snapshot` checks all of them. Releases the GIL."""
        return self._native.snapshot_bytes()

    @classmethod
    def from_snapshot(
        cls,
        snapshot: bytes,
        journal: str | None = None,
        config: WardConfigIn | WardConfig | None = None,
    ) -> Ward:
        """The ward a snapshot holds, under ``config`` (which must be the configuration
        it was taken under), without a replay. Given ``journal`` (the JSON lines of
        :meth:`export_journal` when the snapshot was taken), its chain is verified and
        must end at the snapshot's head, and the ward holds it whole; otherwise it holds
        none of the entries before the snapshot, and new entries chain on from its head.
        A damaged or foreign snapshot raises :class:`JournalError`. Releases the GIL."""
        return cls._around(_gridward.NativeWard.from_snapshot(snapshot, journal, config))

    def close(self) -> None:
        """Syncs and closes the ward's store, releasing it for another writer; later
        commands raise :class:`StorageError`. Does nothing for a ward in memory."""
        self._native.close()

    def __enter__(self) -> Ward:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    @property
    def head(self) -> str:
        """The journal's head hash: publish it, and anyone can verify the journal."""
        return self._native.head

    @property
    def journal_length(self) -> int:
        """The number of entries in the journal."""
        return self._native.journal_length

    def state_digest(self) -> str:
        """A digest of the whole state, equal for equal states however reached."""
        return self._native.state_digest()

    def export_journal(self, since: int = 0) -> str:
        """The journal as JSON lines: all of it, or the entries after entry ``since``
        (to persist or ship it incrementally)."""
        return self._native.export_journal(since)

    def config(self) -> WardConfig:
        """The configuration."""
        return self._native.config()  # type: ignore[no-any-return]

    def execute(
        self, command: CommandIn, *, actor: str | None = None, at: Any = None, key: str | None = None
    ) -> Receipt:
        """Decides and records any command in its dict form
        (``{"tasks": {"type": "file", ...}}``)."""
        return self._native.execute_command(command, actor, at, key)  # type: ignore[no-any-return]

    def execute_batch(self, commands: Iterable[BatchCommand]) -> list[Receipt | GridwardError]:
        """Executes a batch of commands, each a dict ``{"command": …, "actor": …, "at": …,
        "key": …}`` (only ``command`` is required; ``at`` defaults to now).

        Each is decided in turn against the state the ones before it left, as
        :meth:`execute` would decide it, and the accepted ones are recorded together in
        one journal entry: the way to run a simulation or a large stream of commands.
        Gives one outcome per command, in order: its receipt, or the
        :class:`GridwardError` that refused it, returned rather than raised (a refused
        command left no trace, and the rest of the batch went on)."""
        return self._native.execute_batch(commands)

    def decide(
        self, command: CommandIn, *, actor: str | None = None, at: Any = None, key: str | None = None
    ) -> list[Event]:
        """The events a command would cause, without recording them."""
        return self._native.decide(command, actor, at, key)  # type: ignore[no-any-return]

    def __reduce__(self) -> tuple[Any, ...]:
        # A ward kept on disk unpickles as a ward in memory, from a snapshot of its state
        # and its journal, whose chain is verified rather than replayed.
        return (_unpickle, (self.snapshot_bytes(), self.export_journal(), self.config()))

    def __repr__(self) -> str:
        return f"<gridward.Ward: {self.journal_length} entries, head {self.head[:12]}>"


def _unpickle(snapshot: bytes, journal: str, config: Any) -> Ward:
    return Ward.from_snapshot(snapshot, journal, config)


__all__ = [
    "Ward",
    "BatchCommand",
    "Table",
    "read_table",
    "GridwardError",
    "StorageError",
    "InvalidInputError",
    "NotFoundError",
    "ConflictError",
    "PermissionDeniedError",
    "JournalError",
    "InternalError",
    "CoverageFinding",
    "StatementFrames",
    "coverage_findings",
    "statement_frames",
    *_api.__all__,
]
