"""What is wrong with the lexical form of an ill-typed XSD literal, in words.

``"2023-02-30"^^xsd:date`` fails ``sh:datatype xsd:date``; the shape's message says what the property
wants, this says what the value got wrong: ``not a valid xsd:date (day 30 does not exist in February)``.
Checks follow XML Schema 1.1 Part 2 for the types kg's data and most shapes use (dates and times,
integers and their ranges, decimals, doubles, booleans); another ill-typed literal is "not a valid" its type.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable

from rdflib import Literal

XSD = "http://www.w3.org/2001/XMLSchema#"
_TZ = r"(?P<tz>Z|[+-]\d{2}:\d{2})?"
_YEAR = r"(?P<year>-?\d{4,})"
_DATE = _YEAR + r"-(?P<month>\d{2})-(?P<day>\d{2})"
_TIME = r"(?P<hour>\d{2}):(?P<minute>\d{2}):(?P<second>\d{2}(?:\.\d+)?)"
_SHAPES = {
    "date": (re.compile(_DATE + _TZ), "YYYY-MM-DD, optionally with a time zone"),
    "dateTime": (re.compile(_DATE + "T" + _TIME + _TZ), "YYYY-MM-DDThh:mm:ss, optionally with a time zone"),
    "gYearMonth": (re.compile(_YEAR + r"-(?P<month>\d{2})" + _TZ), "YYYY-MM"),
    "gYear": (re.compile(_YEAR + _TZ), "a year of four digits or more, YYYY"),
}
#: Integer types: (minimum, maximum), None for no bound.
_INTEGERS: dict[str, tuple[int | None, int | None]] = {
    "integer": (None, None), "nonNegativeInteger": (0, None), "positiveInteger": (1, None),
    "nonPositiveInteger": (None, 0), "negativeInteger": (None, -1),
    "long": (-2**63, 2**63 - 1), "int": (-2**31, 2**31 - 1), "short": (-2**15, 2**15 - 1), "byte": (-128, 127),
    "unsignedLong": (0, 2**64 - 1), "unsignedInt": (0, 2**32 - 1), "unsignedShort": (0, 2**16 - 1),
    "unsignedByte": (0, 255),
}
_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_DECIMAL = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)")
_DOUBLE = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?|[+-]?INF|NaN")


def explain(value: object) -> str | None:
    """Why a literal's lexical form is not valid for its XSD datatype, or None when it is valid (or not
    an XSD literal)."""
    if not isinstance(value, Literal) or value.datatype is None or not str(value.datatype).startswith(XSD):
        return None
    kind = str(value.datatype)[len(XSD):]
    problem = _problem(kind, str(value))
    if problem is None and getattr(value, "ill_typed", False):
        return f"not a valid xsd:{kind}"
    return None if problem is None else f"not a valid xsd:{kind} ({problem})"


def _problem(kind: str, text: str) -> str | None:
    if kind in _SHAPES:
        return _temporal(kind, text)
    if kind in _INTEGERS:
        return _integer(kind, text)
    checks: dict[str, Callable[[str], str | None]] = {
        "decimal": lambda t: None if _DECIMAL.fullmatch(t) else "expected digits with at most one decimal point",
        "double": _double, "float": _double,
        "boolean": lambda t: None if t in ("true", "false", "1", "0") else "expected true, false, 1 or 0",
    }
    check = checks.get(kind)
    return check(text) if check else None


def _double(text: str) -> str | None:
    return None if _DOUBLE.fullmatch(text) else "expected a number such as 1.5, 2E3, INF or NaN"


def _integer(kind: str, text: str) -> str | None:
    if not re.fullmatch(r"[+-]?\d+", text):
        return "expected an optional sign and digits only"
    low, high = _INTEGERS[kind]
    number = int(text)
    if low is not None and number < low:
        return f"{number} is below the minimum {low}"
    if high is not None and number > high:
        return f"{number} is above the maximum {high}"
    return None


def _temporal(kind: str, text: str) -> str | None:
    pattern, form = _SHAPES[kind]
    found = pattern.fullmatch(text)
    if found is None:
        return f"expected {form}"
    parts = found.groupdict()
    return _month_day(parts) or _clock(parts) or _zone(parts.get("tz"))


def _month_day(parts: dict[str, str | None]) -> str | None:
    if parts.get("month") is None:
        return None
    month = int(parts["month"] or 0)
    if not 1 <= month <= 12:
        return f"month {month} does not exist"
    if parts.get("day") is None:
        return None
    day, year = int(parts["day"] or 0), int(parts["year"] or 0)
    name = calendar.month_name[month]
    leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)  # proleptic Gregorian, year 0 leap
    last = 29 if month == 2 and leap else _DAYS[month - 1]
    if day == 0:
        return "day 0 does not exist"
    if day > last and month == 2 and day == 29:
        return f"day 29 does not exist in February {year}, not a leap year"
    if day > last:
        return f"day {day} does not exist in {name}"
    return None


def _clock(parts: dict[str, str | None]) -> str | None:
    if parts.get("hour") is None:
        return None
    hour, minute, second = int(parts["hour"] or 0), int(parts["minute"] or 0), float(parts["second"] or 0)
    if hour == 24 and (minute or second):
        return "hour 24 is only allowed as 24:00:00"
    if hour > 24:
        return f"hour {hour} does not exist"
    if minute > 59:
        return f"minute {minute} does not exist"
    return f"second {parts['second']} does not exist" if second >= 60 else None


def _zone(tz: str | None) -> str | None:
    if not tz or tz == "Z":
        return None
    hours, minutes = int(tz[1:3]), int(tz[4:6])
    if minutes > 59 or hours * 60 + minutes > 14 * 60:
        return f"time zone {tz} is beyond ±14:00"
    return None
