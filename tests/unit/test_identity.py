"""Stable IRIs: an IRI depends only on what it names, and a retired IRI resolves to its successor.

Model-free tests build small corpora of hand-written facts; the model tests
extract the golden cases once for the module and check, over random
sub-corpora and orders, that adding articles moves no IRI they do not touch,
then grow and shrink a store from the example corpus and the seed articles.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterable
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pyoxigraph import NamedNode, Quad

from kg.extract.gazetteer import Gazetteer, KnownPerson
from kg.extract.model import Article, ArticleFacts, CallFact, DateValue, Evidence, Holding, Party, PersonRef
from kg.identity import IDENTITY, IS_REPLACED_BY, RDF_TYPE, relink, resolve_iri, successors
from kg.ingest import BuildStore
from kg.mapping import MERGED, Mapper, mint, to_quads
from kg.namespaces import KGO
from kg.resolve import _identity_keys, identity_key, resolve
from kg.store.embedded import KGStore
from tests.conftest import CASES, EXAMPLES, SEEDS

EVIDENCE = NamedNode(str(KGO.evidence))


# ------------------------------------------------------------------ hand-written corpora


def facts(article: str, people: list[str], *, calls: Iterable[tuple[int, int, str | None]] = (),
          offices: Iterable[tuple[int, str]] = (), published: date = date(2024, 3, 1)) -> ArticleFacts:
    """An article naming ``people`` (one sentence each), with calls (i, j, ISO day or None) and offices."""
    def ev(i: int, rule: str) -> tuple[Evidence, ...]:
        return (Evidence(article, 100 * i, 100 * i + 20, f"phrase {i} de {article}", rule),)

    persons = tuple(PersonRef(f"p{i}", name, (name,), ev(i, "person")) for i, name in enumerate(people))
    call_facts = tuple(CallFact((Party(person=f"p{i}"), Party(person=f"p{j}")), ev(50 + n, "call"),
                                DateValue.of_day(date.fromisoformat(d)) if d else None)
                       for n, (i, j, d) in enumerate(calls))
    holdings = tuple(Holding(f"p{i}", office, ev(80 + i, "apposition")) for i, office in offices)
    text = " ".join(people)
    return ArticleFacts(Article(article, text, published), persons, holdings, call_facts)


def minted(arts: list[ArticleFacts]) -> dict[NamedNode, frozenset]:
    """Each node of the merged graph that carries evidence -> its evidence IRIs."""
    out: dict[NamedNode, set] = {}
    for q in to_quads(resolve(sorted(arts, key=lambda a: a.article.id))):
        if q.graph_name == MERGED and q.predicate == EVIDENCE:
            out.setdefault(q.subject, set()).add(q.object)
    return {k: frozenset(v) for k, v in out.items()}


SHOIGU = facts("a1.txt", ["Sergueï Choïgou", "Lloyd Austin"], calls=[(0, 1, "2024-02-20")],
               offices=[(0, "RU.defence_minister"), (1, "US.defence_minister")])
BROWN = facts("b1.txt", ["Charles Q. Brown", "Valéri Guérassimov"], calls=[(0, 1, None)])
OTHER = facts("c1.txt", ["Mark Rutte", "Rishi Sunak"], calls=[(0, 1, "2023-06-02")])


# ------------------------------------------------------------------ identity keys


@pytest.mark.parametrize(("names", "key"), [
    ({"Sergueï Choïgou": 1}, "shoigu|sergei"),
    ({"Sergueï Choïgou": 2, "Sergei Shoigu": 3, "S. Choïgou": 1}, "shoigu|sergei"),
    ({"Charles Brown": 1, "Charles Q. Brown Jr": 1, "CQ Brown": 2}, "brovn|sharles"),
    ({"C.Q. Brown": 1}, "brovn|c"),
    ({"Choïgou": 3}, "shoigu|"),
    ({"Kim Jong-un": 1}, "kim|jongun"),
])
def test_identity_key_comes_from_the_persons_own_forms(names: dict[str, int], key: str) -> None:
    assert identity_key(names) == key


def test_a_new_spelling_does_not_move_the_key_unless_it_outnumbers_the_usual_one() -> None:
    usual = {"Volodymyr Zelensky": 3}
    assert identity_key({**usual, "Vladimir Zelensky": 1}) == identity_key(usual) == "zelenski|volodimir"
    assert identity_key({**usual, "Vladimir Zelensky": 4}) == "zelenski|vladimir"


def test_ties_go_to_the_french_press_form_whatever_the_order() -> None:
    forms = {"Oleksandr Syrsky": 1, "Alexandre Syrsky": 1, "Aleksandre Syrskyï": 1}
    assert identity_key(forms) == identity_key(dict(reversed(list(forms.items())))) == "sirski|aleksandr"


def test_colliding_keys_are_told_apart_by_what_differs() -> None:
    clusters = [["George W. Bush"], ["George H. W. Bush"], ["Mark Rutte"]]
    keys = _identity_keys(clusters, {"George W. Bush": 1, "George H. W. Bush": 1, "Mark Rutte": 1})
    assert len(set(keys)) == 3 and keys[2] == "rut|mark"
    assert all(k.startswith("bush|georg|") for k in keys[:2])


def test_a_known_persons_surname_is_the_gazetteers_standard_one_whatever_the_spellings() -> None:
    # "Shmigal" sorts after "Denys Shmyhal" and would have won the surname; the standard form decides
    assert identity_key({"Shmigal": 2, "Denys Shmyhal": 1}) == "shmihal|denis"
    assert identity_key({"Denis Shmygal": 3}) == "shmihal|denis"  # before the standard spelling shows up
    assert identity_key({"Chmygal": 1}) == "shmihal|"


@pytest.mark.parametrize("more", [{"Denis Chmygal": 5}, {"Chmygal": 4, "Denys Chmyhal": 1}, {"Denis Shmigal": 9}])
def test_a_new_spelling_of_a_known_person_keeps_the_surname(more: dict[str, int]) -> None:
    usual = {"Shmigal": 2, "Denys Shmyhal": 1}
    assert identity_key({**usual, **more}) == identity_key(dict(reversed([*usual.items(), *more.items()])))
    assert identity_key({**usual, **more}) == "shmihal|denis"


def test_the_standard_name_outweighs_the_vote_for_any_known_person() -> None:
    # a made-up gazetteer, so that the rule does not hang on what the lexicon holds
    known = Gazetteer([KnownPerson("Petro Hnatiuk", "UA", ("Petro Hnatiuk", "Piotr Gnatiouk"))], [], [], [])
    assert identity_key({"Piotr Gnatiouk": 5, "Petro Hnatiuk": 1}, gazetteer=known) == "hnatiuk|piotr"
    assert identity_key({"Piotr Gnatiouk": 5}, gazetteer=known) == "hnatiuk|piotr"
    assert identity_key({"Piotr Gnatiouk": 5}, gazetteer=Gazetteer([], [], [], [])) == "gnatiuk|piotr"


@pytest.mark.parametrize(("names", "key"), [
    ({"Petro Hnatiuk": 3, "Piotr Gnatiouk": 1}, "hnatiuk|petro"),
    ({"Petro Hnatiuk": 1, "Piotr Gnatiouk": 3}, "gnatiuk|piotr"),
    ({"Petro Hnatiuk": 2, "Piotr Gnatiouk": 1, "Petro Gnatiouk": 2}, "gnatiuk|petro"),  # spellings pooled
    ({"Petro Hnatiuk": 1, "Piotr Gnatiouk": 1}, "gnatiuk|petro"),  # a tie: the smaller keys
])
def test_an_unknown_persons_surname_is_the_most_used_one(names: dict[str, int], key: str) -> None:
    assert identity_key(names) == identity_key(dict(reversed(list(names.items())))) == key


def test_a_build_keys_a_known_person_by_the_standard_surname_as_spellings_arrive() -> None:
    first = facts("e1.txt", ["Shmigal", "Denys Shmyhal"])
    later = facts("e2.txt", ["Denis Chmygal", "Chmygal"], published=date(2024, 3, 6))
    person = Mapper.person_iri("shmihal|denis")
    assert list(resolve([first]).persons) == list(resolve([first, later]).persons) == ["shmihal|denis"]
    assert person in minted([first]) and person in minted([first, later])


# ------------------------------------------------------------------ IRIs of a build


def test_adding_unrelated_articles_keeps_every_iri() -> None:
    alone = minted([SHOIGU])
    grown = minted([SHOIGU, BROWN, OTHER])
    assert alone.keys() <= grown.keys()
    assert all(grown[node] == ev for node, ev in alone.items())


def test_a_new_spelling_of_a_known_person_keeps_their_iri() -> None:
    later = facts("a2.txt", ["Sergei Shoigu"], published=date(2024, 3, 2))
    before, after = minted([SHOIGU]), minted([SHOIGU, later])
    person = Mapper.person_iri("shoigu|sergei")
    assert person in before and person in after and before[person] < after[person]


def test_a_later_report_keeps_an_undated_calls_iri() -> None:
    again = facts("b2.txt", ["Charles Brown", "Valeri Gerasimov"], calls=[(0, 1, None)], published=date(2024, 3, 5))
    calls = [n for n in minted([BROWN]) if "/call/" in n.value]
    assert len(calls) == 1 and calls[0] in minted([BROWN, again])


def test_iris_read_well() -> None:
    assert Mapper.person_iri("shoigu|sergei").value.rsplit("/", 1)[1].startswith("shoigu-sergei-")
    assert mint("person", "a|b") != mint("person", "a|c")


# ------------------------------------------------------------------ links from retired IRIs


def _q(s: str, p: NamedNode, o: NamedNode) -> Quad:
    return Quad(NamedNode(f"urn:x:{s}"), p, o, MERGED)


def _ev(n: int) -> NamedNode:
    return NamedNode(f"urn:ev:{n}")


PERSON = NamedNode(str(KGO.Person))


def test_a_retired_iri_goes_to_the_node_holding_most_of_its_evidence() -> None:
    old = [_q("a", RDF_TYPE, PERSON), _q("a", EVIDENCE, _ev(1)), _q("a", EVIDENCE, _ev(2))]
    new = [_q("b", RDF_TYPE, PERSON), _q("b", EVIDENCE, _ev(1)),
           _q("c", RDF_TYPE, PERSON), _q("c", EVIDENCE, _ev(2)), _q("c", EVIDENCE, _ev(3)),
           _q("d", RDF_TYPE, NamedNode(str(KGO.Call))), _q("d", EVIDENCE, _ev(1))]
    assert successors(old, new) in ({NamedNode("urn:x:a"): NamedNode("urn:x:b")},
                                    {NamedNode("urn:x:a"): NamedNode("urn:x:c")})
    assert successors(old, new[2:]) == {NamedNode("urn:x:a"): NamedNode("urn:x:c")}
    assert successors(old, new[-2:]) == {}  # a call is no successor of a person


def test_two_calls_reported_by_one_sentence_go_each_to_its_own_successor() -> None:
    call, who = NamedNode(str(KGO.Call)), NamedNode(str(KGO.participant))

    def graph(prefix: str) -> list[Quad]:
        people = [q for i, n in enumerate("ABC")
                  for q in (_q(prefix + n, RDF_TYPE, PERSON), _q(prefix + n, EVIDENCE, _ev(i)))]
        calls = [q for c, other in (("1", "B"), ("2", "C")) for q in (
            _q(prefix + c, RDF_TYPE, call), _q(prefix + c, EVIDENCE, _ev(9)),
            Quad(NamedNode(f"urn:x:{prefix}{c}"), who, NamedNode(f"urn:x:{prefix}A"), MERGED),
            Quad(NamedNode(f"urn:x:{prefix}{c}"), who, NamedNode(f"urn:x:{prefix}{other}"), MERGED))]
        return people + calls

    found = {k.value: v.value for k, v in successors(graph("old"), graph("z")).items()}
    assert found == {"urn:x:old1": "urn:x:z1", "urn:x:old2": "urn:x:z2", "urn:x:oldA": "urn:x:zA",
                     "urn:x:oldB": "urn:x:zB", "urn:x:oldC": "urn:x:zC"}


def test_links_follow_chains_and_drop_when_an_iri_comes_back() -> None:
    a, b, c = (NamedNode(f"urn:x:{n}") for n in "abc")
    stage = [[_q(n, RDF_TYPE, PERSON), _q(n, EVIDENCE, _ev(1))] for n in "abc"]
    links = relink(stage[0], stage[1], [])
    assert links == {Quad(a, IS_REPLACED_BY, b, IDENTITY)}
    links = relink(stage[1], stage[2], links)
    assert links == {Quad(a, IS_REPLACED_BY, c, IDENTITY), Quad(b, IS_REPLACED_BY, c, IDENTITY)}
    assert resolve_iri(links, a) == c and resolve_iri(links, c) == c
    assert relink(stage[2], stage[0], links) == {Quad(b, IS_REPLACED_BY, a, IDENTITY),
                                                 Quad(c, IS_REPLACED_BY, a, IDENTITY)}


def _run(store: Path, arts: list[ArticleFacts], *, removed: Iterable[str] = ()) -> set[Quad]:
    """One run on the store (it opens the store, commits twice as a build does, closes it): the quads after."""
    with BuildStore.writing(store) as kgs:
        for part in (arts[:1], arts):
            kgs.apply(kgs.state({a.article.id: a for a in part})[1], replaced=[a.article.id for a in part],
                      removed=removed)
        return set(kgs.db)


def test_the_store_links_a_merged_persons_old_iri_and_keeps_it_across_builds(tmp_path: Path) -> None:
    bare = facts("d1.txt", ["Choïgou", "Lloyd Austin"], calls=[(0, 1, "2024-01-09")])
    full = facts("d2.txt", ["Sergueï Choïgou"], published=date(2024, 3, 4))
    old, new = Mapper.person_iri("shoigu|"), Mapper.person_iri("shoigu|sergei")
    store = tmp_path / "s"
    first = _run(store, [OTHER, bare])
    assert any(q.subject == old for q in first) and not any(q.graph_name == IDENTITY for q in first)
    second = _run(store, [OTHER, bare, full])
    links = {q for q in second if q.graph_name == IDENTITY}
    assert resolve_iri(links, old) == new and any(q.subject == new and q.graph_name == MERGED for q in second)
    kept = {q.subject for q in first if q.graph_name == MERGED and "/person/" in q.subject.value} - {old}
    assert kept <= {q.subject for q in second}
    third = _run(store, [OTHER, bare, full, BROWN])  # an unrelated article: the links stay
    assert {q for q in third if q.graph_name == IDENTITY} == links
    fourth = _run(store, [OTHER, bare, BROWN], removed=["d2.txt"])  # the merge undone
    links = {q for q in fourth if q.graph_name == IDENTITY}
    assert resolve_iri(links, new) == old and resolve_iri(links, old) == old


class _Mirror:
    """An endpoint that records the graphs it is sent."""

    url = "http://127.0.0.1:1/fake"

    def __init__(self) -> None:
        self.graphs: dict[NamedNode, list] = {}

    def article_versions(self) -> dict[str, tuple[str | None, ...]]:
        return {}

    def write_graph(self, graph: NamedNode, triples: list, *, replace: bool) -> None:
        self.graphs[graph] = (self.graphs.get(graph, []) if not replace else []) + list(triples)

    def drop_graph(self, graph: NamedNode) -> None:
        self.graphs.pop(graph, None)


def test_push_and_build_endpoint_send_the_links(tmp_path: Path) -> None:
    from kg.store import open_store
    from kg.store.push import graphs_of, sync

    store = tmp_path / "s"
    _run(store, [facts("d1.txt", ["Choïgou"])])
    _run(store, [facts("d1.txt", ["Choïgou"]), facts("d2.txt", ["Sergueï Choïgou"])])
    mirror = _Mirror()
    with KGStore.writing(store) as kgs:
        links = [q.triple for q in kgs.db.quads_for_pattern(None, None, None, IDENTITY)]
        sync(kgs, mirror)  # kg build --endpoint
    assert links and mirror.graphs[IDENTITY] == links
    assert IDENTITY in graphs_of(open_store(store), None)  # kg push --data STORE


def test_iris_only_an_intermediate_commit_held_get_no_link(tmp_path: Path) -> None:
    bare = facts("d1.txt", ["Choïgou"])
    full = facts("d2.txt", ["Sergueï Choïgou"])
    assert not any(q.graph_name == IDENTITY for q in _run(tmp_path / "s", [bare, full]))


# ------------------------------------------------------------------ with the model



@pytest.fixture(scope="module")
def _one_model_load():
    """Load the French model once for the module instead of once per build."""
    import functools

    import kg.extract.pipeline as pipeline

    patch = pytest.MonkeyPatch()
    patch.setattr(pipeline, "load_nlp", functools.cache(pipeline.load_nlp))
    yield
    patch.undo()


class _Articles(dict):
    """Facts by article id, shown briefly in hypothesis' failure reports."""

    def __repr__(self) -> str:
        return f"<the {len(self)} golden articles>"


@pytest.fixture(scope="module")
def golden_facts(tmp_path_factory, _one_model_load) -> dict[str, ArticleFacts]:
    """Every article of the golden cases, extracted once (ids made unique by their case name)."""
    from kg.build import extract_all

    folder, entries = tmp_path_factory.mktemp("golden"), []
    for case in sorted(p for p in CASES.iterdir() if p.is_dir()):
        published = json.loads((case / "expected.json").read_text(encoding="utf-8")).get("published")
        manifest = case / "manifest.json"
        dates = {e["file"]: e["published"] for e in json.loads(manifest.read_text())} if manifest.exists() else {}
        for text in sorted(case.glob("*.txt")):
            name = f"{case.name}__{text.name}"
            shutil.copy(text, folder / name)
            entries.append({"file": name, "published": dates.get(text.name, published), "url": None, "lang": "fr"})
    (folder / "manifest.json").write_text(json.dumps(entries), encoding="utf-8")
    return _Articles({f.article.id: f for f in extract_all([str(folder)])})


def _typed(arts: list[ArticleFacts]) -> dict[NamedNode, tuple]:
    """Each minted node -> (its types, its evidence, the minted nodes it points to)."""
    quads = [q for q in to_quads(resolve(arts)) if q.graph_name == MERGED]
    ev = minted(arts)
    out: dict[NamedNode, tuple] = {}
    for node in ev:
        types = frozenset(q.object for q in quads if q.subject == node and q.predicate == RDF_TYPE)
        refs = frozenset(q.object for q in quads if q.subject == node and q.object in ev)
        out[node] = (types, ev[node], refs)
    return out


def _untouched(small: dict, big: dict) -> set[NamedNode]:
    """Nodes of ``small`` whose evidence is exactly that of a node of ``big`` of the same type, and
    whose linked nodes are untouched too: the nodes the added articles say nothing new about."""
    same = {n for n, (types, ev, _) in small.items()
            if any(t & types and e == ev for t, e, _ in big.values())}
    changed = True
    while changed:
        changed = False
        for n in list(same):
            if not small[n][2] <= same:
                same.discard(n)
                changed = True
    return same


@pytest.mark.model
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_adding_articles_in_any_order_moves_no_iri_they_do_not_touch(golden_facts, data) -> None:
    ids = sorted(golden_facts)
    chosen = data.draw(st.lists(st.sampled_from(ids), unique=True, min_size=1), label="corpus")
    base = data.draw(st.lists(st.sampled_from(chosen), unique=True), label="first part")
    order = data.draw(st.permutations(chosen), label="order")
    small = _typed([golden_facts[i] for i in sorted(base)])
    big = _typed([golden_facts[i] for i in order])
    assert big.keys() == _typed([golden_facts[i] for i in sorted(chosen)]).keys()  # order does not matter
    for node in _untouched(small, big):
        assert node in big, f"{node} changed its IRI though {sorted(set(chosen) - set(base))} do not touch it"


@pytest.fixture(scope="module")
def grown_store(tmp_path_factory, _one_model_load) -> list[set[Quad]]:
    """A store of the example corpus, then with the five seed articles, then without one of them."""
    if not SEEDS.is_dir():
        pytest.skip(f"{SEEDS} is absent (the shared seed articles live beside the project)")
    from kg.build import build, remove

    store = tmp_path_factory.mktemp("grown") / "s"
    stages = []
    for sources in ([EXAMPLES], [EXAMPLES, SEEDS]):
        build([str(s) for s in sources], store=store, validate=False)
        stages.append(_stored(store))
    seed = sorted(p.name for p in SEEDS.glob("*.txt"))[0]
    remove([seed], store=store)
    stages.append(_stored(store))
    return stages


def _stored(store: Path) -> set[Quad]:
    with KGStore.writing(store) as kgs:
        return set(kgs.db)


@pytest.mark.model
def test_example_entities_keep_their_iris_as_seeds_come_and_go(grown_store) -> None:
    def nodes(quads: set[Quad]) -> set:
        return {q.subject for q in quads if q.graph_name == MERGED and q.predicate == EVIDENCE}

    examples = nodes(grown_store[0])
    assert len([n for n in examples if "/person/" in n.value]) >= 30
    for stage in grown_store[1:]:
        assert examples <= nodes(stage), sorted(n.value for n in examples - nodes(stage))
    assert nodes(grown_store[0]) < nodes(grown_store[1])
