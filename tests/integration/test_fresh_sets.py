"""The fresh sets (tests/fixtures/fresh-*) scored with ``kg eval`` against their answer keys.

Short French articles written for issue 9 in our own words, each answer key written before kg was run on
its set, so that they measure how the rules generalise rather than what they were shaped on:

* ``fresh-fcalls``: 23 articles on calls in the wordings of wire copy, regional papers, state-media
  releases and a live ticker; several calls reported twice (another spelling, one report undated, one a
  day apart).
* ``fresh-fposts``: 19 articles on appointments, reshuffles and officials named with their posts.
* ``fresh-mixed``: 14 articles in styles the first two lacked (a ticker, TASS/Xinhua/IRNA/VNA releases,
  a defence-trade paragraph, an opinion piece, a meeting, a refused and a planned call, "prend ses
  fonctions", "assure l'intérim", "remplacé au pied levé" as a trap).
* ``fresh-wire``: 15 articles in styles the others lacked (Xinhua's "les deux parties ont eu des
  échanges approfondis", "a reçu un appel téléphonique de", "à la demande de la partie omanaise", live
  tickers under a day heading, a three-way video conference communiqué, calls told as nouns, a call in
  two spellings, and traps: meetings, plans, refused and declined calls, "appeler X à", "selon X").
* ``fresh-voices``: 14 articles of quoted first-person posts (X, Telegram), translated readouts, "se sont
  parlé" with and without a phone word, calls in passing, listed calls, night and weekend dates, and traps
  (promised calls, unanswered calls, press interviews by phone, a hotline).
* ``fresh-echoes``: 16 articles telling nine calls through one to three outlets each, in other spellings
  (Zelensky / Zelenskyy, Choïgou / Shoigu, Araghchi / Araqchi, MBS), with next-day and undated reports,
  an initiator one report gives, two calls of one pair a week apart, two Kims, "l'Alliance" for NATO.
* ``fresh-cabinet``: 14 articles on reshuffles, decrees, cumulated posts, successions and future starts in
  governments of Africa, Asia, the Americas and Europe, with traps ("pressenti", "ambitionne de devenir", a
  president's brother, a blocked nomination, "s'il devenait ministre").
* ``fresh-english``: 9 English articles (wire copy, a State Department-style readout, "held a video
  teleconference", "received a phone call from", "at the Japanese side's request", one call told
  twice, two calls in one sentence, and traps: a meeting, a hoped-for call, a denied contact),
  scored on their own language.
* ``fresh-english2``: 8 more English articles written after the English reading was built on the first
  set, to measure it on constructions it was not shaped on ("had a telephonic conversation", "A told B
  in a phone call", "He later called", "his U.S. counterpart", "called on allies to" as a trap).
* ``fresh-english3``: 8 English articles in the styles of other outlets (Indian, Korean and Gulf papers, a
  "Secretary of War" readout, a Reuters dateline), with a report's own date beside the call's, a later
  sentence about "the call" giving its day and who asked for it, "earlier the same day", and traps.
* ``fresh-names``, ``fresh-titles``, ``fresh-digest`` (round 5): officials' names of the whole world
  (African, Hispanic double surnames, royalty, Asian order, wrapped wire copy, places named after people);
  posts in state-media and protocol titles, feminine forms, relative clauses and term bounds; calls in
  round-ups, subordinate and nominal clauses, clefts, passive views, successive callees and denials.
* ``fresh-blind``: the lead's held-out set of round 5 (11 dispatches in the commonest constructions), and
  ``fresh-probe``, six more written after the round's merges; ``fresh-probe2``, ``fresh-probe3`` (ten
  dispatches each) and ``fresh-probe4`` (four long articles in the noise of real copy), written by the lead
  during round 6 and kept from its helpers.
* ``fresh-feature``, ``fresh-acting``, ``fresh-english4`` (round 6): nine long articles where most sentences
  are not facts (analysis, live blog, interview, state media, foreign French-language outlets); interim,
  deputy, spokesperson and ranked military posts with official-style nominations; English copy of wires,
  Pentagon and State Department readouts and Asian and British outlets.
* ``fresh-arms``: 8 French articles on missile systems and arms-control treaties, which the others barely
  exercise (a launch named a day later, a parade, a combined strike, a suspension and a de-ratification,
  withdrawals from two conventions, traps: a space launcher, the Élysée Treaty).
* ``fresh-probe21`` to ``-38``, ``fresh-english5`` and ``-6`` (rounds 9 and 10): the lead's held-out probes,
  each key written and committed before kg first ran on it, its first-contact figures in its ``_about``;
  ``fresh-posts9a`` and ``-9b`` (round 9), helpers' probes on posts.

The floors sit a little below the figures reached (given beside each), so a regression fails here while
the sets stay a fair measure; precision has floors of its own, since a post given to the wrong person or a
meeting taken for a call is worse than a miss.  The rules were checked on other sentences
(tests/cases, the unit tests of each rule module).
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from kg.evaluate import evaluate
from tests.conftest import FIXTURES

pytestmark = pytest.mark.model


@dataclass(frozen=True)
class Floors:
    articles: int
    calls_precision: float
    calls_f1: float
    holdings_precision: float
    holdings_f1: float
    people_f1: float = 0.97
    merged_found: int = 0
    merged_dated: int = 0
    initiators: int = 0
    lang: str = "fr"
    missiles_f1: float = 0.0
    treaties_f1: float = 0.0


SETS = {
    # reached: calls 1.0; holdings 0.964; people 1.0; merged 23/23 found, 23/23 dated, initiators 14/14
    "fresh-fcalls": Floors(23, 0.95, 0.95, 0.9, 0.94, merged_found=21, merged_dated=21, initiators=13),
    # reached: holdings 0.94 (0.511 before the post rules were reworked); people 1.0; calls 1.0
    "fresh-fposts": Floors(19, 0.9, 0.95, 0.9, 0.9),
    # reached: calls 1.0; holdings 1.0; people 1.0; merged 9/9 found and dated, initiators 4/4
    "fresh-mixed": Floors(14, 0.95, 0.9, 0.95, 0.95, merged_found=8, merged_dated=8, initiators=3),
    # reached: calls 1.0 (0.833 first); holdings 0.981; people 1.0; merged 17/17 found and dated, initiators 10/10
    "fresh-wire": Floors(15, 0.9, 0.95, 0.9, 0.94, merged_found=16, merged_dated=16, initiators=9),
    # reached: calls 1.0 (0.865 first), precision 1.0; holdings 0.943 (P 0.976); merged 18/20 (8/20 first)
    "fresh-voices": Floors(14, 0.95, 0.95, 0.93, 0.92, merged_found=17, merged_dated=17),
    # reached: calls 0.968 (0.867 first), precision 1.0; holdings 0.93 (P 0.892: the four spurious are two
    # crown princes and two NATO Secretaries General, which the scorer has no role class for); people 1.0
    # with no split; merged 9/9 found and dated, initiators 5/5
    "fresh-echoes": Floors(16, 0.95, 0.95, 0.87, 0.91, merged_found=9, merged_dated=9, initiators=5),
    # reached: holdings 0.986 (0.689 first); people 0.993 (0.947 before the round-5 names work); calls 1.0
    "fresh-cabinet": Floors(14, 0.95, 0.95, 0.93, 0.95, people_f1=0.97),
    # reached: calls 1.0 (0.571 first); holdings 1.0 (0.837 first); people 1.0; merged 9/9 found (0/9
    # first), 7/7 dated, initiators 2/3
    "fresh-english": Floors(9, 0.95, 0.95, 0.95, 0.95, merged_found=9, merged_dated=7, initiators=2, lang="en"),
    # reached: missiles 0.96 (0.917 first: an ambiguous name closing a list was left out; the one spurious is
    # Geran-2, which the lexicon keeps as a variant of Shahed-136 and the key as the same system); treaties 1.0
    "fresh-arms": Floors(8, 0.0, 0.0, 0.0, 0.0, missiles_f1=0.95, treaties_f1=0.95),
    # reached: calls 1.0 (0.857 first); holdings 0.974 (0.919 first; the one spurious is NATO's Secretary
    # General, which the scorer has no role class for); merged 8/8 (6/8 first), 7/7 dated, initiators 1/1
    "fresh-english2": Floors(8, 0.95, 0.95, 0.9, 0.95, merged_found=8, merged_dated=7, initiators=1, lang="en"),
    # written by the lead, first score: calls 1.0, holdings 0.903, people 0.97, merged 8/8 found, 6/8 dated,
    # initiators 0/1; reached: holdings 0.97 (the one spurious: NATO's Secretary General), people 1.0 (0.97
    # while "He" was taken for a name), 8/8 dated, initiators 1/1
    "fresh-english3": Floors(8, 0.95, 0.95, 0.9, 0.93, people_f1=0.97, merged_found=8, merged_dated=8,
                             initiators=1, lang="en"),
    # reached: calls 1.0 (0.895 first); holdings 0.955 (0.894 first); people 1.0 with no split (5 people split
    # in two first); merged 10/10 found and dated, initiators 8/8
    "fresh-relay": Floors(16, 0.95, 0.95, 0.92, 0.93, merged_found=9, merged_dated=9, initiators=7),
    # held-out sets written by the lead and kept from the helpers: first scores calls 0.957 / 0.875,
    # holdings 0.946 / 0.926, merged 9/11 / 4/8; reached: calls 1.0 / 0.941 (precision 1.0),
    # holdings 0.974 / 0.945, people 1.0, merged 11/11 / 7/8
    "fresh-plain": Floors(15, 0.95, 0.95, 0.93, 0.95, merged_found=10, merged_dated=9, initiators=4),
    "fresh-long": Floors(6, 0.95, 0.9, 0.93, 0.92, merged_found=7, merged_dated=7, initiators=5),
    # the lead's third held-out set (round 5), first score calls 0.87 (P 1.0), holdings 0.941 (P 1.0), merged
    # 9/12, unchanged by the round's three helpers; reached after its classes were fixed: calls 1.0, holdings
    # 1.0, merged 12/12 ('la veille' of an announcement dated last)
    "fresh-blind": Floors(11, 0.95, 0.95, 0.95, 0.95, merged_found=11, merged_dated=11, initiators=3),
    # the lead's probe after the round-5 merges, first score calls 0.909 (P 1.0), holdings 0.96 (one spurious:
    # an adviser's post the scorer reads as a foreign minister's), merged 4/6 found and dated, and one wrong
    # fact (a president's term ended by "qui l'a remercié"); reached calls 1.0, merged 6/6 dated
    "fresh-probe": Floors(6, 0.95, 0.95, 0.9, 0.93, merged_found=6, merged_dated=6, initiators=1),
    # the lead's probes of round 6, written while the helpers worked and kept from them. probe2 (10 dispatches):
    # first calls 0.889, holdings 0.889, merged 8/9 (a handover told in an incise); reached 1.0, 1.0, 9/9.
    # probe3 (10 dispatches): first calls 0.875 against the corrected key (a call inside a quote, role nouns
    # named in the next sentence), holdings 0.979; reached 1.0, 1.0. probe4 (4 long articles): first calls
    # 1.0, holdings 0.923, people 0.979; reached holdings 0.976 (0.95 until a fronted 'Côté américain' gave an
    # envoy's country), people 1.0
    # round 6's helpers' sets. fresh-feature (9 long articles): first calls 0.923, holdings 0.921, merged 15/20;
    # reached calls 1.0 (P 1.0), holdings 0.921 (P 0.98), people 0.987, merged 18/19 found and dated,
    # initiators 4/4. fresh-acting (14, interim, deputy, spokesperson and ranked posts): first holdings 0.837,
    # reached 0.972 (P 0.986), people 0.98. fresh-english4 (14 English articles of other outlets): first calls
    # 0.788, holdings 0.808, merged 11/16; reached calls 0.97, holdings 0.917 (both P 1.0), people 0.992,
    # merged 15/16 found and dated, initiators 4/4
    "fresh-feature": Floors(9, 0.95, 0.95, 0.95, 0.9, merged_found=17, merged_dated=17, initiators=4),
    "fresh-acting": Floors(14, 0.0, 0.0, 0.95, 0.95, people_f1=0.97),
    "fresh-english4": Floors(14, 0.95, 0.95, 0.95, 0.9, merged_found=14, merged_dated=14, initiators=4,
                             lang="en"),
    # round 7. The lead's probes, written while the helpers worked and kept from them: probe5 first calls 0.778
    # (P 0.875), holdings 0.935 against the corrected key, merged 7/10; reached calls 1.0, holdings 0.952 (P 1.0),
    # merged 10/10. probe6 first calls 0.875 (P 1.0), holdings 0.87, merged 6/9; reached 1.0, 0.96, 9/9.
    # The helpers' sets: fresh-worldcalls first calls 0.944 (P 0.895), holdings 0.982, merged 16/16; reached calls
    # 0.971 (P 0.944), holdings 0.991. fresh-worldposts first holdings 0.878; reached 0.943 (0.955 before the
    # lead dropped 'numéro deux du gouvernement' as a deputy premiership, which the text does not name)
    "fresh-probe5": Floors(10, 0.95, 0.95, 0.95, 0.93, merged_found=10, merged_dated=10, initiators=3),
    "fresh-probe6": Floors(10, 0.95, 0.95, 0.95, 0.93, merged_found=9, merged_dated=9, initiators=3),
    # probe7, written after the round's merges: first calls 0.8 (P 0.857), holdings 1.0, merged 6/8; reached
    # calls 0.875 in round 7, 1.0 in round 8 (the third participant, 'y participait également', is now read)
    "fresh-probe7": Floors(10, 0.95, 0.95, 0.95, 0.95, merged_found=8, merged_dated=8, initiators=2),
    # round 8: the lead's probes, each key written before kg ran on it (first contact, then reached):
    # probe8 calls 1.0 / 1.0, holdings 0.88 / 0.981; probe9 1.0 / 1.0, 0.979 / 0.979; probe10 0.6 / 1.0,
    # 0.938 / 1.0; probe11 0.615 / 1.0, 0.971 / 0.971; probe12 missiles and treaties 1.0 / 1.0; probe13 0.933 /
    # 1.0, 0.9 / 1.0; probe14 0.909 / 1.0, 1.0; probe15 holdings 0.812 / 0.938; probe16 0.4 / 1.0, 0.941;
    # probe17 0.727 / 1.0; probe18 holdings 0.8 / 1.0 (initiators 0/2 / 2/2); probe19 holdings 0.778 / 1.0
    "fresh-probe8": Floors(11, 0.95, 0.95, 0.95, 0.95, merged_found=9, merged_dated=9, initiators=4),
    "fresh-probe9": Floors(6, 0.95, 0.95, 0.95, 0.95, merged_found=10, merged_dated=9, initiators=2),
    "fresh-probe10": Floors(6, 0.95, 0.95, 0.95, 0.95, merged_found=6, merged_dated=4, initiators=4),
    "fresh-probe11": Floors(6, 0.95, 0.95, 0.95, 0.95, merged_found=7, merged_dated=7, initiators=2),
    "fresh-probe12": Floors(5, 0.0, 0.0, 0.95, 0.95, missiles_f1=0.95, treaties_f1=0.95),
    "fresh-probe13": Floors(6, 0.95, 0.95, 0.95, 0.95, merged_found=7, merged_dated=6, initiators=2),
    "fresh-probe14": Floors(6, 0.95, 0.95, 0.95, 0.95, merged_found=3, merged_dated=3, initiators=3),
    "fresh-probe15": Floors(5, 0.0, 0.0, 0.9, 0.9),
    "fresh-probe16": Floors(4, 0.95, 0.95, 0.85, 0.9, merged_found=3, merged_dated=3),
    "fresh-probe17": Floors(5, 0.95, 0.95, 0.95, 0.95, merged_found=5, merged_dated=3, initiators=2),
    "fresh-probe18": Floors(5, 0.95, 0.95, 0.95, 0.95, merged_found=3, merged_dated=3, initiators=2),
    "fresh-probe19": Floors(4, 0.95, 0.95, 0.95, 0.95, merged_found=4, merged_dated=4, initiators=1),
    "fresh-probe20": Floors(5, 0.95, 0.95, 0.95, 0.95, merged_found=8, merged_dated=8),
    # the helper's set of round 8 (portraits, careers, who's who): first holdings 0.726 (P 0.932), reached 0.923
    # (P 0.983), people 1.0
    "fresh-profiles": Floors(14, 0.0, 0.0, 0.95, 0.9),
    # round 9, helper posts9's held-out probes on posts (keys written before kg ran on them): fresh-posts9a
    # (decrees, resignations with successors, interims, clefts, copulas, seats, bracketed countries) first
    # holdings 0.738 (P 0.96), reached 0.974 (P 1.0); fresh-posts9b (a caption, an interview intro, former
    # holders, a gapped list, 'remplacé à la tête de … par', 'confié par intérim à la ministre de …') first
    # 0.824 (P 1.0), reached 0.947 (P 1.0), people 0.982 (a caption line is page furniture to kg.corpus)
    "fresh-posts9a": Floors(8, 0.0, 0.0, 0.95, 0.95),
    "fresh-posts9b": Floors(8, 0.0, 0.0, 0.95, 0.92, people_f1=0.97),
    # round 10, helper posts10's held-out probes on posts (keys written before kg ran on them): fresh-posts10a
    # (two long analyses with many people, a cabinet list 'X à la Défense, Y aux …', a post in the speaker's
    # quote, 'son successeur à la tête de … : X', 'le poste de M. X', a cataphoric 'Le chancelier') first
    # holdings 0.771 (P 0.974, after four key labels corrected), reached 0.927 (P 0.981); fresh-posts10b
    # (Cabinet des ministres, a decree list with semicolons, coordinated fronted titles, 'dont X' after a
    # plural post, a long piece on Peru's defence ministers) first 0.725 (P 0.862), reached 0.923 (P 0.947)
    "fresh-posts10a": Floors(7, 0.0, 0.0, 0.95, 0.9, people_f1=0.97),
    "fresh-posts10b": Floors(6, 0.0, 0.0, 0.92, 0.9, people_f1=0.97),
    # round 11, helper posts11's held-out probe on posts (key written before kg ran on it): fresh-posts11a (US
    # posts in translated-wire style, a future successor, 'Après X et Y, Z est le troisième ministre', a headline
    # and a caption line, Gulf double portfolios, 'une fonction qui fait de lui le porte-parole', a Senegalese
    # decree with an interim, 'a remplacé en février X à la tête du ministère kazakh de la Défense', 'Sultan' as
    # a given name) first holdings 0.741 (P 0.952, after one key label corrected), reached 0.842 (P 1.0)
    "fresh-posts11a": Floors(7, 0.0, 0.0, 0.97, 0.82, people_f1=0.97),
    # fresh-posts11b (written after -11a's fixes: officials changing post within a piece, 'X, chef du
    # gouvernement pendant plus de cinq ans, a été investi … ministre de la Défense', joint chiefs, an army chief
    # 'a pris le commandement de', an interview intro, spokespeople) first 0.821 (P 0.941), reached 0.872 (P 1.0)
    "fresh-posts11b": Floors(5, 0.0, 0.0, 0.97, 0.85, people_f1=0.97),
    # round 12, helper posts12's held-out probes on posts (keys written before kg ran on them): fresh-posts12a
    # (a Chadian 'Voici la composition' list of 'Poste : Nom' lines, an Armenian headline role noun, 'son bras
    # droit', a Korean navy chief designated to succeed later, an Algerian obituary with 'de 1994 à 2004', Gulf
    # deputy premiers and 'assure le portefeuille', a Bolivian army commander, a Serbian caption) first holdings
    # 0.854 (P 0.95), reached 0.98 (P 0.98); fresh-posts12b (an interview, a Niger decree, an Albanian swap, an
    # Indonesian 'son chef d'état-major' of the navy, Sudan's council, a Pakistani obituary, a Beijing
    # spokesperson) first 0.723 (P 0.895), reached 0.88 (P 1.0)
    "fresh-posts12a": Floors(8, 0.0, 0.0, 0.95, 0.95, people_f1=0.97),
    "fresh-posts12b": Floors(7, 0.0, 0.0, 0.97, 0.85, people_f1=0.97),
    # round 13, helper posts13's held-out probes on posts (keys written before kg ran on them): fresh-posts13a (a
    # Sahel summit without accents or date, 'qui dirige le Mali', delegations 'accompagné du …', 'a hérité du
    # portefeuille', a Colombian 'Pedro Sánchez', 'qui est à la tête du commandement indo-pacifique', Czech posts
    # between dashes and in brackets, 'chef d'état-major de l'armée tchèque', Gulf 'Abdallah …' names, a Nigerian
    # general turned minister, a French portrait with 'L'ancien patron de la marine') first holdings 0.763 (P
    # 0.902), reached 0.935 (P 0.98); fresh-posts13b (written after -13a's fixes: a Kenyan interview 'qui m'a
    # précédée à ce poste', Mexico, a Kazakh delegation after 'Il est accompagné du', 'Le commandant en chef de
    # l'armée thaïlandaise', Lebanon, a long Ukrainian reshuffle 's'appelle', 'Le prédécesseur de X à la
    # Défense, Y', '…, où il a remplacé Y', Central African ministers 'Le Tchad avait dépêché son ministre des
    # Armées') first 0.688 (P 0.815, after three key labels corrected), reached 0.919 (P 0.919: two of its three
    # spurious are posts of no scorer class)
    "fresh-posts13a": Floors(7, 0.0, 0.0, 0.95, 0.9, people_f1=0.97),
    "fresh-posts13b": Floors(7, 0.0, 0.0, 0.9, 0.88, people_f1=0.97),
    # round 14, helper posts14's held-out probes on posts (keys written before kg ran on them): fresh-posts14a (a
    # Haitian paper that never says 'haïtien' for its own posts, 'le chancelier' = Haiti's foreign minister, 'le
    # nouveau chef de la Primature', a Canadian page with 'un portefeuille que détenait X' and 'Première femme à
    # occuper ce poste, elle a succédé', a Maghreb round-up without accents, an Ivorian dateline and a name inside
    # an apposition, a Burkinabè list 'Défense et Anciens combattants : général X ;', Chile, Riyadh) first
    # holdings 0.817 (P 0.94), reached 0.96 (P 1.0); fresh-posts14b (written after -14a's fixes: an inline
    # Senegalese list without accents, Argentina's 'chancelière', Qatar, Malaysia, a Central Asian caption, a long
    # Guinean piece with a nickname incise) first 0.886 (P 1.0), reached 0.974 (P 1.0)
    "fresh-posts14a": Floors(7, 0.0, 0.0, 0.97, 0.93, people_f1=0.97),
    "fresh-posts14b": Floors(6, 0.0, 0.0, 0.97, 0.94, people_f1=0.97),
    # round 9, the lead's held-out probes (keys written before kg ran on them; first contact in each key's
    # _about). First calls / holdings -> reached: probe21 0.778 / 0.884 -> 1.0 / 0.979; probe22 0.7 / 0.938 ->
    # 1.0 / 0.97; probe23 1.0 / 1.0 (first contact); probe24 0.857 / 0.75 -> 1.0 / 1.0; probe25 0.333 / 0.815 ->
    # 0.857 / 0.88; probe26 1.0 / 0.889 -> 1.0 / 0.966; probe27 0.667 / 0.941 -> 1.0 / 0.941; probe28 1.0 / 1.0
    # (merged 6/7 -> 7/7); probe29 0.25 / 0.957 -> 1.0 / 0.957; english5 0.667 / 0.96 -> 0.8 / 0.96
    "fresh-probe21": Floors(8, 0.95, 0.95, 0.93, 0.95, merged_found=9, merged_dated=9, initiators=4),
    "fresh-probe22": Floors(8, 0.95, 0.95, 0.92, 0.95, merged_found=12, merged_dated=12, initiators=3),
    "fresh-probe23": Floors(10, 0.95, 0.95, 0.95, 0.95, merged_found=6, merged_dated=6),
    "fresh-probe24": Floors(4, 0.95, 0.95, 0.95, 0.95, merged_found=4, merged_dated=4, initiators=1),
    "fresh-probe25": Floors(4, 0.95, 0.85, 0.9, 0.85, merged_found=3, merged_dated=3),
    "fresh-probe26": Floors(4, 0.95, 0.95, 0.9, 0.95, merged_found=3, merged_dated=3, initiators=1),
    "fresh-probe27": Floors(3, 0.95, 0.95, 0.85, 0.92, merged_found=7, merged_dated=7),
    "fresh-probe28": Floors(6, 0.95, 0.95, 0.95, 0.95, merged_found=7, merged_dated=7, initiators=1),
    "fresh-probe29": Floors(2, 0.95, 0.95, 0.9, 0.93, merged_found=5, merged_dated=5, initiators=2),
    "fresh-english5": Floors(5, 0.95, 0.95, 0.95, 0.93, merged_found=5, merged_dated=5, initiators=1, lang="en"),
    # round 10, the lead's held-out probes (keys written before kg ran on them; first contact in each key's
    # _about). First calls -> reached: probe30 0.87 -> 1.0; probe31 0.516 -> 1.0 (merged 6/19 -> 19/19);
    # english6 0.875 -> 1.0 (merged 5/8 -> 8/8, initiators 0/3 -> 3/3); probe32 1.0 (merged 3/4 -> 4/4); probe33
    # 0.769 -> 1.0; probe34 0.8 -> 1.0 (merged 5/9 -> 9/9); probe35 1.0 (merged 2/4 -> 4/4); probe36 0.8 -> 1.0;
    # probe37 0.909 (a role noun for one of two subjects left unknown); probe38 0.857 -> 1.0
    "fresh-probe30": Floors(7, 0.95, 0.95, 0.88, 0.93, merged_found=11, merged_dated=11, initiators=6),
    "fresh-probe31": Floors(5, 0.95, 0.95, 0.95, 0.93, merged_found=19, merged_dated=19, initiators=4),
    "fresh-english6": Floors(5, 0.95, 0.95, 0.95, 0.95, merged_found=8, merged_dated=8, initiators=3, lang="en"),
    "fresh-probe32": Floors(5, 0.95, 0.95, 0.95, 0.95, merged_found=4, merged_dated=4, missiles_f1=0.95,
                            treaties_f1=0.95),
    "fresh-probe33": Floors(2, 0.95, 0.95, 0.95, 0.95, merged_found=5, merged_dated=5, initiators=1),
    "fresh-probe34": Floors(6, 0.95, 0.95, 0.95, 0.95, merged_found=9, merged_dated=9, initiators=2),
    "fresh-probe35": Floors(4, 0.95, 0.95, 0.85, 0.92, merged_found=4, merged_dated=4, initiators=2),
    "fresh-probe36": Floors(5, 0.95, 0.95, 0.95, 0.95, merged_found=5, merged_dated=5),
    # round 11: the role noun for one of two subjects ('La présidente de la Commission européenne a ensuite
    # joint par téléphone X') is now read: calls 0.909 -> 1.0, merged 4/5 -> 5/5, initiators 1/2 -> 2/2
    "fresh-probe37": Floors(5, 0.95, 0.95, 0.85, 0.9, merged_found=5, merged_dated=5, initiators=2),
    "fresh-probe38": Floors(4, 0.95, 0.95, 0.95, 0.95, merged_found=4, merged_dated=4, initiators=2),
    # round 10, twelve one-sentence briefs of the commonest constructions: 1.0 everywhere on first contact
    "fresh-probe39": Floors(12, 0.95, 0.95, 0.95, 0.95, merged_found=12, merged_dated=12, initiators=3),
    # round 10, one long analysis written after the round's fixes: calls 0.8 first (a call that 'devait' happen,
    # then postponed), 1.0 after the modal's imperfect joined the non-event cues
    "fresh-probe40": Floors(1, 0.95, 0.95, 0.95, 0.95, merged_found=2, merged_dated=2, initiators=1),
    # round 11 (lead), held out, keys written before kg ran on them; first contact -> reached (shared scorer):
    # six outlets' house styles: calls 0.875 -> 1.0, holdings 0.875 -> 0.962 (P 0.926: two posts without a
    # scorer class), merged 7/7, initiators 3/4 -> 4/4
    "fresh-probe41": Floors(6, 0.95, 0.95, 0.9, 0.93, merged_found=7, merged_dated=7, initiators=4),
    # a Gulf analysis, a week of Ukraine calls, a Seoul dispatch: calls 0.87 -> 1.0, holdings 0.889 -> 0.889,
    # merged 9/11 -> 10/11 (the call told 'ensuite' after a launch 'la veille' stays a range), initiators 1/3 -> 3/3
    "fresh-probe42": Floors(3, 0.95, 0.95, 0.88, 0.86, merged_found=10, merged_dated=10, initiators=3),
    # a long analysis written after the round's fixes: calls 0.667 -> 1.0, holdings 0.909 -> 0.957, dated 2/5 -> 5/5
    "fresh-probe43": Floors(1, 0.95, 0.95, 0.9, 0.93, merged_found=5, merged_dated=5, initiators=2),
    # twelve one-sentence briefs written after the fixes: calls 0.952 -> 1.0, holdings 0.971, merged 10/11 -> 11/11
    "fresh-probe44": Floors(12, 0.95, 0.95, 0.92, 0.95, merged_found=11, merged_dated=11, initiators=3),
    # English copy of five outlets: calls 0.933 (an undated 'productive conversation' with no medium unread),
    # holdings 0.95, merged 5/6 -> 6/6 ('later' in a joint call)
    "fresh-english7": Floors(5, 0.95, 0.9, 0.93, 0.93, merged_found=6, merged_dated=6, initiators=2, lang="en"),
    # round 12 (lead), held out, keys written before kg ran on them; first contact -> reached (shared scorer):
    # six call pieces (a junta leader, a US-China video call, a round of calls, a first-person quote): calls
    # 0.957 -> 1.0, holdings 0.917 -> 0.958 (a combatant command's head 'qui dirige le commandement' unread)
    "fresh-probe45": Floors(6, 0.95, 0.95, 0.9, 0.93, merged_found=9, merged_dated=9, initiators=3),
    # a next-day call by a role noun, a denied and a planned call, a Canadian release: 1.0 on calls at first contact
    "fresh-probe46": Floors(6, 0.95, 0.95, 0.9, 0.93, merged_found=8, merged_dated=8, initiators=3),
    # scraped pages: no publication date, no accents, a date line, glued sentences; a group's video conference
    # taken for a second call at first contact (fixed)
    "fresh-probe47": Floors(6, 0.95, 0.95, 0.88, 0.93, merged_found=3, merged_dated=3, people_f1=0.95),
    # ten ways of dating a call: calls 0.947 -> 1.0, dated 6/8 -> 8/8
    "fresh-probe48": Floors(10, 0.95, 0.95, 0.95, 0.95, merged_found=8, merged_dated=8, initiators=3),
    # role nouns before the names, a three-way video call 'le lendemain': calls 0.909 -> 1.0, holdings 0.9 -> 0.952
    "fresh-probe49": Floors(6, 0.95, 0.95, 0.88, 0.93, merged_found=5, merged_dated=5, initiators=2),
    # noise: two spellings of a name, lower case, no accents, glued sentences: 1.0 on first contact
    "fresh-probe50": Floors(5, 0.95, 0.95, 0.95, 0.95, merged_found=4, merged_dated=4),
    # missile systems and treaties in French spellings: missiles 0.947 -> 1.0, treaties 1.0
    "fresh-probe51": Floors(6, 0.0, 0.0, 0.0, 0.0, missiles_f1=0.95, treaties_f1=0.95),
    # two page openings of real length: calls 0.889 -> 1.0, holdings 0.966 -> 1.0, initiators 0/1 -> 1/1
    "fresh-probe52": Floors(2, 0.95, 0.95, 0.95, 0.95, merged_found=4, merged_dated=4, initiators=1),
    # eight briefs of the commonest constructions written after the round's fixes: 1.0 everywhere on first contact
    "fresh-probe53": Floors(8, 0.95, 0.95, 0.95, 0.95, merged_found=7, merged_dated=7, initiators=2),
    # English official readouts: calls 0.833 -> 1.0, holdings 0.833 -> 1.0, people 0.867 -> 1.0
    "fresh-english8": Floors(6, 0.95, 0.95, 0.95, 0.95, merged_found=4, merged_dated=4, lang="en"),
    # six English outlets: 1.0 everywhere on first contact
    "fresh-english9": Floors(6, 0.95, 0.95, 0.95, 0.95, merged_found=5, merged_dated=5, lang="en"),
    # Australian, Pakistani, Korean, Chinese and British styles: calls 0.8 -> 1.0, holdings 0.7 -> 0.957
    "fresh-english10": Floors(5, 0.95, 0.95, 0.95, 0.93, merged_found=5, merged_dated=5, initiators=3, lang="en"),
    # government readouts (White House, State Department, Japanese and Ukrainian ministries): calls 0.75 -> 1.0
    "fresh-english11": Floors(5, 0.95, 0.95, 0.95, 0.95, merged_found=4, merged_dated=4, lang="en"),
    # agency styles: calls 0.8 -> 1.0 (a name with no model entity, a Korean surname alone: both read in round 13)
    "fresh-english12": Floors(5, 0.95, 0.95, 0.88, 0.93, merged_found=4, merged_dated=4, initiators=1,
                              people_f1=0.95, lang="en"),
    # five wire briefs written after the round's fixes: calls 0.909 -> 1.0 ("New Zealand's" cut by the tokenizer)
    "fresh-english13": Floors(5, 0.95, 0.95, 0.9, 0.93, merged_found=5, merged_dated=5, initiators=1, lang="en"),
    # round 13. six English page openings: calls 0.889 -> 1.0 ('Treasury Secretary X', 'has spoken with')
    "fresh-english14": Floors(6, 0.95, 0.95, 0.9, 0.95, merged_found=5, merged_dated=5, initiators=1, lang="en"),
    # six outlets' page openings: calls 1.0 on first contact; holdings 0.903 -> 0.938 ("Iran's foreign minister")
    "fresh-english15": Floors(6, 0.95, 0.95, 0.85, 0.9, merged_found=7, merged_dated=7, initiators=2, lang="en"),
    # two wire analyses: calls 0.667 -> 1.0 ('Qatar's Emir Sheikh X', 'a day after … received a call from')
    "fresh-english16": Floors(2, 0.95, 0.95, 0.83, 0.9, merged_found=4, merged_dated=4, initiators=2, lang="en"),
    # eight briefs written after the round's fixes: 1.0 everywhere on first contact
    "fresh-english17": Floors(8, 0.95, 0.95, 0.95, 0.95, merged_found=8, merged_dated=8, initiators=2, lang="en"),
    # African and Asian English outlets: calls 0.833 -> 1.0, holdings 0.7 -> 1.0 ('His Highness Sheikh X', CENTCOM)
    "fresh-english18": Floors(6, 0.95, 0.95, 0.95, 0.95, merged_found=6, merged_dated=6, initiators=3, lang="en"),
    # six French page openings (ticker, African, Lebanese, Canadian, Xinhua, Anadolu): 1.0 with the key's mention fixed
    "fresh-probe54": Floors(6, 0.95, 0.95, 0.95, 0.95, merged_found=6, merged_dated=6, initiators=2),
    # two analyses dense with background calls: merged 3/4 -> 4/4, initiators 1/3 -> 3/3
    "fresh-probe55": Floors(2, 0.95, 0.95, 0.88, 0.93, merged_found=4, merged_dated=4, initiators=3),
    # francophone state agencies: 1.0 on first contact, initiators 1/2 -> 2/2 ('un appel de son frère, …')
    "fresh-probe56": Floors(6, 0.95, 0.95, 0.95, 0.95, merged_found=5, merged_dated=5, initiators=2),
    # Central Asian, Caucasian and Balkan calls, written after the round's fixes: 1.0 on first contact
    "fresh-probe57": Floors(6, 0.95, 0.95, 0.95, 0.95, merged_found=6, merged_dated=6, initiators=2),
    # round 14. a month-dated page, a fronted call phrase, denials: calls 0.933 -> 1.0 ('Au cours d'un entretien …,
    # X a proposé': a framed call is no proposal of one), 'le 3 avril' under a 'date 2026-04' header dated
    "fresh-probe58": Floors(6, 0.95, 0.95, 0.95, 0.95, merged_found=8, merged_dated=8, initiators=3),
    # a quoted first person, a periphrastic subject, a three-way video call: calls 1.0 first, holdings 0.929 -> 1.0
    "fresh-probe59": Floors(6, 0.95, 0.95, 0.95, 0.95, merged_found=8, merged_dated=8, initiators=2),
    # ten briefs on new call wordings: calls 0.947 -> 1.0 ('se sont appelés', 'a décroché … pour joindre')
    "fresh-probe60": Floors(10, 0.95, 0.95, 0.95, 0.95, merged_found=10, merged_dated=10, initiators=3),
    # three long pages: calls 0.5 -> 1.0 (a subject the parser lost, 'qui l'a appelé', 'Ce dernier' by gender)
    "fresh-probe61": Floors(3, 0.95, 0.95, 0.9, 0.93, merged_found=4, merged_dated=4, initiators=2),
    # a headline pair with the medium a sentence later, 'à l'issue d'un entretien': calls 0.667 -> 1.0
    "fresh-probe62": Floors(6, 0.95, 0.95, 0.8, 0.88, merged_found=6, merged_dated=6, initiators=2),
    # calls between military chiefs: 1.0 first, initiators 1/2 -> 2/2 ('l'initiative de l'appel revient à')
    "fresh-probe63": Floors(4, 0.95, 0.95, 0.95, 0.95, merged_found=5, merged_dated=5, initiators=2),
    # three long pages: calls 0.923 -> 1.0, dated 5/7 -> 7/7 ('Dans la soirée' after a planned day)
    "fresh-probe64": Floors(3, 0.95, 0.95, 0.95, 0.9, merged_found=7, merged_dated=7),
    # eight briefs on dates: calls 0.933 -> 1.0 ('en l'absence du ministre X' is no party)
    "fresh-probe65": Floors(8, 0.95, 0.95, 0.9, 0.93, merged_found=6, merged_dated=6, initiators=3),
    # Middle East briefs with calls as nouns in frames: calls 0.727 -> 1.0
    "fresh-probe66": Floors(6, 0.95, 0.95, 0.88, 0.93, merged_found=5, merged_dated=5),
    # Asian briefs: calls 0.909 -> 1.0 (a name the tagger made a verb)
    "fresh-probe67": Floors(6, 0.95, 0.95, 0.95, 0.95, merged_found=6, merged_dated=6, initiators=2, missiles_f1=0.95),
    # English: a readout's spokesperson, 'The two leaders last spoke on Oct. 16': calls 0.933 -> 1.0
    "fresh-english19": Floors(6, 0.95, 0.95, 0.9, 0.9, merged_found=8, merged_dated=8, initiators=2, people_f1=0.95,
                              lang="en"),
    # wire pieces: dated 5/7 -> 7/7 ('said on Tuesday he had a call with', 'a day earlier')
    "fresh-english20": Floors(5, 0.95, 0.95, 0.83, 0.9, merged_found=7, merged_dated=7, initiators=2, lang="en"),
    # two long pages: dated 3/4 -> 4/4 ('in late 2023, when …')
    "fresh-english21": Floors(2, 0.95, 0.95, 0.95, 0.95, merged_found=4, merged_dated=4, lang="en"),
    # Asian English outlets: calls 0.727 -> 1.0 ('Datuk Seri')
    "fresh-english22": Floors(6, 0.95, 0.95, 0.95, 0.95, merged_found=5, merged_dated=5, initiators=1, lang="en"),
    # round 15, the lead's held-out probes (keys written before kg ran on them; first contact in each key's
    # _about). Ten briefs: calls 0.947 -> 1.0 (a framing 'Dans un bref échange téléphonique, X a assuré Y')
    "fresh-probe68": Floors(10, 0.95, 0.95, 0.95, 0.95, merged_found=10, merged_dated=10, initiators=4,
                            missiles_f1=0.95),
    # African and Maghreb outlets without accents: 1.0 on first contact
    "fresh-probe69": Floors(6, 0.95, 0.95, 0.95, 0.95, merged_found=5, merged_dated=5, initiators=1),
    # two long pages: calls 0.889 -> 1.0, merged 2/4 -> 4/4 (a group video meeting; a digest's day headings)
    "fresh-probe70": Floors(2, 0.95, 0.95, 0.95, 0.95, merged_found=4, merged_dated=4, initiators=1, missiles_f1=0.95),
    # four long pages: initiators 3/4 -> 4/4 ('c'est X qui avait pris son téléphone pour s'entretenir avec Y');
    # holdings 0.944 (a deputy prime minister told with 'également'; the IAEA chief's post, outside the classes)
    "fresh-probe71": Floors(4, 0.95, 0.95, 0.9, 0.92, merged_found=7, merged_dated=7, initiators=4, missiles_f1=0.95),
    # other outlets' styles: calls 0.933 -> 1.0 ('Je viens de m'entretenir'), initiators 1/2 -> 2/2
    "fresh-probe72": Floors(9, 0.95, 0.95, 0.95, 0.95, merged_found=7, merged_dated=7, initiators=2),
    # reference across sentences: 1.0 on first contact
    "fresh-probe73": Floors(8, 0.95, 0.95, 0.95, 0.95, merged_found=9, merged_dated=9, initiators=4),
    # English wires and readouts: 1.0 on first contact
    "fresh-english23": Floors(7, 0.95, 0.95, 0.95, 0.95, merged_found=6, merged_dated=6, initiators=2, lang="en"),
    # two long English pages: merged 3/4 -> 4/4 ('by phone in March 2025'); holdings and people 0.957 -> 1.0
    # (an admiral after 'Chief of the Defence Force', read by the second helper's wordings)
    "fresh-english24": Floors(2, 0.95, 0.95, 0.95, 0.95, merged_found=4, merged_dated=4, lang="en"),
    # English posts: holdings 0.545 -> 1.0 (appointments, successions, 'who had served as', 'military chief of
    # staff')
    "fresh-english25": Floors(6, 0.0, 0.0, 0.95, 0.95, lang="en"),
    # English outlets' styles: calls 1.0 first; the one spurious holding is a crown prince (no class)
    "fresh-english26": Floors(8, 0.95, 0.95, 0.92, 0.95, merged_found=7, merged_dated=7, initiators=2, lang="en"),
    # English posts: holdings 0.917 -> 1.0 ('ambassador to Washington, X', NATO's 'top military commander')
    "fresh-english27": Floors(6, 0.0, 0.0, 0.95, 0.95, lang="en"),
    # other French-language outlets, written after the round's fixes: calls 1.0 first, merged 6/6 once two key
    # dates were corrected; the spurious post is To Lam's party post (no class); people 0.966 -> 1.0 (a palace)
    "fresh-probe74": Floors(6, 0.95, 0.95, 0.92, 0.93, merged_found=6, merged_dated=6, initiators=4,
                            missiles_f1=0.95),
    # English posts and calls after the round's fixes: calls 1.0 first; holdings 0.966 -> 1.0 ('His successor, X')
    "fresh-english28": Floors(6, 0.95, 0.95, 0.95, 0.95, merged_found=5, merged_dated=5, lang="en"),
    # round 16, the lead's held-out probes (keys written before kg ran on them; first contact in each key's _about)
    # pages in real-page shape: calls 0.923 -> 1.0 (a denied call 'n'a … toujours pas eu lieu', 'théâtre Sud' read
    # as a person); two commanders' posts still missed
    "fresh-probe75": Floors(8, 0.95, 0.95, 0.9, 0.9, merged_found=8, merged_dated=8, initiators=3),
    # call wordings: calls 0.9 -> 1.0 (a subject list's first item), initiators 4/5 -> 5/5 ('à l'origine de')
    "fresh-probe76": Floors(8, 0.95, 0.95, 0.93, 0.95, merged_found=10, merged_dated=10, initiators=5),
    # calls 1.0 first; merged 9/10 -> 10/10 (a frame after an infinitive); holdings 0.88 -> 0.923 (a spokesman)
    "fresh-probe77": Floors(8, 0.95, 0.95, 0.95, 0.9, merged_found=10, merged_dated=10, initiators=2),
    # real-page furniture and regional styles: calls 0.933 -> 1.0 (a name in a call's topic)
    "fresh-probe78": Floors(6, 0.95, 0.95, 0.95, 0.95, people_f1=0.93, merged_found=6, merged_dated=6,
                            initiators=2, missiles_f1=0.95),
    # dates against the publication day: 1.0 on every count first
    "fresh-probe79": Floors(7, 0.95, 0.95, 0.95, 0.95, merged_found=6, merged_dated=6, initiators=1),
    # acts that are no calls: no spurious call first, calls 0.667 -> 1.0 (a role noun past a woman of unknown role,
    # an emphatic 'a, elle, eu'), holdings 0.952 -> 1.0
    "fresh-probe80": Floors(6, 0.95, 0.95, 0.95, 0.95, merged_found=2, merged_dated=2),
    # missiles and treaties: 1.0 once the key listed a drone as the earlier keys do
    "fresh-probe81": Floors(8, 0.0, 0.0, 0.0, 0.0, missiles_f1=0.95, treaties_f1=0.95),
    # English calls: 1.0 first; holdings 0.875 (an Iranian president's counterpart given a premiership; two
    # out-of-class posts)
    "fresh-english29": Floors(7, 0.95, 0.95, 0.8, 0.85, merged_found=8, merged_dated=8, initiators=3, lang="en"),
    # English missiles and treaties: missiles 0.933 -> 1.0 ('declined to provide its Taurus')
    "fresh-english30": Floors(5, 0.0, 0.0, 0.0, 0.0, missiles_f1=0.95, treaties_f1=0.95, lang="en"),
    # round 17, the lead's held-out probes (keys written before kg ran on them; first contact in each key's _about)
    # pages without accents: calls 0.933 -> 1.0 (a misspelt medium), people 0.973 -> 1.0 ('X. Londres')
    "fresh-probe82": Floors(8, 0.95, 0.95, 0.95, 0.95, merged_found=7, merged_dated=7, initiators=2),
    # longer pages, most sentences no facts: 1.0 on calls first; holdings 0.973 (NATO's Secretary General, no class)
    "fresh-probe83": Floors(7, 0.95, 0.95, 0.9, 0.93, merged_found=8, merged_dated=8, initiators=5),
    # headline media, quotes, a spokeswoman: calls 1.0 first; holdings 0.941 -> 1.0 (a plural role noun of two demonyms)
    "fresh-probe84": Floors(8, 0.95, 0.95, 0.95, 0.95, merged_found=9, merged_dated=9, initiators=3),
    # long analysis pages: calls 0.933 -> 1.0 ('Lorsqu'il a décroché, … l'appel de Y'); holdings 0.971 (a crown prince)
    "fresh-probe85": Floors(6, 0.95, 0.95, 0.9, 0.93, merged_found=8, merged_dated=8, initiators=2),
    # headline pairs, fronted media, institutions: 1.0 first; merged dated 6 -> 7 of 8
    "fresh-probe86": Floors(8, 0.95, 0.95, 0.95, 0.95, merged_found=7, merged_dated=7),
    # eight ways to date a call: 1.0 first; merged dated 6 -> 7 of 7 ('Le 20/11'; the key's yearless dateline fixed)
    "fresh-probe87": Floors(8, 0.95, 0.95, 0.95, 0.95, merged_found=7, merged_dated=7, initiators=2),
    # English readouts: calls 0.923 ('spoke with his counterpart', no medium: unknown on purpose); treaties 0.0 -> 1.0
    "fresh-english31": Floors(7, 0.95, 0.9, 0.9, 0.93, merged_found=5, merged_dated=5, initiators=1, lang="en",
                              treaties_f1=0.95),
    # English wire dates: calls 0.923 first and now ('rang X's successor, Y': the callee apposed to a successor noun)
    "fresh-english32": Floors(7, 0.95, 0.9, 0.9, 0.9, merged_found=6, merged_dated=6, initiators=1, lang="en"),
    # round 18, the lead's held-out probes (keys written before kg ran on them; first contact in each key's _about)
    # several calls a page, earlier calls by ordinal or pluperfect: calls 0.957 -> 1.0 ('Un autre appel l'a mis en
    # relation avec Y'); merged dated 8 -> 11 of 11 ('lors du premier, le 17 novembre', 'avait déjà eu X en ligne')
    "fresh-probe88": Floors(8, 0.95, 0.95, 0.95, 0.95, merged_found=11, merged_dated=11, initiators=2),
    # African and Arab state-agency wordings: calls 0.824 -> 1.0 ('puis avec', 'Le conseiller de Donald Trump, X');
    # holdings 0.938 (a spokesman read as an ambassador by his rank)
    "fresh-probe89": Floors(8, 0.95, 0.95, 0.9, 0.9, merged_found=9, merged_dated=9, initiators=2),
    # calls that did not happen beside real ones: calls 0.923 -> 1.0 (a declined proposal of a call);
    # holdings 0.938 -> 1.0 ('les deux présidents' of a past call state their posts)
    "fresh-probe90": Floors(8, 0.95, 0.95, 0.95, 0.95, merged_found=6, merged_dated=6, initiators=1),
    # dates and initiators in other words: calls 1.0 first; merged dated 7 -> 8 ('il y a une semaine jour pour
    # jour'); initiators 3 -> 5 of 5 ('a pris l'initiative d'appeler', 'a répondu à un appel de')
    "fresh-probe91": Floors(8, 0.95, 0.95, 0.9, 0.93, merged_found=8, merged_dated=8, initiators=5),
    # a live page, a first-person quote, calls spelt out after a colon: calls 0.778 -> 1.0
    "fresh-probe92": Floors(8, 0.95, 0.95, 0.9, 0.93, merged_found=11, merged_dated=11, initiators=3),
    # a passive 'joint par', 'la veille' in a relative clause, a fronted medium: calls 0.857 -> 1.0
    "fresh-probe93": Floors(8, 0.95, 0.95, 0.95, 0.9, merged_found=7, merged_dated=7, initiators=3),
    # the commonest ways of telling a call: calls 0.824 -> 1.0 ('ses homologues ukrainien, X, et américain, Y'
    # when a later verb takes the medium, 'Un appel à trois a réuni A, B et C')
    "fresh-probe94": Floors(8, 0.95, 0.95, 0.85, 0.9, merged_found=8, merged_dated=8, initiators=1),
    # a headline and an earlier call in a relative clause, quotes, a timeline, periphrases: calls 1.0 first;
    # merged dated 5 -> 6 of 6 ('Les deux dirigeants, qui s'étaient déjà parlé le 2 novembre')
    "fresh-probe95": Floors(7, 0.95, 0.95, 0.85, 0.9, merged_found=6, merged_dated=6, initiators=2),
    # missiles and treaties few pages named (Hwasong-20, Bourevestnik, Flamingo, Fatah-4, TICE, TNP): 1.0 first
    "fresh-probe96": Floors(8, 0.0, 0.0, 0.0, 0.0, missiles_f1=0.95, treaties_f1=0.95),
    # English readouts and wire copy: 1.0 first
    "fresh-english33": Floors(8, 0.95, 0.95, 0.95, 0.95, merged_found=8, merged_dated=8, initiators=3, lang="en"),
    # English: calls 0.941 -> 1.0 ('During a 40-minute call on Wednesday, X told Y'); merged 7 -> 9 of 9 ('The two
    # leaders last spoke on Oct. 3'); initiators 1 -> 2 of 2 ('The call, requested by Tokyo,'); holdings 0.971 (a
    # Kremlin aide's official title reads as a foreign minister)
    "fresh-english34": Floors(8, 0.95, 0.95, 0.9, 0.93, merged_found=9, merged_dated=9, initiators=2, lang="en"),
    # nineteenth round (lead's probes, keys written before kg ran on them; first contact -> reached):
    # calls told by a third party, a denial, a rumour, an appeal: calls 1.0 first; initiators 2 -> 3 of 3
    # ('L'appel avait été sollicité par la partie russe')
    "fresh-probe97": Floors(7, 0.95, 0.95, 0.95, 0.95, merged_found=5, merged_dated=5, initiators=3),
    # video meetings beside calls, a meeting in person, a postponed call: 1.0 first
    "fresh-probe98": Floors(7, 0.95, 0.95, 0.95, 0.95, merged_found=5, merged_dated=5),
    # dates in other words ('avant-hier', 'mardi dernier', a wire dateline): calls 1.0 first; initiators 1 -> 2
    # of 2 (a subject the parser hangs on the auxiliary); 'Il y a une semaine' stays a week's span (7/8 dated)
    "fresh-probe99": Floors(7, 0.95, 0.95, 0.95, 0.95, merged_found=7, merged_dated=7, initiators=2),
    # calls between military chiefs with ranks between post and name: 1.0 first
    "fresh-probe100": Floors(6, 0.95, 0.95, 0.95, 0.95, merged_found=5, merged_dated=5),
    # a live blog and a bulleted summary under 'la journée de jeudi': merged dated 2 -> 4 of 4; holdings 0.923
    # (the NATO Secretary General's post, in no class)
    "fresh-probe101": Floors(2, 0.95, 0.95, 0.85, 0.9, merged_found=4, merged_dated=4, initiators=1),
    # calls told in the first person: calls 0.667 -> 1.0 ('« X m'a téléphoné ce matin », a déclaré Y', '« Nous
    # nous sommes parlé …, et le président X m'a … »'); 3/4 dated ('la veille' of an undated conference)
    "fresh-probe102": Floors(6, 0.95, 0.95, 0.95, 0.95, merged_found=3, merged_dated=3, initiators=2),
    # role nouns and pronouns coming back: calls 0.947 -> 1.0 ('puis a reçu à Ankara son homologue Y' is no
    # party); holdings 0.857 -> 1.0 (a role-noun subject's counterpart, 'Le chancelier' after a pair sentence)
    "fresh-probe103": Floors(6, 0.95, 0.95, 0.95, 0.95, merged_found=9, merged_dated=9, initiators=4),
    # accentless African and Maghreb pages: 1.0 first
    "fresh-probe104": Floors(6, 0.95, 0.95, 0.95, 0.95, merged_found=6, merged_dated=6, initiators=3),
    # initiators in other words: calls 0.909 -> 1.0 ('L'appel passé jeudi par X à son homologue Y'); merged
    # 4 -> 6 of 6 ('Répondant à un appel de X, Y a évoqué lundi'); initiators 4 -> 6 of 6
    "fresh-probe105": Floors(6, 0.95, 0.95, 0.95, 0.95, merged_found=6, merged_dated=6, initiators=6),
    # one call told by several pages: 1.0 first
    "fresh-probe106": Floors(5, 0.95, 0.95, 0.95, 0.95, merged_found=5, merged_dated=5),
    # long insertions in the commonest constructions: calls 0.923 -> 1.0 ('s'est, selon l'Elysée, longuement
    # entretenu'); merged 5 -> 7 of 7 ('a reçu, jeudi, alors qu'il …, un appel de'); initiators 3 -> 4 of 4
    "fresh-probe107": Floors(7, 0.95, 0.95, 0.95, 0.95, merged_found=7, merged_dated=7, initiators=4),
    # a long round-up page: calls 1.0 first; holdings 0.909 (a Kremlin aide's title reads as a foreign minister)
    "fresh-probe108": Floors(1, 0.95, 0.95, 0.8, 0.88, merged_found=3, merged_dated=3),
    # posts told in passing: calls 1.0 first; holdings 0.923 -> 1.0 ('Tout juste nommée au ministère des Armées')
    "fresh-probe109": Floors(3, 0.95, 0.95, 0.95, 0.95, merged_found=4, merged_dated=4, initiators=3),
    # headlines naming parties by surname pairs ('Appel Macron-Zelensky'): calls 0.667 -> 1.0 ('Les dirigeants
    # arménien et azerbaïdjanais ont échangé' under 'Pachinian-Aliev'), people 0.933 -> 1.0, holdings 0.909
    "fresh-probe110": Floors(4, 0.95, 0.95, 0.8, 0.88, merged_found=4, merged_dated=4, initiators=1),
    # a long week's round-up: calls 0.667 -> 1.0 ('a appelé X, dont les propos …'; 'Les deux ministres ne s'étaient
    # plus parlé' takes no third party)
    "fresh-probe111": Floors(1, 0.95, 0.95, 0.95, 0.95, merged_found=3, merged_dated=3, initiators=1),
    # arms control after New START: 1.0 first on calls, missiles and treaties; holdings 0.667 (an IAEA post in
    # no class, always counted spurious)
    "fresh-probe112": Floors(1, 0.95, 0.95, 0.45, 0.6, merged_found=1, merged_dated=1, missiles_f1=0.95,
                             treaties_f1=0.95),
    # African mediation: calls 0.8 -> 1.0 ('Le conseiller …, X, attendu à Kigali cette semaine, a quant à lui
    # échangé'); holdings 0.923 -> 1.0 (the adviser no longer given the president's post)
    "fresh-probe113": Floors(1, 0.95, 0.95, 0.95, 0.95, merged_found=3, merged_dated=3, initiators=1),
    # the commonest constructions with parties of countries few pages named: 1.0 first
    "fresh-probe114": Floors(8, 0.95, 0.95, 0.95, 0.95, merged_found=8, merged_dated=8, initiators=3),
    # Gulf mediation: 1.0 first on calls; holdings 0.941 (a crown prince's post in no class)
    "fresh-probe115": Floors(1, 0.95, 0.95, 0.85, 0.9, merged_found=2, merged_dated=2, initiators=1),
    # Latin America: calls 0.571 -> 1.0 ('un appel du secrétaire d'Etat X à « l'isolement »' is no call; '…,
    # affichant leur soutien à la pression américaine sur X' names no party)
    "fresh-probe116": Floors(1, 0.95, 0.95, 0.95, 0.95, merged_found=2, merged_dated=2, initiators=1),
    # a missile launch and the calls after it: 1.0 first (KN-23 named in a hedged sentence)
    "fresh-probe117": Floors(1, 0.95, 0.95, 0.95, 0.95, merged_found=2, merged_dated=2, missiles_f1=0.95),
    # a week at the French ministry: calls 0.667 -> 1.0, people 0.909 -> 1.0 (round 20: 'Paweł Zalewski' after
    # the post phrase read as a name, the posts helper's given-name fix)
    "fresh-probe118": Floors(1, 0.95, 0.95, 0.95, 0.95, merged_found=1, merged_dated=1),
    # English: calls 0.8 -> 1.0 ('X and his counterpart Y dialed in on Tuesday')
    "fresh-english35": Floors(6, 0.95, 0.95, 0.95, 0.95, merged_found=5, merged_dated=5, initiators=1, lang="en"),
    # English of Asian and African outlets: 1.0 first
    "fresh-english36": Floors(6, 0.95, 0.95, 0.95, 0.95, merged_found=5, merged_dated=5, initiators=2, lang="en"),
    # English readouts, a denial, a talk of unknown medium: 1.0 first
    "fresh-english37": Floors(6, 0.95, 0.95, 0.95, 0.95, merged_found=3, merged_dated=3, lang="en"),
    # a long English round-up: calls 0.667 -> 1.0 ('had "not yet" talked to X'; 'X called her on Thursday')
    "fresh-english38": Floors(1, 0.95, 0.95, 0.95, 0.95, merged_found=3, merged_dated=3, initiators=1, lang="en"),
    # round 20, the lead's held-out probes (keys written before kg ran on them; first contact, then reached).
    # A week of calls after a drone incident: calls 1.0 first; holdings 0.96 (NATO's secretary general, no class)
    "fresh-probe119": Floors(1, 0.95, 0.95, 0.9, 0.93, merged_found=7, merged_dated=7, initiators=2),
    # African outlets: calls 1.0 first, initiators 2/3 -> 3/3 ('faisait suite à une demande de la partie X');
    # holdings 0.917 -> 0.96 (a Cameroonian minister delegate; an emir's title read as head of state remains)
    "fresh-probe120": Floors(7, 0.95, 0.95, 0.9, 0.93, merged_found=5, merged_dated=5, initiators=3),
    # one-sentence pieces: calls 0.857 -> 1.0 ('groupe de contact' no talk; 'chacun de leur côté' two calls)
    # holdings 0.909 -> 1.0 (a post in apposition before 'et l'Espagnole Y'; 'dont il est le titulaire')
    "fresh-probe121": Floors(8, 0.95, 0.95, 0.95, 0.95, merged_found=6, merged_dated=6, initiators=4),
    # Moscow and Washington after New START: 1.0 first
    "fresh-probe122": Floors(1, 0.95, 0.95, 0.95, 0.95, merged_found=3, merged_dated=3, initiators=2,
                             treaties_f1=0.95),
    # a Gaza conference: calls 0.857 -> 1.0 ('le raïs a reçu un appel de son homologue français': a role noun)
    "fresh-probe123": Floors(1, 0.95, 0.95, 0.95, 0.95, merged_found=4, merged_dated=4, initiators=2),
    # a day-by-day chronology in the historic present: calls 0.667 -> 1.0, holdings 0.769 -> 1.0 (a role noun
    # placed by the person before names no later holder; 'Les deux présidents évoquent …' after a call)
    "fresh-probe124": Floors(1, 0.95, 0.95, 0.95, 0.95, merged_found=5, merged_dated=5, initiators=2),
    # quotes, clefts, relative clauses: calls 0.833 -> 1.0 (the cleft 'C'est par un coup de fil à X que Y';
    # 'Vasilis Palmas', tagged a place, read as a person), holdings 0.917 -> 1.0, people 0.96 -> 1.0
    "fresh-probe125": Floors(6, 0.95, 0.95, 0.95, 0.95, merged_found=7, merged_dated=7, initiators=1),
    # a page without accents: calls 1.0 first; holdings 0.941 -> 1.0 (the Lebanese army's commander)
    "fresh-probe126": Floors(1, 0.95, 0.95, 0.95, 0.95, merged_found=2, merged_dated=2, initiators=1),
    # meetings and calls at a summit: 1.0 first
    "fresh-probe127": Floors(1, 0.95, 0.95, 0.95, 0.95, merged_found=3, merged_dated=3, initiators=1),
    # Latin America: calls 0.8 -> 1.0 ('s'est de son côté entretenu par téléphone mardi avec')
    "fresh-probe128": Floors(1, 0.95, 0.95, 0.95, 0.95, merged_found=3, merged_dated=3, initiators=1),
    # English readouts and wires: calls 1.0 first; holdings 0.96 -> 1.0 (a US command's commander)
    "fresh-english39": Floors(6, 0.95, 0.95, 0.95, 0.95, merged_found=4, merged_dated=4, lang="en"),
    # English of South and East Asian outlets: 1.0 first
    "fresh-english40": Floors(5, 0.95, 0.95, 0.95, 0.95, merged_found=5, merged_dated=5, initiators=2, lang="en"),
    # a Baltic round-up: calls 1.0 first, dated 4/5 -> 5/5 ('phoned X the same day' after the incident's day)
    "fresh-english41": Floors(1, 0.95, 0.95, 0.9, 0.93, merged_found=5, merged_dated=5, initiators=1, lang="en"),
    # possessive call nouns, fronted frames, participles: calls 1.0 first, dated 3/5 -> 5/5 ('Thursday's call',
    # 'Speaking by phone with X, Y said on Thursday'); holdings 0.842 -> 0.952 (a cataphoric counterpart, a
    # possessive spokesman; a crown prince's title, in no class, remains)
    "fresh-english42": Floors(6, 0.95, 0.95, 0.88, 0.92, merged_found=5, merged_dated=5, initiators=1, lang="en"),
    # a North Korean launch and the calls after it: 1.0 first
    "fresh-english43": Floors(1, 0.95, 0.95, 0.95, 0.95, merged_found=3, merged_dated=3, missiles_f1=0.95, lang="en"),
    # a Gaza truce, separate calls: 1.0 first
    "fresh-english44": Floors(1, 0.95, 0.95, 0.95, 0.95, merged_found=3, merged_dated=3, lang="en"),
    # African wires: 1.0 first
    "fresh-english45": Floors(4, 0.95, 0.95, 0.95, 0.95, merged_found=3, merged_dated=3, initiators=2, lang="en"),
    # round 21, the lead's held-out probes. Caucasus and Central Asia: calls 0.857 -> 1.0 ('Le même jour' after
    # 'La veille', counted from the eve; a post held outside a call of two is another call)
    "fresh-probe129": Floors(4, 0.95, 0.95, 0.95, 0.95, merged_found=5, merged_dated=5, initiators=2),
    # Sahel and West Africa: 1.0 first
    "fresh-probe130": Floors(4, 0.95, 0.95, 0.95, 0.95, merged_found=4, merged_dated=4, initiators=2),
    # Asia-Pacific: calls 0.923 -> 1.0 ('appelle X, une première depuis leur rencontre'), merged dated 3/5 -> 5/5
    # (of two reports one day apart, the day written out is kept)
    "fresh-probe131": Floors(4, 0.95, 0.95, 0.95, 0.95, merged_found=5, merged_dated=5, initiators=3),
    # a week of European defence contacts: 1.0 first (a key label corrected)
    "fresh-probe132": Floors(1, 0.95, 0.95, 0.95, 0.95, merged_found=5, merged_dated=5, initiators=3),
    # chiefs of defence: 1.0 first (a key label corrected)
    "fresh-probe133": Floors(3, 0.95, 0.95, 0.95, 0.95, merged_found=3, merged_dated=3, initiators=2),
    # Levantine and Iraqi outlets: calls 0.857 -> 1.0 after a key correction (a call resolved through another article);
    # the initiator of 'un appel qu'il a reçu lundi du ministre X'
    "fresh-probe134": Floors(2, 0.95, 0.95, 0.95, 0.95, merged_found=3, merged_dated=3, initiators=2),
    # a live page with day headings: 1.0 first
    "fresh-probe135": Floors(1, 0.95, 0.95, 0.95, 0.95, merged_found=3, merged_dated=3, initiators=1),
    # calls in series and by pronoun: calls 0.889 -> 1.0 ('X lui avait téléphoné', 'Mette' read as a verb)
    "fresh-probe136": Floors(3, 0.95, 0.95, 0.95, 0.95, merged_found=4, merged_dated=4, initiators=4),
    # Central European and Balkan ministers, letters outside French, role-noun anaphora: 1.0 first
    "fresh-probe137": Floors(2, 0.95, 0.95, 0.95, 0.95, merged_found=4, merged_dated=4, initiators=2),
    # North African state agencies: calls 0.75 -> 1.0 ('Sa Majesté le Roi' read as a person of its own)
    "fresh-probe138": Floors(3, 0.95, 0.95, 0.95, 0.95, merged_found=4, merged_dated=4, initiators=1),
    # English readouts: calls 0.75 -> 1.0, holdings 0.8 (after a key label fix) -> 0.933, people 0.875 -> 1.0 ('his
    # counterpart, Defense Minister X': the post was kept in the name); a crown prince's title, in no class, remains
    "fresh-english46": Floors(4, 0.95, 0.95, 0.85, 0.9, merged_found=4, merged_dated=4, initiators=2, lang="en"),
    # English wires: calls 0.909 -> 1.0 ("X's office said he had spoken by telephone with Y")
    "fresh-english47": Floors(4, 0.95, 0.95, 0.95, 0.95, merged_found=4, merged_dated=4, lang="en"),
    # calls 0.667 -> 1.0 ('A 45-minute call with Y followed', 'spoke via videolink with'), dated 2/3 -> 3/3 ('last
    # Friday' in a Friday's article)
    "fresh-english48": Floors(3, 0.95, 0.95, 0.95, 0.95, merged_found=3, merged_dated=3, lang="en"),
    # Gulf state agencies: 1.0 first
    "fresh-english49": Floors(3, 0.95, 0.95, 0.95, 0.95, merged_found=3, merged_dated=3, initiators=1, lang="en"),
    # Central European ministers, the day in the verb group: calls 0.857 -> 1.0 ('was called on Monday by X')
    "fresh-english50": Floors(3, 0.95, 0.95, 0.95, 0.95, merged_found=3, merged_dated=3, initiators=2, lang="en"),
    # African and Asian outlets: calls 0.857 -> 1.0 ('held telephone discussions with X')
    "fresh-english51": Floors(3, 0.95, 0.95, 0.95, 0.95, merged_found=4, merged_dated=4, initiators=1, lang="en"),
    "fresh-worldcalls": Floors(14, 0.9, 0.95, 0.95, 0.97, merged_found=16, merged_dated=16, initiators=8),
    "fresh-worldposts": Floors(15, 0.0, 0.0, 0.95, 0.92, people_f1=0.97),
    "fresh-probe2": Floors(10, 0.95, 0.95, 0.95, 0.95, merged_found=9, merged_dated=9, initiators=4),
    "fresh-probe3": Floors(10, 0.95, 0.95, 0.95, 0.95, merged_found=9, merged_dated=7, initiators=2),
    "fresh-probe4": Floors(4, 0.95, 0.95, 0.9, 0.9, merged_found=7, merged_dated=6, initiators=2),
    # reached: calls 1.0 (0.882 first), precision 1.0; holdings 0.941 (0.821 first); people 1.0; merged 18/18
    # found (13/18 first), 15/15 dated, initiators 7/7
    "fresh-tickers": Floors(14, 0.95, 0.95, 0.9, 0.9, people_f1=0.97, merged_found=17, merged_dated=14,
                            initiators=6),
    # reached: calls 1.0; holdings 0.949 (0.70 first), precision 0.973; people 1.0
    "fresh-regions": Floors(14, 0.95, 0.95, 0.93, 0.93, people_f1=0.97),
    # round 5. fresh-names: first calls 0.839, holdings 0.871, people 0.902, merged 13/16; reached 0.97 (P 1.0),
    # 0.991 (P 0.982), 1.0, merged 15/16, initiators 5/5
    "fresh-names": Floors(15, 0.95, 0.95, 0.95, 0.95, merged_found=14, merged_dated=14, initiators=4),
    # fresh-titles: first holdings 0.773 (P 0.879); reached 0.973 (P 0.973); calls 1.0; people 0.993
    "fresh-titles": Floors(14, 0.95, 0.95, 0.93, 0.95),
    # fresh-digest: first calls 0.894 (P 0.913), holdings 0.938, merged 18/24, initiators 7/12; reached calls
    # 0.979 (P 1.0), holdings 0.97 (P 0.96), people 0.983, merged 23/24, initiators 11/12
    "fresh-digest": Floors(14, 0.95, 0.95, 0.93, 0.95, people_f1=0.97, merged_found=22, merged_dated=22,
                           initiators=10),
    # round 15, helper posts15's held-out probes on posts (keys written before kg ran on them): fresh-posts15a (a
    # Congolese wire with a cataphoric 'Le président de la République … X lui a demandé' and a headline role noun,
    # FARDC/FAMa/FAd'H acronyms, an envoy 'de l'ONU pour la région des Grands Lacs, X', Senegal's 'a envoyé X aux
    # Affaires étrangères, où il remplace Y', a Philippine wire without accents, a Colombian portrait, an
    # obituary) first holdings 0.684 (P 0.871), people 0.96, reached 0.979 (P 0.979), people 1.0; fresh-posts15b
    # (Nigeria's 'a propulsé X à la Défense', a Ukrainian reshuffle, an Indonesian portrait, two Kims, Peru's
    # interim president, a Gabonese release 'en renversant X', Cameroon without accents, France's 'Le président
    # de la République a tenu … Emmanuel Macron, qui') first 0.796 (P 0.949, key label fixed), people 0.957,
    # reached 0.971 (P 1.0), people 1.0
    "fresh-posts15a": Floors(7, 0.0, 0.0, 0.95, 0.95, people_f1=0.97),
    "fresh-posts15b": Floors(8, 0.0, 0.0, 0.97, 0.95, people_f1=0.97),
    # round 15, helper posts15c's held-out probes (keys written before kg ran on them): fresh-posts15c (Warsaw's
    # 'Le ministre polonais, également vice-Premier ministre, X', Xinhua's 'également membre du Bureau politique …
    # et ministre', UN ambassadors, Bamako 'X est un proche de Y. Le chef de l'État', Kinshasa without accents
    # 'en remplacment du', 'qui devient vice-Premier ministre', Bogotá 'a propulsé X à la Défense') first
    # holdings 0.873 (P 0.96), people 1.0, reached 0.966 (P 1.0), people 1.0; fresh-posts15d (Tokyo 'a par
    # ailleurs envoyé X aux Affaires étrangères', Kyiv envoys 'l'émissaire de Donald Trump pour le Moyen-Orient, X',
    # 'X, jusque-là Premier ministre, M. Y', an obituary 'Grand chancelier de la Légion d'honneur', 'sous X puis Y,
    # il', Abidjan 'son frère cadet, X, au ministère', Dakar 'Aux Affaires étrangères, Cheikh X, …, remplace Y',
    # KCNA) first 0.759 (P 0.846), people 1.0, reached 0.969 (P 0.969: the one spurious is Kim Jong Un's party
    # post, which has no class and the scorer cannot match to the key's optional row), people 1.0
    "fresh-posts15c": Floors(6, 0.0, 0.0, 0.97, 0.94, people_f1=0.97),
    "fresh-posts15d": Floors(6, 0.0, 0.0, 0.94, 0.94, people_f1=0.97),
    # round 16, helper posts16's held-out probes (keys written before kg ran on them): fresh-posts16a (Abidjan's
    # headline 'Nouveau chef d'état-major : le général X', Kyiv envoys 'L'émissaire de Donald Trump, X', 'l'envoyé du
    # Kremlin X', 'Le représentant de Xi Jinping pour …, X', 'L'ancien ministre de la Défense, remplacé à ce poste
    # par X', Ouagadougou without accents, Tokyo 'Remplacée aux Affaires étrangères par X, Y …, tout comme Z, à qui W
    # succède à la Défense', Riyadh's crown prince and intelligence chief, Brasilia 'L'ancien commandant de la
    # marine, aujourd'hui à la retraite, remplace X', 'son homologue de l'armée de l'air', VNA) first holdings 0.725
    # (P 0.853), people 0.99, reached 0.936 (P 0.917: the four spurious are offices in no class, crown prince,
    # intelligence chief, IAEA, Central Military Commission), people 1.0; fresh-posts16b (English: 'tapped as',
    # 'Y's successor as', 'the newly minted', 'who was removed as', 'his successor at the foreign ministry, X', 'The
    # former foreign minister, who …', 'was replaced in that role by', 'Cooper succeeds X') first 0.714 (P 0.938;
    # 0.732 with the two designate rows the key made optional afterwards), people 0.954, reached 0.905 (P 0.956),
    # people 0.991
    "fresh-posts16a": Floors(7, 0.0, 0.0, 0.9, 0.92, people_f1=0.97),
    "fresh-posts16b": Floors(8, 0.0, 0.0, 0.93, 0.88, people_f1=0.97, lang="en"),
    # round 17, helper posts17's held-out probes (keys written before kg ran on them): fresh-posts17a (Seoul's
    # 'son homologue australien, X' and 'Le chef du commandement américain pour l'Indo-Pacifique, l'amiral X',
    # Beijing's 'Le ministère chinois de la Défense … Son titulaire, X' and 'Son prédécesseur éphémère au
    # ministère des Affaires étrangères, X', Niamey's 'passe le relais au général X' and 'Il était lui-même chef
    # d'état-major des armées', Riyadh without accents ('minsitre'), Kyiv's 'Il cède son fauteuil de Premier
    # ministre à X' and 'conserve ses fonctions et reste ainsi le chef de la diplomatie', Paris, Buenos Aires
    # 'a choisi <post>, le lieutenant-général X, pour diriger le ministère de la Défense', Washington's commands
    # and 'Il succède au général X' after an aside) first holdings 0.772 (P 0.867, two wrong posts), people 1.0,
    # reached 0.957 (P 0.948: the three spurious are offices in no class, CMC vice chairman, IAEA, crown
    # prince), people 1.0; fresh-posts17b (English: 'The head of U.S. Indo-Pacific Command, Adm. X', 'X, who
    # leads Africa Command', 'China's defense ministry, headed by Adm. X', 'his Japanese counterpart, X' of a
    # deputy prime minister and defence minister, 'confirmed X as prime minister, replacing Y, who was moved to
    # the defense ministry', 'kept X at the foreign ministry', 'remains commander-in-chief', 'swore in retired
    # Gen. X as minister of defence', 'had been chief of defence staff until October', an obituary, Islamabad
    # with typos) first 0.682 (P 0.909, one wrong post), people 0.989, calls 0.0 (a key error: one call left
    # out), reached 0.925 (P 0.961: the two spurious are offices in no class), people 1.0, calls 1.0
    "fresh-posts17a": Floors(8, 0.0, 0.0, 0.92, 0.93, people_f1=0.97),
    "fresh-posts17b": Floors(8, 0.9, 0.9, 0.93, 0.9, people_f1=0.97, lang="en"),
    # round 18, helper posts19's held-out probes (keys written before kg ran on them): fresh-posts19a (an
    # Ivorian 'Son successeur, le général X, était jusqu'ici chef d'état-major général', a Nigerien page
    # without accents, an obituary with only a dateline ('il fut conseiller … puis secrétaire d'Etat', 'Son
    # successeur au département d'Etat, X'), lists and 'respectivement', French service chiefs, spokespeople
    # and ambassadors in passing, a Lebanese designation, 'Il est remplacé par X. Le nouveau ministre …')
    # first 0.958 (P 0.971), people 1.0, reached 0.973 (P 0.947, R 1.0: the two spurious are offices in no
    # class), people 1.0; fresh-posts19b (English: 'X's successor, Y', 'naming X as <post> in place of Y', 'is
    # succeeded in that role by', plural posts before a list, 'Their Danish colleague, X', 'Ambassador X told
    # reporters', 'Israel's envoy to the world body', acting and designate posts, 'a post left vacant since X
    # resigned', an obituary's 'Elected president …, he', typos) first 0.656 (P 0.909), people 0.949, reached
    # 0.974 (P 0.974: 'Army Commander X' still missed, the crown prince in no class), people 1.0
    "fresh-posts19a": Floors(8, 0.0, 0.0, 0.92, 0.95, people_f1=0.97),
    "fresh-posts19b": Floors(8, 0.9, 0.9, 0.95, 0.95, people_f1=0.97, lang="en"),
    # round 19, helper posts20's held-out probes (keys written before kg ran on them): fresh-posts20a (an
    # Egyptian 'Le porte-parole du ministère …, l'ambassadeur X' and a fronted 'Ministre de la Défense … depuis
    # l'été 2024, le général X', a Burkinabe page without accents ('Jusqu'a sa nomination, le general X etait
    # …', 'assure l'interim'), a Belgian portrait ('Ministre de la Défense depuis février, X', 'Nommé …, le
    # centriste X', 'le chef de la Défense'), a Canadian 'Elle est remplacée par X. La nouvelle ministre …',
    # 'quitte le portefeuille de la Défense nationale', 'Autre changement notable : X …. Son successeur, Y',
    # Maghreb ministers, Kremlin and Élysée advisers, a Colombian namesake of Spain's head of government,
    # Qatari sheikhs) first 0.839 (P 0.886), people 1.0, reached 0.971 (P 0.943, R 1.0: the three spurious
    # are advisers whose official labels the scorer reads as a foreign minister and a head of state, and a
    # national security adviser in no class), people 1.0; fresh-posts20b (English: Pakistani, Indian, Kenyan,
    # Ugandan, Bahraini and Philippine wordings, 'stays on as', 'took over this week as …, succeeding Y', 'moved
    # X out of the Foreign Office, making him …', 'Lammy was replaced by Y', 'He replaced Gen. Y', 'His deputy,
    # Y', 'has served as acting … since Adm. Y was fired', 'represented by its …', typos 'defence minster',
    # 'Foriegn Minister') first 0.697 (P 0.861, one wrong post), people 0.942, reached 0.972 (P 0.964: an
    # acting national security adviser and a crown prince in no class; 'UPDF spokesperson X' still missed),
    # people 1.0
    "fresh-posts20a": Floors(8, 0.0, 0.0, 0.92, 0.95, people_f1=0.97),
    "fresh-posts20b": Floors(8, 0.9, 0.9, 0.94, 0.95, people_f1=0.97, lang="en"),
    # round 20, helper posts22's held-out probes (keys written before kg ran on them): fresh-posts22a (a Chadian
    # 'ministre des Armées' on a page datelined 'N'DJAMENA (Tchad) -' and 'un décret nommant X ministre …', Polish
    # names with 'ł', a Kremlin spokesman and a cleft adviser, 'le ministère des Affaires étrangères de X',
    # Senegalese relative clauses, a Lithuanian deputy 'nommé ministre par intérim', a Sahel round-up ('Côté
    # burkinabè,'), an international round-up, a Cameroonian page without accents and 'Le nouveau CEMA') first
    # 0.918 (P 0.938), people 1.0, reached 0.971 (P 0.943, R 1.0: the three spurious are NATO's secretary general,
    # the IAEA's director general and a crown prince, offices in no class), people 1.0; fresh-posts22b (English:
    # 'A spokesman for the Russian President, X', India's civil-service secretaries, 'who took over as Chief of the
    # Kenya Defence Forces from Gen. Y', 'who doubles as … and head of the foreign ministry', 'was named acting
    # minister', a Gulf digest ('In Doha,', 'Sayyid'), an Asia digest, 'Deputy Defence Minister Paweł X', typos
    # 'defence minster', 'Comander of the Army') first 0.812 (P 0.872; Peskov given the president's post), people
    # 0.964, reached 0.964 (P 0.946: the same three offices in no class; 'Indonesia's defence chief, Minister X'
    # still missed), people 1.0
    "fresh-posts22a": Floors(8, 0.0, 0.0, 0.92, 0.95, people_f1=0.97),
    "fresh-posts22b": Floors(8, 0.0, 0.0, 0.92, 0.94, people_f1=0.97, lang="en"),
    # round 21, helper posts24's held-out probes (keys written before kg ran on them): fresh-posts24a (an Uzbek
    # succession 'en poste depuis février 2019' and 'avait pris la relève de', Baltic ministers with bracketed
    # countries and 'La Première ministre lettone', Caucasus demonym nouns ('le ministre de la Défense,
    # l'Azerbaïdjanais X'), a South African portrait 'dont elle est la titulaire depuis', a Peruvian 'prend la
    # relève de', a Pacific meeting, Balkan and Southern African round-ups opened by headings 'SERBIE.' and
    # 'Zambie –'): holdings 0.744 first, 0.962 now (the spurious is a Zambian army commander read as the chief of
    # defence), people 1.0; fresh-posts24b (English: 'Pakistan's army chief, Field Marshal X', 'Australia's defence
    # force chief, Admiral X, who took over from General Y', 'the republic's defence minister since 2021', 'Joint
    # Staff' chiefs, 'Defence ministers from Chile (X) and Peru (Y)', digests opened by 'Moldova:' and 'Mozambique.'
    # headings, 'kept X as minister', 'Defence Minister-designate', 'serves as acting chief'): holdings 0.814 first,
    # 0.99 now, people 0.98 first, 0.99 now
    "fresh-posts24a": Floors(8, 0.0, 0.0, 0.95, 0.94, people_f1=0.97),
    "fresh-posts24b": Floors(8, 0.0, 0.0, 0.97, 0.97, people_f1=0.97, lang="en"),
}


@pytest.fixture(scope="module", params=sorted(SETS))
def scored(request):
    folder = FIXTURES / request.param
    floors = SETS[request.param]
    return floors, evaluate(folder, folder / "gold.json", lang=floors.lang)


def test_every_article_is_scored(scored) -> None:
    floors, report = scored
    assert len(report.articles) == floors.articles


def test_calls_per_article(scored) -> None:
    floors, report = scored
    calls = report.kinds["calls"]
    assert calls.precision >= floors.calls_precision, calls.spurious
    assert calls.f1 >= floors.calls_f1, (calls.missed, calls.spurious)


def test_holdings_per_article(scored) -> None:
    floors, report = scored
    holdings = report.kinds["holdings"]
    assert holdings.precision >= floors.holdings_precision, holdings.spurious
    assert holdings.f1 >= floors.holdings_f1, (holdings.missed, holdings.spurious)


def test_missiles_and_treaties_per_article(scored) -> None:
    floors, report = scored
    for kind, floor in (("missiles", floors.missiles_f1), ("treaties", floors.treaties_f1)):
        assert report.kinds[kind].f1 >= floor, (report.kinds[kind].missed, report.kinds[kind].spurious)


def test_people_are_found_and_never_split(scored) -> None:
    floors, report = scored
    assert report.kinds["people"].f1 >= floors.people_f1, report.kinds["people"].missed
    assert not report.split_people


def test_merged_calls_dates_and_initiators(scored) -> None:
    floors, report = scored
    merged = report.merged
    if not floors.merged_found:
        return
    assert merged is not None
    assert merged.found >= floors.merged_found and merged.split == 0, merged.to_json()
    assert merged.dated >= floors.merged_dated, merged.to_json()
    assert merged.initiators >= floors.initiators, merged.to_json()
