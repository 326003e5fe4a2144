"""French date expressions: find them in news text and normalise them to :class:`DateValue`.

How it works
------------
* **Folding.**  The text is folded one character at a time (lower case, accents
  stripped, typographic apostrophes and dashes made ASCII, non-breaking spaces
  made plain) into a string of exactly the same length, so an offset found in
  the folded text is an offset in the original.  The word tables below are
  therefore written folded: ``"fevrier"``, ``"aout"``, ``"l'annee derniere"``.
  Text with decomposed accents ("e" + U+0301) is composed first and the
  offsets mapped back.
* **Rules.**  ``PATTERNS`` pairs a rule name with a regular expression built from
  the word tables; the rule's handler turns a match into a reading: a
  ``DateValue``, or ``None`` when the expression is relative and the reference
  date is unknown.  A handler may also refuse a match that is not a date in its
  context (a month name with no date word around it, "a été"), or declare it
  invalid ("31 février 2024"): an invalid span gives no match and blocks the
  shorter readings inside it ("février 2024").
* **Composition.**  "la veille de", "le lendemain de" ... before a day-precise
  match shift it ("la veille de Noël", "le lendemain du 5 février").
* **Overlaps** are resolved longest first.  A match keeps its determiner ("le 5
  février", "la veille", "ce jeudi", "l'automne 2021") but not a preceding
  preposition ("en", "depuis", "au", "à"); callers can read those in the text.

Conventions (documented choices)
--------------------------------
* News reports the past: an expression that lacks its year or week (day and
  month, bare weekday, month, season, holiday, part of a month) is the most
  recent one starting on or before ``ref``; "prochain" is the next one after
  ``ref``.  "jeudi dernier" is strictly before ``ref``; "mars dernier", "l'été
  dernier" are the last *complete* month or season; "le 5 février dernier" is
  on or before ``ref``.  A weekday given with a day and month picks, among the
  neighbouring years, the one where that weekday fits.
* Without ``ref`` a relative expression still matches, with value ``None`` and
  ``relative=True``: nothing is invented.
* "la veille", "le lendemain", "N jours plus tard / avant" count from ``anchor``
  when one is given, else from ``ref``; "hier", "il y a", "dans" always from ``ref``.
* Values keep their precision (day, month, year).  Expressions that do not fix
  one calendar unit get value ``None`` and bounds only: weeks and week-ends
  (Monday-Sunday weeks), seasons (spring 20 March-20 June, summer 21 June-21
  September, autumn 22 September-21 December, winter 22 December-19 March),
  parts of a month (début 1-10, mi 11-20, fin 21-end), of a year (début
  January-March, mi April-September, fin October-December), of a week (début
  Monday-Wednesday, mi Tuesday-Thursday, fin Thursday-Sunday), ranges ("du 5 au
  7 décembre", "2019-2021", "les années 1990"), "il y a N semaines" (target day
  plus or minus 3 days) and vague spans ("ces dernières semaines" = the 28 days
  up to ``ref``).  "courant mars" is the whole month, with its value.
* "l'hiver 2022" may mean winter 2021-22 or 2022-23: it is bounded by the hull
  of both.  "l'hiver 2022-2023" is exact.
* A bare four-digit year (1900-2099) counts only after a date word ("en",
  "depuis", "d'ici", "l'année", "de" ...), in a list after another year, or as
  the whole text, and never before a quantity noun ("2000 soldats", "2000 km").
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from functools import cache, partial
from typing import TypeVar

from kg.extract.model import DateValue

__all__ = ["WIRE_DATELINE", "DateMatch", "TickerEntry", "counts_from_reference", "find_dateline", "find_dates",
           "find_month_dateline", "find_page_dates", "normalise", "ticker_entries", "wire_dateline"]

T = TypeVar("T")

# ============================================================== word tables (folded)

MONTHS: dict[str, int] = {
    "janvier": 1, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7,
    "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11, "decembre": 12,
}
MONTH_ABBREVIATIONS: dict[str, int] = {
    "janv": 1, "jan": 1, "fevr": 2, "fev": 2, "avr": 4, "juil": 7, "sept": 9, "sep": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
WEEKDAYS: dict[str, int] = {
    "lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5, "dimanche": 6,
}
NUMBER_WORDS: dict[str, int] = {
    "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7,
    "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "quinze": 15, "vingt": 20, "trente": 30,
}
UNITS: dict[str, str] = {
    "jour": "day", "jours": "day", "semaine": "week", "semaines": "week", "mois": "month",
    "an": "year", "ans": "year", "annee": "year", "annees": "year",
}
DIRECTIONS: dict[str, int] = {
    "dernier": -1, "derniere": -1, "passe": -1, "passee": -1, "prochain": 1, "prochaine": 1,
}
LATER_SIGNS: dict[str, int] = {"plus tard": 1, "apres": 1, "plus tot": -1, "avant": -1, "auparavant": -1}

# Days counted from ``ref`` (the publication date).
RELATIVE_DAYS: dict[str, int] = {
    "aujourd'hui": 0, "ce matin": 0, "ce midi": 0, "cet apres-midi": 0, "ce soir": 0,
    "hier": -1, "hier matin": -1, "hier midi": -1, "hier apres-midi": -1, "hier soir": -1,
    "avant-hier": -2, "demain": 1, "demain matin": 1, "demain soir": 1, "apres-demain": 2,
    # earlier the same day: the day of the dispatch (of the ticker entry's heading); not "dans la
    # soirée", which often takes its day after it ("dans la soirée de mercredi")
    "plus tot dans la journee": 0, "plus tot dans la matinee": 0, "plus tot dans l'apres-midi": 0,
    "plus tot ce jour": 0, "plus tot aujourd'hui": 0,
    "ce jour": 0,  # a communiqué's "s'est entretenu ce jour avec" (not "ce jour-là", not "à ce jour")
}
#: Words before "ce jour" that make it "to date" or "since that day", no day of its own.
_CE_JOUR_BEFORE = re.compile(r"(?<![\w-])(?:a|depuis|jusqu'a|jusqu' a|de)\s*\Z")
# Days counted from ``anchor`` (the event the sentence talks about), else from ``ref``.
ANCHOR_DAYS: dict[str, int] = {
    "la veille": -1, "la veille au soir": -1, "l'avant-veille": -2,
    "le lendemain": 1, "le lendemain matin": 1, "le surlendemain": 2,
}
# "la veille de Noël": shift the following day-precise date.
SHIFT_PREFIXES: dict[str, int] = {
    "la veille": -1, "l'avant-veille": -2, "le lendemain": 1, "au lendemain": 1, "le surlendemain": 2,
}
SHIFTABLE_RULES = frozenset({"iso", "numeric", "day_month", "holiday"})
# "dans la soirée de mardi", "au matin du 4 mars": a part of the day before a day, which the date
# takes in (so that the words between a verb and its object are all date: "a appelé dans la soirée
# de mardi X"); the day stays the day.
DAYPARTS = (  # folded, like the text they are matched in; "dans la nuit de" is the night rule's
    "dans la soiree", "dans la matinee", "dans l'apres-midi", "dans la journee",
    "tard dans la soiree", "tot dans la matinee", "en fin de journee", "en fin de matinee",
    "en fin d'apres-midi", "en debut de soiree", "en debut de matinee", "en debut d'apres-midi",
    "au soir", "au matin", "le soir", "le matin",
)
DAYPART_RULES = frozenset({"iso", "numeric", "numeric_short", "day_month", "weekday", "holiday"})

# Fixed phrases that name a span around ``ref``.
SPANS: dict[str, Callable[[date], DateValue]] = {
    "la semaine derniere": lambda r: _week(r, -1),
    "la semaine passee": lambda r: _week(r, -1),
    "cette semaine": lambda r: _week(r, 0),
    "la semaine prochaine": lambda r: _week(r, 1),
    "le week-end dernier": lambda r: _weekend(r, -1),
    "le week-end passe": lambda r: _weekend(r, -1),
    "ce week-end": lambda r: _this_weekend(r),
    "le week-end prochain": lambda r: _weekend(r, 1),
    "le mois dernier": lambda r: _month_at(r, -1),
    "le mois passe": lambda r: _month_at(r, -1),
    "ce mois-ci": lambda r: _month_at(r, 0),
    "le mois prochain": lambda r: _month_at(r, 1),
    "l'an dernier": lambda r: _year_at(r, -1),
    "l'an passe": lambda r: _year_at(r, -1),
    "l'annee derniere": lambda r: _year_at(r, -1),
    "l'annee passee": lambda r: _year_at(r, -1),
    "cette annee": lambda r: _year_at(r, 0),
    "l'an prochain": lambda r: _year_at(r, 1),
    "l'annee prochaine": lambda r: _year_at(r, 1),
    "plus tot ce mois-ci": lambda r: _bounds(r.replace(day=1), r),
    "plus tot dans le mois": lambda r: _bounds(r.replace(day=1), r),
    "plus tot cette semaine": lambda r: _bounds(_monday(r), r),
    "plus tot dans la semaine": lambda r: _bounds(_monday(r), r),
    "plus tot cette annee": lambda r: _bounds(date(r.year, 1, 1), r),
    "plus tot dans l'annee": lambda r: _bounds(date(r.year, 1, 1), r),
    "ces derniers jours": lambda r: _days_back(r, 7, 0),
    "ces dernieres semaines": lambda r: _days_back(r, 28, 0),
    "ces derniers mois": lambda r: _days_back(r, 183, 0),
    "ces dernieres annees": lambda r: _days_back(r, 3 * 365, 0),
    "il y a quelques jours": lambda r: _days_back(r, 10, 1),
    "il y a quelques semaines": lambda r: _days_back(r, 49, 10),
    "il y a quelques mois": lambda r: _days_back(r, 270, 45),
    "cette nuit": lambda r: _days_back(r, 1, 0),
    "la nuit derniere": lambda r: _days_back(r, 1, 0),
}

# (month, day) of the first and last day; winter runs over the new year.
SEASONS: dict[str, tuple[tuple[int, int], tuple[int, int]]] = {
    "printemps": ((3, 20), (6, 20)),
    "ete": ((6, 21), (9, 21)),
    "automne": ((9, 22), (12, 21)),
    "hiver": ((12, 22), (3, 19)),
}
SEASON_NOT_BEFORE = ("arabe", "de prague", "des peuples", "nucleaire", "indien")  # "le printemps arabe"

HOLIDAYS: dict[str, Callable[[int], date]] = {
    "noel": lambda y: date(y, 12, 25),
    "jour de l'an": lambda y: date(y, 1, 1),
    "nouvel an": lambda y: date(y, 1, 1),
    "saint-sylvestre": lambda y: date(y, 12, 31),
    "toussaint": lambda y: date(y, 11, 1),
    "paques": lambda y: _easter(y),
    "thanksgiving": lambda y: _nth_weekday(y, 11, WEEKDAYS["jeudi"], 4),  # US: 4th Thursday of November
}
HOLIDAY_NOT_BEFORE = ("chinois", "lunaire", "juif", "iranien", "persan", "orthodoxe")

# Parts of a period: days of a month, months of a year, day offsets from a week's Monday.
PARTS: dict[str, dict[str, tuple[int, int]]] = {
    "month": {"debut": (1, 10), "mi": (11, 20), "fin": (21, 31)},
    "year": {"debut": (1, 3), "mi": (4, 9), "fin": (10, 12)},
    "week": {"debut": (0, 2), "mi": (1, 3), "fin": (3, 6)},
}
PART_ALIASES: dict[str, str] = {"milieu": "mi"}
PERIOD_UNITS: dict[str, str] = {"mois": "month", "annee": "year", "an": "year", "semaine": "week"}
PERIOD_MODES: dict[int, str] = {-1: "done", 0: "past", 1: "next"}  # how "dernier"/"prochain" pick a period
DAY_MODES: dict[int, str] = {-1: "past", 0: "past", 1: "next"}

YEAR_TRIGGERS = ("en", "depuis", "des", "avant", "apres", "vers", "jusqu'en", "jusqu'a", "d'ici",
                 "l'an", "l'annee", "annee", "pour", "de")
MONTH_TRIGGERS = ("en", "depuis", "des", "jusqu'en", "d'ici", "avant", "apres", "au", "pour",
                  # what an earlier event "dates from": "leur échange remontait à septembre"
                  "remonte a", "remontait a", "remontant a", "date de", "datait de", "datant de",
                  # an event's month: "leur conversation de janvier"
                  "de")
SEASON_TRIGGERS = ("en", "au", "durant", "pendant", "depuis", "des", "jusqu'au", "jusqu'a", "d'ici",
                   "avant", "apres")
QUANTITY_WORDS = ("soldats", "hommes", "militaires", "personnes", "civils", "morts", "victimes", "blesses",
                  "km", "kilometres", "metres", "m", "tonnes", "kg", "missiles", "drones", "obus", "chars",
                  "avions", "ogives", "tetes", "euros", "dollars", "roubles", "milliards", "millions",
                  "habitants", "jours", "heures", "ans", "fois", "exemplaires", "unites")
QUANTITY_ADVERBS = ("plus", "moins", "pres", "environ", "quelque")  # "plus de 2000" is not a year

DATELINE_WINDOW = 300  # characters at the head and at the tail where a dateline may stand
# (text before the date, text after it), best first; on folded text.
DATELINE_CUES: tuple[tuple[str, str], ...] = (
    (r"(?<!\w)(?:publiee?|mise? en ligne|date(?: de publication)?)\s*:?\s*(?:le\s*|en\s*)?", ""),
    ("", r"\s*\((?:afp|reuters|ap|ats|belga|dpa|efe|ansa|tass|xinhua|apa)\)"),
    (r"(?<!\w)(?:mise? a jour|modifiee?|actualisee?)\s*:?\s*(?:le\s*)?", ""),
    # a date alone on its line, maybe with "le" before and the clock time after ("Dimanche 16 mars 2025 -
    # 11:19", "Le 14/03/2026 à 10h05"), or closing a byline ("Par Claire Dubois, le 14/03/26", "By X | ")
    (r"(?:^|\n)[^\S\n]*(?:(?:par|by)\s+[^\n,|]{2,60}?(?:,\s*|\s*\|\s*))?(?:le\s+)?",
     r"[^\S\n]*(?:(?:-|\u2013|,|a|\|)?[^\S\n]*\d{1,2}[^\S\n]*(?:h|:)[^\S\n]*(?:\d{2})?[^\S\n]*)?(?:\n|$)"),
)


# ============================================================== patterns


def _phrase(words: str) -> str:
    """A regex for a folded phrase: any run of spaces or hyphens between words, spaces after "'"."""
    return re.escape(words).replace(r"\ ", r"[-\s]*").replace(r"\-", r"[-\s]*").replace("'", r"'\s*")


def _alt(words: Iterable[str]) -> str:
    return "|".join(_phrase(w) for w in sorted(words, key=len, reverse=True))


_DAY = r"(?:1\s?er|premier|\d{1,2})(?!\d)"  # impossible days ("32 mars") are read, then refused
_MONTH = rf"(?:(?:{_alt(MONTHS)})\b|(?:{_alt(MONTH_ABBREVIATIONS)})(?:\.|\b))"
_MONTH_LONE = rf"(?:(?:{_alt(MONTHS)})\b|(?:{_alt(MONTH_ABBREVIATIONS)})\.)"  # abbreviations need their dot
_WEEKDAY = rf"(?:{_alt(WEEKDAYS)})"
_YEAR = r"\d{4}(?!\d)"
_BARE_YEAR = r"(?:19|20)\d\d(?!\w|[.,/-]\d)"
_NUM = rf"(?:\d{{1,3}}|{_alt(NUMBER_WORDS)})"
_UNIT = rf"(?:{_alt(UNITS)})"
_DIR = r"(?:dernier|prochain|passe)"
_START = r"(?<![\w.,/-])"  # no digit, letter or separator glued before a number
_END = r"(?![\w-])"
_NUM_END = r"(?!\d|[.,/-]\d)"  # not followed by more of a number


def _day_range(lead: str, middle: str) -> str:
    return (rf"{_START}(?P<x>{lead}(?P<d1>{_DAY})(?:\s+(?P<m1>{_MONTH})(?:\s+(?P<y1>{_YEAR}))?)?"
            rf"{middle}(?P<d2>{_DAY})\s+(?P<m2>{_MONTH})(?:\s+(?P<y2>{_YEAR}))?)")


def _phrases(table: Iterable[str]) -> str:
    return rf"(?<![\w-])(?P<x>{_alt(table)}){_END}"


#: Words that may follow a bare day number ("s'est entretenue par téléphone le 3 avec …", "ont tenu le 3 un
#: échange"): the day of the reference month (or of the month before), as wire copy writes it.
DAY_ALONE_NEXT = ("avec", "au", "aux", "a", "par", "lors", "et", "pour", "dans", "entre", "dernier", "un", "une")

PATTERNS: tuple[tuple[str, str], ...] = (
    ("iso", rf"{_START}(?P<x>(?P<y>\d{{4}})(?P<sep>[-/.])(?P<m>\d{{1,2}})(?P=sep)"
            rf"(?P<d>\d{{1,2}})){_NUM_END}"),
    ("numeric", rf"{_START}(?P<x>(?P<d>\d{{1,2}})(?P<sep>[/.-])(?P<m>\d{{1,2}})(?P=sep)"
                rf"(?P<y>\d{{4}}|\d{{2}})){_NUM_END}"),
    ("numeric_short", rf"(?<![\w-])(?:le|ce|du|au)\s+(?P<x>(?P<d>\d{{1,2}})/(?P<m>\d{{1,2}})){_NUM_END}"
                      r"(?!\s+(?:des?|du|d')\b)"),  # not a fraction ("le 3/4 des voix")
    ("range_du", _day_range(r"du\s+", r"\s+au\s+")),
    ("range_entre", _day_range(r"entre\s+le\s+", r"\s+et\s+le\s+")),
    ("range_les", _day_range(r"les\s+", r"\s+et\s+")),
    ("range_dash", _day_range("", r"\s*-\s*")),
    ("day_month", rf"{_START}(?P<x>(?:(?P<det>le|ce)\s+)?(?:(?P<wd>{_WEEKDAY})\s*,?\s+)?(?P<day>{_DAY})"
                  rf"(?:\s+|-)(?P<mon>{_MONTH})(?:\s+(?P<year>{_YEAR})|\s+(?P<dir>dernier|prochain)\b)?)"),
    ("day_current", rf"(?<![\w-])(?P<x>le\s+(?P<day>1\s?er|\d{{1,2}})\s+(?:courant|du\s+mois\s+courant)){_END}"),
    ("day_alone", rf"(?<![\w-])(?P<x>le\s+(?P<day>1\s?er|\d{{1,2}}))(?=\s*[,.;]|\s+(?:{_alt(DAY_ALONE_NEXT)})\s)"),
    ("night", rf"(?<![\w-])(?P<x>(?:la\s+)?nuit\s+(?:de|du)\s+(?P<w1>{_WEEKDAY})\s+(?:a|au)\s+"
              rf"(?P<w2>{_WEEKDAY})){_END}"),
    ("weekday_day", rf"(?<![\w-])(?P<x>(?:(?:ce|le)\s+)?(?P<wd>{_WEEKDAY})\s+(?P<day>1\s?er|\d{{1,2}}))"
                    rf"{_NUM_END}(?!\s*(?:{_MONTH}|h\b|heures?\b))"),
    ("weekday", rf"(?<![\w-])(?P<x>(?:(?:ce|le)\s+)?(?P<wd>{_WEEKDAY})(?:\s+(?P<dir>{_DIR}))?"
                rf"(?:\s+(?:matin|midi|soir|apres-midi))?){_END}"),
    ("month", rf"(?:(?<![\w'])(?P<trig>{_alt(MONTH_TRIGGERS)})\s+)?{_START}"
              rf"(?P<x>(?P<mois>(?:le\s+)?mois\s+(?:de\s+|d'\s*))?(?P<mon>{_MONTH_LONE})"
              rf"(?:\s+(?P<year>{_YEAR})|\s+(?P<dir>dernier|prochain)\b)?)"),
    ("part_month", rf"(?<![\w-])(?P<x>(?P<part>debut|fin|mi|milieu|courant)(?:\s*-\s*|\s+)"
                   rf"(?:du\s+mois\s+(?:de\s+|d'\s*)|de\s+|d'\s*)?(?P<mon>{_MONTH_LONE})"
                   rf"(?:\s+(?P<year>{_YEAR})|\s+(?P<dir>dernier|prochain)\b)?)"),
    ("part_year", rf"(?<![\w-])(?P<x>(?P<part>debut|fin|mi|milieu|courant)(?:\s*-\s*|\s+)"
                  rf"(?:de\s+l'\s*annee\s+|d'\s*annee\s+)?(?P<year>{_BARE_YEAR}))"),
    ("part_period", rf"(?<![\w-])(?P<x>(?P<part>debut|fin|mi|milieu|courant)(?:\s*-\s*|\s+)"
                    r"(?:du\s+|de\s+l'\s*|de\s+la\s+|de\s+|d'\s*)?(?P<unit>mois|annee|an|semaine)"
                    rf"(?:\s+(?P<dir>derniere?|passee?|prochaine?))?){_END}"),
    ("season", rf"(?:(?<![\w'])(?P<trig>{_alt(SEASON_TRIGGERS)})\s+)?(?<![\w-])"
               rf"(?P<x>(?P<det>l'\s*|le\s+|ce\s+|cet\s+|cette\s+)?(?P<season>{_alt(SEASONS)})"
               rf"(?!\s+(?:{_alt(SEASON_NOT_BEFORE)})\b)"
               rf"(?:\s+(?P<year>{_YEAR})(?:\s*[-/]\s*(?P<year2>{_YEAR}))?|\s+(?P<dir>{_DIR}))?){_END}"),
    ("holiday", rf"(?<![\w-])(?P<x>(?:(?:le|la)\s+)?(?P<h>{_alt(HOLIDAYS)})"
                rf"(?!\s+(?:{_alt(HOLIDAY_NOT_BEFORE)})\b)(?:\s+(?P<year>{_YEAR}))?){_END}"),
    ("years_de", rf"(?<![\w-])(?P<x>de\s+(?P<y1>{_BARE_YEAR})\s+a\s+(?P<y2>{_BARE_YEAR}))"),
    ("years_entre", rf"(?<![\w-])(?P<x>entre\s+(?P<y1>{_BARE_YEAR})\s+et\s+(?P<y2>{_BARE_YEAR}))"),
    ("years_dash", rf"{_START}(?P<x>(?P<y1>(?:19|20)\d\d)\s*-\s*(?P<y2>{_BARE_YEAR}))"),
    ("decade", r"(?<![\w-])(?P<x>(?:les\s+)?annees\s+(?P<dec>(?:19|20)\d0|[1-9]0))(?!\w|[.,/-]\d)"),
    ("year", rf"(?<![\w'])(?P<trig>{_alt(YEAR_TRIGGERS)})\s+(?P<x>{_BARE_YEAR})"),
    ("year_list", r"(?:(?<=(?:19|20)\d\d,\s)|(?<=(?:19|20)\d\d\set\s)|(?<=(?:19|20)\d\d\sou\s)"
                  rf"|(?<=(?:19|20)\d\d\set\sen\s))(?P<x>{_BARE_YEAR})"),
    ("year_alone", r"\A\s*(?P<x>(?:19|20)\d\d)\s*\Z"),  # normalise("2022"): the whole text is the context
    ("relative_day", _phrases(RELATIVE_DAYS)),
    ("anchor_day", _phrases(ANCHOR_DAYS)),
    ("span", _phrases(SPANS)),
    ("ago", rf"(?<![\w-])(?P<x>il\s+y\s+a\s+(?P<n>{_NUM})\s+(?P<unit>{_UNIT})(?P<exact>\s+jour\s+pour\s+jour)?){_END}"),
    ("within", rf"(?<![\w-])(?P<x>dans\s+(?P<n>{_NUM})\s+(?P<unit>{_UNIT})){_END}"),
    ("later", rf"{_START}(?P<x>(?P<n>{_NUM})\s+(?P<unit>{_UNIT})\s+"
              rf"(?P<dir>{_alt(LATER_SIGNS)})){_END}"),
)

_DAYPART_PREFIX = re.compile(rf"(?<![\w-])(?P<p>{_alt(DAYPARTS)})\s+(?:de\s+|du\s+|d'\s*)\Z")
_SHIFT_PREFIX = re.compile(rf"(?<![\w-])(?P<p>{_alt(SHIFT_PREFIXES)})\s+(?:de\s+|du\s+|d'\s*)\Z")
_QUANTITY_AFTER = re.compile(rf"\s*(?:[%$€]|(?:{_alt(QUANTITY_WORDS)})\b)")
_CAPITAL_AFTER = re.compile(r"[^\S\n]+[A-ZÀ-ÖØ-Þ]")  # "Noël Mamère" is a name
_WORD_BEFORE = re.compile(r"(\w+)\s*\Z")
# a character with the combining accents that follow it
_CLUSTER = re.compile(r".[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]*", re.S)
_DATELINE_RES = tuple((re.compile(rf"(?:{b})\Z"), re.compile(a)) for b, a in DATELINE_CUES)
#: A wire dateline opening a paragraph, with or without its year and agency: "PÉKIN, 14 mars 2025 (AFP) - ",
#: "NAIROBI, 28 janvier - ", "MOSCOU, 13 juillet. /TASS/. ", "PEKIN, 16 avril (Xinhua) -- ".
WIRE_DATELINE = re.compile(
    r"^(?P<place>[A-ZÀ-Ý][\w'’ .-]{1,40}), (?:le )?(?P<date>\d{1,2}(?:er)? [a-zéû]+\.?(?: \d{4})?)"
    r"(?:\s*\([\w/ .-]{2,20}\))?(?:\s*[-–—]+|\.? ?/[\w .-]{2,20}/\.?)\s*")
WIRE_LINES = 4  # a dateline opens one of the article's first lines (after the headline)
#: A live-ticker entry: a line opening with a clock time and a dash or colon ("11h05 — ", "15:30 - ",
#: "• 9h40 : "), or a clock time alone on its line with the entry below it, or a time told as the
#: entry's opening adverbial ("À 21 h 40, X a appelé Y"), the style of many regional live pages.
TICKER_ENTRY = re.compile(r"[ \t]*(?:[•*–—-][ \t]*)?(?:[ÀA][ \t]+)?\d{1,2} ?[hH:] ?\d{2}"
                          r"(?:[ \t]*[—–:|•-]|(?<=\d),|[ \t]*$)")
#: An update stamp ("Mis à jour le 6 mars à 9h12") is no day heading of the entries below it.
_UPDATE_STAMP = re.compile(r"(?<!\w)(?:mise? a jour|modifiee?|actualisee?)(?!\w)")
#: A digest's entry: a line opening with its own day, set off by a full stop, a colon or a dash
#: ("Mardi 24 novembre. X et Y se parlent au téléphone", "• 12 mars : …").
_DAY_LED = re.compile(r"[ \t]*(?:[•*–—-][ \t]*)?(?P<lead>[^.:;,—–\n]{4,40}?)[ \t]*(?:\.|:|—|–|\s-)[ \t]+\S")
#: A bulleted line ("- X a téléphoné à Y", "• …"): an entry of a day's summary under a heading naming the day.
BULLET_ENTRY = re.compile(r"[ \t]*[•*–—-][ \t]+\S")
TICKER_MIN_ENTRIES = 2  # a page with fewer timestamped (or day-led) lines is no ticker (no digest)
HEADING_CHARS = 160  # a day heading ("Les événements du samedi 10 mai") is one short line


# ============================================================== public types


@dataclass(frozen=True)
class DateMatch:
    """One date expression found in a text."""

    start: int  # char offsets in the input text
    end: int
    text: str
    value: DateValue | None  # None when the expression needs a reference date that is unknown
    relative: bool  # True when the value depended on ref/anchor


# ============================================================== folding


_FOLD_EXTRA = {"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u00b4": "'", "`": "'",
               "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-"}


@cache
def _fold_char(c: str) -> str:
    """One character, lower-cased and without accents; any fold that would change the length is skipped."""
    if c in _FOLD_EXTRA:
        return _FOLD_EXTRA[c]
    base = "".join(ch for ch in unicodedata.normalize("NFKD", c) if not unicodedata.combining(ch))
    base = base if len(base) == 1 else c
    low = base.lower()
    return low if len(low) == 1 else base


def _fold(text: str) -> str:
    return "".join(map(_fold_char, text))


def _key(text: str) -> str:
    return re.sub(r"[\s'-]+", "", text)


def _lookup(table: Mapping[str, T], text: str) -> T:
    return {_key(k): v for k, v in table.items()}[_key(text)]


# ============================================================== calendar helpers


def _day(d: date) -> DateValue:
    return DateValue(d.isoformat(), "day", d, d)


def _month(year: int, month: int) -> DateValue:
    first = date(year, month, 1)
    return DateValue(f"{year:04d}-{month:02d}", "month", first, _month_end(first))


def _year(year: int) -> DateValue:
    return DateValue(f"{year:04d}", "year", date(year, 1, 1), date(year, 12, 31))


def _bounds(earliest: date, latest: date) -> DateValue:
    return DateValue(None, None, earliest, latest)


def _make_day(year: int, month: int, day: int) -> DateValue | None:
    if not (1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]):
        return None
    return _day(date(year, month, day))


def _possible(month: int, day: int) -> bool:
    """Whether day/month exists in some year (2024 is a leap year)."""
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(2024, month)[1]


def _month_end(d: date) -> date:
    return d.replace(day=calendar.monthrange(d.year, d.month)[1])


def _add_months(d: date, n: int) -> date:
    """The first day of the month n months after d's."""
    k = d.year * 12 + d.month - 1 + n
    return date(k // 12, k % 12 + 1, 1)


def _monday(d: date) -> date:
    return d - timedelta(days=d.weekday())


def _week(ref: date, n: int) -> DateValue:
    start = _monday(ref) + timedelta(weeks=n)
    return _bounds(start, start + timedelta(days=6))


def _this_weekend(ref: date) -> DateValue:
    """"ce week-end" as a news article means it: the week-end under way on a Saturday or Sunday, the
    one just past early in the week, and either of the two around it later in the week (both in the
    bounds: the text does not say which, and a past call must not be pushed after its article)."""
    weekday = ref.weekday()
    if weekday >= 5:
        return _weekend(ref, 0)
    if weekday <= 1:
        return _weekend(ref, -1)
    return _bounds(_weekend(ref, -1).earliest, _weekend(ref, 0).latest)


def _weekend(ref: date, n: int) -> DateValue:
    saturday = _monday(ref) + timedelta(weeks=n, days=5)
    return _bounds(saturday, saturday + timedelta(days=1))


def _month_at(ref: date, n: int) -> DateValue:
    first = _add_months(ref, n)
    return _month(first.year, first.month)


def _year_at(ref: date, n: int) -> DateValue:
    return _year(ref.year + n)


def _days_back(ref: date, first: int, last: int) -> DateValue:
    return _bounds(ref - timedelta(days=first), ref - timedelta(days=last))


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    first = date(year, month, 1)
    return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))


def _easter(year: int) -> date:
    """Gregorian Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    lx = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * lx) // 451
    return date(year, (h + lx - 7 * m + 114) // 31, (h + lx - 7 * m + 114) % 31 + 1)


def _weekday_date(ref: date, weekday: int, direction: int) -> date:
    """The weekday on or before ref (strictly before if direction < 0, strictly after if > 0)."""
    if direction > 0:
        return ref + timedelta(days=(weekday - ref.weekday()) % 7 or 7)
    back = (ref.weekday() - weekday) % 7
    return ref - timedelta(days=back or (7 if direction < 0 else 0))


_PICK_TESTS: dict[str, Callable[[DateValue, date], bool]] = {
    "past": lambda v, r: v.earliest <= r,  # started on or before ref
    "done": lambda v, r: v.latest < r,  # over before ref
    "next": lambda v, r: v.earliest > r,  # starts after ref
}


def _pick_period(make: Callable[[int], DateValue | None], ref: date, mode: str) -> DateValue | None:
    """Among make(year) for the years around ref, the latest one that passes mode (the first for "next")."""
    values = [v for y in range(ref.year - 8, ref.year + 2) if (v := make(y)) is not None]
    fits = [v for v in values if _PICK_TESTS[mode](v, ref)]
    choose = min if mode == "next" else max
    return choose(fits, key=lambda v: v.earliest, default=None)


def _shift(base: DateValue, n: int, unit: str) -> DateValue:
    """base moved by n units, keeping day/month/year precision where the unit allows."""
    lo, hi = base.earliest, base.latest
    if unit == "day":
        moved = _bounds(lo + timedelta(days=n), hi + timedelta(days=n))
        return _day(moved.earliest) if base.precision == "day" else moved
    if unit == "week":
        return _bounds(lo + timedelta(days=7 * n - 3), hi + timedelta(days=7 * n + 3))
    months = n if unit == "month" else 12 * n
    if unit == "month" and base.precision in ("day", "month"):
        return _month_at(lo, months)
    if unit == "year" and base.precision is not None:
        return _year(lo.year + n)
    return _bounds(_add_months(lo, months), _month_end(_add_months(hi, months)))


def _part_of(period: DateValue, unit: str, part: str) -> DateValue:
    """début / mi / fin of a month, year or week; "courant" is the whole period."""
    if part == "courant":
        return period
    lo, hi = PARTS[unit][PART_ALIASES.get(part, part)]
    start = period.earliest
    if unit == "month":
        return _bounds(start.replace(day=lo), start.replace(day=min(hi, period.latest.day)))
    if unit == "year":
        return _bounds(date(start.year, lo, 1), _month_end(date(start.year, hi, 1)))
    return _bounds(start + timedelta(days=lo), start + timedelta(days=hi))


def _season_instance(name: str, year: int) -> DateValue:
    """The season that starts in year (winter ends in year + 1)."""
    (m1, d1), (m2, d2) = SEASONS[name]
    return _bounds(date(year, m1, d1), date(year + (m2 < m1), m2, d2))


def _season_of_year(name: str, year: int, year2: int | None) -> DateValue:
    if name != "hiver" or year2 == year + 1:
        return _season_instance(name, year)
    return _bounds(_season_instance(name, year - 1).earliest, _season_instance(name, year).latest)


def _season_near(name: str, ref: date, mode: str) -> DateValue | None:
    if mode != "this":
        return _pick_period(partial(_season_instance, name), ref, mode)
    near = [_season_instance(name, y) for y in (ref.year - 1, ref.year)]
    return next((v for v in near if v.earliest <= ref <= v.latest), near[1])


# ============================================================== readings


@dataclass(frozen=True)
class _Hit:
    value: DateValue | None
    relative: bool


_INVALID = _Hit(None, False)  # date-shaped but names no real day: no match, and blocks shorter readings


@dataclass(frozen=True)
class _Ctx:
    text: str  # the original text
    folded: str  # same length, folded
    ref: date | None
    anchor: DateValue | None

    def base(self) -> DateValue | None:
        """What "la veille", "deux jours plus tard" count from."""
        return self.anchor or (_day(self.ref) if self.ref else None)


Handler = Callable[[re.Match[str], _Ctx], _Hit | None]


def _absolute(value: DateValue | None) -> _Hit:
    return _INVALID if value is None else _Hit(value, False)


def _rel(base: T | None, build: Callable[[T], DateValue | None]) -> _Hit:
    return _Hit(None if base is None else build(base), True)


def _g(m: re.Match[str], name: str) -> str | None:
    return m.groupdict().get(name)


def _day_number(text: str) -> int:
    return 1 if text == "premier" or text.endswith("er") else int(text)


def _month_number(text: str) -> int:
    name = text.rstrip(".")
    return MONTHS.get(name) or MONTH_ABBREVIATIONS[name]


def _direction(word: str | None) -> int:
    return DIRECTIONS.get(word or "", 0)


def _count(text: str) -> int:
    return int(text) if text.isdigit() else NUMBER_WORDS[text]


# ============================================================== handlers


def _iso(m: re.Match[str], ctx: _Ctx) -> _Hit | None:
    return _absolute(_make_day(int(m["y"]), int(m["m"]), int(m["d"])))


def _numeric(m: re.Match[str], ctx: _Ctx) -> _Hit | None:
    year = m["y"]
    if len(year) == 2 and m["sep"] != "/":
        return None  # "5.12.24" is too often a version or a score
    return _absolute(_make_day(int(year) + (2000 if len(year) == 2 else 0), int(m["m"]), int(m["d"])))


def _numeric_short(m: re.Match[str], ctx: _Ctx) -> _Hit | None:
    """"le 20/11": a day and month in figures after an article, with no year: the year as for "le 20
    novembre"."""
    day, month = int(m["d"]), int(m["m"])
    if not _possible(month, day):
        return _INVALID
    return _rel(ctx.ref, lambda r: _guess_day(r, month, day, None, 0))


def _day_month(m: re.Match[str], ctx: _Ctx) -> _Hit | None:
    day, month = _day_number(m["day"]), _month_number(m["mon"])
    if not _possible(month, day):
        return _INVALID
    if m["year"]:
        return _absolute(_make_day(int(m["year"]), month, day))
    weekday = WEEKDAYS.get(m["wd"] or "")
    return _rel(ctx.ref, lambda r: _guess_day(r, month, day, weekday, _direction(m["dir"])))


#: Farthest a day and month may fall from the reference for its weekday to choose its year ("mercredi 17
#: septembre" written three days after a Thursday 17 September is that day with a slip of the weekday, not
#: the Wednesday of the year before).
WEEKDAY_YEAR_REACH = timedelta(days=183)


def _guess_day(ref: date, month: int, day: int, weekday: int | None, direction: int) -> DateValue | None:
    """The year of a day and month: the one its weekday fits near ref (within :data:`WEEKDAY_YEAR_REACH`),
    else by the news-past rule."""
    def make(year: int) -> DateValue | None:
        return _make_day(year, month, day)

    if weekday is not None:
        fits = [v for y in (ref.year - 1, ref.year, ref.year + 1)
                if (v := make(y)) and v.earliest.weekday() == weekday and abs(v.earliest - ref) <= WEEKDAY_YEAR_REACH]
        if fits:
            return min(fits, key=lambda v: abs((v.earliest - ref).days))
    return _pick_period(make, ref, DAY_MODES[direction])


def _day_range_hit(m: re.Match[str], ctx: _Ctx) -> _Hit | None:
    d1, d2, m2 = _day_number(m["d1"]), _day_number(m["d2"]), _month_number(m["m2"])
    m1 = _month_number(m["m1"]) if _g(m, "m1") else m2
    if not (_possible(m1, d1) and _possible(m2, d2)):
        return _INVALID
    build = partial(_range_in, d1=d1, m1=m1, d2=d2, m2=m2, y1=_g(m, "y1"))
    if m["y2"]:
        return _absolute(build(int(m["y2"])))
    return _rel(ctx.ref, lambda r: _pick_period(build, r, "past"))


def _range_in(year: int, *, d1: int, m1: int, d2: int, m2: int, y1: str | None) -> DateValue | None:
    """d1/m1 .. d2/m2 ending in year; the start is in the year before when it comes later in the calendar."""
    start_year = int(y1) if y1 else year - ((m1, d1) > (m2, d2))
    first, last = _make_day(start_year, m1, d1), _make_day(year, m2, d2)
    if first is None or last is None or first.earliest >= last.earliest:
        return None
    return _bounds(first.earliest, last.earliest)


def _night(m: re.Match[str], ctx: _Ctx) -> _Hit | None:
    w1, w2 = WEEKDAYS[m["w1"]], WEEKDAYS[m["w2"]]

    def build(ref: date) -> DateValue:
        end = _weekday_date(ref, w2, 0)
        return _bounds(end - timedelta(days=(w2 - w1) % 7 or 7), end)

    return _rel(ctx.ref, build)


def _day_alone(m: re.Match[str], ctx: _Ctx) -> _Hit | None:
    """"le 3": the last 3rd on or before ref (this month's, else last month's)."""
    day = _day_number(m["day"])
    if not 1 <= day <= 31:
        return _INVALID

    def build(ref: date) -> DateValue | None:
        month = ref.replace(day=1)
        for _ in range(2):
            if _possible(month.month, day) and (made := _make_day(month.year, month.month, day)) and \
                    made.earliest <= ref:
                return made
            month = _add_months(month, -1)
        return None
    return _rel(ctx.ref, build)


def _day_current(m: re.Match[str], ctx: _Ctx) -> _Hit | None:
    """"le 4 courant" (administrative and wire style): that day of the month of ``ref``, whatever
    the side of ``ref`` it falls on ("courant" names the month)."""
    day = _day_number(m["day"])
    if not 1 <= day <= 31:
        return _INVALID
    return _rel(ctx.ref, lambda r: _make_day(r.year, r.month, day) if _possible(r.month, day) else None)


#: Months back from the reference where "samedi 12" (no month) looks for a 12th that is a Saturday.
WEEKDAY_DAY_MONTHS = 3


def _weekday_day(m: re.Match[str], ctx: _Ctx) -> _Hit | None:
    """"samedi 12", "le mardi 4" with no month: the latest such day (that day number falling on that
    weekday) on or before ``ref``, within :data:`WEEKDAY_DAY_MONTHS` months, else the next one after
    it (a plan); a number no recent month puts on that weekday is read as the weekday alone."""
    day, weekday = _day_number(m["day"]), WEEKDAYS[m["wd"]]
    if not 1 <= day <= 31 or _QUANTITY_AFTER.match(ctx.folded, m.end("x")):
        return None

    def build(ref: date) -> DateValue | None:
        start = ref.replace(day=1)
        months = [_add_months(start, -k) for k in range(WEEKDAY_DAY_MONTHS)] + [_add_months(start, 1)]
        days = [date(x.year, x.month, day) for x in months if _possible(x.month, day)
                and _make_day(x.year, x.month, day) is not None]
        fitting = [d for d in days if d.weekday() == weekday]
        past = [d for d in fitting if d <= ref]
        chosen = max(past) if past else min((d for d in fitting if d > ref), default=None)
        return _day(chosen) if chosen else _day(_weekday_date(ref, weekday, 0))
    return _rel(ctx.ref, build)


def _weekday(m: re.Match[str], ctx: _Ctx) -> _Hit | None:
    weekday, direction = WEEKDAYS[m["wd"]], _direction(m["dir"])
    return _rel(ctx.ref, lambda r: _day(_weekday_date(r, weekday, direction)))


def _month_name(m: re.Match[str], ctx: _Ctx) -> _Hit | None:
    month = _month_number(m["mon"])
    if m["year"]:
        return _Hit(_month(int(m["year"]), month), False)
    if not (m["trig"] or m["dir"] or m["mois"]):
        return None  # "mars" alone is too often the planet or a name
    mode = PERIOD_MODES[_direction(m["dir"])]
    return _rel(ctx.ref, lambda r: _pick_period(lambda y: _month(y, month), r, mode))


def _part_month(m: re.Match[str], ctx: _Ctx) -> _Hit | None:
    month, part = _month_number(m["mon"]), m["part"]

    def make(year: int) -> DateValue:
        return _part_of(_month(year, month), "month", part)

    if m["year"]:
        return _Hit(make(int(m["year"])), False)
    return _rel(ctx.ref, lambda r: _pick_period(make, r, PERIOD_MODES[_direction(m["dir"])]))


def _part_year(m: re.Match[str], ctx: _Ctx) -> _Hit | None:
    return _Hit(_part_of(_year(int(m["year"])), "year", m["part"]), False)


_PERIOD_AT: dict[str, Callable[[date, int], DateValue]] = {
    "month": _month_at, "year": _year_at, "week": _week,
}


def _part_period(m: re.Match[str], ctx: _Ctx) -> _Hit | None:
    unit, part, n = PERIOD_UNITS[m["unit"]], m["part"], _direction(m["dir"])
    return _rel(ctx.ref, lambda r: _part_of(_PERIOD_AT[unit](r, n), unit, part))


def _season(m: re.Match[str], ctx: _Ctx) -> _Hit | None:
    name, det, framed = m["season"], (m["det"] or "").strip(), bool(m["det"] or m["trig"])
    if not (framed or (name != "ete" and (m["year"] or m["dir"]))):
        return None  # "a été" is the verb
    if m["year"]:
        return _Hit(_season_of_year(name, int(m["year"]), int(m["year2"]) if m["year2"] else None), False)
    mode = "this" if det.startswith("c") else PERIOD_MODES[_direction(m["dir"])]
    return _rel(ctx.ref, lambda r: _season_near(name, r, mode))


def _holiday(m: re.Match[str], ctx: _Ctx) -> _Hit | None:
    rule = _lookup(HOLIDAYS, m["h"])
    if m["year"]:
        return _Hit(_day(rule(int(m["year"]))), False)
    if _CAPITAL_AFTER.match(ctx.text, m.end("x")):
        return None  # "Noël Le Graët", "Toussaint Louverture"
    return _rel(ctx.ref, lambda r: _pick_period(lambda y: _day(rule(y)), r, "past"))


def _year_range(m: re.Match[str], ctx: _Ctx) -> _Hit | None:
    first, last = int(m["y1"]), int(m["y2"])
    if last <= first or _QUANTITY_AFTER.match(ctx.folded, m.end("x")):
        return None
    return _Hit(_bounds(date(first, 1, 1), date(last, 12, 31)), False)


def _decade(m: re.Match[str], ctx: _Ctx) -> _Hit | None:
    start = int(m["dec"]) + (1900 if len(m["dec"]) == 2 else 0)
    return _Hit(_bounds(date(start, 1, 1), date(start + 9, 12, 31)), False)


def _year_word(m: re.Match[str], ctx: _Ctx) -> _Hit | None:
    if _QUANTITY_AFTER.match(ctx.folded, m.end("x")):
        return None
    if _g(m, "trig") == "de":
        before = _WORD_BEFORE.search(ctx.folded, max(0, m.start("trig") - 30), m.start("trig"))
        if before and before.group(1) in QUANTITY_ADVERBS:
            return None
    return _Hit(_year(int(m["x"])), False)


def _relative_day(m: re.Match[str], ctx: _Ctx) -> _Hit | None:
    if _key(m["x"]) == _key("ce jour") and _CE_JOUR_BEFORE.search(ctx.folded[max(0, m.start("x") - 12):m.start("x")]):
        return None
    n = _lookup(RELATIVE_DAYS, m["x"])
    return _rel(ctx.ref, lambda r: _day(r + timedelta(days=n)))


def _anchor_day(m: re.Match[str], ctx: _Ctx) -> _Hit | None:
    n = _lookup(ANCHOR_DAYS, m["x"])
    return _rel(ctx.base(), lambda b: _shift(b, n, "day"))


def _span(m: re.Match[str], ctx: _Ctx) -> _Hit | None:
    return _rel(ctx.ref, _lookup(SPANS, m["x"]))


def _ago(m: re.Match[str], ctx: _Ctx) -> _Hit | None:
    """"il y a deux semaines" (around that day), "il y a une semaine jour pour jour" (that very day)."""
    n, unit = _count(m["n"]), UNITS[m["unit"]]
    if m["exact"]:
        return _rel(ctx.ref, lambda r: _day(_same_day_back(r, n, unit)))
    return _rel(ctx.ref, lambda r: _shift(_day(r), -n, unit))


def _same_day_back(ref: date, n: int, unit: str) -> date:
    """The day n units before ``ref`` to the day ("jour pour jour"): a week is seven days; a month
    or a year keeps the day of the month, or the month's last day when it has fewer."""
    if unit in ("day", "week"):
        return ref - timedelta(days=n * (7 if unit == "week" else 1))
    first = _add_months(ref, -n * (12 if unit == "year" else 1))
    return first.replace(day=min(ref.day, _month_end(first).day))


def _within(m: re.Match[str], ctx: _Ctx) -> _Hit | None:
    n, unit = _count(m["n"]), UNITS[m["unit"]]
    return _rel(ctx.ref, lambda r: _shift(_day(r), n, unit))


def _later(m: re.Match[str], ctx: _Ctx) -> _Hit | None:
    n, unit = _count(m["n"]) * _lookup(LATER_SIGNS, m["dir"]), UNITS[m["unit"]]
    return _rel(ctx.base(), lambda b: _shift(b, n, unit))


_HANDLERS: dict[str, Handler] = {
    "iso": _iso, "numeric": _numeric, "numeric_short": _numeric_short, "range_du": _day_range_hit,
    "range_entre": _day_range_hit,
    "range_les": _day_range_hit, "range_dash": _day_range_hit, "day_month": _day_month, "night": _night,
    "day_current": _day_current,
    "weekday_day": _weekday_day,
    "day_alone": _day_alone,
    "weekday": _weekday, "month": _month_name, "part_month": _part_month, "part_year": _part_year,
    "part_period": _part_period, "season": _season, "holiday": _holiday, "years_de": _year_range,
    "years_entre": _year_range, "years_dash": _year_range, "decade": _decade, "year": _year_word,
    "year_list": _year_word, "year_alone": _year_word, "relative_day": _relative_day,
    "anchor_day": _anchor_day, "span": _span, "ago": _ago, "within": _within, "later": _later,
}


@dataclass(frozen=True)
class _Rule:
    name: str
    regex: re.Pattern[str]
    handler: Handler


_RULES = tuple(_Rule(name, re.compile(pattern), _HANDLERS[name]) for name, pattern in PATTERNS)


# ============================================================== matching


@dataclass(frozen=True)
class _Candidate:
    start: int
    end: int
    hit: _Hit
    rule: _Rule
    match: re.Match[str]


def _read(rule: _Rule, m: re.Match[str], ctx: _Ctx) -> _Hit | None:
    """The rule's reading of a match; a date the calendar cannot hold is invalid, never an exception."""
    try:
        return rule.handler(m, ctx)
    except (ValueError, OverflowError):
        return _INVALID


def _candidates(rule: _Rule, ctx: _Ctx) -> Iterator[_Candidate]:
    for m in rule.regex.finditer(ctx.folded):
        hit = _read(rule, m, ctx)
        if hit is not None:
            yield _Candidate(*m.span("x"), hit, rule, m)


def _shifted(c: _Candidate, ctx: _Ctx) -> _Candidate | None:
    """"la veille de Noël": the candidate moved by the prefix before it, read against a moved ref."""
    if c.rule.name not in SHIFTABLE_RULES or c.hit is _INVALID:
        return None
    prefix = _SHIFT_PREFIX.search(ctx.folded, max(0, c.start - 40), c.start)
    if prefix is None:
        return None
    n = _lookup(SHIFT_PREFIXES, prefix["p"])
    inner = _read(c.rule, c.match, replace(ctx, ref=ctx.ref - timedelta(days=n)) if ctx.ref else ctx)
    if inner is None or inner is _INVALID:
        return None
    value = _shift(inner.value, n, "day") if inner.value else None
    return _Candidate(prefix.start("p"), c.end, _Hit(value, inner.relative), c.rule, c.match)


def _with_daypart(c: _Candidate, ctx: _Ctx) -> _Candidate | None:
    """"dans la soirée de mardi": the day's candidate widened over the part of the day before it."""
    if c.rule.name not in DAYPART_RULES or c.hit is _INVALID:
        return None
    prefix = _DAYPART_PREFIX.search(ctx.folded, max(0, c.start - 40), c.start)
    return _Candidate(prefix.start("p"), c.end, c.hit, c.rule, c.match) if prefix else None


def _select(candidates: list[_Candidate]) -> list[_Candidate]:
    """Longest first, then leftmost; a candidate overlapping a chosen one is dropped.

    The chosen ones never overlap, so kept sorted by start they are also sorted by end: a new
    candidate need only be checked against its two neighbours (n log n, not n squared)."""
    starts: list[int] = []
    chosen: list[_Candidate] = []
    for c in sorted(candidates, key=lambda c: (c.start - c.end, c.start)):
        i = bisect_right(starts, c.start)
        if (i and chosen[i - 1].end > c.start) or (i < len(chosen) and chosen[i].start < c.end):
            continue
        starts.insert(i, c.start)
        chosen.insert(i, c)
    return chosen


def _find(text: str, ref: date | None, anchor: DateValue | None) -> list[DateMatch]:
    ctx = _Ctx(text, _fold(text), ref, anchor)
    found = [c for rule in _RULES for c in _candidates(rule, ctx)]
    found += [s for c in found if (s := _shifted(c, ctx)) is not None]
    found += [s for c in found if (s := _with_daypart(c, ctx)) is not None]
    return [_to_match(c, ctx) for c in _select(found) if c.hit is not _INVALID]


def _compose(text: str) -> tuple[str, list[int]]:
    """text with each letter and its combining accents composed (NFC), and for each composed character
    the offset where it starts in text (plus len(text) at the end): "e\u0301" becomes "é"."""
    chars: list[str] = []
    offsets: list[int] = []
    for cluster in _CLUSTER.finditer(text):
        composed = unicodedata.normalize("NFC", cluster.group())
        chars.append(composed)
        offsets.extend([cluster.start()] * len(composed))
    return "".join(chars), [*offsets, len(text)]


def _remap(m: DateMatch, original: str, offsets: list[int]) -> DateMatch:
    start, end = offsets[m.start], offsets[m.end]
    text = original[start:end]
    return DateMatch(start, end, text, replace(m.value, text=text) if m.value else None, m.relative)


def _to_match(c: _Candidate, ctx: _Ctx) -> DateMatch:
    text = ctx.text[c.start:c.end]
    value = replace(c.hit.value, text=text) if c.hit.value else None
    return DateMatch(c.start, c.end, text, value, c.hit.relative)


# ============================================================== public API


def find_dates(text: str, ref: date | None = None, *, anchor: DateValue | None = None,
               month: DateValue | None = None) -> list[DateMatch]:
    """Every French date expression in text, normalised against ref (publication date) where needed.
    Without ref, ``month`` (a month-precision dateline) still places relative expressions; see
    :func:`_in_month`."""
    if isinstance(ref, datetime):
        ref = ref.date()
    if ref is None and month is not None:
        return _in_month(text, month, anchor)
    if unicodedata.is_normalized("NFC", text):
        return _find(text, ref, anchor)
    composed, offsets = _compose(text)
    return [_remap(m, text, offsets) for m in _find(composed, ref, anchor)]


def _in_month(text: str, month: DateValue, anchor: DateValue | None) -> list[DateMatch]:
    """Relative expressions read as if published on the month's first day and on its last.  The
    same reading both times is kept ("mardi 18 mars" in a March 2025 dateline); readings that
    differ but both fall within a week of the month ("mardi", "hier") give the dateline's month,
    better than nothing; otherwise the expression stays unplaced."""
    first = find_dates(text, month.earliest, anchor=anchor)
    last = {(m.start, m.end): m for m in find_dates(text, month.latest, anchor=anchor)}
    low, high = month.earliest - timedelta(days=7), month.latest + timedelta(days=7)
    out = []
    for m in first:
        other = last.get((m.start, m.end))
        if not m.relative or (other and other.value == m.value):
            out.append(m)
        elif other and _same_day_in_month(m.value, other.value, month):
            out.append(other)  # "le 3 avril" in an April dateline: that April, wherever in it the page fell
        elif other and m.value and other.value and low <= min(m.value.earliest, other.value.earliest) \
                and max(m.value.latest, other.value.latest) <= high:
            out.append(replace(m, value=replace(month, text=m.text)))
        else:
            out.append(replace(m, value=None))
    return out


def _same_day_in_month(early: DateValue | None, late: DateValue | None, month: DateValue) -> bool:
    """Two readings of one day and month that differ only in their year, the later one falling in the
    dateline's month: a day the text names in the page's own month, which that month's year fixes."""
    if not (early and late and early.precision == late.precision == "day"):
        return False
    a, b = early.earliest, late.earliest
    return (a.month, a.day) == (b.month, b.day) and a.year != b.year and month.earliest <= b <= month.latest


@dataclass(frozen=True)
class TickerEntry:
    """One timestamped entry of a live ticker (char offsets in the page) and the day of the heading
    it stands under."""

    start: int
    end: int
    day: date
    headed: bool = True  # the day is a heading's, not the page's own date taken for want of one


def ticker_entries(text: str, ref: date | None = None) -> list[TickerEntry]:
    """The entries of a live ticker ("11h05 — X s'est entretenu avec Y") that stand under a day
    heading ("EN DIRECT … les événements du samedi 10 mai", or a day line between entries).  An
    entry's clock time says nothing of its day; the heading above it does, and the publication
    date of the page may be another day (a page closed after midnight, archived, or updated).
    An entry runs to the next entry or heading.  Entries under no dated heading are left out, but on
    a page with no day heading at all (one day's live page) every entry is on the page's own date."""
    lines, pos = [], 0
    for line in text.splitlines(keepends=True):
        lines.append((pos, line))
        pos += len(line)
    led = {start: lead for start, line in lines if (lead := _lead_day(line, ref))}
    if len(led) < TICKER_MIN_ENTRIES:
        led = {}
    stamped = sum(bool(TICKER_ENTRY.match(line)) for _, line in lines) >= TICKER_MIN_ENTRIES
    headings = any(not TICKER_ENTRY.match(line) and not BULLET_ENTRY.match(line) and _heading_day(line, ref)
                   for _, line in lines)
    # "Ce qu'il faut retenir de la journée de jeudi :" over bulleted lines: a day's summary, whose
    # entries are that day's as a ticker's are; bullets under no heading naming a day are none
    bullets = sum(bool(BULLET_ENTRY.match(line)) for _, line in lines)
    bulleted = not stamped and headings and bullets >= TICKER_MIN_ENTRIES
    entry = BULLET_ENTRY if bulleted else TICKER_ENTRY
    if not led and not stamped and not bulleted:
        return []
    out: list[TickerEntry] = []
    headed = bool(led) or any(not entry.match(line) and _heading_day(line, ref) for _, line in lines)
    day: date | None = None if headed else ref  # a page with no day heading at all: the day it is dated
    for start, line in lines:
        if start in led:  # a digest's entry is its own heading
            day = led[start]
            out.append(TickerEntry(start, start + len(line), day))
        elif entry.match(line):
            if day:
                out.append(TickerEntry(start, start + len(line), day, headed))
            continue
        heading = _heading_day(line, ref)
        if heading:
            day = heading
        elif out and out[-1].end == start:
            out[-1] = replace(out[-1], end=start + len(line))  # a paragraph continuing the entry
    return out


def _lead_day(line: str, ref: date | None) -> date | None:
    """The day a digest's line opens with, alone in its first sentence ("Mardi 24 novembre. …",
    "Le 3 mars : …"); not a day after the publication."""
    lead = _DAY_LED.match(line)
    if lead is None:
        return None
    text = lead["lead"].strip()
    days = [(m, m.value) for m in find_dates(text, ref) if m.value and m.value.precision == "day"]
    if len(days) != 1 or len(text[:days[0][0].start].split()) > 1 or text[days[0][0].end:].strip():
        return None
    day = days[0][1].earliest
    return None if ref and day > ref + timedelta(days=1) else day


def _heading_day(line: str, ref: date | None) -> date | None:
    """The day a short title line names ("suivez les événements de ce jeudi 12 juin"); a sentence
    of prose (ending with a full stop), an update stamp or a day after the publication is no heading."""
    text = line.strip()
    if not text or len(text) > HEADING_CHARS or text.endswith((".", "»", "\"")) or _UPDATE_STAMP.search(_fold(text)):
        return None
    days = [m.value for m in find_dates(text, ref) if m.value and m.value.precision == "day"]
    if len(days) != 1 or (ref and days[0].earliest > ref + timedelta(days=1)):
        return None
    return days[0].earliest


def counts_from_reference(text: str) -> bool:
    """Whether a date expression is a day counted from the dispatch itself ("hier", "plus tôt dans
    la journée"), never from another event, whatever words of anchoring it holds ("plus tôt")."""
    folded = " ".join(_fold(text).split())
    return folded in RELATIVE_DAYS


def find_page_dates(text: str, ref: date | None = None, *, month: DateValue | None = None) -> list[DateMatch]:
    """:func:`find_dates` over a whole page, with the relative dates of a live ticker's entries
    ("samedi soir", "hier") read against the day heading the entry stands under, not against the
    publication date (see :func:`ticker_entries`)."""
    matches = find_dates(text, ref, month=month)
    for entry in ticker_entries(text, ref):
        if entry.day == ref:
            continue
        inside = [replace(m, start=m.start + entry.start, end=m.end + entry.start)
                  for m in find_dates(text[entry.start:entry.end], entry.day)]
        matches = [m for m in matches if not entry.start <= m.start < entry.end] + inside
    return sorted(matches, key=lambda m: m.start)


#: Days before the reference day a call told undated in a news report's lead may have taken place.
LEAD_WINDOW = timedelta(days=7)


def lead_month(ref: date) -> DateValue | None:
    """The date of an event a dated report's lead tells with no day: the report's month when the week
    before the reference day lies in it (no day is guessed); None across the turn of a month."""
    start = ref - LEAD_WINDOW
    if (start.year, start.month) != (ref.year, ref.month):
        return None
    return DateValue(f"{ref.year:04d}-{ref.month:02d}", "month", start, ref)


def normalise(expr: str, ref: date | None = None, *, anchor: DateValue | None = None) -> DateValue | None:
    """One expression -> DateValue, or None when it cannot be fixed.

    The longest date expression in ``expr`` is used, so "en mars 2023" works.
    """
    best = max(find_dates(expr, ref, anchor=anchor), key=lambda m: m.end - m.start, default=None)
    return best.value if best else None


def shared_precision(value: DateValue) -> DateValue:
    """A date the text only bounds ("dans la nuit de dimanche à lundi", "le week-end dernier", "la
    semaine dernière") stated at the precision its bounds share: the day when they are one day, the
    month when both fall in it.  The bounds stay; the value says no more than they do.  Bounds across
    two months keep no value (a year alone would date a call too loosely to tell it from another)."""
    if value.value is not None:
        return value
    first, last = value.earliest, value.latest
    if first == last:
        return replace(_day(first), text=value.text)
    if (first.year, first.month) == (last.year, last.month):
        return DateValue(f"{first.year:04d}-{first.month:02d}", "month", first, last, value.text)
    return value


def find_dateline(text: str) -> date | None:
    """A publication date stated in the article itself, or None.

    Looked for in the first and last ``DATELINE_WINDOW`` characters: a full date
    (day, month and year) after "Publié le" / "date" / "Mis à jour le", before
    "(AFP)", or alone on its line.  Publication beats agency dateline beats update.
    """
    # Only the head and the tail are read (with a margin for a date across the window's edge and
    # for the cue before it), so a long article costs no more than a short one.
    margin = 200
    if len(text) > 2 * (DATELINE_WINDOW + margin):
        cut = len(text) - DATELINE_WINDOW - margin
        head, tail_text = text[:DATELINE_WINDOW + margin], text[cut:]
        pieces = [(head, 0), (tail_text, cut)]
    else:
        pieces = [(text, 0)]
    tail = len(text) - DATELINE_WINDOW
    ranked = []
    for piece, offset in pieces:
        folded = _fold(piece)
        ranked += [(rank, m.start + offset, m.value.value)
                   for m in find_dates(piece)
                   if (m.start + offset < DATELINE_WINDOW or m.end + offset > tail) and m.value
                   and m.value.precision == "day" and not m.relative
                   and (rank := _cue_rank(folded, m.start, m.end)) is not None]
    return date.fromisoformat(min(ranked)[2]) if ranked else None  # type: ignore[arg-type]


def wire_dateline(text: str, published: date | None = None) -> date | None:
    """The day of a wire dateline opening one of the article's first lines ("MOSCOU, 13 juillet.
    /TASS/."), or None.  Without a year it is the last such day on or before ``published``: the day
    the dispatch was written, from which its "hier" and weekdays count."""
    lines = [" ".join(line.split()) for line in text.splitlines() if line.strip()][:WIRE_LINES]
    for line in lines:
        m = WIRE_DATELINE.match(line)
        found = [d.value for d in find_dates(m["date"], published)] if m else []
        day = found[0].value if found and found[0] and found[0].precision == "day" else None
        if day:
            return date.fromisoformat(day)
    return None


def wire_dateline_place(text: str) -> str | None:
    """The place of the wire dateline opening one of the article's first lines ("RIYAD" in "RIYAD,
    15 janvier 2025 (SPA) --"), or None.  The dateline leaves the prose (:func:`kg.corpus.clean`), so
    where the dispatch was written is kept here for the rules that place posts."""
    lines = [" ".join(line.split()) for line in text.splitlines() if line.strip()][:WIRE_LINES]
    return next((m["place"] for m in map(WIRE_DATELINE.match, lines) if m), None)


_MONTH_HEADER = re.compile(r"\A\s*date\s*:?\s*(?P<y>\d{4})-(?P<m>\d{2})(?![\d-])", re.IGNORECASE)


def find_month_dateline(text: str) -> DateValue | None:
    """A publication month stated in the article when no full date is: a ``date YYYY-MM`` header,
    or a month and year after a dateline cue ("Publié en mars 2025") or alone on its line."""
    header = _MONTH_HEADER.match(text)
    if header and 1 <= int(header["m"]) <= 12:
        return _month(int(header["y"]), int(header["m"]))
    folded, tail = _fold(text), len(text) - DATELINE_WINDOW
    ranked = [(rank, m.start, m.value)
              for m in find_dates(text)
              if (m.start < DATELINE_WINDOW or m.end > tail) and m.value and m.value.precision == "month"
              and not m.relative and (rank := _cue_rank(folded, m.start, m.end)) is not None]
    return min(ranked, key=lambda r: r[:2])[2] if ranked else None


def _cue_rank(folded: str, start: int, end: int) -> int | None:
    for rank, (before, after) in enumerate(_DATELINE_RES):
        if before.search(folded, max(0, start - 60), start) and after.match(folded, end):
            return rank
    return None
