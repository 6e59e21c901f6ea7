"""The coding rules of the claims ledger, written down and applied by code.

The ledger (``data/claims.csv``, read by :func:`worldorder.claims`) turns the sentences of the five seed
articles into claims. These rules decide how; the helper enforces every one a rule can decide.

1. **One row per checkable statement.** A sentence that makes two checkable statements gets two rows (the
   IMF's founding and the WTO's; "US-penned" and "co-sponsored by Russia"). Each row quotes the seed word
   for word.
2. **Every row has a claim type** (``claim_type``), one of :data:`CLAIM_TYPES`: a vote fact, an institutional
   fact (what the Charter says an organ can do), a wording or authorship fact (what a text says, who wrote,
   tabled or said it), a historical or comparative claim, an interpretation, a prediction.
3. **The scope of a list is read from the quoted words** (:func:`derive_scope`). A list of countries given
   without a hedge (:data:`LIST_HEDGES`: "including", "among", "such as", "like", "for example", "other",
   "several", ...) is read as the complete list (``exact``); with one, as examples (``some``). A count given
   with "multiple", "several", "more than", "at least" (:data:`COUNT_HEDGES`) is a lower bound (``some``), and
   so is a count the words do not state but imply by a plural ("side with Russia in UN votes": no number word,
   :data:`NUMBER_WORDS`); a stated count ("on two resolutions") is exact. The stored ``scope`` of a list or
   same-vote claim must be empty (the rule fills it) or
   ``none`` ("no state did"); so like sentences get like verdicts.
4. **Vote facts are computed** from the roll call (``wo.check_claim``); nobody types their verdict.
5. **Historical and comparative claims are computed where the record can decide**: the row names a query of
   :data:`QUERIES`, run over the whole 1946-2025 record; other history claims cite dated rows of
   ``wo.timeline()``.
6. **Institutional, wording and authorship claims cite documents**: ``documents`` lists ``doc_id`` values of
   ``wo.data.documents()`` (the verdict shows each with its section). A hand rating of such a row that is not
   "cannot be checked" needs at least one document.
7. **"Cannot be checked" is the start of a check**: such a row names, in ``source``, the deciding record
   ("deciding record: ...", e.g. the sponsor list of A/ES-11/L.10, the meeting record S/PV.9866).
8. **Sentences that assert nothing checkable** (interpretations, predictions, headings, questions) are listed
   too, with kind ``not checkable`` and the reason in ``note``; :func:`worldorder.ledger.uncovered` must find
   no seed sentence that no row quotes.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from worldorder import data

VOTE_FACT = "vote fact"
INSTITUTIONAL = "institutional fact"
WORDING = "wording or authorship fact"
HISTORICAL = "historical or comparative claim"
INTERPRETATION = "interpretation"
PREDICTION = "prediction"
CLAIM_TYPES = (VOTE_FACT, INSTITUTIONAL, WORDING, HISTORICAL, INTERPRETATION, PREDICTION)
DOCUMENT_TYPES = (INSTITUTIONAL, WORDING)
NOT_CHECKABLE = "not checkable"
DECIDING = "deciding record:"

LIST_HEDGES = ("including", "among", "such as", "like", "for example", "for instance", "e.g.", "notably",
               "other", "others", "several", "some", "a lot of", "many")
COUNT_HEDGES = ("multiple", "several", "more than", "at least", "over", "many")
NUMBER_WORDS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "once", "twice",
                "thrice", "single")


def _has(words: tuple[str, ...], quote: str) -> str | None:
    text = " ".join(str(quote).lower().split())
    for word in words:
        if re.search(r"(?<![\w.])" + re.escape(word) + r"(?![\w])", text):
            return word
    return None


def derive_scope(quote: str, kind: str = "vote_list") -> str:
    """``exact`` or ``some``, read from the quoted words (rule 3).

    >>> derive_scope("key US allies, the UK, France, Denmark, and Greece, abstained")
    'exact'
    >>> derive_scope("joining Russia and several other nations including North Korea and Belarus")
    'some'
    >>> derive_scope("the United States sided with Russia multiple times", "same_vote")
    'some'
    >>> derive_scope("choosing to side with Russia in UN votes", "same_vote")
    'some'
    >>> derive_scope("voted with Russia on two crucial United Nations resolutions", "same_vote")
    'exact'
    """
    hedges = COUNT_HEDGES if kind == "same_vote" else LIST_HEDGES
    if _has(hedges, quote):
        return "some"
    if kind == "same_vote" and not _states_a_number(quote):
        return "some"
    return "exact"


def _states_a_number(quote: str) -> bool:
    return bool(re.search(r"\d", str(quote))) or _has(NUMBER_WORDS, quote) is not None


def scope_reason(quote: str, kind: str = "vote_list") -> str:
    """Why :func:`derive_scope` chose its scope, in words."""
    hedges = COUNT_HEDGES if kind == "same_vote" else LIST_HEDGES
    word = _has(hedges, quote)
    what = "count" if kind == "same_vote" else "list"
    if word:
        return f"'{word}' marks the {what} as {'a lower bound' if kind == 'same_vote' else 'examples'}: some"
    if kind == "same_vote" and not _states_a_number(quote):
        return "no number in the words: the count is implied by a plural, so it is a lower bound: some"
    return f"no hedge word: the {what} is read as {'exact' if kind == 'same_vote' else 'complete'}: exact"


# ---------------------------------------------------------------- sentences of a seed

_ABBREVIATION = re.compile(r"(?:\b[A-Z]\.)+$|\b(?:Mr|Mrs|Ms|Dr|St|Sen|Rep)\.$")


def sentences(text: str) -> list[str]:
    """The sentences of a seed (headings and captions count as sentences), whitespace collapsed, in order.

    A line is split after '.', '!' or '?' followed by a space and a capital or a quotation mark, but not after
    initials such as "U.S." or "E.".
    """
    out = []
    for line in str(text).splitlines():
        line = " ".join(line.split())
        start = 0
        for match in re.finditer(r"(?<=[.!?])\s+(?=[A-Z\u201c\"\u2018(])", line):
            if _ABBREVIATION.search(line[start:match.start()]):
                continue
            out.append(line[start:match.start()].strip())
            start = match.end()
        if line[start:].strip():
            out.append(line[start:].strip())
    return out


# ---------------------------------------------------------------- queries over the whole record

UKRAINE_TEXTS = ("A/RES/68/262", "A/RES/ES-11/1", "A/RES/ES-11/2", "A/RES/ES-11/3", "A/RES/ES-11/4",
                 "A/RES/ES-11/5", "A/RES/ES-11/6")
ALLIES = ("CAN", "GBR", "AUS", "FRA")
ADVERSARIES = ("RUS", "CHN", "PRK")


@functools.cache
def _wide() -> pd.DataFrame:
    from worldorder import record

    votes = record.votes(body="GA")
    return votes.pivot_table(index="resolution", columns="iso3", values="vote", aggfunc="first")


@functools.cache
def _dates() -> pd.Series:
    from worldorder import record

    return record.resolutions(body="GA").set_index("resolution")["date"]


def _earlier_ukraine(iso3: str) -> pd.Series:
    return _wide().loc[list(UKRAINE_TEXTS), iso3]


# Each query is three separate steps: ``find`` asks the record and returns the facts (a dict), ``judge`` turns
# the facts into a rating, ``say`` writes them in words. A test can check each alone.


@dataclass(frozen=True)
class Query:
    """A question to the whole record: ``find() -> facts``, ``judge(facts) -> rating``, ``say(facts) -> reason``."""

    find: Callable[[], dict]
    judge: Callable[[dict], str]
    say: Callable[[dict], str]

    def __call__(self) -> tuple[str, str]:
        facts = self.find()
        return self.judge(facts), self.say(facts)


def _cast(votes: pd.Series) -> str:
    return ", ".join(f"{s} {v}" for s, v in votes.items())


def find_earlier_ukraine(iso3: str) -> dict:
    return {"votes": _earlier_ukraine(iso3), "es7": _wide().loc["A/RES/ES-11/7", iso3]}


def say_us_yes_on_ukraine_before(f: dict) -> str:
    votes = f["votes"]
    return (f"the USA voted yes on {int((votes == 'Y').sum())} of the {len(votes)} earlier GA texts on "
            f"Ukraine (68/262 and ES-11/1 to ES-11/6): {_cast(votes)}; on ES-11/7 it voted {f['es7']}")


def say_israel_on_ukraine_before(f: dict) -> str:
    return f"Israel never voted no on the earlier GA texts on Ukraine ({_cast(f['votes'])}); on ES-11/7 it voted " \
           f"{f['es7']}"


def find_first_time_with_russia() -> dict:
    wide, dates = _wide(), _dates()
    earlier = wide.loc[list(UKRAINE_TEXTS)]
    before = wide.loc[dates[dates < "2025-02-24"].index.intersection(wide.index)]
    against = before[(before["USA"] == "N") & (before["RUS"] == "N") & (before["GBR"] == "Y") & (before["FRA"] == "Y")]
    return {"on_ukraine": int(((earlier["USA"] == "N") & (earlier["RUS"] == "N")).sum()), "earlier": len(earlier),
            "against": len(against), "years": dates[against.index].dt.year,
            "both_no": int(((before["USA"] == "N") & (before["RUS"] == "N")).sum())}


def judge_first_time_with_russia(f: dict) -> str:
    return "partly right" if f["on_ukraine"] == 0 and f["against"] else ("right" if f["on_ukraine"] == 0 else "wrong")


def say_first_time_with_russia(f: dict) -> str:
    return (f"on a GA text on Ukraine it is the first time: the USA and Russia voted no together on "
            f"{f['on_ukraine']} of the {f['earlier']} earlier ones. But across 1946-2024 they voted no together "
            f"on {f['both_no']} GA votes, {f['against']} of them while the UK and France voted yes "
            f"({f['years'].min()}-{f['years'].max()}, mostly budget and staff texts), so not the first time in the "
            "record")


def find_lockstep_2023() -> dict:
    from worldorder import pairs

    return {"allies": {c: pairs.coincidence(c, 2023) for c in ALLIES},
            "others": {c: pairs.coincidence(c, 2023) for c in ADVERSARIES}}


def judge_lockstep_2023(f: dict) -> str:
    ordered = min(f["allies"].values()) > max(f["others"].values())
    lockstep = min(f["allies"].values()) >= 0.95
    return "right" if ordered and lockstep else "partly right" if ordered else "wrong"


def say_lockstep_2023(f: dict) -> str:
    from worldorder import names

    text = "; ".join(f"{names.country_label(c)} {v:.0%}" for c, v in {**f["allies"], **f["others"]}.items())
    return (f"voting coincidence with the USA in 2023 (State Department rule): {text}; the allies agree "
            f"far more often than Russia, China or North Korea, but well short of 'lockstep'")


def find_state_department_2023() -> dict:
    from worldorder import pairs, record

    seats = [c for c in record.votes(years=2023, body="GA")["iso3"].unique() if c != "USA"]
    return {"scores": pd.Series({c: pairs.coincidence(c, 2023) for c in seats}).sort_values()}


def say_state_department_2023(f: dict) -> str:
    from worldorder import names

    top = ", ".join(f"{names.country_label(c)} {v:.0%}" for c, v in f["scores"].tail(5)[::-1].items())
    low = ", ".join(f"{names.country_label(c)} {v:.0%}" for c, v in f["scores"].head(5).items())
    return (f"the highest 2023 voting coincidences with the USA (the State Department's rule, recomputed "
            f"from the roll calls): {top}; the lowest: {low}. The report itself is not shipped")


def find_yes_counts() -> dict:
    from worldorder import record

    table = record.resolutions(resolutions=["ES-11/1", "ES-11/7"]).set_index("resolution")["yes"]
    return {"first": int(table["A/RES/ES-11/1"]), "later": int(table["A/RES/ES-11/7"])}


def find_fewest_no() -> dict:
    from worldorder import record

    return {"fewest": int(record.resolutions(resolutions=list(UKRAINE_TEXTS[1:]))["no"].min())}


def say_never_unanimous(f: dict) -> str:
    return (f"support did fall (see the ES-11/1 and ES-11/7 yes counts), but no earlier ES-11 text "
            f"was unanimous: the fewest no votes on ES-11/1 to ES-11/6 was {f['fewest']}")


def _same_share(table: pd.DataFrame, other: str, by=None):
    us = table["USA"]
    both = us.isin(["Y", "N", "A"]) & table[other].isin(["Y", "N", "A"])
    same = us[both] == table.loc[both, other]
    return float(same.mean()) if by is None else same.groupby(by[both]).mean()


def find_alignment_by_decade() -> dict:
    wide, dates = _wide(), _dates()
    decade = (dates.reindex(wide.index).dt.year // 10 * 10)
    allies = pd.concat([_same_share(wide, c, decade) for c in ("GBR", "FRA", "CAN")], axis=1).mean(axis=1)
    russia = _same_share(wide, "RUS", decade)
    return {"allies": allies, "russia": russia, "decades": allies.index.intersection(russia.index)}


def say_alignment_by_decade(f: dict) -> str:
    text = "; ".join(f"{d}s {f['allies'][d]:.0%} vs {f['russia'][d]:.0%}" for d in f["decades"])
    return f"share of GA votes on which the USA voted as the UK, France and Canada (mean) vs as Russia/USSR, by " \
           f"decade: {text}"


def find_us_russia_cold_war() -> dict:
    wide, dates = _wide(), _dates()
    years = dates.reindex(wide.index).dt.year
    cold = wide[(years >= 1946) & (years <= 1991)]
    return {"rus": _same_share(cold, "RUS"), "gbr": _same_share(cold, "GBR")}


QUERIES = {
    "us_yes_on_ukraine_before": Query(lambda: find_earlier_ukraine("USA"),
                                      lambda f: "right" if (f["votes"] == "Y").all() else "wrong",
                                      say_us_yes_on_ukraine_before),
    "israel_on_ukraine_before": Query(lambda: find_earlier_ukraine("ISR"),
                                      lambda f: "right" if not (f["votes"] == "N").any() else "wrong",
                                      say_israel_on_ukraine_before),
    "first_time_with_russia": Query(find_first_time_with_russia, judge_first_time_with_russia,
                                    say_first_time_with_russia),
    "lockstep_2023": Query(find_lockstep_2023, judge_lockstep_2023, say_lockstep_2023),
    "state_department_2023": Query(find_state_department_2023, lambda f: "right", say_state_department_2023),
    "support_eroded": Query(find_yes_counts, lambda f: "right" if f["first"] > f["later"] else "wrong",
                            lambda f: f"ES-11/1 (2022) had {f['first']} yes votes, ES-11/7 (2025) {f['later']}"),
    "never_unanimous": Query(find_fewest_no, lambda f: "partly right", say_never_unanimous),
    "alignment_by_decade": Query(find_alignment_by_decade,
                                 lambda f: "right" if bool((f["allies"][f["decades"]] > f["russia"][f["decades"]])
                                                           .all()) else "partly right",
                                 say_alignment_by_decade),
    "us_russia_cold_war": Query(find_us_russia_cold_war, lambda f: "right" if f["rus"] < f["gbr"] else "wrong",
                                lambda f: f"1946-1991: the USA voted as the USSR on {f['rus']:.0%} of the GA votes "
                                          f"both cast, as the UK on {f['gbr']:.0%}"),
}


def run_query(name: str) -> tuple[str, str]:
    """Run one named query of :data:`QUERIES`: (rating, reason)."""
    if name not in QUERIES:
        raise ValueError(f"unknown query {name!r}; use one of {', '.join(QUERIES)}")
    return QUERIES[name]()


def _forget_record() -> None:
    """Forget the record tables the queries read: :func:`worldorder.data.clear_cache` calls this."""
    _wide.cache_clear()
    _dates.cache_clear()


data.on_clear(_forget_record)
