"""Run linkage: missing-person reports against found records, and de-duplication.

The public API (stable: the CLI ``haven link`` and the benchmark harness in
``bench/linkage`` call it)::

    link(missing_records, found_records, *, backend="duckdb", top_k=10, threshold=0.0,
         labelled_pairs=None, progress=None, training=None, spark_session=None)
        -> list[Candidate]
    dedupe(records, *, backend="duckdb", threshold=0.9, labelled_pairs=None,
           progress=None, training=None, spark_session=None)
        -> list[Cluster]

* ``missing_records``, ``found_records``, ``records``: sequences of
  ``records.LinkageRecord`` (``records.read_records`` reads them from CSV); ids
  must be unique within each sequence.
* ``backend``: ``"duckdb"`` (embedded, the default) or ``"spark"`` (a local
  session, ``local_spark_session()``, unless ``spark_session`` is given). The
  settings are the same on both; so are the candidates.
* ``link`` returns, for each missing-person report, its ``top_k`` best candidates
  with ``match_probability >= threshold``, ranked (``rank`` 1 = best) by match
  weight, ties broken by the found record's id; ordered by report id, then rank.
  A found record dated before the person went missing is never a candidate.
* ``dedupe`` joins records whose pairwise match probability is at least
  ``threshold`` into clusters (connected components) and returns every cluster,
  singletons included, each with the links that joined it.
* ``labelled_pairs``: reviewed pairs, as ``(left_id, right_id)`` or
  ``(left_id, right_id, is_match)``; for ``link``, left is the report and right
  the found record. Pairs reviewed as the same person set the m-probabilities
  (see below); pairs reviewed as different people are not used.
* ``progress``: called as ``progress(stage, done, total)`` (``total`` may be
  ``None``); stages are ``features``, ``training``, ``predicting``, ``ranking``
  (``link``) or ``clustering`` (``dedupe``). Each stage reports when it starts
  (``done`` = 0), so the time between two stages' first reports is the first's.
* Every ``Candidate`` carries ``explanation``: for each attribute (``names``,
  ``birth``, ``sex``, ``nationality``, ``place``, ``identifiers``) the comparison
  level it fell in and that level's match weight (Splink's ``gamma_``/``mw_``
  columns; the level is computed for the candidates kept, from Splink's
  comparison of the records), never the compared values.

How the model is trained (``Training`` holds the knobs; all of it is seeded and
deterministic):

* The prior probability that two records match comes from the size of the data
  (``settings.prior_probability_two_random_records_match``), never from EM,
  which gets it wrong by a factor of 10 on this data (research note §3.3).
* u-probabilities: Splink's random sampling (the values of
  ``estimate_u_using_random_sampling``, seeded, one chunk, no early stop, computed
  in one pass for every comparison) when the data have at least ``min_pairs_for_u`` pairs,
  each level shrunk towards its prior with ``u_prior_strength`` pseudo-pairs, so
  a level the sample never saw keeps a sensible value instead of 1e-6 and a tiny
  dataset (whose "random pairs" include its true matches) keeps the priors.
* m-probabilities: from reviewed pairs when there are any
  (``estimate_m_from_pairwise_labels``), shrunk towards the prior with
  ``m_prior_strength`` pseudo-matches, so a handful of reviews cannot zero a level
  none of them fell in. Otherwise from the expert priors in ``settings.py``,
  refined by EM with u fixed on two training blocks (same name skeleton; same
  birth-year interval and sex) when each has at least ``min_pairs_for_em`` pairs:
  EM's estimate is shrunk towards the prior in proportion to the matches it rests
  on, and discarded for a comparison whose best level it turns into evidence
  against a match, or whose worst level into evidence for one (EM alone
  converged to m = u for birth on this data: research note §3.3).

No Django here. DuckDB and Spark are imported only when used.
"""

from __future__ import annotations

import contextlib
import shutil
import tempfile
import uuid
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

import pyarrow as pa
from splink import Linker
from splink.internals.estimate_u import (
    _proportion_sample_size_link_only,
    _rows_needed_for_n_pairs,
)
from splink.internals.pipeline import CTEPipeline
from splink.internals.unique_id_concat import _composite_unique_id_from_nodes_sql

from haven.tracing.domain import settings as model
from haven.tracing.domain.blocking import DEDUPE_CAPS, LINK_CAPS, with_blocking_keys
from haven.tracing.domain.features import (
    RecordRole,
    features_table,
    features_tables,
    with_hashed_arrays,
)
from haven.tracing.domain.records import LinkageRecord, ProgressCallback
from haven.tracing.domain.settings import (
    ATTRIBUTES,
    EM_TRAINING_RULES,
    FOUND_DATASET,
    MISSING_DATASET,
    PERSONS_DATASET,
    UNKNOWN_LABEL,
    Job,
    LevelParameters,
    ModelParameters,
)

if TYPE_CHECKING:
    from pyspark.sql import SparkSession
    from splink.internals.comparison_level import ComparisonLevel
    from splink.internals.database_api import DatabaseAPISubClass
    from splink.internals.splink_dataframe import SplinkDataFrame

Backend = Literal["duckdb", "spark"]
BACKENDS: tuple[Backend, ...] = ("duckdb", "spark")

UNKNOWN_BACKEND = "backend must be one of {backends}, not {backend!r}"
BAD_TOP_K = "top_k must be a whole number of at least 1, not {value!r}"
BAD_THRESHOLD = "threshold must be a probability between 0 and 1, not {value!r}"
DUPLICATE_ID = "id {record_id!r} is used by more than one record of the {side} records"
BAD_LABELLED_PAIR = (
    "a labelled pair is (left_id, right_id) or (left_id, right_id, is_match), not {pair!r}"
)

TRAINING_STAGE = "training"
PREDICTING_STAGE = "predicting"
RANKING_STAGE = "ranking"
CLUSTERING_STAGE = "clustering"


# --- results --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class AttributeEvidence:
    """How one attribute of a pair compared: the level it fell in and its weight.

    ``match_weight`` is log2 of the Bayes factor: positive is evidence for the same
    person, negative against, 0 when the attribute is not known on both records.
    """

    attribute: str
    level: str
    match_weight: float


@dataclass(frozen=True)
class Candidate:
    """A pair of records that may be the same person, for a person to review.

    For ``link``, ``left_id`` is the missing-person report and ``right_id`` the
    found record, and ``rank`` is the candidate's place among the report's
    candidates (1 = best). For ``dedupe``, ``left_id < right_id`` and ``rank`` is
    the place among ``left_id``'s links.
    """

    left_id: str
    right_id: str
    match_probability: float
    match_weight: float
    rank: int
    explanation: tuple[AttributeEvidence, ...]

    def evidence(self, attribute: str) -> AttributeEvidence:
        for evidence in self.explanation:
            if evidence.attribute == attribute:
                return evidence
        raise KeyError(attribute)


@dataclass(frozen=True)
class Cluster:
    """Records taken to be one person: ids sorted, ``cluster_id`` the smallest.

    ``links`` are the pairs at or above the threshold that joined the cluster
    (none for a record alone), each with its explanation.
    """

    cluster_id: str
    record_ids: tuple[str, ...]
    links: tuple[Candidate, ...] = ()


@dataclass(frozen=True)
class Training:
    """How the model is estimated (see the module docstring)."""

    seed: int = 42
    # u by random sampling: the pairs sampled, the data size below which priors
    # stay, and the weight of the prior in pseudo-pairs.
    u_max_pairs: float = 1e6
    min_pairs_for_u: int = 10_000
    u_prior_strength: float = 10_000.0
    # m by EM when there are no reviewed pairs.
    expectation_maximisation: bool = True
    min_pairs_for_em: int = 1_000
    em_max_pairs: float = 1e6
    # The weight of the prior m in pseudo-matches, against reviews or EM.
    m_prior_strength: float = 50.0


@dataclass(frozen=True)
class TrainedModel:
    """The parameters used for prediction and how each part was estimated."""

    parameters: ModelParameters
    notes: tuple[str, ...] = field(default=())


# --- public API -----------------------------------------------------------------------------------


def link(
    missing_records: Sequence[LinkageRecord],
    found_records: Sequence[LinkageRecord],
    *,
    backend: Backend = "duckdb",
    top_k: int = 10,
    threshold: float = 0.0,
    labelled_pairs: Iterable[Sequence[Any]] | None = None,
    progress: ProgressCallback | None = None,
    training: Training | None = None,
    spark_session: SparkSession | None = None,
) -> list[Candidate]:
    """Rank found and deceased persons' records as candidates for each missing person.

    See the module docstring for every argument. Raises ``ValueError`` for an
    unknown backend, a ``top_k`` below 1, a threshold outside [0, 1] or an id
    used twice on one side.
    """
    _check_backend(backend)
    if isinstance(top_k, bool) or not isinstance(top_k, int) or top_k < 1:
        raise ValueError(BAD_TOP_K.format(value=top_k))
    _check_threshold(threshold)
    _check_unique_ids(missing_records, "missing")
    _check_unique_ids(found_records, "found")
    if not missing_records or not found_records:
        return []
    report = progress or _no_progress
    tables = _link_tables(missing_records, found_records, report)
    with _trained_run(
        Job.LINK, tables, backend, spark_session, labelled_pairs, training, report
    ) as (inputs, trained):
        linker = _linker(inputs, Job.LINK, trained.parameters)
        report(PREDICTING_STAGE, 0, 1)
        predictions = linker.inference.predict(
            threshold_match_probability=_splink_threshold(threshold)
        )
        report(PREDICTING_STAGE, 1, 1)
        report(RANKING_STAGE, 0, None)
        rows = _ranked_link_rows(predictions, top_k, threshold, inputs, trained.parameters)
        explanations = _Explanations(trained.parameters)
        candidates = [_candidate(row, explanations) for row in rows]
        report(RANKING_STAGE, len(candidates), len(candidates))
    return candidates


def dedupe(
    records: Sequence[LinkageRecord],
    *,
    backend: Backend = "duckdb",
    threshold: float = 0.9,
    labelled_pairs: Iterable[Sequence[Any]] | None = None,
    progress: ProgressCallback | None = None,
    training: Training | None = None,
    spark_session: SparkSession | None = None,
) -> list[Cluster]:
    """Group records that are the same person: clusters ordered by ``cluster_id``.

    See the module docstring for every argument. Raises ``ValueError`` for an
    unknown backend, a threshold outside [0, 1] or an id used twice.
    """
    _check_backend(backend)
    _check_threshold(threshold)
    _check_unique_ids(records, "input")
    if not records:
        return []
    report = progress or _no_progress
    tables = _dedupe_tables(records, report)
    with _trained_run(
        Job.DEDUPE, tables, backend, spark_session, labelled_pairs, training, report
    ) as (inputs, trained):
        linker = _linker(inputs, Job.DEDUPE, trained.parameters)
        report(PREDICTING_STAGE, 0, 1)
        predictions = linker.inference.predict(
            threshold_match_probability=_splink_threshold(threshold)
        )
        report(PREDICTING_STAGE, 1, 1)
        pairs = f"select unique_id_l, unique_id_r, {_SCORE_COLUMNS} from {{this}}"
        rows = predictions.query_sql(
            _with_comparison_levels(
                pairs,
                f"unique_id_l as left_id, unique_id_r as right_id, {_SCORE_COLUMNS}",
                Job.DEDUPE,
                inputs,
                trained.parameters,
            )
        ).as_record_list()
    report(CLUSTERING_STAGE, 0, None)
    links = _dedupe_links(rows, trained.parameters, threshold)
    clusters = _clusters([record.id for record in records], links)
    report(CLUSTERING_STAGE, len(clusters), len(clusters))
    return clusters


def train_link(
    missing_records: Sequence[LinkageRecord],
    found_records: Sequence[LinkageRecord],
    *,
    backend: Backend = "duckdb",
    labelled_pairs: Iterable[Sequence[Any]] | None = None,
    progress: ProgressCallback | None = None,
    training: Training | None = None,
    spark_session: SparkSession | None = None,
) -> TrainedModel:
    """The model ``link`` would use for these records, and how it was estimated."""
    _check_backend(backend)
    _check_unique_ids(missing_records, "missing")
    _check_unique_ids(found_records, "found")
    report = progress or _no_progress
    tables = _link_tables(missing_records, found_records, report)
    with _trained_run(
        Job.LINK, tables, backend, spark_session, labelled_pairs, training, report
    ) as (_, trained):
        return trained


def train_dedupe(
    records: Sequence[LinkageRecord],
    *,
    backend: Backend = "duckdb",
    labelled_pairs: Iterable[Sequence[Any]] | None = None,
    progress: ProgressCallback | None = None,
    training: Training | None = None,
    spark_session: SparkSession | None = None,
) -> TrainedModel:
    """The model ``dedupe`` would use for these records, and how it was estimated."""
    _check_backend(backend)
    _check_unique_ids(records, "input")
    report = progress or _no_progress
    tables = _dedupe_tables(records, report)
    with _trained_run(
        Job.DEDUPE, tables, backend, spark_session, labelled_pairs, training, report
    ) as (_, trained):
        return trained


def input_tables(
    job: Job,
    records: Sequence[LinkageRecord],
    found_records: Sequence[LinkageRecord] = (),
    *,
    progress: ProgressCallback | None = None,
) -> list[pa.Table]:
    """The tables Splink reads for a job: each record's features and blocking keys
    (``records`` are the reports of a link job, or the persons to de-duplicate)."""
    report = progress or _no_progress
    if job is Job.LINK:
        tables = features_tables(
            [(records, RecordRole.MISSING), (found_records, RecordRole.FOUND)], progress=report
        )
    else:
        tables = [features_table(records, RecordRole.PERSON, progress=report)]
    # Blocking keys from the names as text, then the compared arrays as numbers;
    # the pair keys have served their purpose and are left out.
    caps = LINK_CAPS if job is Job.LINK else DEDUPE_CAPS
    return [
        with_hashed_arrays(table).drop_columns(["name_pair_keys"])
        for table in with_blocking_keys(tables, caps)
    ]


def _link_tables(
    missing_records: Sequence[LinkageRecord],
    found_records: Sequence[LinkageRecord],
    progress: ProgressCallback,
) -> list[tuple[pa.Table, str]]:
    missing, found = input_tables(Job.LINK, missing_records, found_records, progress=progress)
    return [(missing, MISSING_DATASET), (found, FOUND_DATASET)]


def _dedupe_tables(
    records: Sequence[LinkageRecord], progress: ProgressCallback
) -> list[tuple[pa.Table, str]]:
    [persons] = input_tables(Job.DEDUPE, records, progress=progress)
    return [(persons, PERSONS_DATASET)]


@contextlib.contextmanager
def _trained_run(
    job: Job,
    tables: list[tuple[pa.Table, str]],
    backend: Backend,
    spark_session: SparkSession | None,
    labelled_pairs: Iterable[Sequence[Any]] | None,
    training: Training | None,
    progress: ProgressCallback,
) -> Iterator[tuple[list[SplinkDataFrame], TrainedModel]]:
    """Register the feature tables on the backend and train the model on them."""
    with _Backend(backend, spark_session) as database:
        inputs = [database.register(table, dataset) for table, dataset in tables]
        trained = train(
            job,
            inputs,
            tables[0][0],
            tables[1][0] if len(tables) > 1 else None,
            register=database.register,
            labels=_labels(labelled_pairs, tables[0], tables[-1]),
            training=training or Training(),
            progress=progress,
        )
        yield inputs, trained


# --- checks ---------------------------------------------------------------------------------------


def _no_progress(stage: str, done: int, total: int | None) -> None:
    return None


def _check_backend(backend: str) -> None:
    if backend not in BACKENDS:
        raise ValueError(UNKNOWN_BACKEND.format(backends=", ".join(BACKENDS), backend=backend))


def _check_threshold(threshold: float) -> None:
    if (
        isinstance(threshold, bool)
        or not isinstance(threshold, int | float)
        or not 0.0 <= threshold <= 1.0
    ):
        raise ValueError(BAD_THRESHOLD.format(value=threshold))


def _check_unique_ids(records: Sequence[LinkageRecord], side: str) -> None:
    seen: set[str] = set()
    for record in records:
        if record.id in seen:
            raise ValueError(DUPLICATE_ID.format(record_id=record.id, side=side))
        seen.add(record.id)


# --- backends -------------------------------------------------------------------------------------

# A local Spark session for one machine: its size, and quiet logs.
LOCAL_SPARK_CORES = 2
LOCAL_SPARK_SHUFFLE_PARTITIONS = 4

# DuckDB's working memory for a run (its default is 80 % of the machine's).
DUCKDB_MEMORY_LIMIT = "2GB"


def local_spark_session(extra_config: Mapping[str, str] | None = None) -> SparkSession:
    """A local-mode Spark session set up for Splink (its similarity UDF jar, which
    ships inside the splink wheel, and a checkpoint directory). Reused if one runs,
    in which case ``extra_config`` (Spark settings by name) is not applied."""
    from pyspark.sql import SparkSession
    from splink.backends.spark import similarity_jar_location

    builder = (
        SparkSession.builder.master(f"local[{LOCAL_SPARK_CORES}]")
        .appName("haven-linkage")
        .config("spark.jars", similarity_jar_location())
        .config("spark.sql.shuffle.partitions", str(LOCAL_SPARK_SHUFFLE_PARTITIONS))
        .config("spark.default.parallelism", str(LOCAL_SPARK_SHUFFLE_PARTITIONS))
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.session.timeZone", "UTC")
    )
    for key, value in (extra_config or {}).items():
        builder = builder.config(key, value)
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    if spark.sparkContext._jsc.sc().getCheckpointDir().isEmpty():  # type: ignore[union-attr]
        spark.sparkContext.setCheckpointDir(tempfile.mkdtemp(prefix="haven-spark-checkpoints-"))
    return spark


class _Backend:
    """The Splink database API for one run, and its clean-up."""

    def __init__(self, backend: Backend, spark_session: SparkSession | None) -> None:
        self.api: DatabaseAPISubClass
        self._spill_directory: str | None = None
        if backend == "duckdb":
            import duckdb
            from splink.backends.duckdb import DuckDBAPI

            # Bounded, DuckDB spills what does not fit to disk instead of growing:
            # unbounded (80 % of the machine), predicting at a million records
            # took 3.7 GB on top of the records and features, the peak of the run.
            self._spill_directory = tempfile.mkdtemp(prefix="haven-duckdb-")
            connection = duckdb.connect(
                config={
                    "memory_limit": DUCKDB_MEMORY_LIMIT,
                    "temp_directory": self._spill_directory,
                }
            )
            self.api = DuckDBAPI(connection=connection)
        else:
            from splink.backends.spark import SparkAPI

            local = spark_session is None
            session = local_spark_session() if local else spark_session
            self.api = SparkAPI(
                spark_session=session,
                # Local runs keep intermediate tables in memory; a cluster session
                # keeps Splink's default (parquet in the checkpoint directory).
                break_lineage_method="persist" if local else None,
                num_partitions_on_repartition=LOCAL_SPARK_SHUFFLE_PARTITIONS if local else None,
            )

        self._run = uuid.uuid4().hex
        self._registered: list[str] = []

    def register(self, table: pa.Table, dataset: str) -> SplinkDataFrame:
        """Register an input under a table name of its own (a Spark session outlives
        the run and may run several at once) and the dataset name ``dataset``."""
        table_name = f"__haven_{self._run}_{len(self._registered)}"
        self._registered.append(table_name)
        return self.api.register(table, dataset_display_name=dataset, table_name=table_name)

    def __enter__(self) -> _Backend:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.api.delete_tables_created_by_splink_from_db()
        for table_name in self._registered:
            self.api.delete_table_from_database(table_name)
        if self._spill_directory is not None:
            shutil.rmtree(self._spill_directory, ignore_errors=True)


# --- training -------------------------------------------------------------------------------------


def train(
    job: Job,
    inputs: list[SplinkDataFrame],
    left: pa.Table,
    right: pa.Table | None,
    *,
    register: Callable[[pa.Table, str], SplinkDataFrame],
    labels: pa.Table | None,
    training: Training,
    progress: ProgressCallback,
) -> TrainedModel:
    """Estimate the model for registered ``inputs`` (``left``/``right``: their features).

    See the module docstring for the method; ``TrainedModel.notes`` says which
    estimate each part of the model comes from.
    """
    left_count = left.num_rows
    right_count = right.num_rows if right is not None else 0
    parameters = model.prior_parameters(
        model.prior_probability_two_random_records_match(
            job, left_count=left_count, right_count=right_count
        )
    )
    notes: list[str] = []
    steps = 3
    progress(TRAINING_STAGE, 0, steps)

    total_pairs = (
        left_count * right_count if job is Job.LINK else left_count * (left_count - 1) // 2
    )
    if total_pairs >= training.min_pairs_for_u:
        estimated = _u_by_random_sampling(
            job,
            inputs,
            [left_count, right_count] if job is Job.LINK else [left_count],
            parameters,
            max_pairs=training.u_max_pairs,
            seed=training.seed,
        )
        sampled = min(float(total_pairs), training.u_max_pairs)
        for attribute in ATTRIBUTES:
            parameters = parameters.with_levels(
                attribute,
                _shrunk(
                    parameters.levels[attribute],
                    estimated[attribute],
                    "u_probability",
                    evidence=sampled,
                    prior_strength=training.u_prior_strength,
                ),
            )
        notes.append(f"u: random sampling of {sampled:,.0f} pairs, shrunk towards the priors")
    else:
        notes.append(f"u: priors ({total_pairs:,} pairs are too few to sample)")
    progress(TRAINING_STAGE, 1, steps)

    label_count = labels.num_rows if labels is not None else 0
    if labels is not None and label_count:
        linker = _linker(inputs, job, parameters)
        linker.training.estimate_m_from_pairwise_labels(register(labels, "labels"))
        estimated = _estimated_levels(linker, "m_probability")
        for attribute in ATTRIBUTES:
            parameters = parameters.with_levels(
                attribute,
                _shrunk(
                    parameters.levels[attribute],
                    estimated[attribute],
                    "m_probability",
                    evidence=float(label_count),
                    prior_strength=training.m_prior_strength,
                ),
            )
        notes.append(f"m: {label_count} reviewed pairs, shrunk towards the priors")
    elif training.expectation_maximisation:
        parameters = _expectation_maximisation(
            job, inputs, left, right, parameters, training, notes
        )
    else:
        notes.append("m: priors")
    progress(TRAINING_STAGE, steps, steps)
    return TrainedModel(parameters, tuple(notes))


def _expectation_maximisation(
    job: Job,
    inputs: list[SplinkDataFrame],
    left: pa.Table,
    right: pa.Table | None,
    parameters: ModelParameters,
    training: Training,
    notes: list[str],
) -> ModelParameters:
    for columns, attributes in EM_TRAINING_RULES:
        pairs = _pairs_in_block(columns, left, right)
        rule = " and ".join(f"l.{column} = r.{column}" for column in columns)
        if pairs < training.min_pairs_for_em:
            notes.append(f"m: priors for {', '.join(attributes)} ({pairs} pairs with {rule})")
            continue
        linker = _linker(inputs, job, parameters)
        try:
            session = linker.training.estimate_parameters_using_expectation_maximisation(
                rule,
                fix_u_probabilities=True,
                # Sample only a block larger than the cap (counted exactly above).
                max_pairs=training.em_max_pairs if pairs > training.em_max_pairs else None,
            )
        except Exception as error:  # noqa: BLE001 - EM only refines the priors
            # EM can drive an m-probability to 0, which Splink refuses, or fail on a
            # degenerate block; the priors are a sound model without it.
            notes.append(
                f"m: priors for {', '.join(attributes)} (EM on {rule} failed: "
                f"{type(error).__name__})"
            )
            continue
        block_match_share = session.core_model_settings.probability_two_random_records_match
        matches = block_match_share * min(float(pairs), training.em_max_pairs)
        estimated = _estimated_levels(linker, "m_probability")
        for attribute in attributes:
            candidate = _shrunk(
                parameters.levels[attribute],
                estimated[attribute],
                "m_probability",
                evidence=matches,
                prior_strength=training.m_prior_strength,
            )
            if _discriminates(candidate):
                parameters = parameters.with_levels(attribute, candidate)
                notes.append(f"m: EM for {attribute} on {rule} (~{matches:,.0f} matches)")
            else:
                notes.append(f"m: prior for {attribute} (EM on {rule} lost its direction)")
    return parameters


def _u_by_random_sampling(
    job: Job,
    inputs: list[SplinkDataFrame],
    row_counts: list[int],
    parameters: ModelParameters,
    *,
    max_pairs: float,
    seed: int,
) -> dict[str, list[float]]:
    """The u-probability of each non-null level (in settings order) among random
    pairs of ``inputs`` (registered tables of ``row_counts`` rows).

    The same pairs and the same values as Splink's
    ``estimate_u_using_random_sampling(max_pairs, seed, min_count_per_level=None,
    num_chunks=1)``: the same seeded sample of each input (Splink's own sampling
    SQL), every pair of it, each level's share of the pairs where the attribute is
    known. Splink joins the sample once per comparison and builds composite ids
    for every pair; here one join compares every attribute, in about half the
    time. A test holds the two to the same values.
    """
    database = inputs[0].db_api
    dialect = database.sql_dialect
    settings = model.settings_creator(job, parameters).get_settings(dialect.sql_dialect_str)
    id_columns = settings.column_info_settings.unique_id_input_columns
    if job is Job.LINK:
        # Splink's left side is the dataset whose name sorts first, and every pair
        # of the two samples is compared (a composite id starts with the dataset).
        proportion, _ = _proportion_sample_size_link_only(row_counts, max_pairs)
        samples = [
            f"select '{table.dataset_display_name}' as source_dataset, * from {table.physical_name}"
            for table in sorted(inputs, key=lambda table: table.dataset_display_name)
        ]
        pair_condition = ""
    else:
        [persons] = inputs
        proportion = _rows_needed_for_n_pairs(max_pairs) / row_counts[0]
        samples = [f"select * from {persons.physical_name}"] * 2
        pair_condition = (
            f"where {_composite_unique_id_from_nodes_sql(id_columns, 'l')}"
            f" < {_composite_unique_id_from_nodes_sql(id_columns, 'r')}"
        )
    sample_filter = dialect.proportion_sample_sql(min(proportion, 1.0), id_columns, seed=seed)
    pipeline = CTEPipeline()
    for side, sql in zip(("l", "r"), samples, strict=True):
        pipeline.enqueue_sql(
            f"select * from ({sql}) as concatenated where 1=1 {sample_filter}",
            f"__splink__haven_u_sample_{side}",
        )
    pipeline.enqueue_sql(
        f"select {_both_sides(_column_names(inputs[0]))} from __splink__haven_u_sample_l as l"
        f" inner join __splink__haven_u_sample_r as r on (1=1) {pair_condition}",
        "__splink__haven_u_pairs",
    )
    comparisons = settings.comparisons
    gammas = ", ".join(comparison._gamma_column_name for comparison in comparisons)
    cases = ", ".join(comparison._case_statement for comparison in comparisons)
    pipeline.enqueue_sql(
        f"select {gammas}, count(*) as pair_count"
        f" from (select {cases} from __splink__haven_u_pairs) as levels group by {gammas}",
        "__splink__haven_u_counts",
    )
    result = database.sql_pipeline_to_splink_dataframe(pipeline)
    try:
        rows = result.as_record_list()
    finally:
        result.drop_table_from_database_and_remove_from_cache()
    return {
        comparison.output_column_name: _level_shares(
            rows,
            comparison._gamma_column_name,
            comparison._comparison_levels_excluding_null,
            parameters.levels[comparison.output_column_name],
        )
        for comparison in comparisons
    }


def _level_shares(
    rows: list[dict[str, Any]],
    gamma: str,
    levels: Sequence[ComparisonLevel],
    current: tuple[LevelParameters, ...],
) -> list[float]:
    """Each level's share of the pairs counted in ``rows`` that fell in one of
    ``levels``; a level no pair fell in keeps its ``current`` u, as in Splink."""
    pairs_by_value: Counter[int] = Counter()
    for row in rows:
        pairs_by_value[int(row[gamma])] += int(row["pair_count"])
    known = sum(pairs_by_value[level.comparison_vector_value] for level in levels)
    return [
        pairs_by_value[level.comparison_vector_value] / known
        if pairs_by_value[level.comparison_vector_value]
        else parameters.u_probability
        for level, parameters in zip(levels, current, strict=True)
    ]


def _linker(inputs: list[SplinkDataFrame], job: Job, parameters: ModelParameters) -> Linker:
    # log_level=None: Splink's step-by-step INFO messages stay out of the caller's
    # output unless the caller configured logging; runs report through ``progress``.
    # validate_settings=False: Splink's check of the settings against the input
    # columns parses every SQL condition (a third of a second per linker, and a run
    # builds several) to log warnings; the settings are fixed, and a test checks them.
    return Linker(
        inputs, model.settings_creator(job, parameters), log_level=None, validate_settings=False
    )


def _pairs_in_block(columns: Sequence[str], left: pa.Table, right: pa.Table | None) -> int:
    """Pairs an equality rule on ``columns`` joins (nulls join nothing), counted exactly."""

    def keys(table: pa.Table) -> Counter[tuple[Any, ...]]:
        values = [table.column(column).to_pylist() for column in columns]
        return Counter(key for key in zip(*values, strict=True) if None not in key)

    left_keys = keys(left)
    if right is None:
        return sum(count * (count - 1) // 2 for count in left_keys.values())
    right_keys = keys(right)
    return sum(count * right_keys[key] for key, count in left_keys.items())


def _estimated_levels(linker: Linker, probability: str) -> dict[str, list[float]]:
    """The m or u probability of each non-null level as the linker now holds it."""
    estimated: dict[str, list[float]] = {}
    for comparison in linker.misc.save_model_to_json()["comparisons"]:
        values = []
        for level in comparison["comparison_levels"]:
            if level.get("is_null_level"):
                continue
            value = level.get(probability)
            values.append(float(value) if isinstance(value, int | float) else 0.0)
        estimated[comparison["output_column_name"]] = values
    return estimated


# Probabilities never reach 0: a level seen in no match is rare, not impossible.
MIN_PROBABILITY = 1e-6


def _shrunk(
    prior: tuple[LevelParameters, ...],
    estimate: Sequence[float],
    probability: Literal["m_probability", "u_probability"],
    *,
    evidence: float,
    prior_strength: float,
) -> tuple[LevelParameters, ...]:
    """Each level's estimate and prior averaged, weighted by evidence and prior strength
    (a Dirichlet prior with ``prior_strength`` pseudo-observations), renormalised."""
    weight = evidence / (evidence + prior_strength)
    total_estimate = sum(estimate)
    shares = [value / total_estimate if total_estimate > 0 else 0.0 for value in estimate]
    blended = [
        max(
            MIN_PROBABILITY,
            weight * share + (1 - weight) * getattr(level, probability),
        )
        for level, share in zip(prior, shares, strict=True)
    ]
    total = sum(blended)
    result = []
    for level, value in zip(prior, blended, strict=True):
        if probability == "m_probability":
            result.append(LevelParameters(level.label, value / total, level.u_probability))
        else:
            result.append(LevelParameters(level.label, level.m_probability, value / total))
    return tuple(result)


def _discriminates(levels: tuple[LevelParameters, ...]) -> bool:
    """The best level is evidence for a match and the "else" level against one."""
    best, worst = levels[0], levels[-1]
    return best.m_probability > best.u_probability and worst.m_probability < worst.u_probability


def _labels(
    labelled_pairs: Iterable[Sequence[Any]] | None,
    left: tuple[pa.Table, str],
    right: tuple[pa.Table, str],
) -> pa.Table | None:
    """The reviewed matches among these records as Splink's pairwise labels table
    (``None`` when there are none); pairs naming an unknown id are left out, so
    that the number of labels is the number of pairs m is estimated from."""
    if labelled_pairs is None:
        return None
    (left_table, left_dataset), (right_table, right_dataset) = left, right
    left_ids = set(left_table.column("unique_id").to_pylist())
    right_ids = set(right_table.column("unique_id").to_pylist())
    rows = []
    for pair in labelled_pairs:
        if isinstance(pair, str) or len(pair) not in (2, 3):
            raise ValueError(BAD_LABELLED_PAIR.format(pair=pair))
        if len(pair) == 3 and not pair[2]:
            continue
        if str(pair[0]) not in left_ids or str(pair[1]) not in right_ids:
            continue
        rows.append(
            {
                "source_dataset_l": left_dataset,
                "unique_id_l": str(pair[0]),
                "source_dataset_r": right_dataset,
                "unique_id_r": str(pair[1]),
            }
        )
    if not rows:
        return None
    return pa.Table.from_pylist(rows)


# --- results from predictions ---------------------------------------------------------------------

# The scores Splink's predictions give a pair, and each comparison's weight; the
# level of each comparison (gamma_) is added for the pairs kept only
# (``_with_comparison_levels``).
_SCORE_COLUMNS = ", ".join(
    ["match_probability", "match_weight"] + [f"mw_{attribute}" for attribute in ATTRIBUTES]
)

# Ranks compare match weights rounded here, so that the last bits of floating-point
# sums (which differ between backends) cannot reorder candidates of equal weight.
RANKING_DECIMALS = 6


def _splink_threshold(threshold: float) -> float | None:
    """Splink filters on the match weight, which is infinite at probability 1: the
    extremes are left to the exact filter on the probability that follows."""
    return threshold if 0.0 < threshold < 1.0 else None


def _ranked_link_rows(
    predictions: SplinkDataFrame,
    top_k: int,
    threshold: float,
    inputs: list[SplinkDataFrame],
    parameters: ModelParameters,
) -> list[dict[str, Any]]:
    """The best ``top_k`` predictions of each report, ranked in SQL on the backend,
    with the level of each comparison."""
    report_is_left = f"source_dataset_l = '{MISSING_DATASET}'"
    ranked = f"""
        select * from (
            select
                *,
                row_number() over (
                    partition by left_id
                    order by round(match_weight, {RANKING_DECIMALS}) desc, right_id
                ) as candidate_rank
            from (
                select
                    case when {report_is_left} then unique_id_l else unique_id_r end as left_id,
                    case when {report_is_left} then unique_id_r else unique_id_l end as right_id,
                    source_dataset_l, unique_id_l, source_dataset_r, unique_id_r,
                    {_SCORE_COLUMNS}
                from {{this}}
                where match_probability >= {float(threshold)!r}
            ) as oriented
        ) as ranked
        where candidate_rank <= {top_k}
    """
    sql = _with_comparison_levels(
        ranked,
        f"left_id, right_id, candidate_rank, {_SCORE_COLUMNS}",
        Job.LINK,
        inputs,
        parameters,
    )
    return predictions.query_sql(f"{sql} order by left_id, candidate_rank").as_record_list()


def _with_comparison_levels(
    pairs_sql: str,
    pair_columns: str,
    job: Job,
    inputs: list[SplinkDataFrame],
    parameters: ModelParameters,
) -> str:
    """SQL selecting ``pair_columns`` of the pairs ``pairs_sql`` selects, and the
    level of each of their comparisons (``gamma_<attribute>``).

    The pairs carry Splink's ids of both records (``unique_id_l``, ``unique_id_r``
    and, linking, ``source_dataset_l``, ``source_dataset_r``): the levels are
    Splink's own comparisons of the records, each the same way round as in Splink's
    predictions. Splink would keep them only with every compared column of both
    records in each prediction (``retain_matching_columns``), which made
    predicting half as slow again; here they are computed for the pairs kept.
    """
    settings = model.settings_creator(job, parameters).get_settings(
        inputs[0].db_api.sql_dialect.sql_dialect_str
    )
    if job is Job.LINK:
        records = " union all ".join(
            f"select '{table.dataset_display_name}' as source_dataset, * from {table.physical_name}"
            for table in inputs
        )
        keys = ("source_dataset", "unique_id")
    else:
        records = f"select * from {inputs[0].physical_name}"
        keys = ("unique_id",)
    joins = " ".join(
        f"inner join ({records}) as {side} on "
        + " and ".join(f"{side}.{key} = pairs.{key}_{side}" for key in keys)
        for side in "lr"
    )
    compared = [column for column in _column_names(inputs[0]) if column != "unique_id"]
    cases = ", ".join(comparison._case_statement for comparison in settings.comparisons)
    return (
        f"select {pair_columns}, {cases} from ("
        f"select pairs.*, {_both_sides(compared)} from ({pairs_sql}) as pairs {joins}"
        ") as compared"
    )


def _column_names(table: SplinkDataFrame) -> list[str]:
    return [column.unquote().name for column in table.columns]


def _both_sides(columns: Sequence[str]) -> str:
    """The columns of two records ``l`` and ``r`` as Splink's comparisons name them."""
    return ", ".join(f"{side}.{column} as {column}_{side}" for side in "lr" for column in columns)


class _Explanations:
    """Each row's explanation, built once per combination of levels and weights.

    A comparison has a handful of levels, so tens of thousands of candidates
    share a few hundred explanations: building each once, and sharing it between
    candidates (they are immutable), saves most of the time of turning rows into
    candidates, and leaves the garbage collector few objects to walk.
    """

    def __init__(self, parameters: ModelParameters) -> None:
        self._labels = {attribute: parameters.levels[attribute] for attribute in ATTRIBUTES}
        self._built: dict[tuple[Any, ...], tuple[AttributeEvidence, ...]] = {}

    def __call__(self, row: dict[str, Any]) -> tuple[AttributeEvidence, ...]:
        key = tuple(row[column] for column in _EXPLANATION_COLUMNS)
        explanation = self._built.get(key)
        if explanation is None:
            explanation = self._built[key] = self._explanation(row)
        return explanation

    def _explanation(self, row: dict[str, Any]) -> tuple[AttributeEvidence, ...]:
        evidence = []
        for attribute in ATTRIBUTES:
            gamma = int(row[f"gamma_{attribute}"])
            levels = self._labels[attribute]
            # Splink numbers a comparison's levels from the top: the first non-null
            # level is len(levels) - 1, the "else" level 0, the null level -1.
            label = UNKNOWN_LABEL if gamma < 0 else levels[len(levels) - 1 - gamma].label
            evidence.append(AttributeEvidence(attribute, label, float(row[f"mw_{attribute}"])))
        return tuple(evidence)


_EXPLANATION_COLUMNS = tuple(
    f"{prefix}_{attribute}" for attribute in ATTRIBUTES for prefix in ("gamma", "mw")
)


def _candidate(row: dict[str, Any], explanations: _Explanations) -> Candidate:
    return Candidate(
        left_id=str(row["left_id"]),
        right_id=str(row["right_id"]),
        match_probability=float(row["match_probability"]),
        match_weight=float(row["match_weight"]),
        rank=int(row["candidate_rank"]),
        explanation=explanations(row),
    )


def _dedupe_links(
    rows: list[dict[str, Any]], parameters: ModelParameters, threshold: float
) -> list[Candidate]:
    """Pairs at or above the threshold, ``left_id < right_id``, ranked per left id."""
    oriented = []
    for row in rows:
        if float(row["match_probability"]) < threshold:
            continue
        first, second = sorted((str(row["left_id"]), str(row["right_id"])))
        oriented.append({**row, "left_id": first, "right_id": second})
    oriented.sort(
        key=lambda row: (
            row["left_id"],
            -round(float(row["match_weight"]), RANKING_DECIMALS),
            row["right_id"],
        )
    )
    explanations = _Explanations(parameters)
    links = []
    rank = 0
    previous = None
    for row in oriented:
        rank = rank + 1 if row["left_id"] == previous else 1
        previous = row["left_id"]
        links.append(_candidate({**row, "candidate_rank": rank}, explanations))
    return links


def _clusters(record_ids: list[str], links: list[Candidate]) -> list[Cluster]:
    """Connected components of the links (union-find), every record in one."""
    parent = {record_id: record_id for record_id in record_ids}

    def root(record_id: str) -> str:
        while parent[record_id] != record_id:
            parent[record_id] = parent[parent[record_id]]
            record_id = parent[record_id]
        return record_id

    for candidate in links:
        first, second = root(candidate.left_id), root(candidate.right_id)
        if first != second:
            parent[max(first, second)] = min(first, second)
    members: dict[str, list[str]] = {}
    for record_id in record_ids:
        members.setdefault(root(record_id), []).append(record_id)
    links_of: dict[str, list[Candidate]] = {}
    for candidate in links:
        links_of.setdefault(root(candidate.left_id), []).append(candidate)
    clusters = []
    for ids in members.values():
        ordered = tuple(sorted(ids))
        clusters.append(
            Cluster(
                cluster_id=ordered[0],
                record_ids=ordered,
                links=tuple(links_of.get(root(ordered[0]), ())),
            )
        )
    return sorted(clusters, key=lambda cluster: cluster.cluster_id)
