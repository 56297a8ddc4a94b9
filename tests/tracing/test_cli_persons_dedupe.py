"""`haven persons dedupe`: the operator's search across every agency."""

from __future__ import annotations

from haven.audit.models import AuditEntry
from haven.cli import main
from haven.tracing.models import PersonDuplicateCandidate


def test_the_operator_search_proposes_pairs_across_agencies(across_agencies, capsys):
    assert main(["persons", "dedupe"]) == 0

    assert "3 persons compared" in capsys.readouterr().out
    pair = PersonDuplicateCandidate.objects.get()
    assert pair.person_a.agency_id != pair.person_b.agency_id
    entry = AuditEntry.objects.get(object_type="person_duplicate_search")
    assert entry.actor_label == "system"


def test_a_bad_threshold_is_an_error_not_a_traceback(across_agencies, capsys):
    assert main(["persons", "dedupe", "--threshold", "7"]) == 2
    assert "threshold" in capsys.readouterr().err
    assert not PersonDuplicateCandidate.objects.exists()
