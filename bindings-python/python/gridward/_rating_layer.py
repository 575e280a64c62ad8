"""The Python layer of the community rating tree (社区考核评价指标体系): communities'
evaluations as a table whose ``to_pandas()`` gives one row per community, with the
scored items and the points lost as long DataFrames of their own."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Iterable, Mapping

# The package imports this module once `Table` is defined (see __init__.py).
from . import Table, _gridward, _pandas

if TYPE_CHECKING:
    import pandas  # type: ignore[import-untyped,unused-ignore]

    from ._points_shapes import EvaluationDict

_EVALUATION = ("community", "score", "grade", "rank", "vetoed")
_ITEM = ("community", "id", "name", "points", "max")
_LOSS = ("community", "indicator", "name", "item", "value", "points_lost")


def _long(rows: Iterable[Mapping[str, Any]], key: str, columns: tuple[str, ...]) -> pandas.DataFrame:
    """One row per entry of each evaluation's ``key`` list, the community first."""
    pd = _pandas()
    flat = [{"community": e["community"], **entry} for e in rows for entry in e[key]]
    return pd.DataFrame(flat, columns=list(columns))


class EvaluationTable(Table["EvaluationDict"]):
    """Communities rated by an indicator tree, in the order of their data, each with
    its rank (see :func:`evaluate_communities`): a list of evaluation dicts ``{community, score,
    grade, rank, vetoed, items, lost}``."""

    def to_pandas(self) -> pandas.DataFrame:
        """One row per community: ``community, score, grade, rank, vetoed`` (scores as
        ``Decimal``; ``vetoed`` the list of fired vetoes). The nested ``items`` and
        ``lost`` have frames of their own."""
        pd = _pandas()
        return pd.DataFrame(list(self), columns=list(_EVALUATION))

    def items_to_pandas(self) -> pandas.DataFrame:
        """One row per community and top-level item: ``community, id, name, points,
        max``."""
        return _long(self, "items", _ITEM)

    def losses_to_pandas(self) -> pandas.DataFrame:
        """Every indicator a community lost points on, one row each: ``community,
        indicator, name, item, value, points_lost`` — the long frame to group by
        indicator, item or community."""
        return _long(self, "lost", _LOSS)


def rating_losses(evaluations: Iterable[Mapping[str, Any]]) -> pandas.DataFrame:
    """The losses of evaluations (as :func:`evaluate_communities` gives them, or read
    back from JSON) as one long DataFrame, one row per indicator and community."""
    return _long(evaluations, "lost", _LOSS)


def evaluate_communities(
    tree: Mapping[str, Any] | str, data: Iterable[Mapping[str, Any]]
) -> EvaluationTable:
    """Rates communities on an indicator tree (a dict or JSON text: ``{name, items,
    vetoes, bands, lowest}``) from their data (``[{"community", "values": {indicator:
    value}, "vetoes": [ids]}]``), in the order of the data, each with its competition
    rank; communities with a fired veto rank last, with the lowest grade."""
    return EvaluationTable(_gridward.evaluate_communities(tree, data), _EVALUATION)
