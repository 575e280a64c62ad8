"""The community rating tree through the Python face: scores, grades, ranks and vetoes
(一票否决), the items and losses as long tables (`rating_items`, `rating_losses`) and
DataFrames, and each refusal with its exception class, code and field."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import pytest

from gridward import (
    ConflictError,
    InvalidInputError,
    NotFoundError,
    Table,
    evaluate_communities,
    rating_items,
    rating_losses,
)

# The core's quick-start tree: one group and one flag, a veto.
TREE: dict[str, Any] = {
    "name": "示例",
    "items": [
        {"id": "convenient", "name": "便利型", "weight": "60", "children": [
            {"id": "closure_rate", "name": "结案率", "weight": "1",
             "normalise": {"method": "target", "target": "95", "better": "higher"}},
        ]},
        {"id": "safety_plan", "name": "应急预案", "weight": "40", "normalise": {"method": "flag"}},
    ],
    "vetoes": [{"id": "major_accident", "name": "发生重大安全责任事故"}],
}
DATA: list[dict[str, Any]] = [
    {"community": "渭滨社区", "values": {"closure_rate": "85.5", "safety_plan": "1"}},
    {"community": "金台社区", "values": {"closure_rate": "99", "safety_plan": "1"},
     "vetoes": ["major_accident"]},
]

# Four communities on two items of weight 60 and 40, with min–max indicators.
WIDE: dict[str, Any] = {
    "name": "四型社区(示例)",
    "items": [
        {"id": "convenient", "name": "便利型", "weight": 60, "children": [
            {"id": "closure_rate", "name": "结案率", "weight": 50,
             "normalise": {"method": "target", "target": 100, "better": "higher"}},
            {"id": "overdue", "name": "千户超期件", "weight": 50,
             "normalise": {"method": "min_max", "better": "lower"}},
        ]},
        {"id": "happy", "name": "幸福型", "weight": 40, "children": [
            {"id": "hours", "name": "户均志愿服务时长", "weight": 1,
             "normalise": {"method": "min_max", "better": "higher"}},
        ]},
    ],
    "bands": [{"label": "A", "min": 90}, {"label": "B", "min": 70}],
    "lowest": "C",
}


def wide_data() -> list[dict[str, Any]]:
    rows = [("甲", "99.5", "0.5", "1.25"), ("乙", "97", "2", "0.8"), ("丙", "92", "4.5", "0.3"),
            ("丁", "97", "2", "0.8")]
    return [{"community": c, "values": {"closure_rate": Decimal(a), "overdue": Decimal(b),
                                        "hours": Decimal(h)}} for c, a, b, h in rows]


def test_scores_grades_ranks_and_vetoes() -> None:
    result = evaluate_communities(TREE, DATA)
    assert isinstance(result, Table)
    first, second = result
    # 60 × 85.5/95 + 40.
    assert (first["community"], first["score"], first["grade"], first["rank"]) == (
        "渭滨社区", Decimal("94.00"), "优秀", 1)
    assert first["vetoed"] == [] and first["lost"][0]["indicator"] == "closure_rate"
    assert first["lost"][0]["points_lost"] == Decimal("6.00")
    assert first["items"] == [
        {"id": "convenient", "name": "便利型", "points": Decimal("54.00"), "max": Decimal("60.00")},
        {"id": "safety_plan", "name": "应急预案", "points": Decimal("40.00"), "max": Decimal("40.00")},
    ]
    assert (second["grade"], second["rank"], second["vetoed"]) == ("不合格", 2, ["major_accident"])


def test_the_tree_as_an_object_and_numbers_as_ints_give_the_same() -> None:
    # The tree is an object; JSON text is parsed by the caller (the old face took text too).
    text = json.dumps(TREE, ensure_ascii=False)
    assert evaluate_communities(json.loads(text), DATA) == evaluate_communities(TREE, DATA)
    with pytest.raises(InvalidInputError) as e:
        evaluate_communities(text, DATA)
    assert (e.value.code, e.value.field) == ("wrong_type", "tree")
    result = evaluate_communities(WIDE, wide_data())
    # In the order of the data, each with its competition rank (equal scores share one).
    assert [(e["community"], e["rank"]) for e in result] == [("甲", 1), ("乙", 2), ("丙", 4), ("丁", 2)]
    # 30 × 99.5/100 + 30 (fewest overdue) + 40 (most hours).
    assert result[0]["score"] == Decimal("99.85") and result[0]["grade"] == "A"
    assert result[2]["grade"] == "C"


def test_frames_of_communities_items_and_losses() -> None:
    pytest.importorskip("pandas")
    result = evaluate_communities(WIDE, wide_data())
    frame = result.to_pandas()
    assert list(frame.columns) == ["community", "score", "grade", "rank", "vetoed", "items", "lost"]
    assert frame.sort_values("rank")["community"].tolist() == ["甲", "乙", "丁", "丙"]
    items = rating_items(result)
    assert isinstance(items, Table) and len(items) == 8
    assert list(items.to_pandas().columns) == ["community", "grade", "rank", "id", "name", "points", "max"]
    losses = rating_losses(result).to_pandas()
    assert list(losses.columns) == [
        "community", "grade", "rank", "indicator", "name", "item", "value", "points_lost"]
    # The losses explain the score: 100 − score, to within the rounding of each loss.
    for e in result:
        lost = sum((loss["points_lost"] for loss in e["lost"]), Decimal(0))
        assert abs(Decimal(100) - e["score"] - lost) <= Decimal("0.01") * len(e["lost"])
    by_indicator = losses.groupby("indicator")["points_lost"].sum()
    # 乙 and 丁 lose 30 × (2 − 0.5)/(4.5 − 0.5) = 11.25 each, 丙 all 30.
    assert by_indicator["overdue"] == Decimal("52.50")
    # The same long table from evaluations read back from JSON.
    published = json.loads(json.dumps(list(result), default=str))
    assert rating_losses(published).to_pandas()["points_lost"].tolist() == losses["points_lost"].tolist()
    empty = rating_losses(evaluate_communities(TREE, [])).to_pandas()
    assert empty.empty and list(empty.columns) == list(losses.columns)


def test_data_from_a_dataframe() -> None:
    pd = pytest.importorskip("pandas")
    frame = pd.DataFrame(wide_data())
    assert evaluate_communities(WIDE, frame) == evaluate_communities(WIDE, wide_data())


@pytest.mark.parametrize(
    ("tree", "data", "cls", "code", "field"),
    [
        ({**TREE, "colour": "red"}, DATA, InvalidInputError, "unknown_field", "tree.colour"),
        ("{not json", DATA, InvalidInputError, "wrong_type", "tree"),
        ({**TREE, "items": []}, DATA, InvalidInputError, "empty_group", None),
        (TREE, [{"community": "x", "values": {"closure_rate": "90"}}], InvalidInputError, "missing_value", None),
        (TREE, [{"community": "x", "values": {"closure_rate": 90.5, "safety_plan": 1}}],
         InvalidInputError, "float_not_allowed", "data[0].values.closure_rate"),
        (TREE, [{"community": "x", "values": {"closure_rate": "90", "safety_plan": "2"}}],
         InvalidInputError, "not_a_flag", None),
        (TREE, [{"community": "x", "values": {"closure_rate": "90", "safety_plan": "1", "y": "1"}}],
         NotFoundError, "unknown_indicator", None),
        (TREE, [DATA[0], DATA[0]], ConflictError, "duplicate_community", None),
        (TREE, [{"values": {}}], InvalidInputError, "missing_field", "data[0].community"),
    ],
)
def test_refusals(tree: Any, data: Any, cls: type[Exception], code: str, field: str | None) -> None:
    with pytest.raises(cls) as e:
        evaluate_communities(tree, data)
    assert (getattr(e.value, "code"), getattr(e.value, "field")) == (code, field), str(e.value)
