"""Fixtures for the linkage tests: a local Spark session, shared by the Spark tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

# Settings that make a tiny local job start and run fast (less code generation and
# JIT warm-up, one shuffle partition); a real job keeps Spark's defaults.
FAST_TINY_SPARK = {
    "spark.sql.shuffle.partitions": "1",
    "spark.default.parallelism": "1",
    "spark.sql.adaptive.enabled": "false",
    "spark.sql.codegen.wholeStage": "false",
    "spark.driver.extraJavaOptions": "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC",
}


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "spark: runs linkage on a local Spark session (select with -m spark)"
    )


@pytest.fixture(scope="module")
def spark_session() -> Iterator[object]:
    from haven.tracing.domain.engine import local_spark_session

    session = local_spark_session(FAST_TINY_SPARK)
    yield session
    session.stop()
