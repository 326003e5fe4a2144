"""Accents written back on a page whose accents were all stripped (kg/extract/accents.py: respelt)."""

from __future__ import annotations

from kg.extract.accents import model_text, respelt


def test_words_known_only_with_accents_get_them_back() -> None:
    text = "Le president a eu un entretien telephonique avec le ministre des Affaires etrangeres."
    shown = respelt(text)
    assert shown == "Le président a eu un entretien téléphonique avec le ministre des Affaires étrangères."
    assert len(shown) == len(text)  # same offsets


def test_a_participle_only_after_an_auxiliary() -> None:
    assert respelt("Il a deja appele son homologue.") == "Il a déjà appelé son homologue."
    assert respelt("Elle a ete jointe par telephone.").startswith("Elle a été jointe par téléphone")
    # with no auxiliary before it, "echange" is the noun, not the participle
    assert respelt("un echange telephonique") == "un échange téléphonique"
    assert respelt("Ils ont echange lundi") == "Ils ont échangé lundi"


def test_names_and_words_of_their_own_are_left() -> None:
    assert respelt("le president Felix Etats-Unis") == "le président Felix Etats-Unis"  # capitals: as written
    assert respelt("ou bien des mesures sur la cote") == "ou bien des mesures sur la cote"


def test_only_pages_without_any_accent_are_respelt() -> None:
    page = "Le president a parle au telephone avec son homologue, a indique le ministere. " * 4
    assert "président" in model_text(page)
    accented = page + "Un été."
    assert model_text(accented) == accented


def test_accents_in_names_alone_leave_a_page_without_accents() -> None:
    page = ("Le chef de la diplomatie chinoise n'a pas reussi a joindre son homologue, a affirme la presse. "
            "Il s'est entretenu jeudi au telephone avec le ministre russe, Sergueï Lavrov. ") * 2
    shown = model_text(page)
    assert "a affirmé la presse" in shown and "au téléphone" in shown and "Sergueï Lavrov" in shown
