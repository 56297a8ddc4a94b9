"""Recompute the chain from the database and report the first break."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from haven.audit.domain.chain import GENESIS_HASH, ChainBreak, ChainedEntry, verify_chain
from haven.audit.models import AuditEntry, AuditHead


@dataclass(frozen=True)
class VerificationReport:
    entries_checked: int
    failure: ChainBreak | None

    @property
    def ok(self) -> bool:
        return self.failure is None


def _chained(
    chain: int, counter: list[int], progress: Callable[[int], None] | None
) -> Iterator[ChainedEntry]:
    entries = AuditEntry.objects.filter(chain=chain).order_by("sequence")
    for entry in entries.iterator(chunk_size=5000):
        counter[0] += 1
        if progress and counter[0] % 50_000 == 0:
            progress(counter[0])
        yield ChainedEntry(entry.sequence, entry.content(), entry.previous_hash, entry.hash)


def verify_audit_log(progress: Callable[[int], None] | None = None) -> VerificationReport:
    """Verify every chain, each from its genesis to its head."""
    counter = [0]
    chains = set(AuditHead.objects.values_list("pk", flat=True))
    chains |= set(AuditEntry.objects.values_list("chain", flat=True).distinct())
    for chain in sorted(chains):
        failure = verify_chain(_chained(chain, counter, progress))
        if failure is None:
            failure = _check_head(chain)
        if failure is not None:
            return VerificationReport(counter[0], _in_chain(chain, failure))
    return VerificationReport(counter[0], None)


def _in_chain(chain: int, failure: ChainBreak) -> ChainBreak:
    if chain == 1:
        return failure
    return ChainBreak(failure.sequence, f"{failure.reason} (chain {chain})")


def _check_head(chain: int) -> ChainBreak | None:
    """The head must point at the last entry: a deleted tail shows up here."""
    head = AuditHead.objects.filter(pk=chain).first()
    last = AuditEntry.objects.filter(chain=chain).order_by("-sequence").first()
    head_sequence = head.last_sequence if head else 0
    head_hash = head.last_hash if head else GENESIS_HASH
    last_sequence = last.sequence if last else 0
    last_hash = last.hash if last else GENESIS_HASH
    if head_sequence != last_sequence or head_hash != last_hash:
        return ChainBreak(
            last_sequence + 1,
            f"the log ends at entry {last_sequence} but its head records entry "
            f"{head_sequence}: entries were removed from the end",
        )
    return None
