"""All rules. Importing this package registers them; `RULES` maps code -> Rule."""

from linter.rules import (  # noqa: F401  (imported for their registrations)
    inputs,
    parts,
    number,
    place_date,
    title,
    body,
    recipients,
    signature,
)
from linter.rules.base import BY_NAME, RULES, Context, Rule, lookup, run_checks  # noqa: F401
