"""Why screening and exploitation details exist: the paragraphs they rest on.

Paragraph numbers follow shared/sources/README.md (IPU-118 operative
paragraphs counted from "Calls upon IPU Member Parliaments effectively to
promote…" as op.1). Each constant quotes the words it relies on.
"""

from __future__ import annotations

from haven.kernel.citations import Citation

TRAFFICKING_PROTOCOL = (
    "Protocol to Prevent, Suppress and Punish Trafficking in Persons, Especially Women and Children"
)

# IPU-118 op.16: "protect victims of trafficking, including through the effective identification
# of victims".
IPU118_OP16_IDENTIFICATION = Citation("IPU-118", "op.16")
# IOM-IDM-2009 §7: "identification of a trafficking situation presents a complicated task in
# practice … needs … are likely to be similar, whether or not the persons concerned have been
# formally identified".
IOM_IDM_7_IDENTIFICATION_IS_HARD = Citation("IOM-IDM-2009", "§7")
# IOM-IDM-2009 §13: "Should a trafficking situation be identified in the process, the relevant
# additional protection mechanisms would need to take effect."
IOM_IDM_13_IDENTIFIED_IN_THE_PROCESS = Citation("IOM-IDM-2009", "§13")
# IPU-118 op.26 calls on States to "ratify and implement" the Trafficking Protocol, whose
# art. 3(c) drops the "means" element when the person is a child.
IPU118_OP26_CHILD_NO_MEANS = Citation("IPU-118", "op.26", TRAFFICKING_PROTOCOL, "art. 3(c)")
# IPU-118 op.9: "the development of cross-national sex-disaggregated data and indicators to
# monitor the enforcement of national laws and international conventions".
IPU118_OP9_CROSS_NATIONAL_DATA = Citation("IPU-118", "op.9")

SCREENING_CITATIONS: tuple[Citation, ...] = (
    IPU118_OP16_IDENTIFICATION,
    IOM_IDM_7_IDENTIFICATION_IS_HARD,
    IOM_IDM_13_IDENTIFIED_IN_THE_PROCESS,
)
