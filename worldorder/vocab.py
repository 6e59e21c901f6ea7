"""The project's vocabulary: vote codes, bodies and issue codes. Every other module takes them from here.

>>> VOTE_LABELS["A"]
'Abstain'
>>> ISSUES["nu"]
'Nuclear weapons and nuclear material'
"""

from __future__ import annotations

VOTE_CODES = ("Y", "N", "A", "X")
"""Yes, no, abstain, and X: listed as a member on the record but cast no vote."""

CAST = ("Y", "N", "A")
"""The codes that count as a vote cast (abstaining is a vote; absence is not)."""

VOTE_LABELS = {"Y": "Yes", "N": "No", "A": "Abstain", "X": "Did not vote"}
TOTAL_COLUMNS = {"Y": "yes", "N": "no", "A": "abstain", "X": "non_voting"}

BODIES = {"GA": "General Assembly", "SC": "Security Council"}

ISSUES = {
    "me": "Palestinian conflict",
    "nu": "Nuclear weapons and nuclear material",
    "di": "Arms control and disarmament",
    "hr": "Human rights",
    "co": "Colonialism",
    "ec": "Economic development",
}
"""Voeten's six issue codes (un_roll_call_issues), known for GA roll calls of 1946-2019."""

COUNTRY_STATUS = ("member", "former seat", "observer", "non-member")
"""``countries.csv`` status: a UN member today; a seat that no longer exists (the GDR, Czechoslovakia, ...);
a non-member observer state (Palestine); an entity in a bloc table that is neither (Western Sahara)."""
