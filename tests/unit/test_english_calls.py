"""Pieces of the English call reading that need no parse (kg.extract.english): a post standing for a
party named elsewhere in the article, a call framing what was agreed, and state pairs taken for names."""

from __future__ import annotations

from kg.extract.english import _Call, _country_pair, _framed, _name_offices
from kg.extract.model import Holding


def _call() -> _Call:
    return _Call(["p1"], ["UA.defence_minister"], None, None, [], False)


def test_a_post_party_is_the_one_person_the_article_gives_it() -> None:
    call = _call()
    _name_offices(call, [Holding("p2", "UA.defence_minister", ()), Holding("p1", "GB.defence_minister", ())])
    assert (call.parties, call.offices) == (["p1", "p2"], [])


def test_a_post_with_two_holders_in_the_article_stays_a_post() -> None:
    call = _call()  # "Ukraine's defence minister, X" and "former defence minister Y"
    _name_offices(call, [Holding("p2", "UA.defence_minister", ()), Holding("p3", "UA.defence_minister", ())])
    assert (call.parties, call.offices) == (["p1"], ["UA.defence_minister"])


def test_a_call_frames_what_was_agreed_only_right_before_its_noun() -> None:
    assert _framed("she and trump agreed to deepen the alliance in sunday's ")
    assert _framed("the two agreed on a new fund during a ")
    assert not _framed("the two leaders agreed to hold another ")


def test_two_states_joined_by_a_hyphen_are_no_name() -> None:
    assert _country_pair("Japan-US") and _country_pair("U.S.-Japan")
    assert not _country_pair("Kosiniak-Kamysz") and not _country_pair("Japan")
