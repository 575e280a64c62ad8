"""No argument crashes the face: every method of every capability namespace of
`gridward.Ward`, and every ward-level method, found by looking at the objects (not from a
hand-kept list), is called with junk — wrong types, NaN and infinities, bytes, a bare
object, a 10 MB string, lists and dicts nested 100,000 deep, negative and huge ints. Each
call raises a `GridwardError` (never `PanicException`, a crash or a `RecursionError`),
the ward's head, length and state digest stay as they were, and it still answers a
query. A Rust panic at the boundary raises `gridward.InternalError` (code
`internal_error`), and the ward it interrupted is as it was before the call."""

from __future__ import annotations

import inspect
import math
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from support import AT, DISTRICT, build_world

import gridward
from gridward import GridwardError, InternalError, InvalidInputError, StorageError, Ward
from gridward import _gridward as native

DEPTH = 100_000


def deep_list(depth: int) -> list[Any]:
    """A list holding a list … `depth` deep, built without recursion."""
    value: list[Any] = []
    for _ in range(depth):
        value = [value]
    return value


def deep_dict(depth: int) -> dict[str, Any]:
    """A dict holding a dict … `depth` deep, built without recursion."""
    value: dict[str, Any] = {}
    for _ in range(depth):
        value = {"code": value}
    return value


HUGE = "x" * (10 * 1024 * 1024)

# Built once: (name, value). The names are the test ids (pytest never reprs the values).
JUNK: list[tuple[str, Any]] = [
    ("none", None),
    ("list", [1, "x", None]),
    ("int", 7),
    ("negative", -1),
    ("two_to_64", 2**64),
    ("ten_to_30", 10**30),
    ("nan", math.nan),
    ("inf", math.inf),
    ("minus_inf", -math.inf),
    ("bytes", b"\x00\xff"),
    ("object", object()),
    ("huge_string", HUGE),
    ("deep_list", deep_list(DEPTH)),
    ("deep_dict", deep_dict(DEPTH)),
]


def new_ward() -> Ward:
    return build_world(Ward())


def namespaces(ward: Ward) -> Iterator[tuple[str, Any]]:
    """The capability namespaces: the ward's attributes that are objects of the package's
    own classes (not methods, not the head's `str`)."""
    for name in dir(ward):
        if name.startswith("_"):
            continue
        value = getattr(ward, name)
        if not callable(value) and type(value).__module__.startswith("gridward"):
            yield name, value


def methods(owner: Any) -> Iterator[tuple[str, Callable[..., Any]]]:
    """The public methods of `owner`, as bound methods."""
    for name in dir(owner):
        if name.startswith("_"):
            continue
        value = getattr(owner, name)
        if inspect.ismethod(value) or inspect.isfunction(value):
            yield name, value


def every_method(ward: Ward) -> list[tuple[str, Callable[..., Any]]]:
    found = [(f"Ward.{n}", m) for n, m in methods(ward)]
    for ns_name, ns in namespaces(ward):
        found += [(f"{ns_name}.{n}", m) for n, m in methods(ns)]
    return found


def test_the_enumeration_finds_every_capability_and_the_ward_methods() -> None:
    names = {n for n, _ in every_method(Ward())}
    capabilities = {n for n, _ in namespaces(Ward())}
    assert capabilities == {"grid", "tasks", "fund", "assembly", "scoring", "points", "projects", "party"}
    for expected in ("Ward.execute", "Ward.decide", "Ward.from_journal", "grid.add_unit", "fund.statement"):
        assert expected in names, expected
    assert len(names) > 150


def calls(method: Callable[..., Any], junk: Any) -> Iterator[tuple[tuple[Any, ...], dict[str, Any]]]:
    """Two calls: every required parameter junk (when there is one); every parameter
    junk."""
    params = [p for p in inspect.signature(method).parameters.values() if p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)]
    for only_required in (True, False):
        args: list[Any] = []
        kwargs: dict[str, Any] = {}
        for p in params:
            if only_required and p.default is not p.empty:
                continue
            if p.kind == p.KEYWORD_ONLY:
                kwargs[p.name] = junk
            else:
                args.append(junk)
        if args or kwargs:  # a call that gives no junk is no test of it
            yield tuple(args), kwargs


def fingerprint(ward: Ward) -> tuple[str, int, str]:
    return ward.head, ward.journal_length, ward.state_digest()


@pytest.mark.parametrize("name,junk", JUNK, ids=[n for n, _ in JUNK])
def test_every_method_refuses_junk_with_a_gridward_error(name: str, junk: Any) -> None:
    ward = new_ward()
    before = fingerprint(ward)
    answered: list[str] = []
    for label, method in every_method(ward):
        if not [p for p in inspect.signature(method).parameters.values()]:
            continue  # nothing to give junk to; called bare in the test below
        for args, kwargs in calls(method, junk):
            try:
                answer = method(*args, **kwargs)
            except GridwardError:
                pass
            except BaseException as e:  # noqa: BLE001 - anything else is the failure
                pytest.fail(f"{label} with {name}: {type(e).__module__}.{type(e).__name__}: {str(e)[:300]}")
            else:
                if label == "Ward.execute_batch":
                    # A batch refuses each junk item in its place, returning the error.
                    assert isinstance(answer, list) and answer, f"{label} answered {name} with {answer!r}"
                    assert all(isinstance(o, InvalidInputError) for o in answer), f"{label} accepted {name}"
                elif label == "Ward.export_journal" and type(junk) is int and 0 <= junk < 2**64:
                    # An entry number is what `since` takes: the entries after it.
                    assert isinstance(answer, str), f"{label} answered {name} with {answer!r}"
                else:
                    answered.append(label)
                    # None is how an optional argument is left out: a query whose every
                    # argument may be None answers. A string is of the right type for a
                    # query that looks a record up by its id: it names none, and the query
                    # says so (None, or an empty passbook). A command accepts neither.
                    is_query = "actor" not in inspect.signature(method).parameters
                    assert junk is None or (is_query and isinstance(junk, str)), f"{label} accepted {name}"
            assert fingerprint(ward) == before, f"{label} with {name} changed the ward"
    assert ward.grid.unit(DISTRICT)["code"] == DISTRICT
    if junk is not None and not isinstance(junk, str):
        assert not answered


def test_methods_without_arguments_answer() -> None:
    ward = new_ward()
    before = fingerprint(ward)
    for label, method in every_method(ward):
        if label == "Ward.snapshot":
            # A ward in memory has no store to take a snapshot into.
            with pytest.raises(StorageError):
                method()
        elif not inspect.signature(method).parameters:
            method()
    assert fingerprint(ward) == before


CONTEXT_JUNK = [j for j in JUNK if j[1] is not None]


@pytest.mark.parametrize("name,junk", CONTEXT_JUNK, ids=[n for n, _ in CONTEXT_JUNK])
@pytest.mark.parametrize("field", ["actor", "at", "key"])
def test_a_valid_command_with_a_junk_context_is_refused(field: str, name: str, junk: Any) -> None:
    ward = new_ward()
    before = fingerprint(ward)
    context: dict[str, Any] = {"actor": None, "at": AT, "key": None, field: junk}
    command = {"grid": {"type": "add_person", "id": "new", "name": "新居民"}}
    for call in (
        lambda: ward.grid.add_person("new", "新居民", **context),
        lambda: ward.execute(command, **context),
        lambda: ward.decide(command, **context),
    ):
        with pytest.raises(GridwardError) as e:
            call()
        assert e.value.field is None or e.value.field.startswith(field), (e.value.field, str(e.value)[:200])
        assert fingerprint(ward) == before
    assert ward.grid.person("chief")["id"] == "chief"


def test_a_journal_that_is_not_text_is_refused_naming_text() -> None:
    for _, junk in JUNK:
        if isinstance(junk, str):
            continue
        with pytest.raises(InvalidInputError) as e:
            Ward.from_journal(junk)
        assert e.value.code == "wrong_type"
        assert e.value.field == "text"


# Regression cases: the crashes the junk found, each refused now with a typed error.


def test_nesting_beyond_the_limit_is_refused_naming_the_path() -> None:
    # Before: the native conversion recursed once per level and overflowed the stack
    # (Rust aborts the whole interpreter on that) at 100,000 levels. The limit
    # counts the arguments (one dict) as the first level: an argument's value may hold
    # 63 more.
    ward = new_ward()
    with pytest.raises(InvalidInputError) as e:
        ward.grid.add_unit(deep_dict(DEPTH), "x", at=AT)
    assert e.value.code == "too_deep"
    assert e.value.field == "code" + ".code" * 63
    with pytest.raises(InvalidInputError) as e:
        ward.grid.add_unit("510106", deep_list(DEPTH), at=AT)
    assert e.value.code == "too_deep"
    assert e.value.field == "name" + "[0]" * 63
    # 64 levels are read (and refused for their type, not their depth); 65 are not.
    with pytest.raises(InvalidInputError) as e:
        ward.grid.add_unit("510106", deep_list(62), at=AT)
    assert (e.value.code, e.value.field) == ("wrong_type", "name")
    with pytest.raises(InvalidInputError) as e:
        ward.grid.add_unit("510106", deep_list(63), at=AT)
    assert (e.value.code, e.value.field) == ("too_deep", "name" + "[0]" * 63)
    # The command's time is an argument of its own: the same limit, named under `at`.
    with pytest.raises(InvalidInputError) as e:
        ward.grid.add_unit("510106", "x", at=deep_list(DEPTH))
    assert e.value.code == "too_deep"
    assert e.value.field == "at" + "[0]" * 64


def test_a_context_argument_of_the_wrong_type_is_a_gridward_error() -> None:
    # Before: actor, key and a journal's text were typed `str` at the native boundary, so
    # pyo3 raised a bare TypeError that `except GridwardError` did not catch.
    ward = new_ward()
    with pytest.raises(InvalidInputError) as e:
        ward.grid.add_person("new", "新居民", actor=5, at=AT)  # type: ignore[arg-type]
    assert (e.value.code, e.value.field) == ("wrong_type", "actor")
    with pytest.raises(InvalidInputError) as e:
        ward.grid.add_person("new", "新居民", key=b"k", at=AT)  # type: ignore[arg-type]
    assert (e.value.code, e.value.field) == ("wrong_type", "key")
    with pytest.raises(InvalidInputError) as e:
        Ward.from_journal(None)  # type: ignore[arg-type]
    assert (e.value.code, e.value.field) == ("wrong_type", "text")


# The boundary itself: a real panic, provoked on purpose.


def test_a_panic_raises_internal_error_not_panic_exception() -> None:
    with pytest.raises(BaseException) as e:
        native._panic_for_tests("provoked by the test")
    assert isinstance(e.value, GridwardError), type(e.value)
    assert isinstance(e.value, InternalError)
    assert type(e.value).__name__ != "PanicException"
    assert (e.value.code, e.value.kind, e.value.field) == ("internal_error", "internal", None)
    assert "provoked by the test" in str(e.value)
    assert gridward.InternalError is InternalError


def test_a_panic_while_holding_the_ward_leaves_it_usable_and_unchanged() -> None:
    ward = new_ward()
    before = fingerprint(ward)
    for _ in range(3):  # the lock is not poisoned: the next call works, again and again
        with pytest.raises(InternalError) as e:
            ward._native._panic_for_tests("in the ward")
        assert e.value.code == "internal_error"
        assert fingerprint(ward) == before
    receipt = ward.grid.add_person("after", "之后", at=AT)
    assert receipt["seq"] == before[1] + 1


def test_a_panic_after_an_entry_was_appended_restores_the_ward_before_it() -> None:
    ward = new_ward()
    before = fingerprint(ward)
    journal = ward.export_journal()
    command = {"grid": {"type": "add_person", "id": "mid", "name": "中途"}}
    with pytest.raises(InternalError):
        ward._native._panic_for_tests("after the append", command)
    assert fingerprint(ward) == before
    assert ward.export_journal() == journal
    assert ward.grid.person("mid") is None
    assert ward.grid.add_person("mid", "中途", at=AT)["seq"] == before[1] + 1


def test_a_panic_part_way_through_a_batch_restores_the_ward_before_it() -> None:
    # The batch's command is applied, and its entry not yet written, when the panic
    # comes: the journal has not moved, yet the state has, so the ward is rebuilt.
    ward = new_ward()
    before = fingerprint(ward)
    journal = ward.export_journal()
    command = {"grid": {"type": "add_person", "id": "mid", "name": "中途"}}
    with pytest.raises(InternalError):
        ward._native._panic_for_tests("part-way through a batch", command, batch=True)
    assert fingerprint(ward) == before
    assert ward.export_journal() == journal
    assert ward.grid.person("mid") is None
    assert ward.grid.add_person("mid", "中途", at=AT)["seq"] == before[1] + 1
