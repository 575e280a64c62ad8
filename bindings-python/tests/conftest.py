"""Fixtures: the small worlds of `support`, fresh for each test."""

from __future__ import annotations

import pytest
from support import build_community, build_compound, build_world, open_fund

from gridward import Ward


@pytest.fixture
def ward() -> Ward:
    """The community: six units, four households, five people."""
    return build_community(Ward())


@pytest.fixture
def world() -> Ward:
    """The community of the request tests, with departments and claimers."""
    return build_world(Ward())


@pytest.fixture
def compound() -> Ward:
    """A compound with two buildings, four homes and their owners, no fund yet."""
    return build_compound(Ward())


@pytest.fixture
def fund_ward() -> Ward:
    """The compound with its common fund open."""
    return open_fund(build_compound(Ward()))
