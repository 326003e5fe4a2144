"""Term bounds and replacements (kg/extract/terms.py) on small real Docs: who replaces whom, in
which office, from when.  The office changing hands comes from the people involved or from a post
the sentence links to the cue, never from any post that happens to be in the sentence."""

from __future__ import annotations

from datetime import date

import pytest

from kg.corpus import RawArticle
from kg.extract.model import ArticleFacts
from kg.extract.pipeline import Extractor

pytestmark = pytest.mark.model


def facts(extractor: Extractor, text: str) -> ArticleFacts:
    raw = RawArticle(id="t.txt", path="t.txt", text=text, sha256="", published=date(2024, 2, 1))
    return next(extractor.extract([raw]))


def held(f: ArticleFacts) -> dict[tuple[str, str], object]:
    names = {p.key: p.name for p in f.persons}
    return {(names[h.person], h.office): (h, names.get(h.replaces)) for h in f.holdings}


def test_replaced_by_names_the_successor_after_par(extractor: Extractor) -> None:
    f = facts(extractor, "Le chancelier allemand Olaf Scholz a limogé sa ministre de la Défense, Christine "
                         "Lambrecht, et l'a remplacée par Boris Pistorius.")
    h = held(f)
    assert h[("Boris Pistorius", "DE.defence_minister")][1] == "Christine Lambrecht"
    assert ("Christine Lambrecht", "DE.defence_minister") in h
    assert ("Boris Pistorius", "DE.head_of_government") not in h


def test_remplacer_y_par_x(extractor: Extractor) -> None:
    f = facts(extractor, "Le Premier ministre israélien Benjamin Netanyahu a remplacé Yoav Gallant, ministre de la "
                         "Défense, par Israël Katz.")
    h = held(f)
    assert h[("Israël Katz", "IL.defence_minister")][1] == "Yoav Gallant"
    assert not any(name == "Benjamin Netanyahu" and office.endswith("defence_minister") for name, office in h)


def test_successor_with_linked_post_and_date(extractor: Extractor) -> None:
    f = facts(extractor, "Le général Charles Q. Brown a succédé au général Mark Milley comme chef d'état-major "
                         "interarmées américain en octobre 2023.")
    h = held(f)
    brown, replaces = h[("Charles Q. Brown", "US.chief_of_defence")]
    assert replaces == "Mark Milley"
    assert brown.start and brown.start.value == "2023-10"
    milley, _ = h[("Mark Milley", "US.chief_of_defence")]
    assert milley.end and milley.end.value == "2023-10"


def test_no_office_from_an_unrelated_post(extractor: Extractor) -> None:
    f = facts(extractor, "Selon le Premier ministre Benjamin Netanyahu, Gideon Saar succède à Israël Katz.")
    h = held(f)
    assert not any(name in ("Gideon Saar", "Israël Katz") for name, _ in h), h


def test_remplacer_par_with_an_unrecognised_predecessor_links_nobody(extractor: Extractor) -> None:
    f = facts(extractor, "Le Premier ministre israélien Benjamin Netanyahu a remplacé le ministre de la Défense "
                         "Yoav Gallant par Israël Katz.")
    h = held(f)
    assert not any(name == "Israël Katz" and office.endswith("head_of_government") for name, office in h), h


def test_dismissal_date_ends_the_term(extractor: Extractor) -> None:
    f = facts(extractor, "Le ministre ukrainien de la Défense, Oleksiï Reznikov, a été limogé le 3 septembre 2023.")
    h = held(f)
    term, _ = h[("Oleksiï Reznikov", "UA.defence_minister")]
    assert term.end and term.end.value == "2023-09-03"


def test_the_one_who_dismisses_keeps_his_term(extractor: Extractor) -> None:
    """"X a limogé Y": Y's term ends that day, X's does not."""
    f = facts(extractor, "Le président péruvien José Jerí a limogé mardi son ministre de la Défense, Walter Astudillo.")
    h = held(f)
    assert h[("Walter Astudillo", "PE.defence_minister")][0].end is not None
    assert h[("José Jerí", "PE.head_of_state")][0].end is None


def test_subject_pronoun_of_a_succession_is_the_appointee(extractor: Extractor) -> None:
    f = facts(extractor, "Le général Rami Haddad devient chef d'état-major des armées libanaises. "
                         "Il succède au général Joseph Aoun.")
    h = held(f)
    assert h[("Rami Haddad", "LB.chief_of_defence")][1] == "Joseph Aoun"
    assert ("Joseph Aoun", "LB.chief_of_defence") in h


def test_a_future_date_read_as_past_gives_no_bound(extractor: Extractor) -> None:
    """Published 1 February 2024: "le 15 janvier" in a future sentence cannot be last January."""
    f = facts(extractor, "Le général Rami Haddad deviendra chef d'état-major des armées libanaises. "
                         "Il prendra ses fonctions le 15 janvier, à la place du général Joseph Aoun.")
    h = held(f)
    rami = h[("Rami Haddad", "LB.chief_of_defence")][0]
    assert rami.start is None or rami.start.latest >= date(2024, 2, 1)


def test_a_president_elect_gets_no_start_from_the_presidency(extractor: Extractor) -> None:
    f = facts(extractor, "Le président élu Karol Nowicki succédera le 6 août au chef de l'État sortant.")
    for (name, office), (h, _) in held(f).items():
        if office.endswith("president_elect"):
            assert h.start is None, (name, h.start)


def test_a_since_date_and_a_predecessor_incise_are_not_the_handover(extractor: Extractor) -> None:
    """"à la place de Y, qui occupait ce poste depuis 2018": 2018 is Y's start, not the change;
    "remplace Y, limogé en octobre": October ends Y's term, the successor came later."""
    f = facts(extractor, "Le général Omar Saleh prend la tête du ministère de la Défense à la place de Karim Nassar, "
                         "qui occupait ce poste depuis 2018.")
    h = held(f)
    saleh = next(v for (name, office), v in h.items() if name == "Omar Saleh" and office.endswith("defence_minister"))
    assert saleh[1] == "Karim Nassar" and saleh[0].start is None
    f = facts(extractor, "Le nouveau ministre jordanien de la Défense, Omar Saleh, remplace Karim Nassar, limogé en "
                         "octobre.")
    h = held(f)
    assert h[("Omar Saleh", "JO.defence_minister")][0].start is None
    assert h[("Karim Nassar", "JO.defence_minister")][0].end.value == "2023-10"


def test_appointed_by_someone_is_not_that_someone_s_start(extractor: Extractor) -> None:
    f = facts(extractor, "Le président kényan William Ruto a renvoyé lundi les généraux nommés par son prédécesseur, "
                         "Uhuru Kenyatta.")
    for (name, office), (h, _) in held(f).items():
        assert h.start is None, (name, office, h.start)


@pytest.mark.parametrize("text", [
    "Le président finlandais Alexander Stubb s'est entretenu mardi au téléphone avec le Premier ministre canadien, "
    "Mark Carney, qui l'a chaleureusement remercié pour son soutien.",
    "Le Premier ministre canadien Mark Carney a remercié lundi le président finlandais Alexander Stubb.",
    "Le président finlandais Alexander Stubb a été remercié mardi de son accueil par le Premier ministre canadien "
    "Mark Carney.",
])
def test_thanks_end_no_term(extractor: Extractor, text: str) -> None:
    """"remercier" dismisses only in "X a été remercié" with no thanks after it: thanks end nobody's post."""
    f = facts(extractor, text)
    assert f.holdings and all(h.end is None for h in f.holdings), [(h.person, h.office, h.end) for h in f.holdings]
