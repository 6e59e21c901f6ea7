"""How the UN decides, as code: the Charter's voting rules applied to any recorded vote, with the margin.

Each rule takes one recorded vote (any spelling :func:`worldorder.names.resolution` accepts) and
returns one row: the counts the rule looks at, the votes needed, whether the rule is met, and the
*margin*: the fewest states that would have had to switch (yes → no, or no → yes) for the outcome to
change. Abstentions and absences stay as they were; only yes and no votes switch.

The rules, as quoted in ``wo.data.documents()``:

- GA important questions, Article 18(2): two-thirds of the members present and voting. Members
  "present and voting" cast a yes or a no vote; abstentions do not count (rule 86 of the GA's rules of
  procedure).
- GA other questions, Article 18(3): a majority of the members present and voting (more yes than no).
- SC, Article 27(3): nine affirmative votes (seven while the Council had eleven members, before 1966)
  including the concurring votes of the permanent members. By practice a permanent member's abstention
  is not a veto. The data cannot say which SC votes were procedural (Article 27(2), no veto).

What the data can and cannot tell: every GA vote in the record is on an *adopted* resolution (the UN
Digital Library collection holds adopted resolutions, not failed drafts), and most SC rows are adopted
resolutions too, so the rules are checked against outcomes we know; a rule that is "not met" on an
adopted resolution flags a vote decided under another rule (or a roll call that is incomplete).

>>> import worldorder as wo
>>> row = wo.rules.ga_important_question("ES-11/7")
>>> bool(row["met"]), int(row["margin"])
(True, 20)
>>> wo.rules.ga_important_question("Narnia/1")
Traceback (most recent call last):
...
ValueError: ...
"""

from __future__ import annotations

import pandas as pd

from worldorder import data, names, record

PERMANENT = ("CHN", "FRA", "GBR", "RUS", "USA")
"""The permanent members' seats (``RUS`` holds the USSR's seat; ``CHN`` the seat of China throughout)."""

RULES = {
    "majority": ("GA simple majority", "charter-art18-3"),
    "two_thirds": ("GA important question (two-thirds)", "charter-art18-2"),
    "article27": ("SC Article 27(3)", "charter-art27-3"),
}


def switches_majority(yes: int, no: int) -> int | None:
    """Fewest yes↔no switches that change a simple-majority outcome (more yes than no), or None.

    >>> switches_majority(10, 4)    # 7 to 7 is a tie, and a tie fails
    3
    >>> switches_majority(4, 4)     # a tie fails; one no → yes passes it
    1
    >>> switches_majority(0, 0) is None
    True
    >>> switches_majority(-1, 2)
    Traceback (most recent call last):
    ...
    ValueError: Vote counts cannot be negative: yes=-1, no=2.
    """
    _counts(yes, no)
    k = (yes - no + 1) // 2 if yes > no else (no - yes) // 2 + 1
    return k if k <= (yes if yes > no else no) else None


def switches_two_thirds(yes: int, no: int) -> int | None:
    """Fewest yes↔no switches that change a two-thirds outcome (yes ≥ 2/3 of yes + no), or None.

    >>> switches_two_thirds(93, 18)   # 74 to 37 still passes; 73 to 38 fails
    20
    >>> switches_two_thirds(10, 6)    # fails; one no → yes makes 11 to 5
    1
    """
    _counts(yes, no)
    if _two_thirds(yes, no):
        return (yes - 2 * no) // 3 + 1
    k = max(1, (2 * no - yes + 2) // 3)
    return k if k <= no else None


def _counts(yes, no) -> None:
    if yes < 0 or no < 0:
        raise ValueError(f"Vote counts cannot be negative: yes={yes}, no={no}.")


def _two_thirds(yes: int, no: int) -> bool:
    return yes > 0 and 3 * yes >= 2 * (yes + no)


def _vote(resolution) -> tuple[pd.Series, pd.DataFrame]:
    symbol = names.resolution(resolution)
    row = record.resolutions(resolutions=symbol).iloc[0]
    return row, record.vote_table(symbol)


def _base(row: pd.Series, rule: str) -> dict:
    return {"resolution": row["resolution"], "short": row["short"], "body": row["body"],
            "date": row["date"], "rule": RULES[rule][0], "source": RULES[rule][1],
            "yes": int(row["yes"]), "no": int(row["no"]), "abstain": int(row["abstain"]),
            "non_voting": int(row["non_voting"])}


def _ga(resolution, rule: str) -> pd.Series:
    row, _ = _vote(resolution)
    if row["body"] != "GA":
        raise ValueError(f"{row['resolution']} is a Security Council vote; this rule is for the General Assembly "
                         "(use sc_article27).")
    out = _base(row, rule)
    yes, no = out["yes"], out["no"]
    out["present_and_voting"] = yes + no
    if rule == "majority":
        out["needed"] = no + 1 if yes + no else 1
        out["met"] = yes > no
        out["margin"] = switches_majority(yes, no)
    else:
        out["needed"] = -(-2 * (yes + no) // 3) if yes + no else 1
        out["met"] = _two_thirds(yes, no)
        out["margin"] = switches_two_thirds(yes, no)
    out["recorded"] = yes + no + out["abstain"] > 0
    return pd.Series(out)


def ga_simple_majority(resolution) -> pd.Series:
    """Article 18(3) applied to one GA vote: more yes than no among members present and voting.

    Returns a row: counts, ``present_and_voting`` (yes + no), ``needed`` yes votes, ``met``, ``margin``
    (fewest yes↔no switches that would change the outcome; missing if none would), ``recorded`` (False when
    the roll call lists no yes, no or abstention: a resolution adopted without a recorded vote).

    >>> row = ga_simple_majority("ES-11/1")
    >>> int(row["needed"]), bool(row["met"])
    (6, True)
    >>> ga_simple_majority("S/RES/2774 (2025)")
    Traceback (most recent call last):
    ...
    ValueError: S/RES/2774 (2025) is a Security Council vote; this rule is for the General Assembly (use sc_article27).
    """
    return _ga(resolution, "majority")


def ga_important_question(resolution) -> pd.Series:
    """Article 18(2) applied to one GA vote: two-thirds of the members present and voting.

    Abstentions are not "voting"; the threshold is two-thirds of yes + no, not of all members.

    >>> row = ga_important_question("ES-11/7")
    >>> int(row["present_and_voting"]), int(row["needed"]), bool(row["met"])
    (111, 74, True)
    """
    return _ga(resolution, "two_thirds")


def council_size(listed: int) -> int:
    """Seats on the Council from the number of seats a roll call lists: 11 before 1966, 15 since.

    >>> council_size(15), council_size(11)
    (15, 11)
    >>> council_size(13)
    Traceback (most recent call last):
    ...
    ValueError: A Security Council roll call lists 13 seats; the Council had 11 (1946-1965) or 15 (since 1966).
    """
    if listed not in (11, 15):
        raise ValueError(f"A Security Council roll call lists {listed} seats; the Council had 11 (1946-1965) "
                         "or 15 (since 1966).")
    return listed


def sc_article27(resolution) -> pd.Series:
    """Article 27(3) applied to one SC vote: nine yes (seven on the eleven-member Council) and no permanent no.

    An abstaining permanent member does not block (the practice recorded with the Article in
    ``wo.data.documents()``). The data cannot tell procedural votes (Article 27(2), no veto) from the rest,
    so every vote is treated as substantive. ``margin``: fewest yes↔no switches that change the outcome
    (one permanent member switching to no vetoes).

    >>> row = sc_article27("S/RES/2774 (2025)")
    >>> int(row["needed"]), bool(row["met"]), int(row["margin"])
    (9, True, 1)
    >>> sc_article27("ES-11/7")
    Traceback (most recent call last):
    ...
    ValueError: A/RES/ES-11/7 is a General Assembly vote; Article 27 is the Security Council's rule.
    """
    row, table = _vote(resolution)
    if row["body"] != "SC":
        raise ValueError(f"{row['resolution']} is a General Assembly vote; Article 27 is the Security Council's rule.")
    out = _base(row, "article27")
    seats = council_size(out["yes"] + out["no"] + out["abstain"] + out["non_voting"])
    needed = 7 if seats == 11 else 9
    p5 = table.set_index("iso3")["vote"].reindex(list(PERMANENT)).fillna("X")
    p5_yes, p5_no = int((p5 == "Y").sum()), int((p5 == "N").sum())
    out.update(seats=seats, needed=needed, permanent_yes=p5_yes, permanent_no=p5_no,
               permanent_votes="".join(p5.tolist()))
    out["met"] = out["yes"] >= needed and p5_no == 0
    out["margin"] = _sc_margin(out["yes"], out["no"], p5_yes, p5_no, needed, out["met"])
    out["recorded"] = out["yes"] + out["no"] + out["abstain"] > 0
    return pd.Series(out)


def _sc_margin(yes, no, p5_yes, p5_no, needed, met) -> int | None:
    if met:
        return 1 if p5_yes else yes - needed + 1
    extra = max(0, needed - yes - p5_no)
    return p5_no + extra if extra <= no - p5_no and (p5_no or extra) else None


def decide(resolution, important_question: bool = False) -> pd.Series:
    """The rule for a vote: Article 27(3) in the SC; in the GA a simple majority, or two-thirds when
    ``important_question`` is True.

    The data do not say which GA votes were taken as important questions under Article 18(2): the
    ``important`` column of ``wo.resolutions()`` is the US State Department's list of "important votes",
    another thing. So the choice is the caller's; :func:`margins` reports both GA rules.

    >>> decide("ES-11/7")["rule"]
    'GA simple majority'
    >>> decide("ES-11/7", important_question=True)["rule"]
    'GA important question (two-thirds)'
    >>> decide("A/RES/99/999")
    Traceback (most recent call last):
    ...
    ValueError: ...
    """
    row, _ = _vote(resolution)
    if row["body"] == "SC":
        return sc_article27(row["resolution"])
    return (ga_important_question if important_question else ga_simple_majority)(row["resolution"])


def margins(resolutions) -> pd.DataFrame:
    """:func:`decide` (simple majority in the GA), plus the two-thirds test for every GA vote, for a list of
    votes (one row each): ``margin`` under the rule applied, ``two_thirds_met`` and ``two_thirds_margin``.

    >>> table = margins(["ES-11/7", "ES-11/8"])
    >>> table["margin"].tolist(), table["two_thirds_margin"].tolist()
    ([38, 43], [20, 26])
    >>> margins(["A/RES/99/999"])
    Traceback (most recent call last):
    ...
    ValueError: Unknown resolution 'A/RES/99/999'. Did you mean ...?
    """
    rows = []
    for r in ([resolutions] if isinstance(resolutions, str) else list(resolutions)):
        out = decide(r)
        if out["body"] == "GA":
            two = ga_important_question(out["resolution"])
            out = pd.concat([out, pd.Series({"two_thirds_met": two["met"], "two_thirds_margin": two["margin"]})])
        rows.append(out)
    table = pd.DataFrame(rows).reset_index(drop=True)
    for column in ("margin", "two_thirds_margin"):
        if column in table:
            table[column] = table[column].astype("Int64")
    return table


def two_thirds_of_voting_only(years=None) -> pd.DataFrame:
    """GA votes that had two-thirds of those present and voting but fewer yes votes than two-thirds of the
    seats listed in the roll call (the members at the time): where "abstentions do not count" matters.

    >>> "A/RES/ES-11/7" in set(two_thirds_of_voting_only(2025)["resolution"])
    True
    >>> two_thirds_of_voting_only(1964)
    Traceback (most recent call last):
    ...
    ValueError: There are no recorded General Assembly votes in 1964: ...
    """
    ga = record.resolutions(years=years, body="GA")
    listed = ga[["yes", "no", "abstain", "non_voting"]].sum(axis=1)
    voting = ga["yes"] + ga["no"]
    keep = (ga["yes"] > 0) & (3 * ga["yes"] >= 2 * voting) & (3 * ga["yes"] < 2 * listed)
    out = ga.loc[keep, ["resolution", "short", "date", "session", "title", "yes", "no", "abstain", "non_voting"]]
    return out.assign(members=listed[keep]).reset_index(drop=True)


def emergency_sessions() -> pd.DataFrame:
    """The GA's emergency special sessions found in the record (sessions ``ES-1`` …), with their recorded votes
    counted from the roll calls: first and last vote, number of recorded votes, and yes/no/abstain summed.

    Sessions whose decisions were all taken without a recorded vote do not appear.

    >>> table = emergency_sessions()
    >>> table["session"].iloc[0], bool(table["recorded_votes"].gt(0).all())
    ('ES-1', True)
    """
    ga = data.resolution_table()
    es = ga[(ga["body"] == "GA") & ga["session"].astype(str).str.startswith("ES-")]
    cast = es[["yes", "no", "abstain"]].sum(axis=1) > 0
    table = es.assign(recorded=cast).groupby("session", observed=True).agg(
        first_vote=("date", "min"), last_vote=("date", "max"), resolutions=("resolution", "size"),
        recorded_votes=("recorded", "sum"), yes=("yes", "sum"), no=("no", "sum"), abstain=("abstain", "sum"),
        example=("title", "first")).reset_index()
    table["number"] = table["session"].str.removeprefix("ES-").astype(int)
    return table.sort_values("number").drop(columns="number").reset_index(drop=True)


def documents_for(rules=("charter-art18-2", "charter-art18-3", "charter-art27-2", "charter-art27-3",
                         "charter-art25", "charter-art10", "charter-art12-1", "ufp-377a-resolves")) -> pd.DataFrame:
    """The quotations behind the rules, from ``wo.data.documents()``, in the order given, with their source.

    >>> documents_for(["charter-art25"])["section"].tolist()
    ['Article 25']
    >>> documents_for(["charter-art99"])
    Traceback (most recent call last):
    ...
    ValueError: No quotation with doc_id 'charter-art99' in wo.data.documents().
    """
    docs = data.documents().set_index("doc_id")
    missing = [d for d in rules if d not in docs.index]
    if missing:
        raise ValueError(f"No quotation with doc_id {missing[0]!r} in wo.data.documents().")
    return docs.loc[list(rules), ["document", "section", "quote", "url", "status", "note"]].reset_index()


def quote(doc_id: str) -> str:
    """One quotation as Markdown: the text as a block quote, then its document, section, status and URL.

    >>> quote("charter-art25").splitlines()[0][:30]
    '> The Members of the United Na'
    """
    d = documents_for([doc_id]).iloc[0]
    return f"> {d['quote']}\n\n— {d['document']}, {d['section']} ({d['status']}; <{d['url']}>)"


__all__ = ["PERMANENT", "council_size", "decide", "documents_for", "emergency_sessions", "ga_important_question",
           "ga_simple_majority", "margins", "quote", "sc_article27", "switches_majority", "switches_two_thirds",
           "two_thirds_of_voting_only"]

