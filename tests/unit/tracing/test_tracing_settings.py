"""Splink's own check of the settings against the columns Haven gives it.

Runs skip that check (``validate_settings=False``: it parses every SQL condition
for each linker a run builds), so this test makes it once per job.
"""

from __future__ import annotations

import logging

import pyarrow as pa
import pytest
from splink import DuckDBAPI, Linker

from haven.tracing.domain import settings as model
from haven.tracing.domain.engine import input_tables
from haven.tracing.domain.settings import Job
from tests.unit.tracing.linkage_builders import SCENARIO_FOUND, SCENARIO_REPORTS


def _settings_warnings(job: Job, tables: list[pa.Table], caplog: pytest.LogCaptureFixture):
    database = DuckDBAPI()
    inputs = [database.register(table) for table in tables]
    settings = model.settings_creator(job, model.prior_parameters(0.01))
    with caplog.at_level(logging.WARNING, logger="splink"):
        Linker(inputs, settings, log_level=None, validate_settings=True)
    return [record.getMessage() for record in caplog.records if record.levelno >= logging.WARNING]


def _job_tables(job: Job) -> list[pa.Table]:
    if job is Job.LINK:
        return input_tables(job, SCENARIO_REPORTS, SCENARIO_FOUND)
    return input_tables(job, (*SCENARIO_REPORTS, *SCENARIO_FOUND))


@pytest.mark.parametrize("job", list(Job))
def test_splink_finds_every_column_the_settings_use(
    job: Job, caplog: pytest.LogCaptureFixture
) -> None:
    assert _settings_warnings(job, _job_tables(job), caplog) == []


def test_splink_warns_of_a_column_the_settings_use_and_the_input_lacks(
    caplog: pytest.LogCaptureFixture,
) -> None:
    tables = [table.drop_columns(["name_skeleton"]) for table in _job_tables(Job.LINK)]

    warnings = _settings_warnings(Job.LINK, tables, caplog)

    assert any("name_skeleton" in warning for warning in warnings)
