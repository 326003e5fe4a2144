"""Tests for kg.extract.dates: finding French date expressions and normalising them.

Reference dates used below: 2024-12-05 is a Thursday, 2025-01-03 a Friday,
2026-02-05 a Thursday, 2024-02-29 a Thursday.
"""

from __future__ import annotations

import calendar
from datetime import date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.extract.dates import (
    DateMatch,
    find_dateline,
    find_dates,
    find_month_dateline,
    find_page_dates,
    normalise,
    shared_precision,
    ticker_entries,
    wire_dateline,
)
from kg.extract.model import DateValue

REF = date(2024, 12, 5)  # a Thursday


def d(iso: str) -> date:
    return date.fromisoformat(iso)


def day(iso: str) -> DateValue:
    return DateValue(iso, "day", d(iso), d(iso))


def check_value(value: DateValue) -> None:
    """A DateValue is well formed: bounds ordered, value consistent with its precision."""
    assert value.earliest <= value.latest
    if value.precision is None:
        assert value.value is None
    elif value.precision == "day":
        assert value.value == value.earliest.isoformat() and value.earliest == value.latest
    elif value.precision == "month":
        y, m = value.earliest.year, value.earliest.month
        assert value.value == f"{y:04d}-{m:02d}" and value.earliest.day == 1
        assert value.latest == date(y, m, calendar.monthrange(y, m)[1])
    else:
        y = value.earliest.year
        assert value.value == f"{y:04d}"
        assert (value.earliest, value.latest) == (date(y, 1, 1), date(y, 12, 31))


def check_match(text: str, m: DateMatch) -> None:
    assert text[m.start:m.end] == m.text
    if m.value is not None:
        check_value(m.value)
        assert m.value.text == m.text


def only(text: str, ref: date | None = None, anchor: DateValue | None = None) -> DateMatch:
    matches = find_dates(text, ref, anchor=anchor)
    for m in matches:
        check_match(text, m)
    assert len(matches) == 1, matches
    return matches[0]


# ------------------------------------------------------------------ absolute dates (no ref needed)


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("27 novembre 2024", "27 novembre 2024", "2024-11-27"),
        ("Il est arrivé le 27 novembre 2024.", "le 27 novembre 2024", "2024-11-27"),
        ("1er décembre 2024", "1er décembre 2024", "2024-12-01"),
        ("le 1 er décembre 2024", "le 1 er décembre 2024", "2024-12-01"),
        ("le 1ᵉʳ décembre 2024", "le 1ᵉʳ décembre 2024", "2024-12-01"),
        ("le premier mai 2023", "le premier mai 2023", "2023-05-01"),
        ("mardi 3 décembre 2024", "mardi 3 décembre 2024", "2024-12-03"),
        ("le mardi 3 décembre 2024", "le mardi 3 décembre 2024", "2024-12-03"),
        ("05/12/2024", "05/12/2024", "2024-12-05"),
        ("5.12.2024", "5.12.2024", "2024-12-05"),
        ("2024-12-05", "2024-12-05", "2024-12-05"),
        ("horodatage 2026-02-05T10:12:00Z", "2026-02-05", "2026-02-05"),
        ("le 05/12/24", "05/12/24", "2024-12-05"),
        ("novembre 2024", "novembre 2024", "2024-11"),
        ("en mars 2023", "mars 2023", "2023-03"),
        ("au mois de mars 2023", "mois de mars 2023", "2023-03"),
        ("en 2022", "2022", "2022"),
        ("depuis 2022", "2022", "2022"),
        ("d'ici 2030", "2030", "2030"),
        ("jusqu’en 2026", "2026", "2026"),
        ("l'accord de 2015 sur le nucléaire", "2015", "2015"),
        ("au cours de l'année 2022", "2022", "2022"),
        ("5 fevrier 2024", "5 fevrier 2024", "2024-02-05"),
        ("15 aout 2023", "15 aout 2023", "2023-08-15"),
        ("12 DÉCEMBRE 2020", "12 DÉCEMBRE 2020", "2020-12-12"),
        ("5 déc. 2024", "5 déc. 2024", "2024-12-05"),
        ("5 janv 2024", "5 janv 2024", "2024-01-05"),
        ("3 févr. 2025", "3 févr. 2025", "2025-02-03"),
        ("le 14-Juillet 2023", "le 14-Juillet 2023", "2023-07-14"),
        ("le 5\u00a0décembre\u00a02024", "le 5\u00a0décembre\u00a02024", "2024-12-05"),
        ("le 29 février 2024", "le 29 février 2024", "2024-02-29"),
        ("le 5 décembre 1941", "le 5 décembre 1941", "1941-12-05"),
        ("à Noël 2023", "Noël 2023", "2023-12-25"),
        ("Thanksgiving 2024", "Thanksgiving 2024", "2024-11-28"),
        ("Pâques 2024", "Pâques 2024", "2024-03-31"),
        ("la veille du 5 février 2024", "la veille du 5 février 2024", "2024-02-04"),
        ("le lendemain du 28 février 2023", "le lendemain du 28 février 2023", "2023-03-01"),
        ("courant 2024", "courant 2024", "2024"),
    ],
)
def test_absolute_dates(text: str, span: str, value: str) -> None:
    m = only(text)
    assert (m.text, m.value.value if m.value else None, m.relative) == (span, value, False)


# ------------------------------------------------------------------ absolute bounds (value None)


@pytest.mark.parametrize(
    ("text", "span", "earliest", "latest"),
    [
        ("à l'automne 2021", "l'automne 2021", "2021-09-22", "2021-12-21"),
        ("au printemps 2022", "printemps 2022", "2022-03-20", "2022-06-20"),
        ("l’été 2023", "l’été 2023", "2023-06-21", "2023-09-21"),
        ("l'hiver 2022-2023", "l'hiver 2022-2023", "2022-12-22", "2023-03-19"),
        ("l'hiver 2022", "l'hiver 2022", "2021-12-22", "2023-03-19"),
        ("début 2023", "début 2023", "2023-01-01", "2023-03-31"),
        ("mi-2023", "mi-2023", "2023-04-01", "2023-09-30"),
        ("fin 2024", "fin 2024", "2024-10-01", "2024-12-31"),
        ("à la fin de l'année 2024", "fin de l'année 2024", "2024-10-01", "2024-12-31"),
        ("fin octobre 2024", "fin octobre 2024", "2024-10-21", "2024-10-31"),
        ("à la mi-janvier 2025", "mi-janvier 2025", "2025-01-11", "2025-01-20"),
        ("début février 2024", "début février 2024", "2024-02-01", "2024-02-10"),
        ("fin février 2024", "fin février 2024", "2024-02-21", "2024-02-29"),
        ("fin février 2023", "fin février 2023", "2023-02-21", "2023-02-28"),
        ("au début du mois de mars 2023", "début du mois de mars 2023", "2023-03-01", "2023-03-10"),
        ("du 5 au 7 décembre 2024", "du 5 au 7 décembre 2024", "2024-12-05", "2024-12-07"),
        ("du 28 décembre au 3 janvier 2025", "du 28 décembre au 3 janvier 2025", "2024-12-28", "2025-01-03"),
        ("entre le 3 et le 5 mars 2023", "entre le 3 et le 5 mars 2023", "2023-03-03", "2023-03-05"),
        ("les 5 et 6 décembre 2024", "les 5 et 6 décembre 2024", "2024-12-05", "2024-12-06"),
        ("12-14 mars 2024", "12-14 mars 2024", "2024-03-12", "2024-03-14"),
        ("de 2019 à 2021", "de 2019 à 2021", "2019-01-01", "2021-12-31"),
        ("entre 2019 et 2021", "entre 2019 et 2021", "2019-01-01", "2021-12-31"),
        ("le mandat 2019-2021", "2019-2021", "2019-01-01", "2021-12-31"),
        ("dans les années 1990", "les années 1990", "1990-01-01", "1999-12-31"),
    ],
)
def test_absolute_bounds(text: str, span: str, earliest: str, latest: str) -> None:
    m = only(text)
    assert m.value is not None and m.value.value is None and not m.relative
    assert (m.text, m.value.earliest, m.value.latest) == (span, d(earliest), d(latest))


# ------------------------------------------------------------------ relative to the publication date


@pytest.mark.parametrize(
    ("text", "ref", "value", "earliest", "latest"),
    [
        # day and month without a year: the latest on or before ref, "prochain" after it
        ("le 5 février", REF, "2024-02-05", None, None),
        ("le 21 novembre", REF, "2024-11-21", None, None),
        ("le 27 novembre dernier", REF, "2024-11-27", None, None),
        ("le 5 décembre", REF, "2024-12-05", None, None),
        ("le 6 décembre", REF, "2023-12-06", None, None),
        ("le 28 décembre", date(2025, 1, 3), "2024-12-28", None, None),
        ("le 5 février prochain", REF, "2025-02-05", None, None),
        ("le 29 février", date(2025, 3, 1), "2024-02-29", None, None),
        ("le 29 février", date(2024, 2, 28), "2020-02-29", None, None),
        ("le 14 juillet", REF, "2024-07-14", None, None),
        ("Le 5 FEVRIER", REF, "2024-02-05", None, None),
        ("jeudi 5 février", date(2026, 2, 3), "2026-02-05", None, None),
        ("jeudi 5 février", date(2026, 3, 1), "2026-02-05", None, None),
        # weekdays
        ("mardi", REF, "2024-12-03", None, None),
        ("vendredi", REF, "2024-11-29", None, None),
        ("jeudi", REF, "2024-12-05", None, None),
        ("ce jeudi", REF, "2024-12-05", None, None),
        ("jeudi dernier", REF, "2024-11-28", None, None),
        ("mardi dernier", REF, "2024-12-03", None, None),
        ("lundi prochain", REF, "2024-12-09", None, None),
        ("jeudi prochain", REF, "2024-12-12", None, None),
        ("mardi soir", REF, "2024-12-03", None, None),
        ("mercredi", date(2025, 1, 3), "2025-01-01", None, None),
        ("la nuit de mardi à mercredi", REF, None, "2024-12-03", "2024-12-04"),
        # days around ref
        ("hier", REF, "2024-12-04", None, None),
        ("hier", date(2025, 1, 1), "2024-12-31", None, None),
        ("avant-hier", REF, "2024-12-03", None, None),
        ("aujourd'hui", REF, "2024-12-05", None, None),
        ("aujourd’hui", REF, "2024-12-05", None, None),
        ("ce matin", REF, "2024-12-05", None, None),
        ("ce soir", REF, "2024-12-05", None, None),
        ("hier soir", REF, "2024-12-04", None, None),
        ("demain", REF, "2024-12-06", None, None),
        ("la veille", REF, "2024-12-04", None, None),
        ("le lendemain", REF, "2024-12-06", None, None),
        ("l'avant-veille", REF, "2024-12-03", None, None),
        ("deux jours plus tard", REF, "2024-12-07", None, None),
        ("trois jours avant", REF, "2024-12-02", None, None),
        ("il y a trois jours", REF, "2024-12-02", None, None),
        ("il y a 10 jours", REF, "2024-11-25", None, None),
        ("dans trois jours", REF, "2024-12-08", None, None),
        # spans
        ("la semaine dernière", REF, None, "2024-11-25", "2024-12-01"),
        ("la semaine derniere", date(2025, 1, 3), None, "2024-12-23", "2024-12-29"),
        ("cette semaine", REF, None, "2024-12-02", "2024-12-08"),
        ("la semaine prochaine", REF, None, "2024-12-09", "2024-12-15"),
        ("le week-end dernier", REF, None, "2024-11-30", "2024-12-01"),
        ("ce week-end", REF, None, "2024-11-30", "2024-12-08"),  # a Thursday: the one past or the next
        ("ce week-end", date(2024, 12, 2), None, "2024-11-30", "2024-12-01"),  # a Monday: just past
        ("ce week-end", date(2024, 12, 7), None, "2024-12-07", "2024-12-08"),  # a Saturday: under way
        ("le mois dernier", REF, "2024-11", None, None),
        ("le mois dernier", date(2025, 1, 10), "2024-12", None, None),
        ("ce mois-ci", REF, "2024-12", None, None),
        ("plus tôt ce mois-ci", REF, None, "2024-12-01", "2024-12-05"),
        ("l'an dernier", REF, "2023", None, None),
        ("l’année dernière", REF, "2023", None, None),
        ("cette année", REF, "2024", None, None),
        ("l'an prochain", REF, "2025", None, None),
        ("il y a deux ans", REF, "2022", None, None),
        ("il y a un an", REF, "2023", None, None),
        ("il y a une semaine", REF, None, "2024-11-25", "2024-12-01"),
        ("il y a deux mois", REF, "2024-10", None, None),
        ("il y a deux mois", date(2025, 1, 15), "2024-11", None, None),
        # "jour pour jour": the very day, not the period around it
        ("il y a une semaine jour pour jour", REF, "2024-11-28", None, None),
        ("il y a un an jour pour jour", REF, "2023-12-05", None, None),
        ("il y a un mois jour pour jour", date(2025, 3, 31), "2025-02-28", None, None),
        ("ces dernières semaines", REF, None, "2024-11-07", "2024-12-05"),
        ("il y a quelques jours", REF, None, "2024-11-25", "2024-12-04"),
        # seasons and parts of periods
        ("au printemps", REF, None, "2024-03-20", "2024-06-20"),
        ("au printemps", date(2025, 2, 1), None, "2024-03-20", "2024-06-20"),
        ("l'été dernier", REF, None, "2024-06-21", "2024-09-21"),
        ("l'été dernier", date(2024, 7, 15), None, "2023-06-21", "2023-09-21"),
        ("cet hiver", date(2025, 1, 10), None, "2024-12-22", "2025-03-19"),
        ("l'hiver dernier", date(2025, 1, 10), None, "2023-12-22", "2024-03-19"),
        ("fin octobre", REF, None, "2024-10-21", "2024-10-31"),
        ("fin octobre", date(2024, 10, 25), None, "2024-10-21", "2024-10-31"),
        ("mi-janvier", REF, None, "2024-01-11", "2024-01-20"),
        ("courant mars", REF, "2024-03", None, None),
        ("au début du mois", REF, None, "2024-12-01", "2024-12-10"),
        ("à la fin du mois dernier", REF, None, "2024-11-21", "2024-11-30"),
        ("début de l'année dernière", REF, None, "2023-01-01", "2023-03-31"),
        ("en fin de semaine", REF, None, "2024-12-05", "2024-12-08"),
        ("en mars", REF, "2024-03", None, None),
        ("en décembre", REF, "2024-12", None, None),
        ("en mars dernier", date(2024, 3, 10), "2023-03", None, None),
        ("du 5 au 7 décembre", REF, None, "2024-12-05", "2024-12-07"),
        # holidays
        ("la veille de Thanksgiving", REF, "2024-11-27", None, None),
        ("la veille de Thanksgiving", date(2024, 11, 27), "2024-11-27", None, None),
        ("Noël", REF, "2023-12-25", None, None),
        ("Noël", date(2024, 12, 25), "2024-12-25", None, None),
        ("la veille de Noël", date(2024, 12, 24), "2024-12-24", None, None),
        ("le lendemain de Noël", date(2024, 12, 24), "2023-12-26", None, None),
        ("le jour de l'An", REF, "2024-01-01", None, None),
        ("la Toussaint", REF, "2024-11-01", None, None),
    ],
)
def test_relative_to_ref(text: str, ref: date, value: str | None, earliest: str | None,
                         latest: str | None) -> None:
    m = only(text, ref)
    assert m.relative and m.value is not None
    assert m.value.value == value
    if value is None:
        assert (m.value.earliest, m.value.latest) == (d(earliest), d(latest))  # type: ignore[arg-type]


# ------------------------------------------------------------------ without ref: matched, nothing invented


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Il est venu le 5 février.", "le 5 février"),
        ("jeudi 5 février", "jeudi 5 février"),
        ("le 27 novembre dernier", "le 27 novembre dernier"),
        ("mardi", "mardi"),
        ("hier soir", "hier soir"),
        ("la veille", "la veille"),
        ("la semaine dernière", "la semaine dernière"),
        ("le mois dernier", "le mois dernier"),
        ("il y a deux ans", "il y a deux ans"),
        ("au printemps", "printemps"),
        ("la veille de Noël", "la veille de Noël"),
        ("fin octobre", "fin octobre"),
        ("en mars", "mars"),
        ("deux jours plus tard", "deux jours plus tard"),
    ],
)
def test_relative_without_ref_has_no_value(text: str, span: str) -> None:
    m = only(text)
    assert (m.text, m.value, m.relative) == (span, None, True)


# ------------------------------------------------------------------ anchor (an event date)


@pytest.mark.parametrize(
    ("text", "ref", "anchor", "value"),
    [
        ("la veille", REF, day("2024-02-29"), "2024-02-28"),
        ("le lendemain", None, day("2024-02-28"), "2024-02-29"),
        ("le lendemain", None, day("2024-12-31"), "2025-01-01"),
        ("deux jours plus tard", None, day("2024-11-20"), "2024-11-22"),
        ("trois jours avant", REF, day("2024-03-02"), "2024-02-28"),
        ("un an plus tard", REF, day("2022-02-24"), "2023"),
        ("hier", REF, day("2020-01-01"), "2024-12-04"),  # "hier" is always about ref
    ],
)
def test_anchor(text: str, ref: date | None, anchor: DateValue, value: str) -> None:
    m = only(text, ref, anchor)
    assert m.relative and m.value is not None and m.value.value == value


def test_anchor_without_day_shifts_bounds() -> None:
    anchor = DateValue("2024-11", "month", d("2024-11-01"), d("2024-11-30"))
    m = only("la veille", None, anchor)
    assert m.value is not None and m.value.value is None
    assert (m.value.earliest, m.value.latest) == (d("2024-10-31"), d("2024-11-29"))


# ------------------------------------------------------------------ not dates


@pytest.mark.parametrize(
    "text",
    [
        "1 000 soldats",
        "en 24 heures",
        "des S-400 livrés",
        "un missile Hwasong-18",
        "une portée de 2 000 km",
        "plus de 2000 soldats",
        "une portée de 2000 km",
        "en 2000 heures de vol",
        "2022 soldats",
        "la résolution 2231",
        "récemment",
        "il a été nommé",
        "une mission vers Mars",
        "31 février 2024",
        "le 30 février",
        "le 29 février 2023",
        "13/13/2024",
        "le 32 mars 2024",
        "Noël Le Graët",
        "Toussaint Louverture",
        "le Nouvel An chinois",
        "le printemps arabe",
        "cette année-là",
        "ce jour-là",
        "ce jeudi-là",
        "un F-16 mai",
        "à 10h12",
        "24/7",
        "version 5.12.24",
    ],
)
def test_not_dates(text: str) -> None:
    assert find_dates(text, REF) == []


# ------------------------------------------------------------------ offsets and overlaps


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("Le 27 novembre dernier, puis mardi, Moscou a tiré.", ["Le 27 novembre dernier", "mardi"]),
        ("Il l’a appelé jeudi 5 février à Paris.", ["jeudi 5 février"]),
        ("en 2019 et 2020", ["2019", "2020"]),
        ("en 2014, 2018 et en 2022", ["2014", "2018", "2022"]),
        ("la veille de Noël, le 24 décembre", ["la veille de Noël", "le 24 décembre"]),
        ("depuis le 24 février 2022, soit 1 000 jours", ["le 24 février 2022"]),
        ("Du 5 au 7 décembre 2024, 1 000 soldats", ["Du 5 au 7 décembre 2024"]),
        ("hier, puis aujourd'hui", ["hier", "aujourd'hui"]),
        ("Samedi 30 novembre et dimanche 1er décembre", ["Samedi 30 novembre", "dimanche 1er décembre"]),
        ("fin de l'an dernier", ["fin de l'an dernier"]),
    ],
)
def test_offsets_and_longest_match(text: str, spans: list[str]) -> None:
    matches = find_dates(text, REF)
    for m in matches:
        check_match(text, m)
    assert [m.text for m in matches] == spans


def test_offsets_point_into_the_original_text() -> None:
    text = "Publié\u00a0: Sergueï Choïgou a parlé l’été dernier et le 1ᵉʳ décembre 2024."
    matches = find_dates(text, REF)
    assert [(m.start, m.end) for m in matches] == [(text.index("l’été"), text.index(" et le")),
                                                   (text.index("le 1ᵉʳ"), len(text) - 1)]


def test_decomposed_accents_keep_original_offsets() -> None:
    text = "Le 5 fe\u0301vrier et l\u2019e\u0301te\u0301 dernier"
    matches = find_dates(text, REF)
    for m in matches:
        check_match(text, m)
    assert [m.text for m in matches] == ["Le 5 fe\u0301vrier", "l\u2019e\u0301te\u0301 dernier"]
    assert matches[0].value is not None and matches[0].value.value == "2024-02-05"


def test_datetime_ref_is_read_as_its_day() -> None:
    m = only("hier", datetime(2024, 12, 5, 23, 59))
    assert m.value is not None and m.value.value == "2024-12-04"


# ------------------------------------------------------------------ normalise


@pytest.mark.parametrize(
    ("expr", "ref", "value"),
    [
        ("en mars 2023", None, "2023-03"),
        ("2022", None, "2022"),
        ("1500", None, None),
        ("le 27 novembre 2024", None, "2024-11-27"),
        ("hier", REF, "2024-12-04"),
        ("hier", None, None),
        ("1 000 soldats", REF, None),
        ("", REF, None),
    ],
)
def test_normalise(expr: str, ref: date | None, value: str | None) -> None:
    result = normalise(expr, ref)
    assert (result.value if result else None) == value


@pytest.mark.parametrize(
    ("expr", "ref", "value"),
    [
        ("le 4 courant", date(2025, 12, 8), "2025-12-04"),
        ("le 1er courant", date(2025, 12, 8), "2025-12-01"),
        ("le 12 du mois courant", date(2025, 11, 8), "2025-11-12"),  # the month is named, not the last 12th
        ("le 31 courant", date(2025, 11, 8), None),
        ("le 4 courant", None, None),
    ],
)
def test_day_of_the_current_month(expr: str, ref: date | None, value: str | None) -> None:
    """"le 4 courant" (wire and administrative style) is that day of the month of publication."""
    result = normalise(expr, ref)
    assert (result.value if result else None) == value


@pytest.mark.parametrize(
    ("expr", "value"),
    [
        ("dimanche 2", "2025-11-02"),  # the 2nd that is a Sunday, not last Sunday (the 16th)
        ("le mardi 4", "2025-11-04"),
        ("samedi 15", "2025-11-15"),
        ("lundi 13", "2025-10-13"),  # November's 13th is a Thursday: October's
        ("vendredi 21", "2025-11-21"),  # after the reference: the next one (a plan)
        ("samedi 12", "2025-11-15"),  # no recent 12th is a Saturday: the weekday alone
        ("mardi 18 novembre", "2025-11-18"),
        ("dimanche 2 soldats", "2025-11-16"),  # a quantity, not a day number
    ],
)
def test_weekday_and_day_number_without_month(expr: str, value: str) -> None:
    """"samedi 12" with no month: the recent day of that number that falls on that weekday."""
    result = normalise(expr, date(2025, 11, 20))
    assert result is not None and result.value == value


def test_normalise_keeps_the_text() -> None:
    result = normalise("depuis le 5 février", REF)
    assert result == DateValue("2024-02-05", "day", d("2024-02-05"), d("2024-02-05"), "le 5 février")


# ------------------------------------------------------------------ dateline


PADDING = "Le ministre a parlé longuement de la situation. " * 20


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("title: X\ndate 2026-02-05\n\nLe 3 février 2026, le ministre a parlé.", "2026-02-05"),
        ("date: 2026-02-05T10:12:00Z\nTexte", "2026-02-05"),
        ("Publié le 5 décembre 2024 à 10h12\nLe 3 décembre 2024, un tir.", "2024-12-05"),
        ("Publié le mardi 3 décembre 2024 à 10h12, mis à jour le 4 décembre 2024", "2024-12-03"),
        ("Mis à jour le 6 décembre 2024. Publié le 5 décembre 2024", "2024-12-05"),
        ("PARIS, 5 déc 2024 (AFP) - Le chef d'état-major a appelé son homologue.", "2024-12-05"),
        ("Mis à jour le 05/12/2024\nTexte", "2024-12-05"),
        ("MOSCOU\n5 décembre 2024\nLe ministre a parlé.", "2024-12-05"),
        ("Texte.\n" + PADDING + "\nPublié le 7 décembre 2024", "2024-12-07"),
        ("Le 3 décembre 2024, le ministre a appelé son homologue.", None),
        ("Dimanche 8 décembre 2024 - 11:19\n\nLe ministre a parlé.", "2024-12-08"),  # a page's own line, with its time
        ("Le 05.12.2024 à 10:05\nTexte", "2024-12-05"),
        ("Par Claire Dubois, le 05/12/24\nTexte", "2024-12-05"),  # a byline closed by the date
        ("Le 5 décembre 2024, à Paris, le ministre a parlé.", None),  # prose goes on after the date
        ("Publié le 5 décembre à 10h12", None),
        ("Texte.\n" + PADDING + " Publié le 7 décembre 2024 " + PADDING, None),
    ],
)
def test_find_dateline(text: str, expected: str | None) -> None:
    assert find_dateline(text) == (d(expected) if expected else None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (" date 2021-01 Le chef de la diplomatie a parlé mardi.", "2021-01"),
        ("date: 2019-11\nTexte", "2019-11"),
        ("Publié en mars 2025\nLe ministre a appelé son homologue.", "2025-03"),
        ("BERLIN\nseptembre 2024\nLe chancelier a parlé.", "2024-09"),
        ("date 2021-13\nTexte", None),
        ("date 2026-02-05\nTexte", None),  # a full date is find_dateline's
        ("Le ministre a parlé en mars 2025 avec son homologue.", None),  # a date of the story, not a dateline
    ],
)
def test_find_month_dateline(text: str, expected: str | None) -> None:
    found = find_month_dateline(text)
    assert (found.value if found else None) == expected


JAN_2021 = DateValue("2021-01", "month", d("2021-01-01"), d("2021-01-31"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("le vendredi 22 janvier", "2021-01-22"),  # the same day whatever the day of publication
        ("jeudi soir", "2021-01"),  # within a week of the month: the month is better than nothing
        ("hier", "2021-01"),
        ("le mois dernier", "2020-12"),
        ("il y a trois semaines", None),  # could be December or January: unplaced
        ("le 4 mars 2019", "2019-03-04"),  # absolute dates are untouched
    ],
)
def test_relative_dates_in_a_dateline_month(text: str, expected: str | None) -> None:
    [match] = find_dates(text, None, month=JAN_2021)
    assert (match.value.value if match.value else None) == expected
    assert find_dates(text, None)[0].value is None or not find_dates(text, None)[0].relative


# ------------------------------------------------------------------ robustness


WORDS = ["le", "la", "de", "du", "au", "en", "1er", "5", "29", "31", "2024", "1999", "2 000", "février",
         "déc.", "mardi", "dernier", "prochain", "veille", "lendemain", "Noël", "fin", "mi-", "début", "l’",
         "été", "il y a", "deux", "jours", "plus tard", "semaine", "-", "/", ".", ",", "05/12/", "entre",
         "et", "à", "e\u0301", "\u00a0"]
REFS = st.none() | st.dates(date(1990, 1, 1), date(2040, 12, 31))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=12), REFS)
def test_never_raises_and_offsets_are_exact(words: list[str], ref: date | None) -> None:
    text = " ".join(words)
    matches = find_dates(text, ref)
    for m in matches:
        check_match(text, m)
    assert all(a.end <= b.start for a, b in zip(matches, matches[1:], strict=False))


# ------------------------------------------------------------------ wire datelines and bare days


@pytest.mark.parametrize("text, published, expected", [
    ("Titre\n\nLIMA, 4 avril (EFE) - Le ministre a parlé hier.", date(2025, 4, 6), date(2025, 4, 4)),
    ("Titre\n\nSÉOUL, 12 mai. /Yonhap/. Le ministre a parlé hier.", date(2025, 5, 12), date(2025, 5, 12)),
    ("Titre\n\nDAKAR, 30 décembre - Le président a appelé lundi.", date(2026, 1, 2), date(2025, 12, 30)),
    ("OTTAWA, 2 juin 2023 (PC) -- Texte.", None, date(2023, 6, 2)),
    ("Titre\n\nLIMA, 4 avril (EFE) - Texte.", None, None),  # no year and nothing to place it
    ("Titre\n\nÀ Lima, le 4 avril, le ministre a parlé.", date(2025, 4, 6), None),  # prose, not a dateline
])
def test_wire_dateline_day(text: str, published: date | None, expected: date | None) -> None:
    assert wire_dateline(text, published) == expected


def test_the_wire_dateline_is_the_reference_for_relative_dates() -> None:
    from kg.corpus import RawArticle, clean
    from kg.extract.pipeline import reference_day

    text = "Titre\n\nLIMA, 4 avril (EFE) - Le ministre a parlé hier avec son homologue."
    raw = RawArticle(id="a.txt", path="a.txt", text=text, sha256="0", published=date(2025, 4, 6))
    assert reference_day(raw) == date(2025, 4, 4)
    assert clean(text).splitlines()[-1].startswith("Le ministre")  # the dateline left the prose
    late = RawArticle(id="a.txt", path="a.txt", text=text, sha256="0", published=date(2025, 5, 20))
    assert reference_day(late) == date(2025, 5, 20)  # weeks later: a dateline of something else


@pytest.mark.parametrize("text, ref, value", [
    ("ils se sont parlé le 3 avec franchise", date(2025, 6, 5), "2025-06-03"),
    ("un appel le 28, selon Ankara", date(2025, 6, 5), "2025-05-28"),
    ("joint le 1er par téléphone", date(2025, 3, 9), "2025-03-01"),
    ("le 31 au soir", date(2025, 3, 9), None),  # neither this month's nor February's: unknown
])
def test_a_bare_day_is_the_last_such_day_before_the_reference(text: str, ref: date, value: str | None) -> None:
    [m] = find_dates(text, ref)
    assert (m.value.value if m.value else None) == value


@pytest.mark.parametrize("text", ["le 3 000 soldats", "le 3e régiment", "le 12 de la liste", "le 5 mars"])
def test_a_bare_day_needs_a_word_that_closes_it(text: str) -> None:
    assert [m.text for m in find_dates(text, date(2025, 6, 5)) if m.text.split()[-1].isdigit()] == []


TICKER = ("EN DIRECT - Les événements du samedi 1er mars\n\n"
          "21h10 - X s'est entretenu par téléphone avec Y.\n\n"
          "17:02 – Z a parlé hier avec W.\n\n"
          "Dimanche 2 mars\n\n"
          "9h40 - V a appelé U.\n")


def test_ticker_entries_take_the_day_of_the_heading_above_them() -> None:
    entries = ticker_entries(TICKER, d("2025-03-03"))
    assert [e.day for e in entries] == [d("2025-03-01"), d("2025-03-01"), d("2025-03-02")]
    assert TICKER[entries[0].start:].startswith("21h10") and TICKER[entries[2].start:].startswith("9h40")


def test_a_page_without_timestamped_entries_has_no_ticker_days() -> None:
    assert ticker_entries("Titre du samedi 1er mars\n\n21h10 - X a appelé Y.\n", d("2025-03-03")) == []


def test_a_live_page_without_any_day_heading_has_its_entries_on_its_own_date() -> None:
    entries = ticker_entries("EN DIRECT - Guerre\n\n16h05 - A.\n\n15h40 - B.\n", d("2025-03-03"))
    assert [e.day for e in entries] == [d("2025-03-03"), d("2025-03-03")]
    assert not any(e.headed for e in entries)  # the calls rules are warier of such days
    assert ticker_entries("EN DIRECT - Guerre\n\n16h05 - A.\n\n15h40 - B.\n", None) == []


def test_relative_dates_of_a_ticker_entry_count_from_its_heading_day() -> None:
    found = {m.text: m.value.value for m in find_page_dates(TICKER, d("2025-03-03")) if m.value}
    assert found["hier"] == "2025-02-28"
    assert found["samedi 1er mars"] == "2025-03-01"


def test_a_clock_time_alone_on_its_line_opens_an_entry_and_an_update_stamp_is_no_heading() -> None:
    page = ("Direct - Proche-Orient, jeudi 12 juin\n\nMis à jour le 13 juin à 01h10\n\n"
            "22:15\nX a appelé Y.\n\n• 20h40 : Z a parlé avec W.\n")
    entries = ticker_entries(page, d("2025-06-13"))
    assert [e.day for e in entries] == [d("2025-06-12"), d("2025-06-12")]
    assert all(e.headed for e in entries)
    assert "X a appelé Y" in page[entries[0].start:entries[0].end]


def test_a_clock_time_told_as_an_opening_adverbial_opens_an_entry() -> None:
    page = ("DIRECT - Andes : le fil du vendredi 7 novembre\n\n"
            "À 20 h 05, X s'est entretenu au téléphone avec Y.\n\n"
            "A 8 h 30, Z a reçu W à Quito.\n")
    entries = ticker_entries(page, d("2025-11-08"))
    assert [e.day for e in entries] == [d("2025-11-07"), d("2025-11-07")]
    assert ticker_entries("Le 7 novembre\n\nÀ 20 h 05, X parle.\n", d("2025-11-08")) == []


@pytest.mark.parametrize("text", ["plus tôt dans la journée", "Plus tôt dans la matinée", "plus tôt aujourd'hui"])
def test_earlier_the_same_day_is_the_reference_day(text: str) -> None:
    value = normalise(text, REF)
    assert value is not None and value.value == REF.isoformat()


@pytest.mark.parametrize("text, expected", [
    ("Le ministre s'est entretenu ce jour avec son homologue.", REF.isoformat()),
    ("À ce jour, aucun appel n'a eu lieu.", None),
    ("depuis ce jour", None),
    ("ce jour-là", None),
])
def test_ce_jour_is_the_dispatchs_day_unless_to_date_or_that_day(text: str, expected: str | None) -> None:
    values = [m.value.value for m in find_dates(text, REF) if m.value]
    assert values == ([expected] if expected else [])


@pytest.mark.parametrize(("text", "ref", "expected"), [
    ("la nuit de mardi à mercredi", REF, "2024-12"),  # 3-4 December
    ("le week-end dernier", REF, None),  # 30 November - 1 December: no shared month
    ("le week-end dernier", date(2025, 5, 16), "2025-05"),
    ("la semaine dernière", date(2025, 5, 16), "2025-05"),
    ("la semaine dernière", date(2025, 6, 3), None),  # 26 May - 1 June
    ("mardi", REF, "2024-12-03"),  # a value already given is kept
])
def test_bounded_dates_take_the_precision_their_bounds_share(text: str, ref: date, expected: str | None) -> None:
    value = normalise(text, ref)
    assert value is not None
    shared = shared_precision(value)
    assert shared.value == expected
    assert (shared.earliest, shared.latest) == (value.earliest, value.latest)


def test_bounds_of_one_day_are_that_day() -> None:
    day = date(2025, 3, 2)
    assert shared_precision(DateValue(None, None, day, day)).value == "2025-03-02"


DIGEST = ("Les temps forts de la semaine\n"
          "Lundi 2 mars. A et B se parlent au téléphone.\nLa veille, C avait appelé D.\n"
          "• 4 mars : E reçoit F.\n")


def test_a_digest_line_opening_with_its_day_is_an_entry_of_that_day() -> None:
    entries = ticker_entries(DIGEST, d("2026-03-08"))
    assert [e.day for e in entries] == [d("2026-03-02"), d("2026-03-04")]
    assert "La veille, C" in DIGEST[entries[0].start:entries[0].end]  # a paragraph continuing the entry
    found = {m.text: m.value.value for m in find_page_dates(DIGEST, d("2026-03-08")) if m.value}
    assert found["La veille"] == "2026-03-01"


@pytest.mark.parametrize("page", [
    "Le 2 mars, A a parlé avec B.\nLe 4 mars, C a appelé D.\n",  # a comma: prose, not a digest's entry
    "Lundi 2 mars. A et B se parlent.\nUn autre paragraphe.\n",  # a single day-led line
    "Lundi 9 mars. A.\nMardi 10 mars. B.\n",  # days after the publication
])
def test_prose_is_no_digest(page: str) -> None:
    assert ticker_entries(page, d("2026-03-08")) == []


def test_weekday_chooses_the_year_only_near_the_reference() -> None:
    # a slipped weekday three days after Thursday 17 September 2026 keeps the year
    assert normalise("mercredi 17 septembre", date(2026, 9, 20)).value == "2026-09-17"
    # across new year, the weekday still picks the year just before
    assert normalise("mercredi 31 décembre", date(2026, 1, 3)).value == "2025-12-31"


def test_bare_day_before_an_object() -> None:
    # "ont tenu le 3 un échange": the 3rd of the reference month, as wire copy writes it
    assert only("ont tenu le 3 un échange téléphonique", date(2025, 9, 4)).value.value == "2025-09-03"


def test_day_and_month_in_figures_without_a_year() -> None:
    assert only("Le 20/11, le ministre a appelé", date(2026, 11, 25)).value.value == "2026-11-20"
    assert find_dates("il a obtenu le 3/4 des voix", date(2026, 11, 25)) == []  # a fraction
    assert find_dates("un score de 3/1", date(2026, 11, 25)) == []  # no article before it
