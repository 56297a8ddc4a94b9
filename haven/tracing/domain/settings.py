"""The Splink model for Haven's two linkage jobs, as data.

* ``Job.LINK``: missing-person reports (left) against found and deceased persons'
  records (right), Splink ``link_only``. The product is a ranked list of candidates
  per report for a tracing officer to review, not a decision.
* ``Job.DEDUPE``: the same person recorded by several agencies, ``dedupe_only``.

The comparisons use only array intersections (``list_filter`` with
``list_contains``, written in DuckDB's SQL and translated by Splink for Spark),
integer arithmetic, ``levenshtein`` and ``length``, which DuckDB and Spark both
compute identically (and with no UDF to ship to Spark workers), so the same
settings give the same candidates on either backend. Every Python-side
transformation is in ``features.py``; blocking keys are in ``blocking.py``.

Comparisons (``ATTRIBUTES``), each level with a prior m and u probability:

* ``names``: token-set comparison of all the record's names, so word order, a
  missing father's or grandfather's name, and the script or romanisation do not
  matter: the same names; every part of one name in the other (a part missing,
  not a part different); 3 or 2 parts shared; 2 parts alike in spelling (search
  keys: spellings the variant table does not list); skeletons one letter apart
  (a typo); one part shared (in spelling or sound); nothing shared. A brother
  shares the father's and grandfather's names but not the given name, so he
  lands on "2 parts shared", while the person himself with a name left out lands
  on "every part of one name in the other".
* ``birth``: the birth-year intervals (from a birth date, or from an age at its
  date): the same full birth date; the same date but for a slip (the year one
  off, or 7 or 8 years off as when an Ethiopian-calendar year is taken for a
  Gregorian one, or day and month swapped); the same known year; intervals overlapping;
  within 2 years; within 5 years; further apart.
* ``sex``, ``nationality`` (any nationality shared), ``place`` (the same place of
  the event; 2 or 1 places of the route shared).
* ``identifiers`` (document and phone numbers, as keyed digests: ``features.py``):
  a document number shared; a phone number shared; none shared. Unknown (weight
  0) unless both records hold a number of one kind: when either has none (most
  records of people without papers), and when one holds only a phone and the
  other only a document, which says nothing either way.

The hard rule (``Job.LINK`` only): a person cannot be found before they went
missing. A found record whose latest possible found date is before the earliest
possible date the report says the person went missing is never compared: the
condition is part of every blocking rule, so the pair is impossible, not merely
unlikely.

Blocking (``blocking_rules``), each a join on exploded arrays:

1. a blocking key shared (``blocking.py``: a rare pair of name parts alone, else
   a name pair or part with a birth year, refined by sex and nationality while
   the block is large; in linking also the full birth date; blocks are capped so
   that pairs grow with the data, not with its square);
2. the sex, a nationality and birth years within ``REMAINS_BIRTH_YEAR_SLACK`` of
   each other when one record has no name (unidentified remains);
3. a document or phone number shared, unless more than
   ``features.MAX_RECORDS_PER_BLOCKING_IDENTIFIER`` records hold it (a family's
   or a travel group's phone): the same person under another spelling and another
   birth date is still compared;
4. an undated blocking key shared when one record has no narrow birth interval
   (a common name part with the sex and a nationality; linking only);
5. a remains blocking key shared when one record has no name (the place and
   birth years within ``REMAINS_BIRTH_YEAR_SLACK``, whatever the sex and
   nationality; linking only).

Rules 4 and 5 find nothing in de-duplication, whose records have no such keys.

No Django here: this runs where Splink runs, on a laptop or a Spark cluster.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import StrEnum

import splink.comparison_level_library as cll
from splink import SettingsCreator
from splink.blocking_rule_library import CustomRule
from splink.internals.blocking_rule_creator import BlockingRuleCreator
from splink.internals.comparison_level_creator import ComparisonLevelCreator
from splink.internals.comparison_library import CustomComparison

from haven.tracing.domain.blocking import REMAINS_BIRTH_YEAR_SLACK


class Job(StrEnum):
    LINK = "link"  # missing-person reports ↔ found and deceased persons
    DEDUPE = "dedupe"  # one person in several agencies' records


# Names of the datasets as Splink sees them (``source_dataset``).
MISSING_DATASET = "missing"
FOUND_DATASET = "found"
PERSONS_DATASET = "persons"

# The comparisons, in the order of the explanation of a candidate.
NAMES = "names"
BIRTH = "birth"
SEX = "sex"
NATIONALITY = "nationality"
PLACE = "place"
IDENTIFIERS = "identifiers"
ATTRIBUTES = (NAMES, BIRTH, SEX, NATIONALITY, PLACE, IDENTIFIERS)

# The label of the null level of every comparison (either side unknown): weight 0.
UNKNOWN_LABEL = "not known on both records"

# Share of missing-person reports expected to have their person among the found
# records, and of records expected to have a duplicate: with the size of the data
# they give the prior probability that two records are the same person.
LINK_SHARE_OF_REPORTS_MATCHED = 0.5
DEDUPE_DUPLICATES_PER_RECORD = 0.3
MAX_PROBABILITY_TWO_RANDOM_RECORDS_MATCH = 0.5


@dataclass(frozen=True)
class LevelParameters:
    """One comparison level: its label, m (share among matches) and u (non-matches)."""

    label: str
    m_probability: float
    u_probability: float


@dataclass(frozen=True)
class ModelParameters:
    """Every parameter of a model: the prior match probability and each level's m, u.

    ``levels[attribute]`` lists the non-null levels of a comparison in settings order
    (from the strongest agreement down to the "else" level).
    """

    probability_two_random_records_match: float
    levels: Mapping[str, tuple[LevelParameters, ...]]

    def with_levels(self, attribute: str, levels: tuple[LevelParameters, ...]) -> ModelParameters:
        updated = dict(self.levels)
        updated[attribute] = levels
        return ModelParameters(self.probability_two_random_records_match, updated)


@dataclass(frozen=True)
class _Level:
    label: str
    condition: Callable[[], ComparisonLevelCreator]
    m_prior: float
    u_prior: float


def _sql(condition: str) -> Callable[[], ComparisonLevelCreator]:
    # Written in DuckDB's dialect; Splink translates it for Spark (sqlglot).
    return lambda: cll.CustomLevel(condition, base_dialect_str="duckdb")


def _shared_count(column: str) -> str:
    """How many items of the left array the right one has (the arrays are distinct).

    A filter with ``list_contains``, not ``list_intersect`` (Splink's
    ``ArrayIntersectLevel``): in DuckDB 2.0 the latter was 5-10 times slower, and
    comparing arrays was most of the time of a run.
    """
    return f"array_length(list_filter({column}_l, lambda item: list_contains({column}_r, item)))"


def _intersect(column: str, size: int) -> Callable[[], ComparisonLevelCreator]:
    return _sql(f"{_shared_count(column)} >= {size}")


def _one_in_the_other(column: str) -> Callable[[], ComparisonLevelCreator]:
    """Every item of one array is in the other, and at least two are shared."""
    return _sql(
        f"{_shared_count(column)} >= 2 and {_shared_count(column)}"
        f" = least(array_length({column}_l), array_length({column}_r))"
    )


def _birth_gap_at_most(years: int) -> Callable[[], ComparisonLevelCreator]:
    # The gap between two intervals; zero or less when they overlap.
    return _sql(
        "greatest(birth_year_lo_l, birth_year_lo_r) - least(birth_year_hi_l, birth_year_hi_r)"
        f" <= {years}"
    )


# Full birth dates are ISO strings (YYYY-MM-DD): year, month and day by position.
_BIRTH_DATE_SLIP = (
    "(substr(birth_date_exact_l, 6, 5) = substr(birth_date_exact_r, 6, 5)"
    " and abs(cast(substr(birth_date_exact_l, 1, 4) as integer)"
    " - cast(substr(birth_date_exact_r, 1, 4) as integer)) in (1, 7, 8))"
    " or (substr(birth_date_exact_l, 1, 4) = substr(birth_date_exact_r, 1, 4)"
    " and substr(birth_date_exact_l, 6, 2) = substr(birth_date_exact_r, 9, 2)"
    " and substr(birth_date_exact_l, 9, 2) = substr(birth_date_exact_r, 6, 2))"
)


def _else() -> ComparisonLevelCreator:
    return cll.ElseLevel()


# One letter is a typo only in a name long enough (two short parts at least).
MIN_SKELETON_LENGTH_FOR_TYPO = 6

# Priors: m from what tracing officers and the research note expect of true matches
# (transliterated names, age estimates ±3 years, people moving along a route), u
# from a population where a few given names are very common. u is re-estimated from
# the data (random sampling) when it is large enough; m from reviewed pairs, or EM.
_COMPARISONS: Mapping[str, tuple[str, tuple[_Level, ...]]] = {
    NAMES: (
        "name_canonical",
        (
            _Level("same names, any order or script", _intersect("name_full_keys", 1), 0.30, 5e-4),
            _Level(
                "every part of one name in the other",
                _one_in_the_other("name_canonical"),
                0.25,
                1e-3,
            ),
            _Level("3 or more name parts shared", _intersect("name_canonical", 3), 0.08, 5e-4),
            _Level("2 name parts shared", _intersect("name_canonical", 2), 0.12, 5e-3),
            _Level("2 name parts alike in spelling", _intersect("name_keys", 2), 0.07, 5e-3),
            # A typo: the skeletons of the canonical tokens one letter apart, and a
            # token the variant table does not know. Equal skeletons of different
            # canonical tokens (Mahmoud, Muhammad), or listed names one letter apart
            # (Ahmad, Hamid), are different names.
            _Level(
                "names one letter apart",
                _sql(
                    # The cheap tests first: DuckDB stops at the first false one.
                    f"length(name_skeleton_l) >= {MIN_SKELETON_LENGTH_FOR_TYPO}"
                    " and (name_unlisted_l or name_unlisted_r)"
                    " and abs(length(name_skeleton_l) - length(name_skeleton_r)) <= 1"
                    " and levenshtein(name_skeleton_l, name_skeleton_r) = 1"
                ),
                0.04,
                2e-3,
            ),
            _Level(
                "one name part shared",
                _sql(
                    " or ".join(
                        f"{_shared_count(column)} >= 1"
                        for column in ("name_canonical", "name_keys", "name_phonetic")
                    )
                ),
                0.10,
                0.06,
            ),
            _Level("no name part shared", _else, 0.04, 0.926),
        ),
    ),
    BIRTH: (
        "birth_year_lo",
        (
            _Level(
                "same date of birth",
                lambda: cll.ExactMatchLevel("birth_date_exact"),
                0.25,
                1e-4,
            ),
            # The errors a full birth date often carries (research note §3.2, §7): the
            # year one off, day and month swapped, an Ethiopian-calendar year taken
            # for a Gregorian one (7 or 8 years earlier).
            _Level(
                "same birth date but for a slip of the year, or day and month swapped",
                _sql(_BIRTH_DATE_SLIP),
                0.04,
                3e-4,
            ),
            _Level(
                "same year of birth",
                _sql(
                    "birth_year_lo_l = birth_year_hi_l and birth_year_lo_r = birth_year_hi_r"
                    " and birth_year_lo_l = birth_year_lo_r"
                ),
                0.30,
                0.03,
            ),
            _Level("birth years compatible", _birth_gap_at_most(0), 0.30, 0.12),
            _Level("birth years within 2 years", _birth_gap_at_most(2), 0.10, 0.12),
            _Level("birth years within 5 years", _birth_gap_at_most(5), 0.04, 0.18),
            _Level("birth years further apart", _else, 0.01, 0.5499),
        ),
    ),
    SEX: (
        "sex",
        (
            _Level("same sex", lambda: cll.ExactMatchLevel("sex"), 0.97, 0.5),
            _Level("different sex", _else, 0.03, 0.5),
        ),
    ),
    NATIONALITY: (
        "nationalities",
        (
            _Level("a nationality shared", _intersect("nationalities", 1), 0.9, 0.3),
            _Level("different nationalities", _else, 0.1, 0.7),
        ),
    ),
    PLACE: (
        "places",
        (
            _Level("same place", lambda: cll.ExactMatchLevel("place"), 0.3, 0.05),
            _Level("2 or more places of the route shared", _intersect("places", 2), 0.2, 0.05),
            _Level("a place shared", _intersect("places", 1), 0.3, 0.2),
            _Level("no place shared", _else, 0.2, 0.7),
        ),
    ),
    # m and u among pairs where both records hold a number of one kind (the null
    # level takes the rest). A document number is issued to one person: two records
    # of different people share it only by a typing error, so u is tiny and the
    # level outweighs names spelled apart and a birth date that disagrees; m is how
    # often two agencies that both wrote a number share one (a typo, or a passport
    # on one record and a registration number on the other, leaves the rest). A
    # phone is weaker: a family, or a group travelling with one smuggler, share
    # one, and a new SIM on a new leg of the route changes it. u is re-estimated
    # from the data.
    IDENTIFIERS: (
        "identifiers",  # its null level is in _NULL_CONDITIONS
        (
            _Level("a document number shared", _intersect("documents", 1), 0.5, 1e-5),
            _Level("a phone number shared", _intersect("phones", 1), 0.2, 5e-4),
            _Level("no document or phone number shared", _else, 0.3, 0.99949),
        ),
    ),
}


# Comparisons whose null level ("not known on both records") is more than a null
# column: numbers say something only when both records hold one of the same kind.
_NULL_CONDITIONS: Mapping[str, str] = {
    IDENTIFIERS: (
        "not ((documents_l is not null and documents_r is not null)"
        " or (phones_l is not null and phones_r is not null))"
    ),
}


def _null_level(attribute: str, null_column: str) -> ComparisonLevelCreator:
    condition = _NULL_CONDITIONS.get(attribute)
    if condition is None:
        level = cll.NullLevel(null_column)
    else:
        level = cll.CustomLevel(condition, base_dialect_str="duckdb")
    return level.configure(label_for_charts=UNKNOWN_LABEL, is_null_level=True)


def level_labels(attribute: str) -> tuple[str, ...]:
    """The labels of a comparison's non-null levels, in settings order."""
    return tuple(level.label for level in _COMPARISONS[attribute][1])


def prior_probability_two_random_records_match(
    job: Job, *, left_count: int, right_count: int = 0
) -> float:
    """The prior probability that two records are the same person, from the data size."""
    if job is Job.LINK:
        probability = LINK_SHARE_OF_REPORTS_MATCHED / max(right_count, 1)
    else:
        probability = DEDUPE_DUPLICATES_PER_RECORD / max(left_count - 1, 1)
    return min(probability, MAX_PROBABILITY_TWO_RANDOM_RECORDS_MATCH)


def prior_parameters(probability_two_random_records_match: float) -> ModelParameters:
    """The model before any training: expert priors for every level."""
    return ModelParameters(
        probability_two_random_records_match=probability_two_random_records_match,
        levels={
            attribute: tuple(
                LevelParameters(level.label, level.m_prior, level.u_prior) for level in levels
            )
            for attribute, (_, levels) in _COMPARISONS.items()
        },
    )


def comparisons(parameters: ModelParameters) -> list[CustomComparison]:
    """The Splink comparisons, each level carrying its m and u from ``parameters``."""
    built = []
    for attribute, (null_column, levels) in _COMPARISONS.items():
        values = parameters.levels[attribute]
        if tuple(value.label for value in values) != level_labels(attribute):
            raise ValueError(f"parameters for {attribute!r} do not match its levels")
        comparison_levels: list[ComparisonLevelCreator] = [_null_level(attribute, null_column)]
        for level, value in zip(levels, values, strict=True):
            comparison_levels.append(
                level.condition().configure(
                    label_for_charts=level.label,
                    m_probability=value.m_probability,
                    u_probability=value.u_probability,
                )
            )
        built.append(CustomComparison(comparison_levels, output_column_name=attribute))
    return built


# --- blocking -------------------------------------------------------------------------------------

# A found record cannot be the missing person if it was certainly found before the
# person certainly went missing. Written for either side being the report.
FOUND_BEFORE_MISSING_EXCLUDED = (
    "not (coalesce(r.found_day_hi < l.missing_day_lo, false)"
    " or coalesce(l.found_day_hi < r.missing_day_lo, false))"
)

# REMAINS_BIRTH_YEAR_SLACK (``blocking.py``, which uses it too): years allowed
# between the birth-year intervals of unidentified remains and a record (a narrow
# interval on both sides, as ``birth_years`` is).
_BIRTH_YEARS_NEAR = (
    "l.birth_years is not null and r.birth_years is not null"
    f" and l.birth_year_lo - {REMAINS_BIRTH_YEAR_SLACK} <= r.birth_year_hi"
    f" and r.birth_year_lo - {REMAINS_BIRTH_YEAR_SLACK} <= l.birth_year_hi"
)

_BLOCKING_RULES: tuple[tuple[str, tuple[str, ...]], ...] = (
    # Name parts, alone when rare, else with a birth year (and the sex and a
    # nationality where the block is still large): see ``blocking.py``.
    ("l.blocking_keys = r.blocking_keys", ("blocking_keys",)),
    # Unidentified remains have no name: the sex, a nationality and birth years
    # within REMAINS_BIRTH_YEAR_SLACK (a forensic age estimate is often a few years
    # off the age a family reports). Written as two rules, each testing one side, so
    # that the backend filters that side before the join instead of joining everyone
    # and filtering the pairs.
    (
        "l.sex = r.sex and l.nationalities = r.nationalities and l.name_canonical is null"
        f" and {_BIRTH_YEARS_NEAR}",
        ("nationalities",),
    ),
    (
        "l.sex = r.sex and l.nationalities = r.nationalities and r.name_canonical is null"
        f" and {_BIRTH_YEARS_NEAR}",
        ("nationalities",),
    ),
    # A document or phone number shared, but one that many records hold (a family's
    # or a travel group's phone): ``features.identifier_keys`` leaves those out.
    ("l.identifier_keys = r.identifier_keys", ("identifier_keys",)),
    # A common name part with the sex and a nationality, for a record whose birth
    # years are unknown or too wide to block on: only pairs with such a record.
    (
        "l.undated_blocking_keys = r.undated_blocking_keys"
        " and (l.birth_years is null or r.birth_years is null)",
        ("undated_blocking_keys",),
    ),
    # Unidentified remains and the records of their place, born within
    # REMAINS_BIRTH_YEAR_SLACK years, whatever the sex and nationality recorded.
    (
        "l.remains_blocking_keys = r.remains_blocking_keys"
        " and (l.name_canonical is null or r.name_canonical is null)",
        ("remains_blocking_keys",),
    ),
)


def blocking_rules(job: Job) -> list[BlockingRuleCreator]:
    """The rules that choose which pairs are compared (see the module docstring)."""
    rules = []
    for condition, arrays in _BLOCKING_RULES:
        if job is Job.LINK:
            condition = f"{condition} and {FOUND_BEFORE_MISSING_EXCLUDED}"
        rules.append(CustomRule(condition, arrays_to_explode=list(arrays)))
    return rules


# Expectation maximisation blocks on equal columns (plain rules: EM cannot explode
# arrays) and trains only the comparisons that do not use them: among pairs with
# the same name skeleton, birth, sex, nationality and place; among pairs with the
# same birth-year interval and sex, names, nationality and place.
EM_TRAINING_RULES: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = (
    (("name_skeleton",), (BIRTH, SEX, NATIONALITY, PLACE)),
    (("birth_year_lo", "birth_year_hi", "sex"), (NAMES, NATIONALITY, PLACE)),
)


def settings_creator(job: Job, parameters: ModelParameters) -> SettingsCreator:
    """The Splink settings of a job with the given parameters."""
    return SettingsCreator(
        link_type="link_only" if job is Job.LINK else "dedupe_only",
        unique_id_column_name="unique_id",
        comparisons=comparisons(parameters),
        blocking_rules_to_generate_predictions=blocking_rules(job),
        probability_two_random_records_match=parameters.probability_two_random_records_match,
        # mw_ (the weight of each comparison) explains candidates, with the level
        # (gamma_), which the engine computes for the candidates kept: retaining the
        # compared columns of every pair, which Splink needs to keep gamma_, cost a
        # third of the time of predicting.
        retain_matching_columns=False,
        retain_intermediate_calculation_columns=True,
        em_convergence=0.001,
        max_iterations=25,
    )
