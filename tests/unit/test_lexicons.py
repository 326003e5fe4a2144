"""Schema and consistency checks for the JSON lexicons in ``kg/lexicons/``.

The conventions checked here are documented in ``kg/lexicons/README.md``.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from datetime import date
from functools import cache
from typing import Any

import pytest

from kg.extract.lexicon import strings
from kg.resources import lexicon_path

LEXICONS = ("countries", "places", "offices", "missiles", "treaties", "titles")


# ----------------------------------------------------------------- helpers


def words(text: str) -> set[str]:
    """A set of whitespace-separated ids."""
    return set(text.split())


def ordered(text: str) -> tuple[str, ...]:
    return tuple(text.split())


def norm(text: str) -> str:
    """The matcher's equivalence: case-, accent- and apostrophe-insensitive, whitespace collapsed."""
    text = text.replace("\u2019", "'").replace("\u02bc", "'")
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(text.casefold().split())


@cache
def raw(name: str) -> str:
    return lexicon_path(name).read_text(encoding="utf-8")


@cache
def load(name: str) -> Any:
    return json.loads(raw(name))


def countries() -> list[dict[str, Any]]:
    return load("countries")["entries"]


def country_ids() -> set[str]:
    return {e["id"] for e in countries()}


def parse_date(value: str) -> date:
    """Parse an ISO date at day, month or year precision; return its first day."""
    if re.fullmatch(r"\d{4}", value):
        return date(int(value), 1, 1)
    if re.fullmatch(r"\d{4}-\d{2}", value):
        year, month = value.split("-")
        return date(int(year), int(month), 1)
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", value), value
    return date.fromisoformat(value)


def assert_no_dupes(forms: list[str], where: str) -> None:
    seen: dict[str, str] = {}
    for form in forms:
        key = norm(form)
        assert key not in seen, f"{where}: {form!r} duplicates {seen[key]!r} (case/accent variant)"
        seen[key] = form


def assert_strings(values: Any, where: str) -> None:
    assert isinstance(values, list), where
    for v in values:
        assert isinstance(v, str) and v, f"{where}: empty or non-string {v!r}"
        assert v == v.strip() and "  " not in v, f"{where}: stray whitespace in {v!r}"


def cross_entry_conflicts(entries: list[dict[str, Any]], fields: tuple[str, ...]) -> dict[str, set[str]]:
    """Normalised surface forms that map to more than one entry id."""
    owners: dict[str, set[str]] = defaultdict(set)
    for e in entries:
        for f in fields:
            for form in e.get(f, []):
                owners[norm(form)].add(e["id"])
    return {form: ids for form, ids in owners.items() if len(ids) > 1}


# ----------------------------------------------------------------- all files


@pytest.mark.parametrize("name", LEXICONS)
def test_file_is_pretty_printed_json(name: str) -> None:
    data = load(name)
    assert data["version"] == 1
    assert raw(name) == json.dumps(data, ensure_ascii=False, indent=2) + "\n"


@pytest.mark.parametrize("name", LEXICONS)
def test_apostrophes_are_ascii(name: str) -> None:
    # the matcher treats ' and \u2019 alike; the data uses the ASCII one only
    bad = [s for s in strings(load(name), keys=True) if "\u2019" in s]
    assert not bad, bad[:5]


# ----------------------------------------------------------------- countries

COUNTRY_FIELDS = ("names_fr", "names_en", "metonyms_fr", "demonyms_fr", "combining_fr")
G20 = words("AR AU BR CA CN FR DE IN ID IT JP KR MX RU SA ZA TR GB US")
EUROPE = words(
    "AL AD AT BY BE BA BG HR CY CZ DK EE FI FR DE GR HU IS IE IT XK LV LI LT LU MT MD MC ME NL MK NO "
    "PL PT RO RU SM RS SK SI ES SE CH UA GB VA"
)
MIDDLE_EAST = {"TR", "IR", "IQ", "SY", "LB", "JO", "IL", "PS", "SA", "AE", "QA", "KW", "BH", "OM", "YE", "EG"}
CAUCASUS_CENTRAL_ASIA = {"GE", "AM", "AZ", "KZ", "UZ", "TM", "KG", "TJ"}
ASIA = {"KP", "KR", "JP", "TW", "IN", "PK", "AF", "CN"}
AFRICA_LATAM = {"NG", "ET", "KE", "DZ", "MA", "ML", "NE", "SN", "CD", "AO", "VE", "CO", "CL", "CU", "PE"}
ORGANISATIONS = {"NATO", "EU", "UN", "CSTO", "IAEA", "OSCE", "AFRICAN_UNION"}


def test_countries_schema() -> None:
    ids = [e["id"] for e in countries()]
    assert len(ids) == len(set(ids)), "duplicate country ids"
    qids = [e["wikidata"] for e in countries() if e["wikidata"]]
    assert len(qids) == len(set(qids)), "duplicate wikidata ids"
    for e in countries():
        where = f"countries/{e['id']}"
        assert e["kind"] in ("country", "organisation"), where
        if e["kind"] == "country":
            assert re.fullmatch(r"[A-Z]{2}", e["id"]), where
            assert e["demonyms_fr"], f"{where}: no demonyms"
        else:
            assert re.fullmatch(r"[A-Z][A-Z0-9_]+", e["id"]), where
        assert e["label_en"] and e["label_fr"], where
        assert e["wikidata"] is None or re.fullmatch(r"Q[1-9]\d*", e["wikidata"]), where
        assert e["names_fr"], f"{where}: no French names"
        for f in COUNTRY_FIELDS:
            assert_strings(e[f], f"{where}.{f}")
            assert_no_dupes(e[f], f"{where}.{f}")
        for form in e["combining_fr"]:
            assert not form.endswith("-"), f"{where}: combining forms are listed without the hyphen"
        own = {norm(x) for f in COUNTRY_FIELDS for x in e[f]}
        for key in ("ambiguous", "case_sensitive"):
            for form in e.get(key, []):
                assert norm(form) in own, f"{where}.{key}: {form!r} is not one of its forms"


def test_countries_coverage() -> None:
    ids = country_ids()
    kinds = {e["id"]: e["kind"] for e in countries()}
    assert sum(1 for k in kinds.values() if k == "country") >= 90
    for group in (G20, EUROPE, MIDDLE_EAST, CAUCASUS_CENTRAL_ASIA, ASIA, AFRICA_LATAM):
        assert group <= ids, sorted(group - ids)
    assert ids >= ORGANISATIONS
    assert all(kinds[o] == "organisation" for o in ORGANISATIONS)
    assert kinds["AU"] == "country", "AU is Australia's ISO code"


@pytest.mark.parametrize(
    ("cid", "forms"),
    [
        ("BY", ["Biélorussie", "Bélarus"]),
        ("KP", ["Corée du Nord", "RPDC"]),
        ("GB", ["Royaume-Uni", "Grande-Bretagne"]),
        ("TR", ["Turquie", "Türkiye"]),
        ("NATO", ["OTAN"]),
        ("EU", ["UE"]),
        ("UN", ["ONU"]),
        ("CSTO", ["OTSC"]),
        ("IAEA", ["AIEA"]),
        (
            "US",
            [
                "États-Unis",
                "USA",
                "Amérique",
                "Washington",
                "Maison Blanche",
                "Pentagone",
                "américaines",
                "américano",
            ],
        ),
        ("RU", ["Russie", "Kremlin", "Moscou", "russes", "russo"]),
        ("UA", ["Kiev", "Kyiv", "ukrainiennes"]),
    ],
)
def test_country_variants(cid: str, forms: list[str]) -> None:
    entry = next(e for e in countries() if e["id"] == cid)
    own = {norm(x) for f in COUNTRY_FIELDS for x in entry[f]}
    for form in forms:
        assert norm(form) in own, f"{cid} lacks {form!r}"


def test_countries_known_wikidata() -> None:
    expected = {
        "US": "Q30",
        "RU": "Q159",
        "UA": "Q212",
        "FR": "Q142",
        "GB": "Q145",
        "DE": "Q183",
        "CN": "Q148",
        "TR": "Q43",
        "KP": "Q423",
        "NATO": "Q7184",
    }
    got = {e["id"]: e["wikidata"] for e in countries()}
    for cid, qid in expected.items():
        assert got[cid] == qid, cid


def test_countries_shared_forms_are_marked_ambiguous() -> None:
    marks = {e["id"]: {norm(x) for x in e.get("ambiguous", [])} for e in countries()}
    for form, ids in cross_entry_conflicts(countries(), COUNTRY_FIELDS).items():
        for cid in ids:
            assert form in marks[cid], f"{form!r} maps to {sorted(ids)} but is not marked ambiguous in {cid}"


# ----------------------------------------------------------------- places


def test_places() -> None:
    entries = load("places")["entries"]
    assert len(entries) >= 150
    ids = country_ids()
    owner: dict[str, str] = {}
    for e in entries:
        where = f"places/{e['name_fr']}"
        assert e["kind"] in ("city", "region", "base", "sea"), where
        assert e["country"] is None or e["country"] in ids, where
        assert_strings(e["aliases"], where)
        forms = [e["name_fr"], *e["aliases"]]
        assert_no_dupes(forms, where)
        for form in forms:
            key = norm(form)
            assert key not in owner, f"{form!r} names both {owner.get(key)!r} and {e['name_fr']!r}"
            owner[key] = e["name_fr"]
    for needed in (
        "Moscou",
        "Kiev",
        "Crimée",
        "Donbass",
        "Koursk",
        "Kaliningrad",
        "Abou Dhabi",
        "Genève",
        "Istanbul",
        "Riyad",
        "mer Noire",
        "Méditerranée orientale",
        "Pacifique",
    ):
        assert norm(needed) in owner, needed


# ----------------------------------------------------------------- offices

POST_TYPES_REQUIRED = words(
    "head_of_state head_of_government vice_president president_elect defence_minister "
    "deputy_defence_minister foreign_minister chief_of_defence army_chief navy_chief air_force_chief "
    "military_commander national_security_adviser security_council_secretary intelligence_chief "
    "spokesperson special_envoy ambassador secretary_general"
)
CORE_TYPES = (
    "head_of_state",
    "head_of_government",
    "defence_minister",
    "foreign_minister",
    "chief_of_defence",
)
CORE_COUNTRIES = ordered("US RU UA FR GB DE TR CN KP JP KR IN PK IR IL PL IT ES CA BY SE FI")


def offices() -> list[dict[str, Any]]:
    return load("offices")["offices"]


def post_types() -> dict[str, dict[str, Any]]:
    return {p["id"]: p for p in load("offices")["post_types"]}


def all_patterns(office: dict[str, Any]) -> list[str]:
    return office["patterns_fr"] + office["patterns_en"]


def test_post_types() -> None:
    types = load("offices")["post_types"]
    ids = [p["id"] for p in types]
    assert len(ids) == len(set(ids))
    assert set(ids) >= POST_TYPES_REQUIRED, sorted(POST_TYPES_REQUIRED - set(ids))
    owner: dict[str, str] = {}
    for p in types:
        where = f"post_types/{p['id']}"
        assert p["label_en"] and p["label_fr"], where
        assert isinstance(p["single_holder"], bool), where
        for f in ("patterns_fr", "patterns_en"):
            assert_strings(p[f], f"{where}.{f}")
            assert_no_dupes(p[f], f"{where}.{f}")
            for pat in p[f]:
                key = norm(pat)
                assert owner.get(key, p["id"]) == p["id"], f"{pat!r} in both {owner[key]} and {p['id']}"
                owner[key] = p["id"]
    by_id = post_types()
    expected_single = {
        "spokesperson": False,
        "special_envoy": False,
        "ambassador": False,
        "military_commander": False,
        "vice_president": True,
        "deputy_defence_minister": False,
        "defence_minister": True,
        "head_of_state": True,
    }
    for pid, single in expected_single.items():
        assert by_id[pid]["single_holder"] is single, pid


def test_post_type_patterns_are_country_neutral() -> None:
    country_words: set[str] = set()
    for e in countries():
        for f in ("demonyms_fr", "names_fr", "names_en"):
            country_words |= {norm(x) for x in e[f]}
    for p in post_types().values():
        for pat in p["patterns_fr"] + p["patterns_en"]:
            tokens = re.split(r"[\s']+", norm(pat))
            for n in range(1, len(tokens) + 1):
                for i in range(len(tokens) - n + 1):
                    chunk = " ".join(tokens[i : i + n])
                    assert chunk not in country_words, (
                        f"post type {p['id']}: {pat!r} contains country word {chunk!r}"
                    )


def test_offices_schema() -> None:
    ids = [o["id"] for o in offices()]
    assert len(ids) == len(set(ids)), "duplicate office ids"
    cids = country_ids()
    types = post_types()
    for o in offices():
        where = f"offices/{o['id']}"
        parts = o["id"].split(".")
        assert len(parts) in (2, 3), where
        assert parts[0] == o["country"] and parts[1] == o["type"], where
        if len(parts) == 3:
            assert re.fullmatch(r"[a-z0-9_]+", parts[2]), where
        assert o["country"] in cids, f"{where}: unknown country"
        assert o["type"] in types, f"{where}: unknown post type"
        assert o["label_en"] and o["label_fr"], where
        assert o["wikidata"] is None or re.fullmatch(r"Q[1-9]\d*", o["wikidata"]), where
        for f in ("patterns_fr", "patterns_en", "implying_patterns"):
            assert_strings(o[f], f"{where}.{f}")
        assert_no_dupes(o["patterns_fr"], where)
        assert_no_dupes(o["patterns_en"], where)
        pats = {norm(p) for p in all_patterns(o)}
        implying = {norm(p) for p in o["implying_patterns"]}
        assert implying <= pats, f"{where}: implying_patterns must be among its patterns"
        assert o["implies_country"] is (bool(pats) and implying == pats), (
            f"{where}: implies_country inconsistent"
        )
        if "single_holder" in o:
            assert isinstance(o["single_holder"], bool), where
        for t in o.get("also_post_types", []):
            assert t in types and t != o["type"], where
        for t in o.get("generic_for", []):  # a generic post type names this office in its country
            assert t in types and t != o["type"], where


def test_office_patterns_do_not_collide() -> None:
    by_pattern: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for o in offices():
        for key in {norm(p) for p in all_patterns(o)}:
            by_pattern[key].append(o)
    for pat, owners in by_pattern.items():
        if len(owners) < 2:
            continue
        names = [o["id"] for o in owners]
        for o in owners:
            assert pat not in {norm(x) for x in o["implying_patterns"]}, (
                f"implying pattern {pat!r} shared by {names}"
            )
        countries_seen = [o["country"] for o in owners]
        assert len(countries_seen) == len(set(countries_seen)), (
            f"{pat!r} names two offices of one country: {names}"
        )


def test_offices_coverage() -> None:
    by_id = {o["id"]: o for o in offices()}
    for cc in CORE_COUNTRIES:
        for t in CORE_TYPES:
            oid = f"{cc}.{t}"
            if oid in by_id:
                continue
            if t == "head_of_government" and t in by_id[f"{cc}.head_of_state"].get("also_post_types", []):
                continue
            if t == "chief_of_defence" and cc == "PK":
                continue  # see README: Pakistan's top post changed in 2025
            pytest.fail(f"missing office {oid}")
    for oid in (
        "NATO.secretary_general",
        "NATO.military_commander.saceur",
        "NATO.chief_of_defence",
        "UA.chief_of_general_staff",
        "US.military_commander.eucom",
        "US.military_commander.indopacom",
        "US.military_commander.centcom",
        "US.military_commander.africom",
    ):
        assert oid in by_id, oid
    us_def = {norm(p) for p in all_patterns(by_id["US.defence_minister"])}
    for p in ("secrétaire à la Guerre", "Secretary of War", "chef du Pentagone"):
        assert norm(p) in us_def, p
    assert "commandant des forces americaines en europe" in {
        norm(p) for p in all_patterns(by_id["US.military_commander.eucom"])
    }
    assert by_id["FR.defence_minister"]["implying_patterns"], "'ministre des Armées' identifies France"
    assert by_id["US.chief_of_defence"]["implies_country"] is False


# ----------------------------------------------------------------- missiles

MISSILE_CATEGORIES = words(
    "ballistic cruise hypersonic short_range medium_range intermediate_range intercontinental "
    "nuclear_capable anti_ship air_defence loitering_munition rocket_artillery glide_vehicle "
    "submarine_launched"
)
MISSILE_KINDS = {"missile", "system", "launcher", "drone", "torpedo", "rocket"}
MISSILES_REQUIRED = words(
    "oreshnik zircon kinzhal iskander_m kalibr sarmat avangard burevestnik poseidon yars bulava "
    "kh101 kh22 kh32 kh59 onyx tochka_u s300 s400 s500 9m729 atacms prsm gmlrs himars tomahawk "
    "patriot sm3 sm6 nasams minuteman_iii sentinel trident_ii dark_eagle jassm javelin stinger "
    "harpoon typhon storm_shadow asmp_a m51 aster samp_t exocet mdcn taurus iris_t neptune hrim_2 "
    "shahed_136 geran_2 fattah kheibar_shekan emad sejjil khorramshahr fateh_110 zolfaghar kn_23 "
    "hwasong_12 hwasong_15 hwasong_17 hwasong_18 hwasong_19 pukguksong df_17 df_21d df_26 df_41 jl_2 "
    "jl_3 yj_21 arrow davids_sling iron_dome jericho agni_v brahmos prithvi shaheen ghauri babur "
    "tayfun bora hyunmoo"
)


def missiles() -> list[dict[str, Any]]:
    return load("missiles")["entries"]


def test_missile_categories() -> None:
    cats = load("missiles")["categories"]
    ids = [c["id"] for c in cats]
    assert len(ids) == len(set(ids))
    assert set(ids) >= MISSILE_CATEGORIES, sorted(MISSILE_CATEGORIES - set(ids))
    owner: dict[str, str] = {}
    for c in cats:
        assert c["label_en"] and c["label_fr"], c["id"]
        for f in ("patterns_fr", "patterns_en"):
            assert_strings(c[f], f"{c['id']}.{f}")
            assert c[f], f"{c['id']}: no {f}"
            for p in c[f]:
                assert owner.setdefault(norm(p), c["id"]) == c["id"], f"{p!r} in two categories"


def test_missile_entries() -> None:
    entries = missiles()
    ids = [e["id"] for e in entries]
    assert len(ids) == len(set(ids))
    assert len(ids) >= 70
    assert not MISSILES_REQUIRED - set(ids), sorted(MISSILES_REQUIRED - set(ids))
    cats = {c["id"] for c in load("missiles")["categories"]}
    cids = country_ids()
    for e in entries:
        where = f"missiles/{e['id']}"
        assert re.fullmatch(r"[a-z0-9_]+", e["id"]), where
        assert e["label_en"] and e["label_fr"], where
        assert e["kind"] in MISSILE_KINDS, where
        assert e["country"] in cids, where
        assert set(e.get("co_countries", [])) <= cids, where
        assert e["categories"] and set(e["categories"]) <= cats, where
        assert e.get("variant_of") is None or e["variant_of"] in ids, where
        assert e["wikidata"] is None or re.fullmatch(r"Q[1-9]\d*", e["wikidata"]), where
        for f in ("aliases", "designations", "ambiguous_aliases"):
            assert_strings(e[f], f"{where}.{f}")
        forms = e["aliases"] + e["designations"]
        assert_no_dupes(forms, where)
        exact = {e["label_en"], e["label_fr"], *forms}
        for a in e["ambiguous_aliases"]:
            assert a in exact, f"{where}: ambiguous alias {a!r} is not written as one of its aliases"
    marks = {e["id"]: {norm(x) for x in e["ambiguous_aliases"]} for e in entries}
    for form, owners in cross_entry_conflicts(entries, ("aliases", "designations")).items():
        for mid in owners:
            assert form in marks[mid], (
                f"{form!r} maps to {sorted(owners)} but is not marked ambiguous in {mid}"
            )


@pytest.mark.parametrize(
    ("mid", "forms"),
    [
        ("oreshnik", ["Oreshnik", "Orechnik", "Orešnik"]),
        ("zircon", ["Zircon", "Tsirkon", "Zirkon", "3M22"]),
        ("kinzhal", ["Kinzhal", "Kinjal", "Kh-47M2"]),
        ("iskander_m", ["Iskander", "Iskander-M", "9M723"]),
        ("kalibr", ["Kalibr", "3M-14"]),
        ("sarmat", ["Sarmat", "RS-28", "Satan 2"]),
        ("onyx", ["Onyx", "Oniks", "P-800"]),
        ("9m729", ["9M729", "SSC-8"]),
        ("storm_shadow", ["Storm Shadow", "SCALP-EG"]),
        ("taurus", ["Taurus", "KEPD 350"]),
        ("neptune", ["Neptune", "Neptun"]),
        ("hrim_2", ["Hrim-2", "Sapsan"]),
        ("geran_2", ["Geran-2"]),
        ("kn_23", ["KN-23", "Hwasong-11"]),
        ("sentinel", ["Sentinel", "LGM-35A"]),
        ("dark_eagle", ["Dark Eagle", "LRHW"]),
    ],
)
def test_missile_forms(mid: str, forms: list[str]) -> None:
    entry = next(e for e in missiles() if e["id"] == mid)
    own = {norm(x) for x in entry["aliases"] + entry["designations"]}
    for form in forms:
        assert norm(form) in own, f"{mid} lacks {form!r}"


def test_missile_ambiguity_and_categories() -> None:
    by_id = {e["id"]: e for e in missiles()}
    for mid in ("patriot", "taurus", "typhon", "neptune"):
        assert by_id[mid]["ambiguous_aliases"], mid
    for mid in (
        "patriot",
        "s300",
        "s400",
        "s500",
        "sm3",
        "nasams",
        "iron_dome",
        "arrow",
        "davids_sling",
        "aster",
        "samp_t",
        "iris_t",
        "thaad",
    ):
        assert "air_defence" in by_id[mid]["categories"], mid
    assert by_id["geran_2"]["variant_of"] == "shahed_136"
    assert by_id["himars"]["kind"] == "launcher"


# ----------------------------------------------------------------- treaties

EVENT_KINDS = {
    "signature",
    "ratification",
    "entry_into_force",
    "suspension",
    "withdrawal",
    "expiry",
    "deratification",
}
TREATIES_REQUIRED = words(
    "new_start start_i start_ii sort salt_i salt_ii inf abm ctbt ptbt npt tpnw open_skies cfe cwc "
    "bwc ottawa ccm outer_space att jcpoa budapest_memorandum vienna_document"
)


def treaties() -> list[dict[str, Any]]:
    return load("treaties")["entries"]


TREATY_FORMS = ("acronyms", "aliases_fr", "aliases_en")


def test_treaty_categories() -> None:
    cats = load("treaties")["categories"]
    ids = [c["id"] for c in cats]
    assert len(ids) == len(set(ids))
    assert "nuclear_arms_limitation" in ids
    alias_forms = {norm(x) for t in treaties() for f in TREATY_FORMS for x in t[f]}
    owner: dict[str, str] = {}
    for c in cats:
        assert c["label_en"] and c["label_fr"] and c["descriptors_fr"], c["id"]
        for f in ("descriptors_fr", "descriptors_en"):
            assert_strings(c[f], f"{c['id']}.{f}")
            for d in c[f]:
                key = norm(d)
                assert owner.setdefault(key, c["id"]) == c["id"], f"descriptor {d!r} in two categories"
                assert key not in alias_forms, f"descriptor {d!r} is also a treaty alias"


def test_treaty_entries() -> None:
    entries = treaties()
    ids = [t["id"] for t in entries]
    assert len(ids) == len(set(ids))
    assert not TREATIES_REQUIRED - set(ids), sorted(TREATIES_REQUIRED - set(ids))
    cats = {c["id"] for c in load("treaties")["categories"]}
    cids = country_ids()
    for t in entries:
        where = f"treaties/{t['id']}"
        assert re.fullmatch(r"[a-z0-9_]+", t["id"]), where
        assert t["label_en"] and t["label_fr"] and t["instrument"], where
        assert t["category"] in cats, where
        assert isinstance(t["bilateral"], bool) and isinstance(t["parties_complete"], bool), where
        assert set(t["parties"]) <= cids, f"{where}: unknown party"
        assert set(t.get("original_parties", [])) <= cids, f"{where}: unknown original party"
        if t["bilateral"]:
            assert len(t["parties"]) >= 2, where
        if len(t["parties"]) == 2:
            assert t["bilateral"], f"{where}: two parties listed but not bilateral"
        if t["bilateral"] and any(e["kind"] == "withdrawal" for e in t["events"]):
            # a withdrawal ends a bilateral treaty; consumers may infer bilaterality from two parties
            assert len(t["parties"]) == 2, where
        forms = [x for f in TREATY_FORMS for x in t[f]]
        for f in TREATY_FORMS:
            assert_strings(t[f], f"{where}.{f}")
        assert forms, where
        assert_no_dupes(forms, where)
        own = {norm(x) for x in forms}
        for key in ("ambiguous_aliases", "case_sensitive"):
            for a in t.get(key, []):
                assert norm(a) in own, f"{where}.{key}: {a!r}"
        firsts: dict[str, date] = {}
        for ev in t["events"]:
            assert ev["kind"] in EVENT_KINDS, where
            d = parse_date(ev["date"])
            assert date(1900, 1, 1) <= d <= date(2030, 12, 31), where
            firsts.setdefault(ev["kind"], d)
            if "party" in ev:
                assert ev["party"] in cids, where
                if t["parties_complete"]:
                    assert ev["party"] in t["parties"], f"{where}: event party not among parties"
            if "announced" in ev:
                assert parse_date(ev["announced"]) <= d, where
        if "signature" in firsts and "entry_into_force" in firsts:
            assert firsts["signature"] <= firsts["entry_into_force"], where
    marks = {t["id"]: {norm(x) for x in t["ambiguous_aliases"]} for t in entries}
    for form, owners in cross_entry_conflicts(entries, TREATY_FORMS).items():
        for tid in owners:
            assert form in marks[tid], (
                f"{form!r} maps to {sorted(owners)} but is not marked ambiguous in {tid}"
            )


def event(tid: str, kind: str, party: str | None = None) -> str:
    t = next(x for x in treaties() if x["id"] == tid)
    hits = [
        e["date"] for e in t["events"] if e["kind"] == kind and (party is None or e.get("party") == party)
    ]
    assert len(hits) == 1, (tid, kind, party, hits)
    return hits[0]


def test_treaty_key_dates() -> None:
    assert event("new_start", "signature") == "2010-04-08"
    assert event("new_start", "entry_into_force") == "2011-02-05"
    assert event("new_start", "suspension", "RU") == "2023-02-21"
    assert event("new_start", "expiry") == "2026-02-05"
    assert event("abm", "withdrawal", "US") == "2002-06-13"
    assert event("inf", "withdrawal", "US") == "2019-08-02"
    assert event("open_skies", "withdrawal", "US") == "2020-11-22"
    assert event("open_skies", "withdrawal", "RU") == "2021-12-18"
    assert event("cfe", "withdrawal", "RU") == "2023-11-07"
    assert event("ctbt", "deratification", "RU") == "2023-11-02"
    assert event("jcpoa", "withdrawal", "US") == "2018-05-08"
    budapest = next(t for t in treaties() if t["id"] == "budapest_memorandum")
    assert budapest["instrument"] == "memorandum"


@pytest.mark.parametrize(
    ("tid", "forms"),
    [
        ("inf", ["FNI", "traité sur les forces nucléaires à portée intermédiaire"]),
        ("ctbt", ["TICE"]),
        ("npt", ["TNP"]),
        ("tpnw", ["TIAN"]),
        ("cfe", ["FCE"]),
        ("open_skies", ["traité Ciel ouvert"]),
        ("jcpoa", ["PAGC", "accord sur le nucléaire iranien"]),
        ("new_start", ["New START", "START III", "Nouveau START"]),
    ],
)
def test_treaty_forms(tid: str, forms: list[str]) -> None:
    t = next(x for x in treaties() if x["id"] == tid)
    own = {norm(x) for f in TREATY_FORMS for x in t[f]}
    for form in forms:
        assert norm(form) in own, f"{tid} lacks {form!r}"


def ended(t: dict[str, Any]) -> date | None:
    """When a treaty stopped being in force: expiry, or a party's withdrawal from a bilateral treaty."""
    ends = [
        parse_date(e["date"])
        for e in t["events"]
        if e["kind"] == "expiry" or (t["bilateral"] and e["kind"] == "withdrawal")
    ]
    return min(ends) if ends else None


def in_force(t: dict[str, Any], on: date) -> bool:
    starts = [parse_date(e["date"]) for e in t["events"] if e["kind"] == "entry_into_force"]
    end = ended(t)
    return bool(starts) and starts[0] <= on and (end is None or on < end)


def latest_of_category(category: str, on: date) -> str:
    """What 'le dernier traité de <category>' resolves to: in force on that date, else the last ended."""
    pool = [t for t in treaties() if t["category"] == category]
    live = [t for t in pool if in_force(t, on)]
    if live:
        return max(
            live,
            key=lambda t: parse_date(next(e["date"] for e in t["events"] if e["kind"] == "entry_into_force")),
        )["id"]
    past = [t for t in pool if ended(t) and ended(t) <= on]
    return max(past, key=ended)["id"]


def test_category_resolution_by_date() -> None:
    assert latest_of_category("nuclear_arms_limitation", date(2024, 6, 1)) == "new_start"
    assert latest_of_category("nuclear_arms_limitation", date(2026, 3, 1)) == "new_start"
    assert latest_of_category("nuclear_arms_limitation", date(2007, 1, 1)) == "sort"
    assert latest_of_category("intermediate_range_missiles", date(2021, 1, 1)) == "inf"


# ----------------------------------------------------------------- titles


def test_titles() -> None:
    data = load("titles")
    for key in (
        "ranks_fr",
        "ranks_en",
        "civil_fr",
        "civil_en",
        "name_particles",
        "name_suffixes",
        "reporting_words_fr",
    ):
        assert data[key], key
    for key, values in data.items():
        if key == "version":
            continue
        assert_strings(values, f"titles.{key}")
        if key in ("name_particles", "name_suffixes"):
            assert len(values) == len(set(values)), key
        else:
            assert_no_dupes(values, f"titles.{key}")
    for needed in (
        "général",
        "général d'armée",
        "lieutenant-général",
        "amiral",
        "vice-amiral",
        "contre-amiral",
        "maréchal",
        "colonel",
    ):
        assert needed in data["ranks_fr"], needed
    for needed in ("M.", "Mme", "Dr"):
        assert needed in data["civil_fr"], needed
    assert "porte-parole" in data["reporting_words_fr"]
