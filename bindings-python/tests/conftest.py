"""Shared fixtures: a small community built through the typed methods."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from decimal import Decimal

import pytest

from gridward import Ward

CST = timezone(timedelta(hours=8))
AT = datetime(2026, 3, 2, 9, 0, tzinfo=CST)

DISTRICT = "510105"
STREET = "510105001"
COMMUNITY = "510105001001"
GRID = "510105001001001"
MICRO_1 = "510105001001001001"
MICRO_2 = "510105001001001002"


def build_community(ward: Ward) -> Ward:
    """District → street → community → grid → two micro-grids, four households, a
    chief grid leader, a grid leader, a worker and two residents."""
    for code, name in [
        (DISTRICT, "青羊区"),
        (STREET, "草市街街道"),
        (COMMUNITY, "吉福社区"),
        (GRID, "一号院落网格"),
        (MICRO_1, "1栋微网格"),
        (MICRO_2, "2栋微网格"),
    ]:
        ward.add_unit(code, name, at=AT)
    ward.add_household("1-101", MICRO_1, Decimal("72.50"), at=AT)
    ward.add_household("1-102", MICRO_1, 89, at=AT)
    ward.add_household("2-101", MICRO_2, "64.3", at=AT)
    ward.add_household("2-102", MICRO_2, Decimal("101"), at=AT)
    ward.add_person("chief", "李书记", "13800000001", True, at=AT)
    ward.add_person("gl", "张网格长", at=AT)
    ward.add_person("w1", "王微网格员", phone="13800000003", at=AT)
    ward.add_person("res1", "赵居民", party_member=True, at=AT)
    ward.add_person("res2", "钱居民", at=AT)
    ward.grant_role("chief", "chief_grid_leader", COMMUNITY, at=AT)
    ward.grant_role("gl", "grid_leader", GRID, at=AT)
    ward.grant_role("w1", "micro_grid_worker", MICRO_1, at=AT)
    ward.register_resident("res1", "1-101", at=AT)
    ward.register_resident("res2", "2-101", at=AT)
    return ward


@pytest.fixture
def ward() -> Ward:
    return build_community(Ward())
