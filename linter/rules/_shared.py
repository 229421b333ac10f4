"""Citation prefixes that the rules of several bands share (a rule module's own are its _CIT)."""

PL1 = "NĐ 30/2020, Phụ lục I"
PL3 = "NĐ 30/2020, Phụ lục III"
VBQPPL_SHARED = "VBQPPL: docs/standards-vbqppl.md"  # the State rules that state-vbqppl shares
HD05_CIT = "HD 05-HD/VPTW (27/5/2026), Phần II"  # where Hướng dẫn 05 differs from HD 36

# legal normative documents (state-vbqppl): what was read of these texts, and how sure we are of
# each rule, is docs/standards-vbqppl.md; ctx.choice.regime names the rules of the document's date
VBQPPL_DOC = "docs/standards-vbqppl.md"
L64 = "Luật 64/2025/QH15"
N78 = "NĐ 78/2025/NĐ-CP"
N34 = "NĐ 34/2016/NĐ-CP"
