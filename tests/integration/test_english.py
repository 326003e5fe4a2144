"""English articles (kg.extract.english): calls read from the surface, with their parties, dates,
initiators and the posts English writes beside names; and any text shaped from its cue words goes
through without error."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.corpus import RawArticle

pytestmark = pytest.mark.model

PUBLISHED = date(2025, 3, 12)  # a Wednesday


@pytest.fixture(scope="module")
def extractor():
    from kg.extract.pipeline import Extractor

    return Extractor()


def read(extractor, text: str, lang: str = "en"):
    raw = RawArticle(id="t.txt", path="t.txt", text=text, sha256="", published=PUBLISHED, lang=lang)
    facts = next(iter(extractor.extract([raw])))
    names = {p.key: p.name for p in facts.persons}
    calls = [(sorted(names.get(x.person, x.office or "?") for x in c.participants),
              c.date.value if c.date else None,
              names.get(c.initiator.person) if c.initiator and c.initiator.person else None, c.medium)
             for c in facts.calls]
    posts = sorted((names[h.person], h.office) for h in facts.holdings)
    return calls, posts


def test_a_wire_call_with_a_counterpart_and_a_weekday(extractor) -> None:
    calls, posts = read(extractor, "OTTAWA, March 12 (Wire) - Canadian Defence Minister Bill Blair spoke by phone on "
                                   "Monday with his Dutch counterpart, Ruben Brekelmans, the ministry said.")
    assert calls == [(["Bill Blair", "Ruben Brekelmans"], "2025-03-10", None, "phone")]
    assert ("Ruben Brekelmans", "NL.defence_minister") in posts and ("Bill Blair", "CA.defence_minister") in posts


def test_one_caller_and_two_people_after_the_cue_are_two_calls(extractor) -> None:
    calls, _ = read(extractor, "Italian Foreign Minister Antonio Tajani held phone calls with Indian Foreign Minister "
                               "Subrahmanyam Jaishankar on Monday and with Egyptian Foreign Minister Badr Abdelatty "
                               "on Tuesday.")
    assert sorted(calls) == [(["Antonio Tajani", "Badr Abdelatty"], "2025-03-11", None, "phone"),
                             (["Antonio Tajani", "Subrahmanyam Jaishankar"], "2025-03-10", None, "phone")]


def test_the_caller_of_a_received_call_is_the_initiator(extractor) -> None:
    calls, _ = read(extractor, "Greek Prime Minister Kyriakos Mitsotakis received a phone call yesterday from "
                               "Cypriot President Nikos Christodoulides.")
    assert calls == [(["Kyriakos Mitsotakis", "Nikos Christodoulides"], "2025-03-11", "Nikos Christodoulides",
                      "phone")]


def test_a_video_conference_of_three_is_one_call(extractor) -> None:
    calls, _ = read(extractor, "French President Emmanuel Macron and German Chancellor Friedrich Merz held a "
                               "video conference with Polish Prime Minister Donald Tusk on Tuesday.")
    assert calls == [(["Donald Tusk", "Emmanuel Macron", "Friedrich Merz"], "2025-03-11", None, "video")]


@pytest.mark.parametrize("text", [
    "Dutch Prime Minister Dick Schoof called on Belgian Prime Minister Bart De Wever to back the plan.",
    "Spanish Defence Minister Margarita Robles will speak by phone with her Portuguese counterpart on Friday.",
    "Estonian Foreign Minister Margus Tsahkna said there had been no such call with Sergei Lavrov.",
    "Japanese Prime Minister Shigeru Ishiba met South Korean President Lee Jae-myung in Tokyo on Monday.",
])
def test_urging_plans_denials_and_meetings_are_no_calls(extractor, text: str) -> None:
    assert read(extractor, text)[0] == []


def test_a_spokesman_who_reports_the_call_is_no_party(extractor) -> None:
    calls, _ = read(extractor, "Finnish President Alexander Stubb spoke by phone with Swedish Prime Minister "
                               "Ulf Kristersson on Tuesday, spokesman Paavo Virtanen said.")
    assert calls == [(["Alexander Stubb", "Ulf Kristersson"], "2025-03-11", None, "phone")]


def test_possessive_and_relative_clause_posts(extractor) -> None:
    _, posts = read(extractor, "Norway's Defence Minister Tore Sandvik visited the base. Later, Penny Wong, who is "
                               "also Australia's foreign minister, arrived.")
    assert ("Tore Sandvik", "NO.defence_minister") in posts and ("Penny Wong", "AU.foreign_minister") in posts


def test_a_country_written_as_a_possessive_inside_a_post(extractor) -> None:
    _, posts = read(extractor, "Gen. Eirik Kristoffersen, the chief of Norway's defence staff, visited Oslo. Later, "
                               "Gen. Mykhailo Zabrodskyi, the commander-in-chief of Ukraine's armed forces, arrived.")
    assert ("Eirik Kristoffersen", "NO.chief_of_defence") in posts
    assert ("Mykhailo Zabrodskyi", "UA.chief_of_defence") in posts


def test_a_colleague_from_a_country_is_a_counterpart(extractor) -> None:
    calls, posts = read(extractor, "Estonian Defence Minister Hanno Pevkur and his colleague from Latvia Andris "
                                   "Sprūds held a phone call on Monday.")
    assert ("Andris Sprūds", "LV.defence_minister") in posts
    assert calls == [(["Andris Sprūds", "Hanno Pevkur"], "2025-03-10", None, "phone")]


def test_the_english_reading_is_for_english_articles_only(extractor) -> None:
    text = "Canadian Defence Minister Bill Blair spoke by phone on Monday with his Dutch counterpart, Ruben Brekelmans."
    assert read(extractor, text, lang="fr")[0] != read(extractor, text)[0]


WORDS = ["He", "spoke", "called", "phoned", "by", "phone", "call", "with", "his", "Chinese", "counterpart", ",",
         "Lloyd", "Austin", "Wang", "Yi", "on", "Tuesday", "received", "a", "from", "'s", "Poland", "defence",
         "minister", "who", "is", "also", "the", "at", "request", "of", "side", ".", "U.S.", "Dec.", "6",
         "video", "conference", "said", "told", "conversation", "and", "then", "Gen.", "\n"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=40))
def test_any_text_of_cue_words_is_read_without_error(extractor, words: list[str]) -> None:
    calls, posts = read(extractor, " ".join(words))
    assert all(len(parties) >= 2 for parties, *_ in calls)


def test_the_day_a_report_came_out_is_not_the_calls(extractor) -> None:
    calls, _ = read(extractor, "Turkish Foreign Minister Hakan Fidan has spoken by phone with his Greek counterpart "
                               "Giorgos Gerapetritis, the Turkish ministry said in a statement on Tuesday.")
    # not the statement's Tuesday: the report's month, as a lead tells a call of the last days (dates.lead_month)
    assert calls == [(["Giorgos Gerapetritis", "Hakan Fidan"], "2025-03", None, "phone")]
    calls, _ = read(extractor, "Canadian Defence Minister Bill Blair said he spoke by phone with his Dutch "
                               "counterpart Ruben Brekelmans on Monday.")
    assert calls == [(["Bill Blair", "Ruben Brekelmans"], "2025-03-10", None, "phone")]


def test_a_later_sentence_about_the_call_dates_it_and_names_who_asked(extractor) -> None:
    calls, _ = read(extractor, "Japanese Foreign Minister Takeshi Iwaya spoke by phone with his Indian counterpart "
                               "Subrahmanyam Jaishankar, Kyodo reported. The conversation was held on Monday at the "
                               "request of the Indian side, officials in Tokyo said.")
    assert calls == [(["Subrahmanyam Jaishankar", "Takeshi Iwaya"], "2025-03-10", "Subrahmanyam Jaishankar",
                      "phone")]


def test_a_sentence_about_the_call_after_another_event_keeps_its_date_out(extractor) -> None:
    calls, _ = read(extractor, "Italian Defence Minister Guido Crosetto spoke by phone with his Spanish counterpart "
                               "Margarita Robles. The call came after Monday's drone incursion.")
    assert calls == [(["Guido Crosetto", "Margarita Robles"], "2025-03", None, "phone")]  # the report's month


def test_a_second_call_later_that_day_takes_the_first_ones_date(extractor) -> None:
    calls, _ = read(extractor, "Dutch Defence Minister Ruben Brekelmans held a video call with his Estonian "
                               "counterpart Hanno Pevkur on Tuesday. Later that day, Brekelmans also spoke by phone "
                               "with Lithuanian Defence Minister Dovile Sakaliene.")
    assert sorted(calls) == [(["Dovile Sakaliene", "Ruben Brekelmans"], "2025-03-11", None, "phone"),
                             (["Hanno Pevkur", "Ruben Brekelmans"], "2025-03-11", None, "video")]


def test_posts_with_the_country_inside_or_in_a_relative_clause(extractor) -> None:
    _, posts = read(extractor, "French President Emmanuel Macron spoke by phone on Monday with Gen. Randy George, "
                               "chief of staff of the U.S. Army, and with Antonio Tajani, who is also the Deputy Prime "
                               "Minister of Italy.")
    assert ("Antonio Tajani", "IT.deputy_head_of_government") in posts
    _, posts = read(extractor, "Polish Defence Minister Wladyslaw Kosiniak-Kamysz talked by phone with Gen. Dan "
                               "Caine, chairman of the U.S. Joint Chiefs of Staff, on Monday.")
    assert ("Dan Caine", "US.chief_of_defence") in posts


def test_a_capitalised_pronoun_is_no_person_but_mr_he_is(extractor) -> None:
    raw = RawArticle(id="t.txt", path="t.txt", sha256="", published=PUBLISHED, lang="en",
                     text="Dutch Defence Minister Ruben Brekelmans spoke by phone with Estonian Defence Minister Hanno "
                          "Pevkur on Monday. He later dismissed claims of a rift as \"nonsense\". She did not comment.")
    facts = next(iter(extractor.extract([raw])))
    assert sorted(p.name for p in facts.persons) == ["Hanno Pevkur", "Ruben Brekelmans"]
