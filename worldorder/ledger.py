"""The claims ledger: what the five seed articles say, checked against the project's data.

    import worldorder as wo
    ledger = wo.claims()                           # data/claims.csv with a computed `verdict`
    wo.check_claim("vote_list", "S/RES/2774 (2025)", "A", ["UK", "France", "Denmark", "Greece"], scope="exact")
    # → incomplete: the record shows 5 abstaining ...; the claim leaves out Slovenia (SVN)

Vote claims are never judged by hand: their verdict is computed from ``wo.votes()`` and the
official totals in ``wo.resolutions()``. Claims about history cite rows of ``wo.timeline()``;
historical and comparative claims run a named query over the whole record (kind ``record``); other claims
carry the hand judgement (``judged``), the ``documents`` of ``wo.data.documents()`` and the ``source`` that
settles them. The coding rules are in :mod:`worldorder.claimrules` and in data/README.md.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from worldorder import articles, claimrules, data, names, record
from worldorder.vocab import VOTE_CODES, VOTE_LABELS

CLAIMS_FILE = "claims.csv"
COLUMNS = ["claim_id", "seed", "fact", "quote", "claim", "kind", "resolution", "vote", "countries", "scope",
           "number", "timeline", "judged", "source", "note", "claim_type", "documents", "query", "exercise"]
VOTE_KINDS = ("vote_total", "country_vote", "vote_list", "same_vote", "outcome")
KINDS = (*VOTE_KINDS, "record", "history", "other", claimrules.NOT_CHECKABLE)
DERIVED_SCOPE = ("vote_list", "same_vote")
SCOPES = ("exact", "some", "none")
JUDGEMENTS = ("right", "partly right", "wrong", "cannot be checked")
RATINGS = ("right", "partly right", "incomplete", "wrong", "cannot be checked")
CANNOT = "cannot be checked with the project's data"
OFFICIAL = {"Y": "yes", "N": "no", "A": "abstain", "X": "non_voting"}
VERB = {"Y": "voting yes", "N": "voting no", "A": "abstaining", "X": "not voting"}
GROUP = {"Y": "yes votes", "N": "no votes", "A": "abstentions", "X": "members not voting"}


class ClaimsFileError(data.DataFileError, ValueError):
    """A cell of data/claims.csv that the ledger cannot use (names the file, the line and the problem)."""


@dataclass(frozen=True)
class Verdict:
    """A rating (right, partly right, incomplete, wrong, cannot be checked) and why."""

    rating: str
    reason: str

    def __str__(self) -> str:
        label = CANNOT if self.rating == "cannot be checked" else self.rating
        return f"{label}: {self.reason}"


# ---------------------------------------------------------------- seeds


@functools.cache
def _seed_texts() -> tuple[tuple[str, str], ...]:
    return tuple((i, " ".join(articles.seed_text(i).split())) for i in articles.seed_sources()["id"])


data.on_clear(_seed_texts.cache_clear)


def seed_texts() -> dict[str, str]:
    """Seed id → article text (whitespace collapsed), a fresh dict on every call."""
    return dict(_seed_texts())


# ---------------------------------------------------------------- computing one verdict


def _label(codes) -> str:
    labels = [names.country_label(c) for c in codes]
    return labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + " and " + labels[-1]


def _roll_call(symbol: str) -> pd.Series:
    return record.votes(resolutions=[symbol]).set_index("iso3")["vote"]


def _vote_code(vote: str) -> str:
    code = str(vote).strip().upper()
    if code not in VOTE_CODES:
        raise ValueError(f"Unknown vote {vote!r}: use one of {', '.join(VOTE_CODES)} ({VOTE_LABELS}).")
    return code


def _countries(countries) -> list[str]:
    if countries is None or (isinstance(countries, float) and pd.isna(countries)) or countries == "":
        return []
    if isinstance(countries, str):
        countries = [c for c in re.split(r"[;,]", countries) if c.strip()]
    return names.country_keys(list(countries))


def _check_total(symbol: str, code: str, number) -> Verdict:
    roll = _roll_call(symbol)
    counted = int((roll == code).sum())
    official = record.resolutions(resolutions=[symbol]).iloc[0][f"official_{OFFICIAL[code]}"]
    where = f"{GROUP[code]} on {symbol}" + ("" if pd.isna(official) else f" (the official total is {official})")
    if number is None:
        raise ValueError("A vote_total claim needs a number.")
    if int(number) == counted:
        return Verdict("right", f"the roll call counts {counted} {where}")
    return Verdict("wrong", f"the roll call counts {counted} {where}, not {int(number)}")


def _check_countries(symbol: str, code: str, named: list[str]) -> Verdict:
    roll = _roll_call(symbol)
    if not named:
        raise ValueError("A country_vote claim needs at least one country.")
    named = sorted(named)
    actual = {c: roll.get(c) for c in named}
    good = [c for c in named if actual[c] == code]
    bad = [c for c in named if actual[c] != code]
    if not bad:
        return Verdict("right", f"the roll call has {_label(good)} {VERB[code]} on {symbol}")
    slips = "; ".join(f"{names.country_label(c)} " + VERB.get(actual[c], "not listed")
                      for c in bad)
    if good:
        return Verdict("partly right", f"{_label(good)} did vote as claimed on {symbol}, but the roll call has {slips}")
    return Verdict("wrong", f"the roll call has {slips} on {symbol}, not {VERB[code]}")


def _check_list(symbol: str, code: str, named: list[str], scope: str, number) -> Verdict:
    roll = _roll_call(symbol)
    group = sorted(roll.index[roll == code])
    if scope == "none":
        if not group:
            return Verdict("right", f"no member is recorded {VERB[code]} on {symbol}")
        return Verdict("wrong", f"the roll call has {len(group)} {GROUP[code]} on {symbol}: {_label(group)}")
    if named:
        named_verdict = _check_countries(symbol, code, named)
        if named_verdict.rating != "right":
            return named_verdict
    if number is not None and int(number) != len(group):
        return Verdict("wrong", f"the roll call has {len(group)} {GROUP[code]} on {symbol}, not {int(number)}: "
                                f"{_label(group)}")
    missing = [c for c in group if c not in named]
    if scope == "exact" and missing:
        return Verdict("incomplete", f"the roll call has {len(group)} {GROUP[code]} on {symbol}; "
                                     f"the claim leaves out {_label(missing)}")
    if scope == "exact" or number is not None:
        return Verdict("right", f"the roll call's {len(group)} {GROUP[code]} on {symbol} are {_label(group)}")
    return Verdict("right", f"the roll call has {_label(sorted(named))} {VERB[code]} on {symbol}, "
                            f"among {len(group)} {GROUP[code]} in all")


def _check_same(symbols: list[str], named: list[str], scope: str, number) -> Verdict:
    if len(named) < 2 or number is None:
        raise ValueError("A same_vote claim needs two or more countries and a number of votes.")
    alike, unlike = [], []
    for symbol in symbols:
        roll = _roll_call(symbol)
        cast = [roll.get(c) for c in named]
        text = ", ".join(f"{c} {VOTE_LABELS.get(v, 'not listed')}" for c, v in zip(named, cast))
        same = None not in cast and len(set(cast)) == 1 and cast[0] != "X"
        (alike if same else unlike).append(f"{symbol} ({VOTE_LABELS[cast[0]]})" if same else f"{symbol} ({text})")
    who = " and ".join(named)
    found = f"{who} voted alike on {len(alike)} of these {len(symbols)} votes: " + (
        "; ".join(alike) if alike else "none") + ("; not on " + "; ".join(unlike) if unlike else "")
    ok = len(alike) == int(number) if scope == "exact" else len(alike) >= int(number)
    return Verdict("right" if ok else "wrong", found)


def _check_outcome(symbol: str) -> Verdict:
    row = record.resolutions(resolutions=[symbol]).iloc[0]
    yes, no, abstain = int(row["yes"]), int(row["no"]), int(row["abstain"])
    rule = ("at least 9 yes votes and no vote against, so no veto was possible" if row["body"] == "SC"
            else "a two-thirds majority of those voting yes or no")
    passed = (yes >= 9 and no == 0) if row["body"] == "SC" else yes >= 2 * no
    if not passed:
        return Verdict("cannot be checked", f"{symbol}: {yes} yes, {no} no, {abstain} abstentions; "
                                            "the roll call alone does not show whether a permanent member vetoed it")
    return Verdict("right", f"{symbol} was adopted ({yes} yes, {no} no, {abstain} abstentions: {rule})")


def check_claim(kind: str, resolution=None, vote=None, countries=None, scope: str = "some", number=None) -> Verdict:
    """Compute the verdict of one vote claim from the roll call.

    - ``vote_total``: ``number`` of ``vote`` (Y/N/A/X) in ``resolution``.
    - ``country_vote``: each of ``countries`` cast ``vote``.
    - ``vote_list``: ``countries`` are the states that cast ``vote``; ``scope`` "exact" (the complete list),
      "some" (examples) or "none" (no state did); an optional ``number`` is the size of the whole group.
    - ``same_vote``: ``countries`` voted alike on ``number`` of the votes in ``resolution``
      (several symbols separated by ';'), exactly ("exact") or at least ("some").
    - ``outcome``: the resolution was adopted.

    Returns a :class:`Verdict`: right, partly right, incomplete or wrong, with the countries or numbers involved.
    """
    if kind not in VOTE_KINDS:
        raise ValueError(f"Unknown claim kind {kind!r} for a computed verdict: use one of {', '.join(VOTE_KINDS)}.")
    if scope not in SCOPES:
        raise ValueError(f"Unknown scope {scope!r}: use one of {', '.join(SCOPES)}.")
    number = None if number is None or pd.isna(number) or number == "" else int(float(number))
    named = _countries(countries)
    if kind == "same_vote":
        symbols = [names.resolution(s.strip()) for s in str(resolution).split(";") if s.strip()]
        return _check_same(symbols, named, scope, number)
    symbol = names.resolution(resolution)
    if kind == "outcome":
        return _check_outcome(symbol)
    code = _vote_code(vote)
    if kind == "vote_total":
        return _check_total(symbol, code, number)
    if kind == "country_vote":
        return _check_countries(symbol, code, named)
    return _check_list(symbol, code, named, scope, number)


def _documents_cited(ids: str) -> str:
    table = data.documents().set_index("doc_id")
    return "; ".join(f"{d} ({table.loc[d, 'section']}, {table.loc[d, 'status']})" for d in ids.split(";"))


def _cited(row) -> Verdict:
    reason = row["note"] if isinstance(row["note"], str) else ""
    if row["kind"] == "record":
        rating, found = claimrules.run_query(row["query"])
        return Verdict(rating, f"{found}. {reason} [query: {row['query']}]".replace(". . ", ". ").strip())
    if isinstance(row.get("documents"), str):
        reason = f"{reason} [documents: {_documents_cited(row['documents'])}]"
    if row["kind"] == "history" and isinstance(row["timeline"], str):
        events = data.timeline().set_index(data.timeline()["start"].dt.strftime("%Y-%m-%d"))
        rows = [events.loc[[d]] for d in row["timeline"].split(";")]
        cites = "; ".join(f"{r.date} {r.event}" for part in rows for r in part.itertuples())
        reason = f"{reason} [timeline: {cites}]"
    elif isinstance(row["source"], str):
        reason = f"{reason} [source: {row['source']}]"
    return Verdict(row["judged"], reason.strip())


# ---------------------------------------------------------------- the ledger


def _problem(path: Path, line: int | None, claim_id, message: str) -> ClaimsFileError:
    where = f"{path}, line {line} (claim {claim_id})" if line else str(path)
    return ClaimsFileError(f"{where}: {message}")


def _validate_rules(row, doc_ids: set[str]) -> None:
    """The coding rules of :mod:`worldorder.claimrules` that a row can break."""
    kind, ctype = row["kind"], row["claim_type"]
    if ctype not in claimrules.CLAIM_TYPES:
        raise ValueError(f"`claim_type` must be one of {', '.join(claimrules.CLAIM_TYPES)}; got {ctype!r}")
    if kind in VOTE_KINDS and ctype != claimrules.VOTE_FACT:
        raise ValueError(f"a {kind} claim is a {claimrules.VOTE_FACT!r}, not {ctype!r}")
    if kind in ("history", "record") and ctype != claimrules.HISTORICAL:
        raise ValueError(f"a {kind} claim is a {claimrules.HISTORICAL!r}, not {ctype!r}")
    if kind in DERIVED_SCOPE and isinstance(row["scope"], str) and row["scope"] != "none":
        raise ValueError(f"the scope of a {kind} claim is derived from the quote (rule 3): leave it empty "
                         f"({claimrules.scope_reason(row['quote'], kind)})")
    if kind == "record" and row["query"] not in claimrules.QUERIES:
        raise ValueError(f"unknown query {row['query']!r}; use one of {', '.join(claimrules.QUERIES)}")
    documents = row["documents"].split(";") if isinstance(row["documents"], str) else []
    unknown = [d for d in documents if d not in doc_ids]
    if unknown:
        raise ValueError(f"no document {', '.join(unknown)} in wo.data.documents()")
    if kind == "other" and ctype in claimrules.DOCUMENT_TYPES and row["judged"] != "cannot be checked" and not documents:
        raise ValueError(f"a rated {ctype} must cite `documents` (rule 6)")
    if row["judged"] == "cannot be checked" and claimrules.DECIDING not in str(row["source"]) and \
            row["kind"] != "history":
        raise ValueError(f"a claim that cannot be checked names '{claimrules.DECIDING} ...' in `source` (rule 7)")
    if kind == claimrules.NOT_CHECKABLE and (ctype not in (claimrules.INTERPRETATION, claimrules.PREDICTION)
                                            or not isinstance(row["note"], str)):
        raise ValueError("a not-checkable sentence is an interpretation or a prediction and gives its reason in `note`")


def _validate_row(row, texts: dict[str, str], timeline_dates: set[str], doc_ids: set[str] = frozenset()) -> None:
    kind = row["kind"]
    if row["seed"] not in texts:
        raise ValueError(f"unknown seed {row['seed']!r}; the seeds are {', '.join(texts)}")
    if not isinstance(row["quote"], str) or " ".join(row["quote"].split()) not in texts[row["seed"]]:
        raise ValueError(f"the quote is not found word for word in the {row['seed']} seed: {row['quote']!r}")
    if kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r}; use one of {', '.join(KINDS)}")
    _validate_rules(row, doc_ids)
    if kind in (claimrules.NOT_CHECKABLE, "record"):
        return
    if kind in VOTE_KINDS:
        for symbol in str(row["resolution"]).split(";"):
            names.resolution(symbol.strip())
        _countries(row["countries"])
        check_claim(kind, row["resolution"], row["vote"], row["countries"], _scope(row), row["number"])
        return
    if row["judged"] not in JUDGEMENTS:
        raise ValueError(f"a {kind} claim needs `judged`, one of {', '.join(JUDGEMENTS)}; got {row['judged']!r}")
    if kind == "history" and isinstance(row["timeline"], str):
        unknown = [d for d in row["timeline"].split(";") if d not in timeline_dates]
        if unknown:
            raise ValueError(f"no timeline event dated {', '.join(unknown)} in wo.timeline()")
    elif not isinstance(row["source"], str) and not isinstance(row["documents"], str):
        raise ValueError(f"a {kind} claim needs a `timeline` date, `documents` or a `source`")


def read_ledger(path: Path | str | None = None) -> pd.DataFrame:
    """The ledger as stored, validated cell by cell (a bad cell raises :class:`ClaimsFileError`)."""
    if path is None:
        path, table = data.data_dir() / CLAIMS_FILE, data.ledger_frame()
        table = table.mask(table == "")
    else:
        path = Path(path)
        try:
            table = pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[""])
        except Exception as err:
            raise _problem(path, None, None, f"could not be read ({err})") from err
    missing = [c for c in COLUMNS if c not in table.columns]
    if missing:
        raise _problem(path, None, None, f"columns {missing} are missing")
    if not table["claim_id"].is_unique:
        raise _problem(path, None, None, f"claim ids repeat: {sorted(table['claim_id'][table['claim_id'].duplicated()])}")
    texts = seed_texts()
    dates = set(data.timeline()["start"].dt.strftime("%Y-%m-%d"))
    doc_ids = set(data.documents()["doc_id"])
    for i, row in table.iterrows():
        try:
            _validate_row(row, texts, dates, doc_ids)
        except ValueError as err:
            raise _problem(path, i + 2, row["claim_id"], str(err)) from err
    table["number"] = pd.to_numeric(table["number"]).astype("Int64")
    table["scope"] = [_scope(row) if row["kind"] in DERIVED_SCOPE else row["scope"] for _, row in table.iterrows()]
    return table


def _scope(row) -> str:
    """The scope of a row: derived from the quote for lists and same-vote claims (rule 3), else as stored."""
    if isinstance(row["scope"], str) and row["scope"] == "none":
        return "none"
    if row["kind"] in DERIVED_SCOPE:
        return claimrules.derive_scope(row["quote"], row["kind"])
    return row["scope"] if isinstance(row["scope"], str) else "some"


def verdict_of(row) -> Verdict:
    """The verdict of one ledger row: computed for vote claims, cited for the others."""
    if row["kind"] in VOTE_KINDS:
        return check_claim(row["kind"], row["resolution"], row["vote"], row["countries"], _scope(row), row["number"])
    return _cited(row)


def not_checkable(path: Path | str | None = None) -> pd.DataFrame:
    """Seed sentences that assert nothing checkable (interpretations, predictions, headings), with the reason."""
    table = read_ledger(path)
    rows = table[table["kind"] == claimrules.NOT_CHECKABLE]
    return rows[["claim_id", "seed", "quote", "claim_type", "note"]].reset_index(drop=True)


def uncovered(path: Path | str | None = None) -> pd.DataFrame:
    """Seed sentences that no row of data/claims.csv quotes (the seeds-coverage test wants none).

    A sentence is covered when a quote lies inside it, it lies inside a quote, or a quote overlaps it.
    """
    table = read_ledger(path)
    missing = []
    for seed, text in seed_texts().items():
        quotes = [" ".join(q.split()) for q in table.loc[table["seed"] == seed, "quote"]]
        spans = [(text.find(q), text.find(q) + len(q)) for q in quotes]
        for sentence in dict.fromkeys(claimrules.sentences(text)):
            start = text.find(sentence)
            end = start + len(sentence)
            if not any(q in sentence or sentence in q or (a < end and b > start) for q, (a, b) in zip(quotes, spans)):
                missing.append({"seed": seed, "sentence": sentence})
    return pd.DataFrame(missing, columns=["seed", "sentence"])


def claims(path: Path | str | None = None, held_back: bool = True) -> pd.DataFrame:
    """The claims ledger with a computed ``verdict`` (full text) and its ``rating`` (right, wrong, ...).

    Sentences listed as not checkable are left out (see :func:`not_checkable`). ``held_back=False`` also leaves
    out the rows kept for the exercises of notebook 04 (``exercise`` is set).
    """
    table = read_ledger(path)
    table = table[table["kind"] != claimrules.NOT_CHECKABLE]
    if not held_back:
        table = table[table["exercise"].isna()]
    table = table.reset_index(drop=True)
    verdicts = [verdict_of(row) for _, row in table.iterrows()]
    table["rating"] = [v.rating for v in verdicts]
    table["verdict"] = [str(v) for v in verdicts]
    return table
