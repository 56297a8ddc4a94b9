"""Errors raised when case facts or a jurisdiction policy cannot be used.

Each error lists every problem found, not only the first, so whoever fixes a
facts file or a policy file sees the whole list at once. A problem names the
field by its path ("person.age_estimate.min_years") and says what was expected.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from haven.kernel.errors import NotFound, ValidationFailed


class ProtectionErrorCode(StrEnum):
    FACTS_INVALID = "protection-facts-invalid"
    POLICY_INVALID = "protection-policy-invalid"
    POLICY_BELOW_MINIMUM = "protection-policy-below-minimum"
    POLICY_UNKNOWN = "protection-policy-unknown"


FACTS_INVALID_MESSAGE = "The case facts are not valid."
POLICY_INVALID_MESSAGE = "The jurisdiction policy '{name}' is not valid."
POLICY_BELOW_MINIMUM_MESSAGE = (
    "The jurisdiction policy '{name}' goes below the international minimum and is refused."
)
POLICY_UNKNOWN_MESSAGE = "There is no jurisdiction policy named '{name}'. Known policies: {known}."


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with an input: where it is, what was expected, what was found."""

    path: str
    expected: str
    found: str | None = None
    rule_id: str | None = None

    def __str__(self) -> str:
        text = f"{self.path or '(top level)'}: expected {self.expected}"
        if self.found is not None:
            text += f", found {self.found}"
        if self.rule_id is not None:
            text += f" [rule {self.rule_id}]"
        return text

    def as_dict(self) -> dict[str, str | None]:
        return {
            "path": self.path,
            "expected": self.expected,
            "found": self.found,
            "rule": self.rule_id,
        }


class _ProblemsError(ValidationFailed):
    def __init__(self, message: str, problems: list[Problem] | tuple[Problem, ...]) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        details = "\n".join(f"  - {problem}" for problem in self.problems)
        super().__init__(
            f"{message}\n{details}" if details else message,
            extra={"problems": [problem.as_dict() for problem in self.problems]},
        )


class FactsInvalid(_ProblemsError):
    code = ProtectionErrorCode.FACTS_INVALID  # type: ignore[assignment]

    def __init__(self, problems: list[Problem] | tuple[Problem, ...]) -> None:
        super().__init__(FACTS_INVALID_MESSAGE, problems)


class PolicyInvalid(_ProblemsError):
    code = ProtectionErrorCode.POLICY_INVALID  # type: ignore[assignment]

    def __init__(self, name: str, problems: list[Problem] | tuple[Problem, ...]) -> None:
        self.policy_name = name
        super().__init__(POLICY_INVALID_MESSAGE.format(name=name), problems)


class PolicyBelowMinimum(PolicyInvalid):
    """A policy tried to lower an international minimum. Each problem names the rule."""

    code = ProtectionErrorCode.POLICY_BELOW_MINIMUM  # type: ignore[assignment]

    def __init__(self, name: str, problems: list[Problem] | tuple[Problem, ...]) -> None:
        self.policy_name = name
        _ProblemsError.__init__(self, POLICY_BELOW_MINIMUM_MESSAGE.format(name=name), problems)

    @property
    def rule_ids(self) -> tuple[str, ...]:
        return tuple(problem.rule_id for problem in self.problems if problem.rule_id)


class PolicyUnknown(NotFound):
    code = ProtectionErrorCode.POLICY_UNKNOWN  # type: ignore[assignment]

    def __init__(self, name: str, known: list[str]) -> None:
        self.policy_name = name
        super().__init__(
            POLICY_UNKNOWN_MESSAGE.format(name=name, known=", ".join(known)),
            extra={"known": known},
        )
