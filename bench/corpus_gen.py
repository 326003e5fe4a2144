"""Synthetic French news articles about calls between defence officials, from templates.

Each article names two or three officials with their posts and countries, reports a phone or
video call at a date (absolute, relative or a weekday), sometimes a nomination with a
predecessor, and adds neutral prose so that articles have the length of real ones.  Names,
posts, countries and dates vary from a seeded random generator: the same seed gives the same
corpus.  Countries and demonyms come from kg's own lexicon (data is data).
"""

from __future__ import annotations

import argparse
import json
import random
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from kg.resources import lexicon_path

FIRST = ["Jean", "Marc", "Sergueï", "Valeri", "Lloyd", "Mark", "Charles", "Pierre", "Andriï", "Oleksiï",
         "Rustem", "Boris", "Ivan", "Dmitri", "Thomas", "Hakan", "Yasar", "Minoru", "Kenji", "Rajnath",
         "Anne", "Florence", "Catherine", "Annalena", "Christine", "Lina", "Maria", "Olga", "Yuki", "Sofia"]
LAST = ["Durand", "Lefebvre", "Guérassimov", "Choïgou", "Austin", "Milley", "Brown", "Reznikov", "Oumerov",
        "Zaloujny", "Belooussov", "Koval", "Pistorius", "Akar", "Güler", "Kihara", "Hamada", "Singh",
        "Mercier", "Moreau", "Fontaine", "Garnier", "Chevalier", "Rousseau", "Blanchard", "Novak",
        "Kowalski", "Petrenko", "Sokolov", "Tanaka", "Yamamoto", "Fischer", "Schneider", "Weber",
        "Lambert", "Bonnet", "Dupont", "Marchand", "Leclerc", "Perrin"]
POSTS = ["ministre de la Défense", "chef d'état-major des armées", "ministre des Affaires étrangères",
         "conseiller à la sécurité nationale"]
COUNTRIES = ["US", "RU", "UA", "GB", "DE", "TR", "JP", "IN", "PL", "IT", "ES", "CN", "KR", "IL", "CA", "BR"]
MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
          "novembre", "décembre"]
WEEKDAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
CALL_VERBS = ["s'est entretenu {when} par téléphone avec", "a eu {when} un entretien téléphonique avec",
              "a parlé {when} au téléphone avec", "s'est entretenu {when} en visioconférence avec"]
TOPICS = ["la sécurité en mer Noire", "le contrôle des armements", "la situation au Proche-Orient",
          "la coopération antiterroriste", "les exercices militaires dans la région",
          "la prévention des incidents"]
FILLER = [
    "Les deux responsables ont insisté sur la nécessité de maintenir des canaux de communication ouverts.",
    "Le communiqué publié à l'issue de l'échange reste très sobre et ne mentionne aucun engagement précis.",
    "Selon des diplomates, ce contact illustre la volonté des deux capitales d'éviter toute escalade.",
    "Les observateurs notent que le dernier échange de ce niveau remontait à plusieurs mois.",
    "Aucune rencontre en personne n'est prévue à ce stade, ont précisé les services de presse.",
    "La conversation a duré environ une heure, selon une source proche du dossier.",
    "Les analystes rappellent que les relations militaires entre les deux pays restent tendues.",
    "Des experts estiment que ces contacts réguliers réduisent le risque de malentendu sur le terrain.",
]


@dataclass(frozen=True)
class Official:
    first: str
    last: str
    post: str
    country: str

    @property
    def name(self) -> str:
        return f"{self.first} {self.last}"


def demonyms() -> dict[str, str]:
    """Masculine singular demonym of each country, from kg's lexicon."""
    entries = json.loads(lexicon_path("countries").read_text(encoding="utf-8"))["entries"]
    return {e["id"]: e["demonyms_fr"][0] for e in entries if e.get("demonyms_fr")}


def officials(rng: random.Random, count: int) -> list[Official]:
    """A pool of distinct officials (distinct full names), each with a post and a country."""
    names = rng.sample([(f, n) for f in FIRST for n in LAST], count)
    return [Official(f, n, rng.choice(POSTS), rng.choice(COUNTRIES)) for f, n in names]


def french_date(d: date) -> str:
    return f"{'1er' if d.day == 1 else d.day} {MONTHS[d.month - 1]} {d.year}"


def describe(o: Official, adj: dict[str, str], rng: random.Random) -> str:
    """An official with post and country, in one of a few orders."""
    demonym = adj.get(o.country, "étranger")
    return rng.choice([f"le {o.post} {demonym}, {o.name}", f"{o.name}, {o.post} {demonym}"])


def call_sentence(a: Official, b: Official, when: str, adj: dict[str, str], rng: random.Random) -> str:
    verb = rng.choice(CALL_VERBS).format(when=when)
    first = describe(a, adj, rng)
    return f"{first[0].upper()}{first[1:]} {verb} son homologue {adj.get(b.country, 'étranger')}, {b.name}."


def when_phrase(call_day: date, published: date, rng: random.Random) -> str:
    if (published - call_day).days < 7 and rng.random() < 0.5:
        return WEEKDAYS[call_day.weekday()]
    return f"le {french_date(call_day)}"


def article(i: int, pool: list[Official], adj: dict[str, str], rng: random.Random) -> tuple[str, date]:
    """One article's text and publication date."""
    published = date(2021, 1, 1) + timedelta(days=rng.randrange(1600))
    a, b = rng.sample(pool, 2)
    call_day = published - timedelta(days=rng.randrange(0, 12))
    title = f"{a.last} et {b.last} : un échange sur {rng.choice(TOPICS)}"
    body = [call_sentence(a, b, when_phrase(call_day, published, rng), adj, rng),
            f"Les deux hommes ont évoqué {rng.choice(TOPICS)} et {rng.choice(TOPICS)}."]
    if rng.random() < 0.4:
        c = rng.choice(pool)
        start = published - timedelta(days=rng.randrange(200, 900))
        body.append(f"{a.name} occupe le poste de {a.post} depuis {MONTHS[start.month - 1]} {start.year}, "
                    f"où il a remplacé {c.name}.")
    body += rng.sample(FILLER, k=rng.randint(3, 6))
    paragraphs = [" ".join(body[:2]), " ".join(body[2:4]), " ".join(body[4:])]
    return title + "\n\n" + "\n\n".join(p for p in paragraphs if p) + "\n", published


def write_corpus(folder: Path, articles: int = 1000, *, seed: int = 6) -> Path:
    """Write ``articles`` synthetic articles and their manifest.json into ``folder``."""
    rng = random.Random(seed)
    adj = demonyms()
    pool = officials(rng, max(20, min(600, articles // 2)))
    folder.mkdir(parents=True, exist_ok=True)
    manifest = []
    for i in range(articles):
        text, published = article(i, pool, adj, rng)
        name = f"synth_{i:06d}.txt"
        (folder / name).write_text(text, encoding="utf-8")
        manifest.append({"file": name, "published": published.isoformat(), "url": None, "lang": "fr"})
    text = json.dumps(manifest, ensure_ascii=False, indent=0)
    (folder / "manifest.json").write_text(text, encoding="utf-8")
    return folder


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Write a synthetic French corpus for the benchmarks.")
    parser.add_argument("folder", type=Path)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=6)
    args = parser.parse_args(argv)
    write_corpus(args.folder, args.articles, seed=args.seed)
    print(f"{args.articles} articles in {args.folder}")


if __name__ == "__main__":
    main()
