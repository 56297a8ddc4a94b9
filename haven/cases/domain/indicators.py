"""Screening indicators: catalogues as data, answers, and a summary that supports a person.

A caseworker screens a person by asking the plain-language question of each
indicator in a catalogue and recording yes, no or unknown, optionally with
evidence. ``summarise`` turns those answers into a ``ScreeningSummary``: counts,
the per-dimension strong/medium/weak tallies and the combination rule for the
ILO/European Commission trafficking lists, the indicators present for the ILO
forced-labour list, the questions still to ask, and the pattern the indicators
are or are not consistent with.

The summary **supports and never replaces** the human decision (DESIGN.md
principle 1, "People decide, the system reminds"). It never says that someone
is or is not a victim; ``SUPPORT_NOTICE`` says so in words on every summary.

Catalogues are versioned (``Catalogue.version``), so a stored screening says
which list, which strengths and which questions it was answered against. A
published version never changes: any change to an id's meaning, a strength, the
list or a question gives a new version, and old versions stay loadable. The
catalogue data live in ``catalogue_forced_labour.py`` and
``catalogue_trafficking.py``; ``catalogues.py`` is the registry.

Sources: shared/research/standards-and-rules.md §5. The combination rule below
and the strengths of the adult labour list are marked there as secondary ([S]);
see the data modules for what was verified and what was not.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType

from haven.cases.domain.errors import (
    EXPECTED_ANSWER_VALUE,
    EXPECTED_EVIDENCE_TEXT,
    EXPECTED_INDICATOR_ID_TEXT,
    EXPECTED_KNOWN_INDICATOR,
    EXPECTED_ONE_ANSWER,
    CatalogueInvalid,
    Problem,
    ScreeningAnswersInvalid,
    describe_found,
)
from haven.cases.domain.sources import IPU118_OP26_CHILD_NO_MEANS
from haven.kernel.citations import Citation
from haven.kernel.i18n import Message, english, gettext_noop, message

# --- vocabulary ---------------------------------------------------------------------------------


class AnswerValue(StrEnum):
    YES = "yes"
    NO = "no"
    UNKNOWN = "unknown"


class Strength(StrEnum):
    STRONG = "strong"
    MEDIUM = "medium"
    WEAK = "weak"


class Dimension(StrEnum):
    """The six dimensions of the ILO/European Commission operational indicators (2009)."""

    DECEPTIVE_RECRUITMENT = "deceptive-recruitment"
    COERCIVE_RECRUITMENT = "coercive-recruitment"
    RECRUITMENT_BY_ABUSE_OF_VULNERABILITY = "recruitment-by-abuse-of-vulnerability"
    EXPLOITATIVE_CONDITIONS = "exploitative-conditions-of-work"
    COERCION_AT_DESTINATION = "coercion-at-destination"
    ABUSE_OF_VULNERABILITY_AT_DESTINATION = "abuse-of-vulnerability-at-destination"

    @property
    def label(self) -> str:
        return DIMENSION_LABELS[self]

    @property
    def is_recruitment(self) -> bool:
        return self in RECRUITMENT_DIMENSIONS


RECRUITMENT_DIMENSIONS: tuple[Dimension, ...] = (
    Dimension.DECEPTIVE_RECRUITMENT,
    Dimension.COERCIVE_RECRUITMENT,
    Dimension.RECRUITMENT_BY_ABUSE_OF_VULNERABILITY,
)


class CatalogueKind(StrEnum):
    FORCED_LABOUR = "forced-labour"
    TRAFFICKING = "trafficking"


class Population(StrEnum):
    """Whom a list was written for. A child list applies the child rule by itself."""

    ADULT = "adult"
    CHILD = "child"
    ANY = "any"


class ExploitationPurpose(StrEnum):
    """The purpose a trafficking list screens for (the ILO/EC lists come per purpose)."""

    LABOUR = "labour"
    SEXUAL = "sexual"


class SourceStatus(StrEnum):
    """How far Haven's copy of a list was checked against its source.

    PRIMARY: items read in the publisher's own text. SECONDARY: items or strengths
    taken from a secondary source. UNVERIFIED: reconstructed without a read copy of
    the source; must be checked before anyone relies on it.
    """

    PRIMARY = "primary"
    SECONDARY = "secondary"
    UNVERIFIED = "unverified"


class CombinationBranch(StrEnum):
    """Which branch of the combination rule made a dimension positive."""

    TWO_STRONG = "two-strong"
    STRONG_AND_MEDIUM_OR_WEAK = "strong-and-medium-or-weak"
    THREE_MEDIUM = "three-medium"
    TWO_MEDIUM_AND_WEAK = "two-medium-and-weak"

    @property
    def label(self) -> str:
        return COMBINATION_BRANCH_LABELS[self]


class PatternElement(StrEnum):
    """The elements of the trafficking pattern the dimensions feed (Palermo art. 3)."""

    RECRUITMENT = "recruitment"
    EXPLOITATION = "exploitation"
    COERCION_AT_DESTINATION = "coercion-at-destination"

    @property
    def label(self) -> str:
        return PATTERN_ELEMENT_LABELS[self]


# --- plain-language labels (English, marked for the catalogues; translated where shown) -------

ANSWER_LABELS: Mapping[AnswerValue, str] = MappingProxyType(
    {
        AnswerValue.YES: gettext_noop("Yes"),
        AnswerValue.NO: gettext_noop("No"),
        AnswerValue.UNKNOWN: gettext_noop("Unknown"),
    }
)
STRENGTH_LABELS: Mapping[Strength, str] = MappingProxyType(
    {
        Strength.STRONG: gettext_noop("strong"),
        Strength.MEDIUM: gettext_noop("medium"),
        Strength.WEAK: gettext_noop("weak"),
    }
)
DIMENSION_LABELS: Mapping[Dimension, str] = MappingProxyType(
    {
        Dimension.DECEPTIVE_RECRUITMENT: gettext_noop("Deceptive recruitment"),
        Dimension.COERCIVE_RECRUITMENT: gettext_noop("Coercive recruitment"),
        Dimension.RECRUITMENT_BY_ABUSE_OF_VULNERABILITY: gettext_noop(
            "Recruitment by abuse of vulnerability"
        ),
        Dimension.EXPLOITATIVE_CONDITIONS: gettext_noop("Exploitative conditions of work"),
        Dimension.COERCION_AT_DESTINATION: gettext_noop("Coercion at destination"),
        Dimension.ABUSE_OF_VULNERABILITY_AT_DESTINATION: gettext_noop(
            "Abuse of vulnerability at destination"
        ),
    }
)
COMBINATION_BRANCH_LABELS: Mapping[CombinationBranch, str] = MappingProxyType(
    {
        CombinationBranch.TWO_STRONG: gettext_noop("2 strong"),
        CombinationBranch.STRONG_AND_MEDIUM_OR_WEAK: gettext_noop("1 strong + 1 medium or weak"),
        CombinationBranch.THREE_MEDIUM: gettext_noop("3 medium"),
        CombinationBranch.TWO_MEDIUM_AND_WEAK: gettext_noop("2 medium + 1 weak"),
    }
)
# The recruitment dimensions as named inside a sentence (lower case in English).
RECRUITMENT_IN_SENTENCE: Mapping[Dimension, str] = MappingProxyType(
    {
        Dimension.DECEPTIVE_RECRUITMENT: gettext_noop("deceptive recruitment"),
        Dimension.COERCIVE_RECRUITMENT: gettext_noop("coercive recruitment"),
        Dimension.RECRUITMENT_BY_ABUSE_OF_VULNERABILITY: gettext_noop(
            "recruitment by abuse of vulnerability"
        ),
    }
)
PATTERN_ELEMENT_LABELS: Mapping[PatternElement, str] = MappingProxyType(
    {
        PatternElement.RECRUITMENT: gettext_noop(
            "recruitment (deceptive, coercive or by abuse of vulnerability)"
        ),
        PatternElement.EXPLOITATION: gettext_noop("exploitation"),
        PatternElement.COERCION_AT_DESTINATION: gettext_noop("coercion at destination"),
    }
)

SUPPORT_NOTICE = gettext_noop(
    "This summary supports the caseworker's judgement and never replaces it. "
    "People decide, the system reminds: a screening is not an identification. "
    "Only a person decides, and records the reasons, whether someone is recognised "
    "as a victim of trafficking or of forced labour."
)
CATALOGUE_LINE = gettext_noop("Catalogue: {title} (version {version}).")
COUNTS_LINE = gettext_noop(
    "Answers: yes {yes}, no {no}, unknown {unknown}, not asked yet {not_asked}."
)
DIMENSION_POSITIVE_LINE = gettext_noop(
    "{label}: strong {strong}, medium {medium}, weak {weak} answered yes; "
    "meets the combination rule ({branch})."
)
DIMENSION_NOT_POSITIVE_LINE = gettext_noop(
    "{label}: strong {strong}, medium {medium}, weak {weak} answered yes; "
    "does not meet the combination rule so far."
)
PATTERN_CONSISTENT_ADULT = gettext_noop(
    "Indicators consistent with trafficking: recruitment ({recruitment}), exploitation "
    "and coercion at destination each meet the combination rule."
)
PATTERN_CONSISTENT_CHILD = gettext_noop(
    "Indicators consistent with trafficking of a child: the exploitation dimension meets "
    "the combination rule, and for a child the means are not required (Palermo Protocol "
    "art. 3(c)). The act (recruitment, transport, transfer, harbouring or receipt) is not "
    "scored by these indicators and remains to be established."
)
PATTERN_INCOMPLETE_ADULT = gettext_noop(
    "The indicators recorded so far do not show the pattern consistent with trafficking "
    "(recruitment, exploitation and coercion at destination); not met so far: {missing}. "
    "This is not a finding either way."
)
PATTERN_INCOMPLETE_CHILD = gettext_noop(
    "For a child the means are not required (Palermo Protocol art. 3(c)), but the "
    "exploitation dimension does not meet the combination rule so far. "
    "This is not a finding either way."
)
FORCED_LABOUR_PRESENT_LINE = gettext_noop("Forced-labour indicators answered yes: {labels}.")
FORCED_LABOUR_NONE_LINE = gettext_noop(
    "No forced-labour indicator has been answered yes so far. This is not a finding either way."
)
FORCED_LABOUR_READING_LINE = gettext_noop(
    "One indicator can in some cases point to forced labour; in others several are needed."
)
STILL_TO_ASK_LINE = gettext_noop("Questions still to ask or to answer: {count}.")
ALL_ANSWERED_LINE = gettext_noop("Every question has a yes or no answer.")
EVIDENCE_REMINDER_LINE = gettext_noop("Yes answers with no evidence noted yet: {count} ({labels}).")
MORE_NOT_LISTED = gettext_noop("…")  # ends a list cut short

_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_MAX_ID_LENGTH = 120


# --- catalogue ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Indicator:
    """One indicator: a stable id, a label, the question a caseworker can ask.

    ``dimension`` and ``strength`` are set for trafficking indicators and left empty
    for forced-labour indicators. A "yes" to ``question`` means the indicator is present.
    """

    id: str
    label: str
    question: str
    dimension: Dimension | None = None
    strength: Strength | None = None


@dataclass(frozen=True, slots=True)
class Catalogue:
    """A named, versioned list of indicators; validated when it is built."""

    version: str
    title: str
    kind: CatalogueKind
    population: Population
    source: str
    source_status: SourceStatus
    indicators: tuple[Indicator, ...]
    purpose: ExploitationPurpose | None = None
    citations: tuple[Citation, ...] = ()
    caution: str | None = None
    _by_id: Mapping[str, Indicator] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        problems = catalogue_problems(self)
        if problems:
            raise CatalogueInvalid(self.version, problems)
        by_id = MappingProxyType({indicator.id: indicator for indicator in self.indicators})
        object.__setattr__(self, "_by_id", by_id)

    @property
    def indicator_ids(self) -> tuple[str, ...]:
        return tuple(self._by_id)

    @property
    def dimensions(self) -> tuple[Dimension, ...]:
        """The dimensions this catalogue covers, in the standard order (empty for forced labour)."""
        present = {indicator.dimension for indicator in self.indicators}
        return tuple(dimension for dimension in Dimension if dimension in present)

    def find(self, indicator_id: str) -> Indicator | None:
        return self._by_id.get(indicator_id)

    def indicator(self, indicator_id: str) -> Indicator:
        found = self._by_id.get(indicator_id)
        if found is None:
            raise KeyError(f"catalogue '{self.version}' has no indicator '{indicator_id}'")
        return found

    def in_dimension(self, dimension: Dimension) -> tuple[Indicator, ...]:
        return tuple(indicator for indicator in self.indicators if indicator.dimension is dimension)


def catalogue_problems(catalogue: Catalogue) -> tuple[Problem, ...]:
    """Every integrity problem of a catalogue (empty when it is sound).

    Ids are unique lower-case slugs; every indicator has a label and a question; a
    trafficking catalogue names its purpose and gives each indicator a dimension and
    a strength; a forced-labour catalogue gives none; a list not read in its primary
    source carries a caution that every summary repeats.
    """
    problems: list[Problem] = []
    if not _SLUG.match(catalogue.version):
        problems.append(Problem("version", "a lower-case slug", describe_found(catalogue.version)))
    if not catalogue.title.strip() or not catalogue.source.strip():
        problems.append(Problem("title", "a title and a source"))
    if not catalogue.indicators:
        problems.append(Problem("indicators", "at least one indicator"))
    if catalogue.source_status is not SourceStatus.PRIMARY and not catalogue.caution:
        problems.append(Problem("caution", "a caution for a list not read in its primary source"))
    trafficking = catalogue.kind is CatalogueKind.TRAFFICKING
    if trafficking and catalogue.purpose is None:
        problems.append(Problem("purpose", "the purpose of a trafficking list"))
    seen: set[str] = set()
    for indicator in catalogue.indicators:
        where = indicator.id
        if not _SLUG.match(indicator.id) or len(indicator.id) > _MAX_ID_LENGTH:
            problems.append(Problem(where, f"a lower-case slug of at most {_MAX_ID_LENGTH} chars"))
        if indicator.id in seen:
            problems.append(Problem(where, "a unique indicator id"))
        seen.add(indicator.id)
        if not indicator.label.strip():
            problems.append(Problem(where, "a label"))
        if not indicator.question.strip().endswith("?"):
            problems.append(Problem(where, "a question ending with '?'"))
        if trafficking and (indicator.dimension is None or indicator.strength is None):
            problems.append(Problem(where, "a dimension and a strength"))
        if not trafficking and (indicator.dimension is not None or indicator.strength is not None):
            problems.append(Problem(where, "no dimension or strength in a forced-labour list"))
    if trafficking:
        covered = {indicator.dimension for indicator in catalogue.indicators}
        for dimension in Dimension:
            if dimension not in covered:
                problems.append(Problem(dimension.value, "at least one indicator per dimension"))
    return tuple(problems)


# --- answers ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Answer:
    """The answer to one indicator. ``evidence`` is free text (stored encrypted by the app),
    left out of ``repr`` so that logging an answer cannot leak it."""

    indicator_id: str
    value: AnswerValue
    evidence: str | None = field(default=None, repr=False)


AnswersInput = Iterable[Answer] | Mapping[str, AnswerValue | str]


def validate_answers(catalogue: Catalogue, answers: AnswersInput) -> Mapping[str, Answer]:
    """Check answers against a catalogue and return them by indicator id.

    ``answers`` is a sequence of ``Answer`` or a mapping of indicator id to value
    ("yes", "no", "unknown" or an ``AnswerValue``). Raises ``ScreeningAnswersInvalid``
    listing every answer that names an indicator the catalogue does not have, carries
    a value other than yes/no/unknown, repeats an indicator, or has evidence that is
    not text. Blank evidence is kept as no evidence.
    """
    if isinstance(answers, Mapping):
        items = [(key, value, None) for key, value in answers.items()]
    else:
        items = []
        for answer in answers:
            if not isinstance(answer, Answer):
                raise TypeError(f"expected Answer objects, got {type(answer).__name__}")
            items.append((answer.indicator_id, answer.value, answer.evidence))

    problems: list[Problem] = []
    valid: dict[str, Answer] = {}
    seen: set[str] = set()
    for indicator_id, raw_value, raw_evidence in items:
        if not isinstance(indicator_id, str):
            problems.append(Problem(describe_found(indicator_id), EXPECTED_INDICATOR_ID_TEXT))
            continue
        if catalogue.find(indicator_id) is None:
            problems.append(
                Problem(
                    _shown_id(indicator_id),
                    EXPECTED_KNOWN_INDICATOR.format(version=catalogue.version),
                )
            )
            continue
        if indicator_id in seen:
            problems.append(Problem(indicator_id, EXPECTED_ONE_ANSWER))
            continue
        seen.add(indicator_id)
        value = _answer_value(raw_value)
        if value is None:
            allowed = ", ".join(member.value for member in AnswerValue)
            problems.append(
                Problem(
                    indicator_id,
                    EXPECTED_ANSWER_VALUE.format(allowed=allowed),
                    describe_found(raw_value),
                )
            )
            continue
        if raw_evidence is not None and not isinstance(raw_evidence, str):
            # Only the type is named: evidence may be sensitive.
            problems.append(
                Problem(indicator_id, EXPECTED_EVIDENCE_TEXT, type(raw_evidence).__name__)
            )
            continue
        evidence = raw_evidence.strip() if raw_evidence else None
        valid[indicator_id] = Answer(indicator_id, value, evidence or None)
    if problems:
        raise ScreeningAnswersInvalid(catalogue.version, problems)
    return MappingProxyType(valid)


def _shown_id(indicator_id: str) -> str:
    if len(indicator_id) <= _MAX_ID_LENGTH:
        return indicator_id
    return indicator_id[: _MAX_ID_LENGTH - 1] + "…"


def _answer_value(raw: object) -> AnswerValue | None:
    if isinstance(raw, AnswerValue):
        return raw
    if isinstance(raw, str):
        try:
            return AnswerValue(raw)
        except ValueError:
            return None
    return None


# --- the combination rule -----------------------------------------------------------------------


def combination_branch(strong: int, medium: int, weak: int) -> CombinationBranch | None:
    """Which branch of the combination rule the "yes" counts of one dimension meet, if any.

    A dimension is positive with at least 2 strong; or 1 strong + 1 medium or weak;
    or 3 medium; or 2 medium + 1 weak. Rule as reproduced from ILO/EC 2009 (WCMS_105023
    p.3) by a secondary source ([S] in the research note). Every branch only asks for
    "at least", so more "yes" answers never turn a positive dimension negative.
    """
    if strong < 0 or medium < 0 or weak < 0:
        raise ValueError("indicator counts cannot be negative")
    if strong >= 2:
        return CombinationBranch.TWO_STRONG
    if strong >= 1 and medium + weak >= 1:
        return CombinationBranch.STRONG_AND_MEDIUM_OR_WEAK
    if medium >= 3:
        return CombinationBranch.THREE_MEDIUM
    if medium >= 2 and weak >= 1:
        return CombinationBranch.TWO_MEDIUM_AND_WEAK
    return None


def dimension_is_positive(strong: int, medium: int, weak: int) -> bool:
    """Whether the "yes" counts of one dimension meet the combination rule."""
    return combination_branch(strong, medium, weak) is not None


# --- the summary --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class AnswerCounts:
    """How the catalogue's indicators were answered; the four counts add up to ``total``."""

    yes: int
    no: int
    unknown: int
    not_asked: int

    @property
    def total(self) -> int:
        return self.yes + self.no + self.unknown + self.not_asked


@dataclass(frozen=True, slots=True)
class DimensionResult:
    """The strong/medium/weak "yes" counts of one dimension and the combination rule's result."""

    dimension: Dimension
    strong: int
    medium: int
    weak: int
    indicator_count: int
    still_to_ask: int
    branch: CombinationBranch | None

    @property
    def positive(self) -> bool:
        return self.branch is not None

    def describe(self) -> str:
        return english(self.message())

    def message(self) -> Message:
        values = {
            "label": message(self.dimension.label),
            "strong": self.strong,
            "medium": self.medium,
            "weak": self.weak,
        }
        if self.branch is None:
            return message(DIMENSION_NOT_POSITIVE_LINE, **values)
        return message(DIMENSION_POSITIVE_LINE, branch=message(self.branch.label), **values)


@dataclass(frozen=True, slots=True)
class PatternElementResult:
    element: PatternElement
    required: bool
    met: bool
    dimensions_met: tuple[Dimension, ...]


@dataclass(frozen=True, slots=True)
class TraffickingPattern:
    """Whether the positive dimensions together are consistent with trafficking.

    Adult: recruitment (deceptive, coercive or by abuse of vulnerability) +
    exploitation + coercion at destination. Child (``child_rule``): the means are not
    required (Palermo Protocol art. 3(c)), so the exploitation dimension alone is
    required; the act is not scored by the indicators.
    """

    child_rule: bool
    elements: tuple[PatternElementResult, ...]
    consistent_with_trafficking: bool
    explanation_message: Message
    citations: tuple[Citation, ...] = ()

    @property
    def explanation(self) -> str:
        return english(self.explanation_message)

    @property
    def missing(self) -> tuple[PatternElement, ...]:
        return tuple(item.element for item in self.elements if item.required and not item.met)


@dataclass(frozen=True, slots=True)
class ScreeningSummary:
    """What the answers show, for the caseworker who decides. Never a decision itself."""

    catalogue_version: str
    catalogue_title: str
    counts: AnswerCounts
    yes_indicators: tuple[Indicator, ...]
    still_to_ask: tuple[Indicator, ...]
    yes_without_evidence: tuple[Indicator, ...]
    dimensions: tuple[DimensionResult, ...]
    pattern: TraffickingPattern | None
    forced_labour_indicators_present: tuple[Indicator, ...]
    caution: str | None
    citations: tuple[Citation, ...]
    notice: str = SUPPORT_NOTICE

    def dimension(self, dimension: Dimension) -> DimensionResult:
        for result in self.dimensions:
            if result.dimension is dimension:
                return result
        raise KeyError(f"catalogue '{self.catalogue_version}' has no dimension '{dimension}'")

    def lines(self) -> tuple[str, ...]:
        """The summary in plain English sentences, in reading order; the notice comes last."""
        return tuple(english(line) for line in self.messages())

    def messages(self) -> tuple[Message, ...]:
        """The summary's sentences as messages, to be read in the reader's language."""
        lines = [
            message(
                CATALOGUE_LINE,
                title=message(self.catalogue_title),
                version=self.catalogue_version,
            )
        ]
        if self.caution:
            lines.append(message(self.caution))
        counts = self.counts
        lines.append(
            message(
                COUNTS_LINE,
                yes=counts.yes,
                no=counts.no,
                unknown=counts.unknown,
                not_asked=counts.not_asked,
            )
        )
        lines.extend(result.message() for result in self.dimensions)
        if self.pattern is not None:
            lines.append(self.pattern.explanation_message)
        else:
            present = self.forced_labour_indicators_present
            if present:
                labels = [message(indicator.label) for indicator in present]
                lines.append(message(FORCED_LABOUR_PRESENT_LINE, labels=labels))
            else:
                lines.append(message(FORCED_LABOUR_NONE_LINE))
            lines.append(message(FORCED_LABOUR_READING_LINE))
        if self.still_to_ask:
            lines.append(message(STILL_TO_ASK_LINE, count=len(self.still_to_ask)))
        else:
            lines.append(message(ALL_ANSWERED_LINE))
        if self.yes_without_evidence:
            lines.append(
                message(
                    EVIDENCE_REMINDER_LINE,
                    count=len(self.yes_without_evidence),
                    labels=_some_labels(self.yes_without_evidence),
                )
            )
        lines.append(message(self.notice))
        return tuple(lines)


def _some_labels(indicators: tuple[Indicator, ...], limit: int = 5) -> list[Message]:
    """The first few labels, so a long list stays readable; the count says how many in all."""
    labels = [message(indicator.label) for indicator in indicators[:limit]]
    return labels + ([message(MORE_NOT_LISTED)] if len(indicators) > limit else [])


def summarise(
    catalogue: Catalogue,
    answers: AnswersInput,
    *,
    person_is_child: bool | None = None,
) -> ScreeningSummary:
    """Summarise screening answers against a catalogue; supports, never makes, a decision.

    Indicators without an answer count as "not asked" and, with those answered
    "unknown", are listed in ``still_to_ask`` in catalogue order. ``person_is_child``
    applies the child rule of the trafficking pattern (means not required, Palermo
    art. 3(c)); pass True also when the person is presumed to be a child because the
    age is uncertain. Left as None it follows the catalogue's population. Raises
    ``ScreeningAnswersInvalid`` when an answer names an unknown indicator or carries a
    wrong value.
    """
    if catalogue.population is Population.CHILD and person_is_child is False:
        raise ValueError(f"catalogue '{catalogue.version}' is written for children")
    child_rule = bool(person_is_child) or catalogue.population is Population.CHILD
    valid = validate_answers(catalogue, answers)

    values: dict[str, AnswerValue | None] = {
        indicator.id: (valid[indicator.id].value if indicator.id in valid else None)
        for indicator in catalogue.indicators
    }
    yes = tuple(i for i in catalogue.indicators if values[i.id] is AnswerValue.YES)
    counts = AnswerCounts(
        yes=len(yes),
        no=sum(1 for value in values.values() if value is AnswerValue.NO),
        unknown=sum(1 for value in values.values() if value is AnswerValue.UNKNOWN),
        not_asked=sum(1 for value in values.values() if value is None),
    )
    still_to_ask = tuple(
        i for i in catalogue.indicators if values[i.id] in (None, AnswerValue.UNKNOWN)
    )
    yes_without_evidence = tuple(i for i in yes if valid[i.id].evidence is None)

    if catalogue.kind is CatalogueKind.TRAFFICKING:
        dimensions = tuple(
            _dimension_result(catalogue, dimension, values) for dimension in catalogue.dimensions
        )
        pattern: TraffickingPattern | None = _pattern(dimensions, child_rule=child_rule)
        forced_labour_present: tuple[Indicator, ...] = ()
    else:
        dimensions = ()
        pattern = None
        forced_labour_present = yes

    return ScreeningSummary(
        catalogue_version=catalogue.version,
        catalogue_title=catalogue.title,
        counts=counts,
        yes_indicators=yes,
        still_to_ask=still_to_ask,
        yes_without_evidence=yes_without_evidence,
        dimensions=dimensions,
        pattern=pattern,
        forced_labour_indicators_present=forced_labour_present,
        caution=catalogue.caution,
        citations=catalogue.citations + (pattern.citations if pattern else ()),
    )


def _dimension_result(
    catalogue: Catalogue, dimension: Dimension, values: Mapping[str, AnswerValue | None]
) -> DimensionResult:
    indicators = catalogue.in_dimension(dimension)
    yes_strengths = [i.strength for i in indicators if values[i.id] is AnswerValue.YES]
    strong = yes_strengths.count(Strength.STRONG)
    medium = yes_strengths.count(Strength.MEDIUM)
    weak = yes_strengths.count(Strength.WEAK)
    return DimensionResult(
        dimension=dimension,
        strong=strong,
        medium=medium,
        weak=weak,
        indicator_count=len(indicators),
        still_to_ask=sum(1 for i in indicators if values[i.id] in (None, AnswerValue.UNKNOWN)),
        branch=combination_branch(strong, medium, weak),
    )


def _pattern(dimensions: tuple[DimensionResult, ...], *, child_rule: bool) -> TraffickingPattern:
    positive = {result.dimension for result in dimensions if result.positive}
    recruitment_met = tuple(d for d in RECRUITMENT_DIMENSIONS if d in positive)
    elements = (
        PatternElementResult(
            PatternElement.RECRUITMENT,
            required=not child_rule,
            met=bool(recruitment_met),
            dimensions_met=recruitment_met,
        ),
        _element(PatternElement.EXPLOITATION, Dimension.EXPLOITATIVE_CONDITIONS, positive, True),
        _element(
            PatternElement.COERCION_AT_DESTINATION,
            Dimension.COERCION_AT_DESTINATION,
            positive,
            not child_rule,
        ),
    )
    consistent = all(item.met for item in elements if item.required)
    missing = [message(item.element.label) for item in elements if item.required and not item.met]
    if child_rule:
        explanation = message(PATTERN_CONSISTENT_CHILD if consistent else PATTERN_INCOMPLETE_CHILD)
    elif consistent:
        explanation = message(
            PATTERN_CONSISTENT_ADULT,
            recruitment=[message(RECRUITMENT_IN_SENTENCE[d]) for d in recruitment_met],
        )
    else:
        explanation = message(PATTERN_INCOMPLETE_ADULT, missing=missing)
    return TraffickingPattern(
        child_rule=child_rule,
        elements=elements,
        consistent_with_trafficking=consistent,
        explanation_message=explanation,
        citations=(IPU118_OP26_CHILD_NO_MEANS,) if child_rule else (),
    )


def _element(
    element: PatternElement, dimension: Dimension, positive: set[Dimension], required: bool
) -> PatternElementResult:
    met = dimension in positive
    return PatternElementResult(element, required, met, (dimension,) if met else ())
