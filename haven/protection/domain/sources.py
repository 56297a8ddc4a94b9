"""The paragraphs and articles the rules rest on, written once.

Each constant pairs a paragraph of a source text (shared/sources/) with the
international article it points to, so a rule lists constants rather than
retyping references. Every pairing was checked against the source text; the
article numbers come from shared/research/standards-and-rules.md.
"""

from __future__ import annotations

from haven.kernel.citations import Citation

COE_TRAFFICKING_CONVENTION = (
    "Council of Europe Convention on Action against Trafficking in Human Beings"
)
TRAFFICKING_PROTOCOL = (
    "Protocol to Prevent, Suppress and Punish Trafficking in Persons, Especially Women and Children"
)
SMUGGLING_PROTOCOL = "Protocol against the Smuggling of Migrants by Land, Sea and Air"
CONSULAR_CONVENTION = "Vienna Convention on Consular Relations"


def _coe(source: str, paragraph: str, article: str) -> Citation:
    return Citation(source, paragraph, COE_TRAFFICKING_CONVENTION, article)


# --- identification, removal, recovery period -------------------------------------------------
# op.16: "effective identification of victims … non-refoulement, with protection from summary
# deportation and the granting of reflection periods and/or … residence permits".
IPU118_OP16_IDENTIFICATION = _coe("IPU-118", "op.16", "art. 10(2)")
IPU118_OP16_REFLECTION = _coe("IPU-118", "op.16", "art. 13(1)")
IPU118_OP16_RESIDENCE = _coe("IPU-118", "op.16", "art. 14(1)")
IPU118_OP16_NON_REFOULEMENT = Citation("IPU-118", "op.16")
# op.19: "refrain from deporting them until the identification process is complete … if the age
# of the victim is uncertain, to proceed on the assumption that he or she is a child".
IPU118_OP19_NO_REMOVAL = _coe("IPU-118", "op.19", "art. 10(2)")
IPU118_OP19_CHILD_PRESUMPTION = _coe("IPU-118", "op.19", "art. 10(3)")
IPU118_OP19_CHILD_PROTECTION = _coe("IPU-118", "op.19", "art. 10(4)")
IPU118_OP19_REPATRIATION_APPROPRIATE = _coe("IPU-118", "op.19", "art. 16(2)")
# op.21: "a recovery and reflection period of at least 30 days, backed by renewable residence
# permits, where there are reasonable grounds to believe that a person is a victim".
IPU118_OP21_RECOVERY = _coe("IPU-118", "op.21", "art. 13(1)")
IPU118_OP21_RESIDENCE = _coe("IPU-118", "op.21", "art. 14(1)")
# IPU-145 op.17: "… extension of residence permits during their recovery …".
IPU145_OP17_RESIDENCE = _coe("IPU-145", "op.17", "art. 14(1)")

# --- assistance -------------------------------------------------------------------------------
# IPU-118 op.20 lists the measures; CoE art. 12(1)(a)-(f) is the binding "at least" list.
IPU118_OP20_ACCOMMODATION = _coe("IPU-118", "op.20", "art. 12(1)(a)")
IPU118_OP20_MEDICAL = _coe("IPU-118", "op.20", "art. 12(1)(b)")
IPU118_OP20_INTERPRETATION = _coe("IPU-118", "op.20", "art. 12(1)(c)")
IPU118_OP20_INFORMATION = _coe("IPU-118", "op.20", "art. 12(1)(d)")
IPU118_OP20_PROCEEDINGS = _coe("IPU-118", "op.20", "art. 12(1)(e)")
IPU118_OP20_EDUCATION = _coe("IPU-118", "op.20", "art. 12(1)(f)")
IPU118_OP20_VOCATIONAL = _coe("IPU-118", "op.20", "art. 12(4)")
# IPU-145 op.17: "physical and psychological care, shelter … psychological counselling …
# facilitating access to justice".
IPU145_OP17_SHELTER = _coe("IPU-145", "op.17", "art. 12(1)(a)")
IPU145_OP17_COUNSELLING = _coe("IPU-145", "op.17", "art. 12(1)(a)")
IPU145_OP17_ACCESS_TO_JUSTICE = _coe("IPU-145", "op.17", "art. 12(1)(e)")
IPU145_OP17_SUPPORT = _coe("IPU-145", "op.17", "art. 12(1)(a)")
# IOM-IDM-2009 §7: needs are "likely to be similar, whether or not the persons concerned have been
# formally identified"; §13: "in the first instance, aim to meet the protection and assistance
# needs … of all abused and exploited migrants".
IOM_IDM_7_UNIDENTIFIED = Citation("IOM-IDM-2009", "§7")
IOM_IDM_13_ALL_EXPLOITED = Citation("IOM-IDM-2009", "§13")

# --- children ---------------------------------------------------------------------------------
# IPU-145 op.17: "gender-responsive and child-sensitive measures"; op.25: "child-sensitive manner".
IPU145_OP17_CHILD_SENSITIVE = _coe("IPU-145", "op.17", "art. 10(4)")
IPU145_OP25_BEST_INTERESTS_PERMIT = _coe("IPU-145", "op.25", "art. 14(2)")
IPU145_OP25_BEST_INTERESTS_RETURN = _coe("IPU-145", "op.25", "art. 16(7)")
# IPU-118 op.26 calls on States to "ratify and implement" the Trafficking Protocol, whose art. 3(c)
# drops the "means" element for children. (The resolution's preamble also "acknowledges the
# definition of trafficking … set out in the Protocol"; the citation convention has no form for
# preambular paragraphs, so the operative paragraph is cited.)
IPU118_OP26_CHILD_NO_MEANS = Citation("IPU-118", "op.26", TRAFFICKING_PROTOCOL, "art. 3(c)")

# --- consular ---------------------------------------------------------------------------------
# IPU-118 op.38: "the obligation of the receiving State to inform foreign nationals without delay
# of their rights under the Convention"; OAS-2007 op.2 the same duty for the Americas.
IPU118_OP38_CONSULAR = Citation("IPU-118", "op.38", CONSULAR_CONVENTION, "art. 36(1)(b)")
OAS_OP2_CONSULAR = Citation("OAS-2007", "op.2", CONSULAR_CONVENTION, "art. 36(1)(b)")
# art. 36(1)(c): consular officers refrain from acting for a national who expressly opposes it.
IPU118_OP38_OPPOSITION = Citation("IPU-118", "op.38", CONSULAR_CONVENTION, "art. 36(1)(c)")

# --- criminal justice -------------------------------------------------------------------------
# IPU-145 op.25: victims "protected from punishment for illegal conduct as a consequence of being
# trafficked".
IPU145_OP25_NON_PUNISHMENT = _coe("IPU-145", "op.25", "art. 26")
# IPU-145 op.24: "smuggled migrants must not be prosecuted for having been smuggled".
IPU145_OP24_SMUGGLED = Citation("IPU-145", "op.24", SMUGGLING_PROTOCOL, "art. 5")
# IPU-118 op.18: "the right to participate in investigations and judicial processes against
# traffickers with effective witness protection and assistance".
IPU118_OP18_WITNESS = Citation("IPU-118", "op.18")
# CoE art. 12(6): assistance "not … conditional on the victim's willingness to act as a witness".
# The issue pairs it with op.18, which speaks of participation, not of conditions.
IPU118_OP18_UNCONDITIONAL = _coe("IPU-118", "op.18", "art. 12(6)")

# --- return -----------------------------------------------------------------------------------
# IPU-118 op.17: "the right to voluntary repatriation … and to obtain access to diplomatic and
# consular representatives"; op.11: reintegration programmes in countries of origin.
IPU118_OP17_VOLUNTARY_RETURN = _coe("IPU-118", "op.17", "art. 16(2)")
IPU118_OP11_REINTEGRATION = _coe("IPU-118", "op.11", "art. 16(5)")
# IOM-IDM-2009 §13: "safe and dignified return"; §15: "the entry and return phases … require
# particular monitoring … Sound rehabilitation and reintegration programmes upon return".
IOM_IDM_13_SAFE_RETURN = Citation("IOM-IDM-2009", "§13")
IOM_IDM_15_RETURN_MONITORING = Citation("IOM-IDM-2009", "§15")
