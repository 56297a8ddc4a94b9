"""Linking missing-person reports to found and deceased persons' records (DuckDB)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from splink.internals.linker_components.training import LinkerTraining

from haven.tracing.domain import engine
from haven.tracing.domain.engine import Candidate, Training, link, train_link
from haven.tracing.domain.records import AgeEstimate, PartialDate, Sex
from haven.tracing.domain.settings import ATTRIBUTES, Job, prior_parameters
from tests.unit.tracing.linkage_builders import (
    AMINA_FOUND,
    AMINA_REPORT,
    BROTHER_FOUND,
    FATHER_FOUND,
    MAHMOUD_FOUND,
    MOHAMED_FOUND,
    MOHAMED_REPORT,
    SCENARIO_FOUND,
    SCENARIO_REPORTS,
    SCENARIO_TRUE_MATCHES,
    YURI_FOUND_BEFORE,
    YURI_REPORT,
    day,
    record,
    synthetic_link,
    year,
)


@pytest.fixture(scope="module")
def scenario_candidates() -> list[Candidate]:
    return link(SCENARIO_REPORTS, SCENARIO_FOUND)


def candidates_of(candidates: list[Candidate], report_id: str) -> list[Candidate]:
    return [candidate for candidate in candidates if candidate.left_id == report_id]


def pair(candidates: list[Candidate], report_id: str, found_id: str) -> Candidate:
    (found,) = [c for c in candidates_of(candidates, report_id) if c.right_id == found_id]
    return found


def hit_at_1(candidates: list[Candidate], true_pairs: frozenset[tuple[str, str]]) -> float:
    first = {c.left_id: c.right_id for c in candidates if c.rank == 1}
    return sum(first.get(report) == found for report, found in true_pairs) / len(true_pairs)


# --- the true match ranks first, across scripts ---------------------------------------------------


@pytest.mark.parametrize(("report_id", "found_id"), sorted(SCENARIO_TRUE_MATCHES.items()))
def test_the_true_match_ranks_first(
    scenario_candidates: list[Candidate], report_id: str, found_id: str
) -> None:
    best = candidates_of(scenario_candidates, report_id)[0]

    assert (best.right_id, best.rank) == (found_id, 1)
    assert best.match_probability > 0.9


@pytest.mark.parametrize(
    ("report", "true_match", "near_miss"),
    [
        (MOHAMED_REPORT, MOHAMED_FOUND, BROTHER_FOUND),  # shares the father's name
        (MOHAMED_REPORT, MOHAMED_FOUND, MAHMOUD_FOUND),  # another name, the same skeleton
        (AMINA_REPORT, AMINA_FOUND, FATHER_FOUND),  # his whole name is part of hers
    ],
)
def test_a_relative_or_a_look_alike_ranks_below_with_much_less_weight(
    scenario_candidates: list[Candidate], report, true_match, near_miss
) -> None:
    true = pair(scenario_candidates, report.id, true_match.id)
    near = pair(scenario_candidates, report.id, near_miss.id)

    assert near.rank > true.rank
    assert true.match_weight - near.match_weight > 5


def test_a_name_in_arabic_script_and_its_latin_spelling_are_the_same_names(
    scenario_candidates: list[Candidate],
) -> None:
    names = pair(scenario_candidates, MOHAMED_REPORT.id, MOHAMED_FOUND.id).evidence("names")

    assert names.level == "same names, any order or script"
    assert names.match_weight > 5


def test_a_name_with_a_part_left_out_is_not_a_different_name(
    scenario_candidates: list[Candidate],
) -> None:
    amina = pair(scenario_candidates, AMINA_REPORT.id, AMINA_FOUND.id)
    father = pair(scenario_candidates, AMINA_REPORT.id, FATHER_FOUND.id)

    assert amina.evidence("names").level == "every part of one name in the other"
    # The father's name is also part of hers: his birth year tells them apart.
    assert father.evidence("birth").level == "birth years further apart"
    assert father.evidence("birth").match_weight < -3


def test_an_age_estimate_is_compatible_with_a_birth_year(
    scenario_candidates: list[Candidate],
) -> None:
    birth = pair(scenario_candidates, MOHAMED_REPORT.id, MOHAMED_FOUND.id).evidence("birth")

    assert birth.level == "birth years compatible"
    assert birth.match_weight > 0


def test_every_candidate_explains_every_attribute(scenario_candidates: list[Candidate]) -> None:
    for candidate in scenario_candidates:
        assert [evidence.attribute for evidence in candidate.explanation] == list(ATTRIBUTES)
        total = sum(evidence.match_weight for evidence in candidate.explanation)
        prior = candidate.match_weight - total
        assert prior == pytest.approx(
            scenario_candidates[0].match_weight
            - sum(evidence.match_weight for evidence in scenario_candidates[0].explanation)
        )


def test_an_attribute_unknown_on_one_side_weighs_nothing(
    scenario_candidates: list[Candidate],
) -> None:
    place = pair(scenario_candidates, MOHAMED_REPORT.id, MAHMOUD_FOUND.id).evidence("place")

    assert (place.level, place.match_weight) == ("not known on both records", 0.0)


def test_candidates_are_ordered_by_report_and_rank(scenario_candidates: list[Candidate]) -> None:
    keys = [(c.left_id, c.rank) for c in scenario_candidates]

    assert keys == sorted(keys)
    for report in SCENARIO_REPORTS:
        ranks = [c.rank for c in candidates_of(scenario_candidates, report.id)]
        assert ranks == list(range(1, len(ranks) + 1))
        probabilities = [c.match_probability for c in candidates_of(scenario_candidates, report.id)]
        assert probabilities == sorted(probabilities, reverse=True)


def test_unidentified_remains_without_a_name_are_still_candidates() -> None:
    remains = record(
        "found-unidentified",
        sex=Sex.MALE,
        age=AgeEstimate(20, 30),
        nationality=("SDN",),
        place="Zuwara",
        event_date=day("2024-04-20"),
    )

    (candidate,) = link([MOHAMED_REPORT], [remains])

    assert candidate.right_id == remains.id
    assert candidate.evidence("names").level == "not known on both records"
    assert candidate.evidence("names").match_weight == 0.0


@pytest.mark.parametrize(
    ("estimated_age", "is_candidate"),
    [
        (AgeEstimate(30, 32), True),  # born 1991-1994, the report 1996-2001: 2 years apart
        (AgeEstimate(34, 36), False),  # born 1987-1990: 6 years apart
    ],
)
def test_unidentified_remains_meet_a_report_a_few_birth_years_apart(
    estimated_age: AgeEstimate, is_candidate: bool
) -> None:
    remains = record(
        "found-unidentified",
        sex=Sex.MALE,
        age=estimated_age,
        nationality=("SDN",),
        event_date=day("2024-04-20"),
    )

    candidates = link([MOHAMED_REPORT], [remains])

    assert [candidate.right_id for candidate in candidates] == (
        [remains.id] if is_candidate else []
    )


# --- nobody is found before they went missing -----------------------------------------------------


FOUND_ON = {
    "six-weeks-before": (day("2023-12-01"), False),
    "the-day-before": (day("2024-01-14"), False),
    "the-month-before": (PartialDate(2023, 12), False),  # some day of it
    "the-year-before": (year(2023), False),
    "the-same-day": (day("2024-01-15"), True),
    "the-same-month": (PartialDate(2024, 1), True),  # possibly after
    "the-same-year": (year(2024), True),
    "no-date": (None, True),
}


@pytest.fixture(scope="module")
def yuri_candidates() -> set[str]:
    # The same man found on different dates: he went missing on 2024-01-15.
    found = [
        replace(YURI_FOUND_BEFORE, id=key, event_date=date) for key, (date, _) in FOUND_ON.items()
    ]
    return {candidate.right_id for candidate in link([YURI_REPORT], found)}


@pytest.mark.parametrize("found_on", FOUND_ON)
def test_a_record_found_before_the_person_went_missing_is_never_a_candidate(
    yuri_candidates: set[str], found_on: str
) -> None:
    _, is_candidate = FOUND_ON[found_on]

    assert (found_on in yuri_candidates) is is_candidate


def test_the_rule_is_about_the_report_date_not_the_order_of_the_files() -> None:
    # Only a found record is "found": the report's own date rules out nothing else.
    later_report = replace(YURI_REPORT, event_date=day("2025-06-01"))
    found = replace(YURI_FOUND_BEFORE, event_date=day("2025-01-01"))

    assert link([later_report], [found]) == []
    assert [c.right_id for c in link([YURI_REPORT], [found])] == [found.id]


# --- arguments ------------------------------------------------------------------------------------


def test_top_k_keeps_the_best_candidates_of_each_report(
    scenario_candidates: list[Candidate],
) -> None:
    best = link(SCENARIO_REPORTS, SCENARIO_FOUND, top_k=1)

    assert best == [c for c in scenario_candidates if c.rank == 1]


def test_threshold_keeps_the_likely_candidates(scenario_candidates: list[Candidate]) -> None:
    likely = link(SCENARIO_REPORTS, SCENARIO_FOUND, threshold=0.9)

    assert likely == [c for c in scenario_candidates if c.match_probability >= 0.9]
    assert likely


def test_linkage_is_deterministic(scenario_candidates: list[Candidate]) -> None:
    assert link(SCENARIO_REPORTS, SCENARIO_FOUND) == scenario_candidates


def test_nothing_to_link_gives_no_candidates() -> None:
    assert link([], SCENARIO_FOUND) == []
    assert link(SCENARIO_REPORTS, []) == []


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (
            {"backend": "sqlite"},
            engine.UNKNOWN_BACKEND.format(backends="duckdb, spark", backend="sqlite"),
        ),
        ({"top_k": 0}, engine.BAD_TOP_K.format(value=0)),
        ({"top_k": 2.5}, engine.BAD_TOP_K.format(value=2.5)),
        ({"threshold": 1.5}, engine.BAD_THRESHOLD.format(value=1.5)),
        ({"threshold": -0.1}, engine.BAD_THRESHOLD.format(value=-0.1)),
        ({"labelled_pairs": [("a",)]}, engine.BAD_LABELLED_PAIR.format(pair=("a",))),
    ],
)
def test_bad_arguments_are_refused(arguments: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError) as raised:
        link(SCENARIO_REPORTS, SCENARIO_FOUND, **arguments)  # type: ignore[arg-type]

    assert str(raised.value) == message


def test_an_id_used_twice_on_one_side_is_refused() -> None:
    with pytest.raises(ValueError) as raised:
        link(SCENARIO_REPORTS, [MOHAMED_FOUND, MOHAMED_FOUND])

    assert str(raised.value) == engine.DUPLICATE_ID.format(record_id=MOHAMED_FOUND.id, side="found")


def test_progress_is_reported_by_stage_from_its_start() -> None:
    reports: list[tuple[str, int]] = []

    link(
        SCENARIO_REPORTS,
        SCENARIO_FOUND,
        progress=lambda stage, done, total: reports.append((stage, done)),
    )

    first_reports = {}
    for stage, done in reports:
        first_reports.setdefault(stage, done)
    assert list(first_reports) == ["features", "training", "predicting", "ranking"]
    assert set(first_reports.values()) == {0}


# --- m-probabilities from reviewed pairs ----------------------------------------------------------


def test_reviewed_pairs_keep_every_true_match_first(scenario_candidates: list[Candidate]) -> None:
    reviewed = sorted(SCENARIO_TRUE_MATCHES.items())

    candidates = link(SCENARIO_REPORTS, SCENARIO_FOUND, labelled_pairs=reviewed)

    for report_id, found_id in reviewed:
        best = candidates_of(candidates, report_id)[0]
        assert best.right_id == found_id
        before = pair(scenario_candidates, report_id, found_id)
        assert best.match_probability >= before.match_probability - 0.01


def test_pairs_reviewed_as_different_people_are_not_used(
    scenario_candidates: list[Candidate],
) -> None:
    reviewed = [(MOHAMED_REPORT.id, BROTHER_FOUND.id, False)]

    assert link(SCENARIO_REPORTS, SCENARIO_FOUND, labelled_pairs=reviewed) == scenario_candidates


def test_reviewed_pairs_of_unknown_records_are_not_used(
    scenario_candidates: list[Candidate],
) -> None:
    reviewed = [("report-nobody", MOHAMED_FOUND.id), (MOHAMED_REPORT.id, "found-nobody")]

    assert link(SCENARIO_REPORTS, SCENARIO_FOUND, labelled_pairs=reviewed) == scenario_candidates


def test_m_from_reviewed_pairs_does_no_worse_on_pairs_nobody_reviewed() -> None:
    data = synthetic_link(3, persons=120, found_persons=90, distractors=60)
    ordered = sorted(data.true_pairs)
    reviewed, held_out = ordered[:45], frozenset(ordered[45:])
    priors_only = Training(expectation_maximisation=False)

    without = link(data.missing, data.found, training=priors_only)
    with_reviews = link(data.missing, data.found, training=priors_only, labelled_pairs=reviewed)

    assert hit_at_1(with_reviews, held_out) >= hit_at_1(without, held_out)
    assert hit_at_1(with_reviews, held_out) > 0.9


# --- the full training path: u by sampling, m by EM -----------------------------------------------

EM_TRAINING = Training(min_pairs_for_em=200)


@pytest.fixture(scope="module")
def larger_data():
    return synthetic_link(5, persons=300, found_persons=220, distractors=150)


def test_training_with_sampling_and_em_finds_the_true_matches(larger_data) -> None:
    candidates = link(larger_data.missing, larger_data.found, training=EM_TRAINING)

    assert hit_at_1(candidates, larger_data.true_pairs) > 0.9


@pytest.mark.parametrize(
    ("job", "max_pairs"), [(Job.LINK, 5_000.0), (Job.DEDUPE, 5_000.0), (Job.LINK, 1e9)]
)
def test_u_by_sampling_is_splinks_estimate_in_one_pass(larger_data, job, max_pairs) -> None:
    if job is Job.LINK:
        tables = engine._link_tables(larger_data.missing, larger_data.found, engine._no_progress)
    else:
        records = (*larger_data.missing, *larger_data.found)
        tables = engine._dedupe_tables(records, engine._no_progress)
    parameters = prior_parameters(0.01)

    with engine._Backend("duckdb", None) as database:
        inputs = [database.register(table, dataset) for table, dataset in tables]
        ours = engine._u_by_random_sampling(
            job,
            inputs,
            [table.num_rows for table, _ in tables],
            parameters,
            max_pairs=max_pairs,
            seed=42,
        )
        linker = engine._linker(inputs, job, parameters)
        linker.training.estimate_u_using_random_sampling(
            max_pairs=max_pairs, seed=42, min_count_per_level=None, num_chunks=1
        )
        splinks = engine._estimated_levels(linker, "u_probability")

    assert ours == splinks
    assert all(0 < share < 1 for share in ours["sex"])


def test_the_model_says_how_it_was_estimated(larger_data) -> None:
    trained = train_link(larger_data.missing, larger_data.found, training=EM_TRAINING)

    all_pairs = len(larger_data.missing) * len(larger_data.found)  # fewer than u_max_pairs
    assert (
        trained.notes[0] == f"u: random sampling of {all_pairs:,} pairs, shrunk towards the priors"
    )
    assert any(note.startswith("m: EM for names") for note in trained.notes)
    # EM moved the name levels, and left the best one evidence for a match.
    names = trained.parameters.levels["names"]
    assert names[0].m_probability != 0.30
    assert names[0].m_probability > names[0].u_probability


def test_em_that_fails_leaves_the_priors(larger_data, monkeypatch) -> None:
    # Splink refuses EM results with an m-probability of 0, which a small block gives.
    def refuse(*args: object, **kwargs: object) -> None:
        raise ValueError("m_probability value 0.0 is below the minimum allowed value")

    monkeypatch.setattr(
        LinkerTraining, "estimate_parameters_using_expectation_maximisation", refuse
    )

    trained = train_link(larger_data.missing, larger_data.found, training=EM_TRAINING)

    assert "m: priors for names, nationality, place (EM on" in trained.notes[-1]
    assert trained.notes[-1].endswith("failed: ValueError)")
    priors = prior_parameters(trained.parameters.probability_two_random_records_match)
    assert [level.m_probability for level in trained.parameters.levels["names"]] == [
        level.m_probability for level in priors.levels["names"]
    ]
