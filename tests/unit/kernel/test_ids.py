import time
import uuid

from haven.kernel.ids import uuid7


def test_uuid7_has_version_and_variant():
    value = uuid7()
    assert value.version == 7
    assert value.variant == uuid.RFC_4122


def test_uuid7_carries_the_time_and_sorts_by_it():
    before = time.time_ns() // 1_000_000
    first = uuid7()
    time.sleep(0.002)
    second = uuid7()
    assert first.int >> 80 >= before
    assert first < second


def test_uuid7_values_are_unique():
    assert len({uuid7() for _ in range(10_000)}) == 10_000
