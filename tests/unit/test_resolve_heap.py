"""kg.resolve.frozen_heap: the objects alive on entry stay out of the collector's passes during the
block, and the collector's state is given back as it was, also on error and when blocks nest."""

from __future__ import annotations

import gc

import pytest

from kg.resolve import frozen_heap, resolve


def test_the_heap_is_frozen_inside_and_given_back_after() -> None:
    assert gc.get_freeze_count() == 0
    alive = [object() for _ in range(100)]
    with frozen_heap():
        assert gc.get_freeze_count() >= len(alive)
    assert gc.get_freeze_count() == 0


def _collectable(obj: object) -> bool:
    """Whether the collector still scans ``obj``: frozen objects are in no generation it lists."""
    return any(o is obj for o in gc.get_objects())


def test_nested_blocks_leave_the_outer_in_charge() -> None:
    # the freeze count itself is no measure: a frozen object that is freed leaves the count
    with frozen_heap():
        made_inside = [[]]  # after the outer freeze: an inner block must not freeze it
        with frozen_heap():
            assert _collectable(made_inside)
        assert gc.get_freeze_count() > 0  # the inner block's end did not unfreeze the outer's objects
        assert _collectable(made_inside)
    assert gc.get_freeze_count() == 0


def test_an_error_inside_still_unfreezes() -> None:
    with pytest.raises(RuntimeError), frozen_heap():
        raise RuntimeError("boom")
    assert gc.get_freeze_count() == 0


def test_resolution_gives_the_collector_back() -> None:
    resolve([])
    assert gc.get_freeze_count() == 0
