"""Extraction on a real local Dask cluster (scheduler plus two worker processes on 127.0.0.1).

The cluster is started once for the module; each worker loads the model once.  The articles are a few
short lines, so a test costs a few task round trips, not NLP time.
"""

from __future__ import annotations

import json
import os
import socket
import sys
from functools import partial
from pathlib import Path

import pytest

from kg.corpus import read_corpus
from kg.errors import UsageError
from tests.conftest import run_kg

distributed = pytest.importorskip("distributed", reason="Dask distributed is not installed: pip install 'kg[cluster]'")
cloudpickle = pytest.importorskip("cloudpickle")

from kg.cluster import Cluster, ClusterFailures, extract_articles, parse_address  # noqa: E402

pytestmark = [pytest.mark.model, pytest.mark.cluster]
cloudpickle.register_pickle_by_value(sys.modules[__name__])  # the workers need not import this test file

ARTICLES = {
    "a1.txt": "Paris, le 3 mars 2024. Le ministre des Armées Sébastien Lecornu a parlé au téléphone avec son "
              "homologue allemand Boris Pistorius de la défense aérienne de l'Europe.\n",
    "a2.txt": "Bruxelles, 12 juin 2023. Le général Thierry Burkhard, chef d'état-major des armées, a reçu le "
              "général Mark Milley, chef d'état-major interarmées américain.\n",
    "a3.txt": "Moscou a annoncé le 5 janvier 2025 un nouvel essai du missile Sarmat depuis le nord du pays.\n",
    "a4.txt": "Il a fait beau toute la semaine sur la côte, selon les pêcheurs du port.\n",
}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("cluster-corpus")
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def raws(corpus):
    return list(read_corpus([str(corpus)]))


@pytest.fixture(scope="module")
def cluster():
    with Cluster("local:2") as c:
        assert len(c.client().nthreads()) == 2
        yield c


def _die_once(raws, model, *, marker: str, victim: str):
    """Kill the worker process the first time it is given ``victim``; extract as usual otherwise."""
    if victim in [r.id for r in raws] and not os.path.exists(marker):
        open(marker, "w").close()
        os._exit(1)
    return extract_articles(raws, model)


def _fail_on(raws, model, *, victim: str, tries: str):
    """Raise on a batch holding ``victim`` (counting the tries in a file); extract the others."""
    if victim in [r.id for r in raws]:
        with open(tries, "a") as f:
            f.write(str(len(raws)))
        raise RuntimeError("no parse today")
    return extract_articles(raws, model)


@pytest.mark.parametrize("batch", [1, 3, 8])
def test_same_facts_as_one_process(cluster, raws, extractor, batch) -> None:
    batched = Cluster(client=cluster.client(), batch=batch)
    got = list(batched.extract(raws, model=extractor.model))
    assert [f.article.id for f in got] == [r.id for r in raws]
    want = list(extractor.extract(raws))
    assert [json.dumps(f.to_json()) for f in got] == [json.dumps(f.to_json()) for f in want]
    assert any(f.calls for f in got)  # the articles say something, so equal facts mean something
    assert batched.failed == []


def test_a_killed_worker_changes_no_fact(cluster, raws, extractor, tmp_path) -> None:
    marker = tmp_path / "killed"
    task = partial(_die_once, marker=str(marker), victim="a2.txt")
    with Cluster(client=cluster.client(), task=task, batch=1) as killing:
        got = list(killing.extract(raws, model=extractor.model))
    assert marker.exists()  # a worker did die
    assert got == list(extractor.extract(raws))
    assert killing.failed == []


def test_an_article_failing_twice_is_named_and_the_rest_go_on(cluster, raws, extractor, tmp_path) -> None:
    tries = tmp_path / "tries"
    task = partial(_fail_on, victim="a3.txt", tries=str(tries))
    failing = Cluster(client=cluster.client(), task=task, batch=2)
    got = list(failing.extract(raws, model=extractor.model))
    assert [f.article.id for f in got] == ["a1.txt", "a2.txt", "a4.txt"]
    assert tries.read_text() == "2211"  # its batch run and retried once, then itself run and retried once
    assert [(a, r) for a, r in failing.failed] == [("a3.txt", "RuntimeError: no parse today")]
    with pytest.raises(ClusterFailures, match=r"1 articles failed twice.*a3\.txt: RuntimeError") as e:
        failing.check()
    assert e.value.exit_code == 4


def test_store_build_caches_the_same_facts_files(cluster, corpus, tmp_path) -> None:
    from kg.build import build

    one = build([str(corpus)], store=tmp_path / "one", validate=False)
    two = build([str(corpus)], store=tmp_path / "two", validate=False, cluster=cluster)
    assert (one.articles, one.triples) == (two.articles, two.triples)
    files = {p.name: p.read_bytes() for p in sorted((tmp_path / "one" / "kg-facts").glob("*.json"))}
    assert len(files) == len(ARTICLES)
    assert {p.name: p.read_bytes() for p in sorted((tmp_path / "two" / "kg-facts").glob("*.json"))} == files


def test_the_cluster_is_not_started_when_nothing_is_to_extract(corpus, tmp_path) -> None:
    from kg.build import build

    build([str(corpus)], store=tmp_path / "s", validate=False)
    with Cluster("local:2") as unused:
        build([str(corpus)], store=tmp_path / "s", validate=False, cluster=unused)
        assert unused._client is None and unused._local is None


@pytest.mark.parametrize("spec", ["local:0", "local:", "local:two", "8786", "http://host:8786", "tcp://"])
def test_bad_addresses_are_usage_errors(spec) -> None:
    with pytest.raises(UsageError, match="--cluster"):
        parse_address(spec)


@pytest.mark.parametrize("spec, want", [("local:3", 3), ("tcp://10.0.0.5:8786", "tcp://10.0.0.5:8786")])
def test_addresses(spec, want) -> None:
    assert parse_address(spec) == want


def test_cli_refuses_jobs_with_cluster(capsys, corpus, tmp_path) -> None:
    code, _, err = run_kg("build", str(corpus), "--store", str(tmp_path / "s"), "--jobs", "2",
                          "--cluster", "local:2")
    assert code == 2 and "--jobs or --cluster" in err
    code, _, err = run_kg("build", str(corpus), "--store", str(tmp_path / "s"), "--cluster", "nowhere")
    assert code == 2 and "tcp://HOST:PORT" in err


def test_cli_builds_the_rest_and_names_the_failed_article(capsys, monkeypatch, cluster, corpus, tmp_path) -> None:
    import kg.cluster

    task = partial(_fail_on, victim="a2.txt", tries=str(tmp_path / "tries"))
    monkeypatch.setattr(kg.cluster, "Cluster", lambda address: Cluster(client=cluster.client(), task=task))
    code, out, err = run_kg("build", str(corpus), "--store", str(tmp_path / "s"), "--cluster", "local:2",
                            "--no-validate")
    assert code == 4
    assert out.startswith("3 articles")  # the summary of what was built comes first
    assert "1 articles failed twice on the cluster" in err and "a2.txt: RuntimeError: no parse today" in err
    code, out, _ = run_kg("articles", "--store", str(tmp_path / "s"))
    assert "a2.txt" not in out and "a1.txt" in out


def test_an_unreachable_scheduler_is_a_store_error(raws) -> None:
    from kg.errors import StoreError

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # nothing listens there once the socket is closed
    with Cluster(f"tcp://127.0.0.1:{port}", timeout=2) as nowhere, \
            pytest.raises(StoreError, match=r"no scheduler with a worker answered within 2 s") as e:
        list(nowhere.extract(raws, model="fr_core_news_md"))
    assert e.value.exit_code == 4


def test_workers_running_another_kg_are_refused(cluster, raws, monkeypatch) -> None:
    import kg.build
    from kg.errors import StoreError

    here, real = os.getpid(), kg.build.extractor_id
    monkeypatch.setattr(kg.build, "extractor_id", lambda model: "other@0" if os.getpid() == here else real(model))
    with pytest.raises(StoreError, match=r"worker tcp://127\.0\.0\.1:\d+ runs another kg or model") as e:
        list(Cluster(client=cluster.client()).extract(raws, model="fr_core_news_md"))
    assert e.value.exit_code == 4
