"""The results of ``kg eval``: precision, recall and F1 of one kind of fact with its misses and spurious
facts, the merged-call figures, and their text and JSON renderings."""

from __future__ import annotations

from dataclasses import dataclass, field

from kg.progress import count


@dataclass(frozen=True)
class Score:
    """One kind of fact over the scored articles: found (tp), spurious (fp) and missed (fn)."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    missed: tuple[tuple[str, str], ...] = ()  # (article, fact)
    spurious: tuple[tuple[str, str], ...] = ()

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else float(self.fn == 0)

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_json(self) -> dict:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "P": round(self.precision, 3),
                "R": round(self.recall, 3), "F1": round(self.f1, 3),
                "missed": [f"{a}: {x}" for a, x in self.missed], "spurious": [f"{a}: {x}" for a, x in self.spurious]}


@dataclass
class Tally:
    """Counts of one kind while scoring."""

    tp: int = 0
    missed: list[tuple[str, str]] = field(default_factory=list)
    spurious: list[tuple[str, str]] = field(default_factory=list)

    def score(self) -> Score:
        return Score(self.tp, len(self.spurious), len(self.missed), tuple(self.missed), tuple(self.spurious))


@dataclass(frozen=True)
class MergedScore:
    calls: int  # distinct calls in the key
    required: int  # ... not optional
    found: int
    call_nodes: int  # calls in the graph
    dated: int  # found with the key's date at its precision
    with_date: int
    initiators: int  # found with the key's initiator
    with_initiator: int
    split: int  # dated key calls found as more than one call node
    chairs: int  # chair-at-each-call rows naming the key's chairman
    chairs_wanted: int

    def to_json(self) -> dict:
        return {"gold": self.calls, "required": self.required, "found": self.found,
                "output_call_nodes": self.call_nodes, "dated_ok": f"{self.dated}/{self.with_date}",
                "initiator_ok": f"{self.initiators}/{self.with_initiator}", "split": self.split,
                "chair_at_each_call": f"{self.chairs}/{self.chairs_wanted}"}

    def text(self) -> str:
        return (f"merged calls: {self.found} of {self.calls} found ({self.required} required), "
                f"{self.call_nodes} call nodes in the graph; dated right {self.dated}/{self.with_date}; "
                f"initiator right {self.initiators}/{self.with_initiator}; split in two or more {self.split}; "
                f"chair at each call {self.chairs}/{self.chairs_wanted}")


@dataclass(frozen=True)
class Evaluation:
    key: str
    articles: tuple[str, ...]
    kinds: dict[str, Score]
    split_people: dict[str, int]  # key person -> graph nodes, when more than one
    merged: MergedScore | None

    def to_json(self) -> dict:
        out: dict = {"answer_key": self.key, "articles": list(self.articles),
               **{kind: score.to_json() for kind, score in self.kinds.items()}}
        out["people"]["split_entities"] = self.split_people
        return out | ({"merged_calls": self.merged.to_json()} if self.merged else {})

    def text(self) -> str:
        """A table of the figures, then every miss and spurious fact with its article."""
        lines = [f"{count(len(self.articles), 'article')} scored against {self.key}", "",
                 f"{'kind':10} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5}"]
        for kind, s in self.kinds.items():
            lines.append(f"{kind:10} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f} {s.tp:5} {s.fp:5} {s.fn:5}")
        lines.append("")
        if self.split_people:
            lines.append("people split in several nodes: " + ", ".join(
                f"{name} ({n})" for name, n in sorted(self.split_people.items())))
        if self.merged:
            lines.append(self.merged.text())
        for kind, s in self.kinds.items():
            for title, facts in (("missed", s.missed), ("spurious", s.spurious)):
                if facts:
                    lines += ["", f"{kind} {title}:", *(f"  {a}: {x}" for a, x in facts)]
        return "\n".join(lines).strip() + "\n"
