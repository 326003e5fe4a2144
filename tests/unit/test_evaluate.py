"""``kg eval``: the scoring rules on small hand-made answer keys and result rows, bad answer keys, and the
command on the example corpus (and, when ``../shared`` is there, the same figures as its scorer)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.answerkey import People, fold_name, load_answer_key
from kg.errors import InputError
from kg.evaluate import article_of, cells, date_fits, role_class, score
from tests.conftest import EXAMPLES, SHARED, run_kg

KEY = {
    "_about": "a comment",
    "a1.txt": {
        "persons": [{"name": "Sergei Shoigu", "mentions": ["Sergueï Choïgou", "Choïgou"]},
                    {"name": "Anne Martin", "mentions": ["Anne Martin"]},
                    {"name": "Paul Durand", "mentions": ["Paul Durand", "Durand"]}],
        "holdings": [{"person": "Sergei Shoigu", "office": "Minister of Defence"},
                     {"person": "Anne Martin", "office": "Minister of the Armed Forces"},
                     {"person": "Paul Durand", "office": "Ambassador to Moscow", "optional": True}],
        "calls": [{"participants": ["Anne Martin", "Sergei Shoigu"], "date": "2024-04-03", "initiator": "Anne Martin"},
                  {"participants": ["Anne Martin", "Sergei Shoigu"], "date": "2022-10"},
                  {"participants": ["Anne Martin", "Paul Durand"], "optional": True}],
        "treaties": [{"name": "New START", "mentions": ["New START"]}],
        "missiles": [{"name": "Iskander", "mentions": ["Iskander-M"]},
                     {"name": "Kalibr", "mentions": ["Kalibr"], "optional": True}],
    },
    "a2.txt": {
        "persons": [{"name": "Anne Martin", "mentions": ["A. Martin"]}],
        "calls": [{"participants": ["Anne Martin", "Sergei Shoigu"], "date": "2022-10-23"}],
    },
}


def key_file(tmp_path: Path, data: object, text: str | None = None) -> Path:
    path = tmp_path / "gold.json"
    path.write_text(text if text is not None else json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.fixture
def key(tmp_path: Path):
    return load_answer_key(key_file(tmp_path, KEY))


def call(participants: str, sources: str, date: str = "", initiator: str = "") -> dict[str, str]:
    row = {"participants": participants, "sources": sources, "date": date, "initiator": initiator}
    return {k: v for k, v in row.items() if v}


# ------------------------------------------------------------------ rules


@pytest.mark.parametrize("written, folded", [
    ("Sergueï Choïgou", "serge shoigu"),
    ("Sergei Shoigu", "serge shoigu"),
    ("M. Lecornu", "lecornu"),
    ("le général Mark Milley", "mark mille"),
    ("Charles Q. Brown Jr.", "sharles q brown"),
    ("Jean-Yves Le Drian", "jean ives drian"),
])
def test_fold_name(written: str, folded: str) -> None:
    assert fold_name(written) == folded


@pytest.mark.parametrize("name, person", [
    ("Sergueï Choïgou", "Sergei Shoigu"),  # a written form, transliterated
    ("Sergey Shoygu", "Sergei Shoigu"),  # another transliteration
    ("S. Shoigu", "Sergei Shoigu"),  # same surname, same initial
    ("Choïgou", "Sergei Shoigu"),  # bare surname
    ("Pierre Martin", None),  # same surname, another initial, and neither is a bare surname
    ("Martin", "Anne Martin"),
    ("Pierre Durand", "Paul Durand"),  # the key writes the bare surname "Durand"
    ("Wang Yi", None),
    ("", None),
])
def test_people_match(key, name: str, person: str | None) -> None:
    assert People(key).match(name) == person


def test_a_son_named_like_his_father_is_matched_as_written(tmp_path: Path) -> None:
    """The fold drops "Jr." (so that "Charles Brown" finds "Charles Q. Brown Jr."), but a key that lists
    both a father and a son matches each name as written first."""
    data = {"a.txt": {"persons": [{"name": "Donald Trump", "mentions": ["Donald Trump"]},
                                  {"name": "Donald Trump Jr.", "mentions": ["Donald Trump Jr."]},
                                  {"name": "Charles Q. Brown Jr.", "mentions": ["Charles Q. Brown Jr."]}],
                      "holdings": [], "calls": []}}
    people = People(load_answer_key(key_file(tmp_path, data)))
    assert people.match("Donald Trump Jr") == "Donald Trump Jr."
    assert people.match("Donald Trump") == "Donald Trump"
    assert people.match("Charles Brown") == "Charles Q. Brown Jr."


@pytest.mark.parametrize("office, role", [
    ("Minister of the Armed Forces", "defence_minister"),
    ("ministre des Armées", "defence_minister"),
    ("Secretary of Defense", "defence_minister"),
    ("Deputy Minister of Defence", "deputy_defence_minister"),
    ("Chairman of the Joint Chiefs of Staff", "chief_of_defence"),
    ("chef d'état-major des armées", "chief_of_defence"),
    ("Chief of Staff of the Air Force", "service_chief"),
    ("Minister of Foreign Affairs", "foreign_minister"),
    ("Secretary of State", "foreign_minister"),
    ("Prime Minister", "head_of_government"),
    ("President", "head_of_state"),
    ("President-elect", "president_elect"),
    ("Pentagon press secretary", "spokesperson"),
    ("Mayor of Lyon", None),
])
def test_role_class(office: str, role: str | None) -> None:
    assert role_class(office) == role


@pytest.mark.parametrize("key_date, found, fits", [
    (None, "", True), ("2024-04", "2024-04-03", True), ("2024-04-03", "2024-04", False),
    ("2024", "2024-04-03", True), ("2024-04-03", "", False), ("2024-04-03", "2024-04-04", False),
])
def test_date_fits(key_date: str | None, found: str, fits: bool) -> None:
    assert date_fits(key_date, found) is fits


def test_cells_and_article_of() -> None:
    assert cells("a; b |c;; ") == ["a", "b", "c"]
    assert [article_of(s) for s in ("a1.txt", "/x/y/a1.txt", "https://h/c/a1.txt#p2", "doc-3")] == \
        ["a1.txt", "a1.txt", "a1.txt", "doc-3"]


# ------------------------------------------------------------------ per-article scores


def test_calls_per_article(key) -> None:
    rows = {"calls": [call("Sergueï Choïgou; Anne Martin", "a1.txt; a2.txt"),  # one node, two articles
                      call("Anne Martin; Paul Durand", "a1.txt"),  # optional, found: counts
                      call("Anne Martin; Wang Yi", "a2.txt")]}  # nobody called Wang Yi in the key
    s = score(key, rows, ["a1.txt", "a2.txt"]).kinds["calls"]
    # a1 lists Martin & Shoigu twice (two dates): one node finds both
    assert (s.tp, s.fp, s.fn) == (4, 1, 0)
    assert s.spurious == (("a2.txt", "?Wang Yi & Anne Martin"),)


def test_calls_miss_and_optional_miss(key) -> None:
    s = score(key, {"calls": []}, ["a1.txt"]).kinds["calls"]
    assert (s.tp, s.fp, s.fn) == (0, 0, 2)  # the optional call is not a miss
    assert s.missed == (("a1.txt", "Anne Martin & Sergei Shoigu"),) * 2
    assert s.precision == 0.0 and s.recall == 0.0 and s.f1 == 0.0


def test_empty_key_and_empty_graph_is_perfect(key) -> None:
    s = score(key, {}, ["a2.txt"]).kinds["treaties"]
    assert (s.precision, s.recall, s.f1) == (1.0, 1.0, 1.0)


def test_holdings_by_role_class(key) -> None:
    rows = {"holdings": [
        {"personName": "Sergueï Choïgou", "officeName": "Minister of Defence of Russia", "sources": "a1.txt"},
        {"personName": "Anne Martin", "officeName": "Minister of Defence", "sources": "a1.txt"},  # same class
        {"personName": "Anne Martin", "officeName": "President", "sources": "a1.txt"},
        {"personName": "Jean Inconnu", "officeName": "Harbour master", "sources": "a1.txt"}]}
    s = score(key, rows, ["a1.txt"]).kinds["holdings"]
    assert (s.tp, s.fp, s.fn) == (2, 2, 0)  # the optional ambassador is not a miss
    assert set(s.spurious) == {("a1.txt", "Anne Martin = head_of_state"),
                               ("a1.txt", "?Jean Inconnu = ?Harbour master")}


def test_people_and_split_entities(key) -> None:
    rows = {"people": [{"person": "p:1", "name": "Sergueï Choïgou", "sources": "a1.txt"},
                       {"person": "p:2", "name": "Sergei Shoigu", "sources": "a1.txt"},
                       {"person": "p:3", "name": "Anne Martin", "sources": "a1.txt; a2.txt"},
                       {"person": "p:4", "name": "Emmanuel Macron", "sources": "a2.txt"}]}
    result = score(key, rows, ["a1.txt", "a2.txt"])
    s = result.kinds["people"]
    assert (s.tp, s.fp, s.fn) == (3, 1, 1)
    assert s.missed == (("a1.txt", "Paul Durand"),) and s.spurious == (("a2.txt", "?Emmanuel Macron"),)
    assert result.split_people == {"Sergei Shoigu": 2}


def test_missiles_and_treaties_by_written_form(key) -> None:
    rows = {"missiles": [{"name": "9K720 Iskander", "aliases": "Iskander-M; SS-26", "sources": "a1.txt"},
                         {"name": "Iskander", "sources": "a1.txt"},  # a second node: one key entry takes one
                         {"name": "Kinzhal", "sources": "a1.txt"}],
            "treaties": [{"name": "New START", "aliases": "traité New START", "sources": "a1.txt"}]}
    kinds = score(key, rows, ["a1.txt"]).kinds
    m = kinds["missiles"]
    assert (m.tp, m.fp, m.fn) == (1, 2, 0)  # Kalibr is optional
    assert {x for _, x in m.spurious} in ({"Iskander", "Kinzhal"}, {"9K720 Iskander", "Kinzhal"})
    assert (kinds["treaties"].tp, kinds["treaties"].fn) == (1, 0)


# ------------------------------------------------------------------ merged calls


def test_merged_calls_derived_from_the_articles(key) -> None:
    rows = {"calls": [call("Choïgou; Anne Martin", "a1.txt; a2.txt", date="2022-10-23", initiator="Choïgou"),
                      call("Choïgou; Anne Martin", "a1.txt", date="2024-04"),
                      call("Choïgou; Anne Martin", "a1.txt", date="2024-04-03", initiator="Anne Martin")]}
    m = score(key, rows, ["a1.txt", "a2.txt"]).merged
    # the key's two reports of October 2022 are one call, dated by the more precise one
    assert (m.calls, m.required, m.found, m.call_nodes) == (2, 2, 2, 3)
    assert (m.dated, m.with_date, m.initiators, m.with_initiator, m.split) == (2, 2, 1, 1, 0)
    assert m.chairs_wanted == 0


def test_merged_part_of_the_key(tmp_path: Path) -> None:
    data = {**KEY, "merged": {
        "distinct_calls": [{"participants": ["Anne Martin", "Sergei Shoigu"], "date": "2024-04-03",
                            "initiator": ["Anne Martin"]},
                           {"participants": ["Anne Martin", "Paul Durand"], "date": None, "optional": True}],
        "chair_at_each_call": [{"call_date": "2024-04-03", "chair": "Paul Durand"},
                               {"call_date": None, "chair": None, "note": "not stated"}]}}
    key = load_answer_key(key_file(tmp_path, data))
    rows = {"calls": [call("Anne Martin; Choïgou", "a1.txt", date="2024-04-03", initiator="Martin"),
                      call("Anne Martin; Choïgou", "a2.txt", date="2024-04-03")],
            "chair-at-each-call": [{"call": "c:1", "date": "2024-04-03", "chairName": "Paul Durand"}]}
    m = score(key, rows, ["a1.txt"]).merged
    assert (m.calls, m.required, m.found, m.dated, m.initiators, m.split) == (2, 1, 1, 1, 1, 1)
    assert (m.chairs, m.chairs_wanted) == (1, 1)


def test_report_lists_every_miss_with_its_article(key) -> None:
    result = score(key, {"calls": [call("Anne Martin; Wang Yi", "a2.txt")]}, ["a1.txt", "a2.txt"])
    text = result.text()
    assert "calls missed:\n  a1.txt: Anne Martin & Sergei Shoigu" in text
    assert "calls spurious:\n  a2.txt: ?Wang Yi & Anne Martin" in text
    data = result.to_json()
    assert data["calls"]["F1"] == 0.0 and data["calls"]["missed"][0] == "a1.txt: Anne Martin & Sergei Shoigu"
    assert data["merged_calls"]["found"] == 0


# ------------------------------------------------------------------ bad answer keys


@pytest.mark.parametrize("data, where", [
    ([1, 2], "top level"),
    ({"a.txt": []}, "a.txt"),
    ({"a.txt": {"calls": {"x": 1}}}, "a.txt.calls"),
    ({"a.txt": {"calls": [{"participants": ["A B"]}]}}, "a.txt.calls[0].participants"),
    ({"a.txt": {"calls": [{"participants": ["A B", "C D"], "date": "03/2024"}]}}, "a.txt.calls[0].date"),
    ({"a.txt": {"calls": [{"participants": ["A B", "C D"], "date": "2024-13"}]}}, "a.txt.calls[0].date"),
    ({"merged": {"distinct_calls": [{"participants": ["A B", "C D"], "date": "2023-02-29"}]}},
     "merged.distinct_calls[0].date"),
    ({"a.txt": {"calls": [{"participants": ["A B", "C D"], "initiator": 3}]}}, "a.txt.calls[0].initiator"),
    ({"a.txt": {"persons": [{"name": ""}]}}, "a.txt.persons[0].name"),
    ({"a.txt": {"persons": [{"name": "A B", "mentions": "A B"}]}}, "a.txt.persons[0].mentions"),
    ({"a.txt": {"holdings": [{"person": "A B"}]}}, "a.txt.holdings[0].office"),
    ({"a.txt": {"treaties": [{"name": "X", "optional": "yes"}]}}, "a.txt.treaties[0].optional"),
    ({"merged": {"chair_at_each_call": [{"chair": "A B", "call_date": None}]}}, "merged.chair_at_each_call[0]"),
])
def test_bad_answer_key_names_the_field(tmp_path: Path, data: object, where: str) -> None:
    path = key_file(tmp_path, data)
    with pytest.raises(InputError) as e:
        load_answer_key(path)
    assert str(e.value).startswith(f"{path}: {where}: ")


def test_malformed_json_names_the_line(tmp_path: Path) -> None:
    path = key_file(tmp_path, None, text='{\n  "a.txt": {\n    "calls": [,]\n  }\n}\n')
    with pytest.raises(InputError) as e:
        load_answer_key(path)
    assert str(e.value).startswith(f"{path}:3:")


def test_cli_bad_key_is_exit_3_on_one_line(tmp_path: Path, capsys) -> None:
    path = key_file(tmp_path, {"a.txt": {"calls": [{"participants": "A B"}]}})
    code, out, err = run_kg("eval", str(tmp_path), str(path), "--data", str(tmp_path / "none.trig"))
    assert code == 3 and out == "" and err.count("\n") == 1 and "none.trig" in err
    (tmp_path / "g.nt").write_text("", encoding="utf-8")
    code, out, err = run_kg("eval", str(tmp_path), str(path), "--data", str(tmp_path / "g.nt"))
    assert code == 3 and out == "" and err.count("\n") == 1
    assert f"{path}: a.txt.calls[0].participants: must be a list of strings" in err
    code, _, err = run_kg("eval", str(tmp_path), str(tmp_path / "missing.json"), "--data",
                          str(tmp_path / "g.nt"))
    assert code == 3 and "missing.json" in err


def test_the_bundled_answer_key_is_valid() -> None:
    key = load_answer_key(EXAMPLES / "gold.json")
    assert len(key.articles) == 10 and key.merged is not None and key.merged.chairs


# ------------------------------------------------------------------ real corpora (the French model)

KGEVAL = SHARED / "tools" / "kgeval.py"
FIGURES = ("tp", "fp", "fn", "P", "R", "F1")


def shared_scorer():
    """The shared scorer (../shared/tools/kgeval.py) as a module, or a skip saying why."""
    if not KGEVAL.exists():
        pytest.skip(f"{KGEVAL} is not there: the shared scorer cannot be compared")
    import importlib.util

    spec = importlib.util.spec_from_file_location("kgeval", KGEVAL)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def assert_same_figures(ours: dict, gold_path: Path, rows: dict, articles: list[str]) -> None:
    theirs = shared_scorer().score(json.loads(gold_path.read_text(encoding="utf-8")), rows, articles)
    for kind in ("calls", "holdings", "people", "missiles", "treaties"):
        assert {k: ours[kind][k] for k in FIGURES} == {k: theirs[f"{kind}_per_doc"][k] for k in FIGURES}, kind
        assert sorted(ours[kind]["missed"]) == sorted(theirs[f"{kind}_per_doc"]["missed"]), kind
    assert ours["people"]["split_entities"] == theirs["people_per_doc"]["split_entities"]
    merged = {k: v for k, v in ours["merged_calls"].items() if k not in ("split", "chair_at_each_call")}
    assert merged == theirs["merged_calls"]
    assert ours["merged_calls"]["split"] == theirs["merged_calls_split"]
    assert ours["merged_calls"]["chair_at_each_call"] == theirs["chair_at_each_call"]


def kg_eval_json(capsys, *args: str) -> dict:
    code, out, err = run_kg("eval", *args, "--format", "json")
    assert code == 0, err
    return json.loads(out)


@pytest.mark.model
def test_example_corpus(built_examples, capsys) -> None:
    gold = EXAMPLES / "gold.json"
    ours = kg_eval_json(capsys, str(EXAMPLES), str(gold), "--data", str(built_examples))
    assert len(ours["articles"]) == 10
    # floors under today's figures, as in test_examples_gold
    assert ours["calls"]["F1"] >= 0.95 and ours["people"]["F1"] >= 0.95
    assert ours["missiles"]["F1"] >= 0.95 and ours["treaties"]["F1"] >= 0.95
    code, text, _ = run_kg("eval", str(EXAMPLES), str(gold), "--data", str(built_examples))
    assert code == 0 and text.startswith("10 articles scored against") and "merged calls:" in text
    if KGEVAL.exists():
        from kg.evaluate import query_rows
        from kg.store import open_data

        assert_same_figures(ours, gold, query_rows(open_data(built_examples)), ours["articles"])


def built_and_scored(capsys, monkeypatch, corpus: Path, *options: str) -> tuple[dict, dict]:
    """``kg eval CORPUS gold.json`` (building the graph in-process), and the rows of the graph it built."""
    import kg.evaluate

    stores = []
    build = kg.evaluate.build_store
    monkeypatch.setattr(kg.evaluate, "build_store", lambda *a, **k: stores.append(build(*a, **k)) or stores[-1])
    ours = kg_eval_json(capsys, str(corpus), str(corpus / "gold.json"), *options)
    return ours, kg.evaluate.query_rows(stores[0])


@pytest.mark.model
def test_seeds_are_perfect_and_scored_as_the_shared_scorer_does(capsys, monkeypatch) -> None:
    seeds = SHARED / "seeds"
    if not seeds.is_dir():
        pytest.skip(f"{seeds} is not there")
    ours, rows = built_and_scored(capsys, monkeypatch, seeds)
    assert all(ours[kind]["F1"] == 1.0 for kind in ("calls", "holdings", "people", "missiles", "treaties"))
    assert_same_figures(ours, seeds / "gold.json", rows, ours["articles"])


@pytest.mark.model
def test_devset_scored_as_the_shared_scorer_does(capsys, monkeypatch) -> None:
    devset = SHARED / "devset"
    if not devset.is_dir():
        pytest.skip(f"{devset} is not there")
    ours, rows = built_and_scored(capsys, monkeypatch, devset, "--lang", "fr")
    assert len(ours["articles"]) == 21  # the two English articles are left out
    assert_same_figures(ours, devset / "gold.json", rows, ours["articles"])
    everything = score(load_answer_key(devset / "gold.json"), rows, sorted(ours["articles"] + ["d02.txt", "d03.txt"]))
    assert_same_figures(everything.to_json(), devset / "gold.json", rows, list(everything.articles))
