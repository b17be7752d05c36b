"""What each broken rule means to a person, in their language.

The rules (jobnet.domain) and DFDG name a problem by its rule set and a code; each journey
declares the words for its rule set in its own package (`messages.py`), and the forms and the
receipts of rejected reports both word a problem from here, so the same problem reads the same
everywhere and two rule sets that use the same code keep their own words.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from flask_babel import lazy_gettext as _l

from jobnet.domain.problems import RULE_SETS, rule_set_name


class ProblemMessages:
    """Messages keyed by (rule set, code). A rule set is declared once, whole."""

    def __init__(self) -> None:
        self._messages: dict[tuple[str, str], Any] = {}
        self._declared: set[str] = set()

    def declare(
        self, rule_set: type[StrEnum], messages: dict[Any, Any], *, rules: str | None = None
    ) -> None:
        """The words for every code of `rule_set` (named `rules`, else by the domain's
        RULE_SETS). Declaring a set twice, or a code of another set, is a programming error."""
        name = rules or next((n for n, s in RULE_SETS.items() if s is rule_set), None)
        if name is None:
            raise ValueError(f"{rule_set.__name__} is not in jobnet.domain.problems.RULE_SETS")
        if name in self._declared and rules is None:
            raise ValueError(f"the rule set {name!r} is declared twice")
        self._declared.add(name)
        for problem, message in messages.items():
            if not isinstance(problem, rule_set):
                raise ValueError(f"{problem!r} is not a code of {rule_set.__name__}")
            self._messages[(name, str(problem.value))] = message

    def message_for(self, problem: StrEnum | str | None, rules: str | None = None) -> Any | None:
        """The message of a domain problem, or of DFDG's (rules, code). A bare code without its
        rule set (a receipt kept from before DFDG named sets) is found only when one set has it."""
        if problem is None:
            return None
        if isinstance(problem, StrEnum):
            return self._messages.get((rule_set_name(problem), str(problem.value)))
        if rules:
            return self._messages.get((rules, problem))
        found = [message for (_, code), message in self._messages.items() if code == problem]
        return found[0] if len(found) == 1 else None

    def keys(self) -> list[tuple[str, str]]:
        return list(self._messages)


PROBLEMS = ProblemMessages()

GENERIC_REJECTION = _l("The employment database could not register it.")


def problem_message(problem: StrEnum | str | None, rules: str | None = None) -> str:
    """The person's words for a problem (a rule's enum member, or DFDG's code with its rule
    set); a general sentence for an unknown one."""
    message = PROBLEMS.message_for(problem, rules)
    return str(message) if message is not None else str(GENERIC_REJECTION)
