"""Checking URL query parameters against the values a page allows, so bad links get a notice, not a crash."""

from collections.abc import Callable, Iterable

from shaping.words import phrase

Allowed = Iterable[str] | Callable[[str], bool]


def _ok(value: str, allowed: Allowed) -> bool:
    return allowed(value) if callable(allowed) else value in set(allowed)


def query_notices(params: dict[str, list[str]], allowed: dict[str, Allowed]) -> list[str]:
    """Sentences naming each unknown parameter and each value a parameter does not allow."""
    notices = []
    for key, values in params.items():
        if key not in allowed:
            notices.append(phrase("notices.unknown_parameter", parameter=key[:40]))
            continue
        bad = [v for v in values if v != "" and not _ok(v, allowed[key])]
        if bad:
            shown = ", ".join(f"'{v[:40]}'" for v in bad[:5])
            notices.append(phrase("notices.not_a_choice", values=shown, parameter=key))
    return notices


def int_between(low: int, high: int) -> Callable[[str], bool]:
    """A validator for whole numbers in a range (e.g. years)."""

    def check(value: str) -> bool:
        return value.strip().lstrip("-").isdigit() and low <= int(value) <= high

    return check
