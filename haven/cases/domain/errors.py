"""Errors raised by the screening and exploitation-details domain.

Each error lists every problem found, not only the first, so whoever fixes the
input sees the whole list at once. A problem names the field (for screening
answers: the indicator id) and says what was expected. Problems never echo
evidence or other free text back, since that text may be sensitive: at most a
short, non-narrative value such as "maybe" or a country code.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from haven.kernel.errors import NotFound, ValidationFailed


class CasesErrorCode(StrEnum):
    SCREENING_ANSWERS_INVALID = "screening-answers-invalid"
    SCREENING_CATALOGUE_UNKNOWN = "screening-catalogue-unknown"
    SCREENING_CATALOGUE_INVALID = "screening-catalogue-invalid"
    EXPLOITATION_DETAILS_INVALID = "exploitation-details-invalid"


SCREENING_ANSWERS_INVALID_MESSAGE = (
    "The screening answers for catalogue '{version}' are not valid: {indicators}."
)
SCREENING_CATALOGUE_UNKNOWN_MESSAGE = (
    "There is no indicator catalogue named '{version}'. Known catalogues: {known}."
)
SCREENING_CATALOGUE_INVALID_MESSAGE = "The indicator catalogue '{version}' is not valid."
EXPLOITATION_DETAILS_INVALID_MESSAGE = "The exploitation details are not valid."

# What a problem says was expected. Constants so tests assert on them.
EXPECTED_KNOWN_INDICATOR = "an indicator of catalogue '{version}'"
EXPECTED_ANSWER_VALUE = "one of {allowed}"
EXPECTED_ONE_ANSWER = "one answer per indicator"
EXPECTED_EVIDENCE_TEXT = "evidence as text, or nothing"
EXPECTED_INDICATOR_ID_TEXT = "an indicator id as text"


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with an input: which field, what was expected, what was found."""

    field: str
    expected: str
    found: str | None = None

    def __str__(self) -> str:
        text = f"{self.field or '(top level)'}: expected {self.expected}"
        if self.found is not None:
            text += f", found {self.found}"
        return text

    def as_dict(self) -> dict[str, str | None]:
        return {"field": self.field, "expected": self.expected, "found": self.found}


def describe_found(value: object, *, limit: int = 40) -> str:
    """A short, safe description of a wrong value for an error message.

    Strings are quoted and cut to ``limit`` characters; anything else is named by
    its type only, so a mistaken call cannot leak a whole narrative into a log.
    """
    if isinstance(value, str):
        shown = value if len(value) <= limit else value[: limit - 1] + "…"
        return repr(shown)
    if value is None or isinstance(value, bool | int):
        return repr(value)
    return type(value).__name__


class _ProblemsError(ValidationFailed):
    def __init__(self, message: str, problems: Sequence[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        details = "\n".join(f"  - {problem}" for problem in self.problems)
        super().__init__(
            f"{message}\n{details}" if details else message,
            extra={"problems": [problem.as_dict() for problem in self.problems]},
        )

    @property
    def fields(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(problem.field for problem in self.problems))


class ScreeningAnswersInvalid(_ProblemsError):
    """Answers that name an indicator the catalogue does not have, or carry a wrong value.

    ``indicator_ids`` lists the indicators concerned, in the order the answers gave them.
    """

    code = CasesErrorCode.SCREENING_ANSWERS_INVALID  # type: ignore[assignment]

    def __init__(self, version: str, problems: Sequence[Problem]) -> None:
        self.catalogue_version = version
        indicators = ", ".join(dict.fromkeys(problem.field for problem in problems))
        super().__init__(
            SCREENING_ANSWERS_INVALID_MESSAGE.format(version=version, indicators=indicators),
            problems,
        )

    @property
    def indicator_ids(self) -> tuple[str, ...]:
        return self.fields


class CatalogueInvalid(_ProblemsError):
    """A catalogue's data breaks an integrity rule (raised when the module loads)."""

    code = CasesErrorCode.SCREENING_CATALOGUE_INVALID  # type: ignore[assignment]

    def __init__(self, version: str, problems: Sequence[Problem]) -> None:
        self.catalogue_version = version
        super().__init__(SCREENING_CATALOGUE_INVALID_MESSAGE.format(version=version), problems)


class CatalogueUnknown(NotFound):
    code = CasesErrorCode.SCREENING_CATALOGUE_UNKNOWN  # type: ignore[assignment]

    def __init__(self, version: str, known: Sequence[str]) -> None:
        self.catalogue_version = version
        super().__init__(
            SCREENING_CATALOGUE_UNKNOWN_MESSAGE.format(version=version, known=", ".join(known)),
            extra={"known": list(known)},
        )


class ExploitationDetailsInvalid(_ProblemsError):
    code = CasesErrorCode.EXPLOITATION_DETAILS_INVALID  # type: ignore[assignment]

    def __init__(self, problems: Sequence[Problem]) -> None:
        super().__init__(EXPLOITATION_DETAILS_INVALID_MESSAGE, problems)
