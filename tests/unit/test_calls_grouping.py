"""Unit tests of how call mentions are grouped into calls (kg.extract.callgroups), on hand-built
mentions (no model): which earlier call a mention told without people joins."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc, Span

from kg.extract.callgroups import Call, _CallsByPerson, _has_post_type
from kg.extract.calls import Mention

VOCAB = spacy.blank("fr").vocab


def _mention(doc: Doc, i: int, *, persons: list[str] = (), offices: list[str] = (),
             post_types: list[str] = (), referring: bool = False) -> Mention:
    return Mention(Span(doc, 0, len(doc)), [doc[i]], referring, False, False, persons=list(persons),
                   offices=list(offices), post_types=list(post_types))


def test_a_mention_naming_a_post_type_joins_the_latest_call_with_such_a_post() -> None:
    """"l'appel avec le chancelier" after a chancellor's call and then a defence ministers' call: the
    chancellor's call, not the latest one."""
    doc = Doc(VOCAB, words=["appel", "entretien", "appel"])
    chancellor = Call([_mention(doc, 0, persons=["p1", "p2"], offices=["DE.head_of_government"])], False)
    ministers = Call([_mention(doc, 1, persons=["p3", "p4"], offices=["UA.defence_minister"])], False)
    index = _CallsByPerson([])
    index.add(chancellor)
    index.add(ministers)
    told = _mention(doc, 2, post_types=["head_of_government"], referring=True)
    assert _has_post_type(chancellor, ["head_of_government"]) and not _has_post_type(ministers, ["head_of_government"])
    assert index.latest_compatible(told) is chancellor
    assert index.latest_compatible(_mention(doc, 2, referring=True)) is ministers  # no post named: the latest


def test_a_post_held_outside_a_call_of_two_starts_another_call() -> None:
    """"X avait appelé le président turc" after X's call with the Kazakh president, the Turkish one named
    as such elsewhere in the article: another call, not a third party of the first."""
    doc = Doc(VOCAB, words=["téléphoné", "appelé"])
    first = Call([_mention(doc, 0, persons=["p1", "p2"])], False)
    index = _CallsByPerson([], {"TR.head_of_state": {"p3"}, "KZ.head_of_state": {"p2"}})
    index.add(first)
    assert index.latest_compatible(_mention(doc, 1, persons=["p2"], offices=["TR.head_of_state"])) is None
    assert index.latest_compatible(_mention(doc, 1, persons=["p2"], offices=["KZ.head_of_state"])) is first
    unknown = _CallsByPerson([])  # nobody known to hold the post: it may be the other party's
    unknown.add(first)
    assert unknown.latest_compatible(_mention(doc, 1, persons=["p2"], offices=["TR.head_of_state"])) is first
