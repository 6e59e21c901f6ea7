"""The record: every recorded UN vote since 1946, as tables a notebook can filter, search and read.

>>> t = resolutions(years=2025, body="GA", focus=True)
>>> list(t["short"])
['ES-11/7', 'ES-11/8', 'ES-11/9', '80/223']
>>> vote_of("ES-11/7", "United States")
'N'
>>> vote_of("ES-11/1", "Palestine")
Traceback (most recent call last):
...
ValueError: Palestine (PSE) has no vote in the General Assembly: it is a non-member observer state.
>>> len(find_votes("uniting for peace", years=1950))
1
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from worldorder import data, membership, memory, names, search
from worldorder.vocab import BODIES, ISSUES, VOTE_CODES, VOTE_LABELS

RESOLUTION_COLUMNS = ["resolution", "short", "body", "date", "year", "session", "title", "yes", "no", "abstain",
                      "non_voting", "official_yes", "official_no", "official_abstain", "official_non_voting",
                      "issues", "issue_coded", "important", "focus", "agenda", "record", "source", "undl_id"]


def _mask(table: pd.DataFrame, years=None, body=None, resolutions=None, focus=None, issue=None) -> np.ndarray:
    keep = np.ones(len(table), dtype=bool)
    if years is not None:
        wanted = names.years(years)
        keep &= table["year"].isin(wanted).to_numpy()
    if body is not None:
        if body not in BODIES:
            raise ValueError(f"Unknown body {body!r}: choose 'GA' (General Assembly) or 'SC' (Security Council).")
        keep &= (table["body"] == body).to_numpy()
    if resolutions is not None:
        keep &= table["resolution"].isin(names.resolution_keys(resolutions)).to_numpy()
    if names.flag(focus, "focus") is not None:
        keep &= (table["focus"] == bool(focus)).to_numpy()
    if issue is not None:
        code = issue_code(issue)
        keep &= table["issues"].str.contains(code, regex=False).to_numpy()
    return keep


def issue_code(issue) -> str:
    """Voeten's code for an issue given its code or name (``"nu"``, ``"nuclear weapons"``)."""
    key = names.normalise(issue)
    for code, label in ISSUES.items():
        if key in (code, names.normalise(label)) or (len(key) > 4 and key in names.normalise(label)):
            return code
    raise ValueError(f"Unknown issue {issue!r}. Choose one of: "
                     + ", ".join(f"{c} ({label})" for c, label in ISSUES.items()) + ".")


def resolutions(years=None, body=None, resolutions=None, focus=None, issue=None) -> pd.DataFrame:
    """One row per recorded vote, GA and SC, in date order, with counted and official totals.

    Filters (all optional): ``years`` (a year, a list or a range), ``body`` (``"GA"`` or ``"SC"``),
    ``resolutions`` (symbols in any form), ``focus`` (True for the twelve focus votes), ``issue``
    (one of Voeten's six issues, known for 1946-2019). ``yes``/``no``/``abstain``/``non_voting`` are
    counted from the roll call; ``official_*`` are published totals where the raw material has them.
    """
    table = data.resolution_table()
    keep = _mask(table, years, body, resolutions, focus, issue)
    found = table.loc[keep, RESOLUTION_COLUMNS].reset_index(drop=True)
    if years is not None and found.empty:
        raise ValueError(no_votes_message(names.years(years), body))
    found["resolution"] = found["resolution"].astype(str)
    found["body"] = found["body"].astype(str)
    return found


def no_votes_message(wanted: list[int], body=None) -> str:
    span = data.resolution_table()
    first, last = int(span["year"].min()), int(span["year"].max())
    shown = ", ".join(map(str, wanted[:5])) + (" ..." if len(wanted) > 5 else "")
    if 1964 in wanted and all(y == 1964 for y in wanted):
        return ("There are no recorded General Assembly votes in 1964: the 19th session was run without votes "
                "during the Article 19 (arrears) crisis (unga_history/PROVENANCE.md §6).")
    if all(y < first or y > last for y in wanted):
        return f"No recorded votes in {shown}: the record runs from {first} to {last}."
    return f"No recorded {'votes' if body is None else BODIES[body] + ' votes'} in {shown} match the filters."


def votes(years=None, body=None, resolutions=None, countries=None, focus=None, issue=None) -> pd.DataFrame:
    """One row per seat per recorded vote: resolution, body, date, year, iso3, vote (Y/N/A/X), disputed.

    Takes the filters of :func:`resolutions` and ``countries`` (names or codes). A state that was not a
    UN member at the time has no row (it is not "did not vote"). ``disputed`` marks the cells that
    another source reports differently (see ``wo.vote_disputes()``).
    """
    table = data.resolution_table()
    keep_rows = np.flatnonzero(_mask(table, years, body, resolutions, focus, issue))
    if years is not None and keep_rows.size == 0:
        raise ValueError(no_votes_message(names.years(years), body))
    arrays = data.vote_arrays()
    chosen = np.isin(arrays["row"], keep_rows) if keep_rows.size < len(table) else slice(None)  # all: no copy
    if countries is not None:
        codes = names.country_keys(countries)
        wanted = np.flatnonzero(np.isin(arrays["iso3_names"], codes))
        chosen = np.isin(arrays["iso3"], wanted) & (True if isinstance(chosen, slice) else chosen)
    rows = arrays["row"][chosen]
    seats = arrays["iso3"][chosen]
    found = pd.DataFrame({
        "resolution": _strings(rows, _column("resolution")),
        "body": _strings(rows, _column("body")),
        "date": table["date"].to_numpy()[rows],
        "year": table["year"].to_numpy()[rows],
        "iso3": _strings(seats, arrays["iso3_names"]),
        "vote": _strings(arrays["vote"][chosen], VOTE_CODES),
    })
    disputed = np.zeros(len(found), dtype=bool)
    seat_index = {s: i for i, s in enumerate(arrays["iso3_names"])}
    for cell in data.vote_disputes().itertuples():
        disputed |= (rows == row_of(cell.resolution)) & (seats == seat_index[cell.iso3])
    found["disputed"] = disputed
    return found


def find_votes(text=None, years=None, body=None, issue=None, focus=None, important=None) -> pd.DataFrame:
    """Search the record by symbol, title, agenda, or the name people give an episode (case and accents ignored).

    Several words must all appear (``"nuclear test"``); a year in the text keeps that year's votes
    (``"Korea 1950"``). A common name of an episode (``"Suez"``, ``"Falklands"``, ``"invasion of Ukraine"``:
    ``data/search_terms.csv``) lists that episode's votes first, the ones a notebook teaches on top, with the
    episode's name in the column ``episode``; the other matches follow in date order. Other filters as in
    :func:`resolutions`; ``important=True`` keeps the State Department's "important votes" (known for
    1983-2019 via Voeten).

    >>> find_votes("Suez")[["resolution", "episode"]].head(2).to_numpy().tolist()
    [['A/RES/997(ES-I)', 'Suez crisis (1956)'], ['A/RES/998(ES-I)', 'Suez crisis (1956)']]
    >>> find_votes("Hungary 1956", body="SC")["resolution"].tolist()
    ['S/RES/120 (1956)']
    """
    table = data.resolution_table()
    keep = _mask(table, years, body, None, focus, issue)
    if important is not None:
        keep &= (table["important"].fillna(-1) == int(bool(important))).to_numpy()
    columns = ["resolution", "short", "body", "date", "title", "yes", "no", "abstain", "non_voting", "issues", "focus"]
    if text is None:
        found = table.loc[keep, columns].reset_index(drop=True).assign(episode="")
    else:
        hits = search.ranked(text, keep)
        rows = [row_of(symbol) for symbol, _ in hits]
        found = table.iloc[rows][columns].reset_index(drop=True).assign(episode=[e for _, e in hits])
    for column in ("resolution", "body"):
        found[column] = found[column].astype(str)
    return found


_SEARCH: dict = {}


def row_of(symbol: str) -> int:
    """The position of a full symbol in the resolution table (and in the vote arrays' ``row``)."""
    table = data.resolution_table()
    key = ("rows", id(table))
    if key not in _SEARCH:
        _SEARCH[key] = {s: i for i, s in enumerate(_column("resolution"))}
    return _SEARCH[key][symbol]


def _rows_of(row: int) -> np.ndarray | slice:
    """Where one vote's seats lie in the vote arrays (sorted by ``row``: checked, not assumed)."""
    arrays = data.vote_arrays()
    rows = arrays["row"]
    start, end = np.searchsorted(rows, np.array([row, row + 1], dtype=rows.dtype))  # same dtype: no copy of rows
    if not (rows[start:end] == row).all():
        return np.flatnonzero(rows == row)
    return slice(start, end)


def cast_on(symbol: str) -> dict[str, str]:
    """iso3 → vote code on one recorded vote (a full symbol), read straight from the vote arrays."""
    arrays = data.vote_arrays()
    chosen = _rows_of(row_of(symbol))
    seats = np.asarray(arrays["iso3_names"], dtype=object)[arrays["iso3"][chosen]]
    return dict(zip(seats, np.asarray(VOTE_CODES, dtype=object)[arrays["vote"][chosen]]))


def roll_call_codes(symbols, seats) -> np.ndarray:
    """How each of ``seats`` (ISO3 codes) voted on each of ``symbols`` (full symbols), as a votes × seats array
    of positions in ``VOTE_CODES`` (0 = Y ... 3 = X), and -1 where the seat has no row in that roll call.

    >>> roll_call_codes(["A/RES/ES-11/7"], ["USA", "UKR", "PSE"]).tolist()
    [[1, 0, -1]]
    """
    arrays = data.vote_arrays()
    listed = {s: i for i, s in enumerate(arrays["iso3_names"])}
    where = np.array([listed.get(s, -1) for s in seats], dtype=np.int64)  # -1: the extra column, never filled
    codes = np.full((len(symbols), len(arrays["iso3_names"]) + 1), -1, dtype=np.int8)
    for k, symbol in enumerate(symbols):
        chosen = _rows_of(row_of(symbol))
        codes[k, arrays["iso3"][chosen]] = arrays["vote"][chosen]
    return codes[:, where]


def _strings(codes: np.ndarray, labels) -> pd.Series:
    """Text column from integer codes into ``labels``, decoded by Arrow (fast for a million rows) straight into the
    large strings pandas keeps, in :func:`worldorder.memory.table_pool`: a table of every vote is given back to the
    operating system as soon as the learner drops it."""
    decoded = pc.take(pa.array(list(labels), pa.large_string()), pa.array(codes), memory_pool=memory.table_pool())
    return pd.Series(decoded, dtype=pd.StringDtype("pyarrow", na_value=np.nan))


def _column(name: str) -> np.ndarray:
    """A column of the resolution table as plain strings (object array), made once per load."""
    table = data.resolution_table()
    key = (name, id(table))
    if key not in _SEARCH:
        _SEARCH[key] = table[name].astype(str).to_numpy(dtype=object)
    return _SEARCH[key]


# ---------------------------------------------------------------- one vote, country by country


def vote_of(resolution, country) -> str:
    """A country's vote (Y/N/A/X) on one recorded vote, or an error that says why it has none."""
    symbol, iso3 = names.resolution(resolution), names.country(country)
    found = votes(resolutions=[symbol], countries=[iso3])
    if len(found):
        return found["vote"].iloc[0]
    raise ValueError(not_listed_reason(symbol, iso3))


def not_listed_reason(symbol: str, iso3: str) -> str:
    """Why a country has no row in a roll call: observer, not a member yet, a former seat, or off the Council."""
    row = data.resolution_table().set_index("resolution").loc[symbol]
    info = data.countries().set_index("iso3").loc[iso3]
    label, when = names.country_label(iso3), membership.long_date(row["date"])
    if row["body"] == "SC":
        return f"{label} was not on the Security Council on {when}, so it had no vote on {symbol}."
    if info["status"] == "observer":
        return f"{label} has no vote in the General Assembly: it is a non-member observer state."
    if info["status"] == "non-member":
        return f"{label} has no vote in the General Assembly: it is not a UN member."
    if info["status"] == "member" and not membership.un_member_on(iso3, row["date"]):
        return (f"{label} was not a UN member yet on {when}: it was admitted on "
                f"{membership.long_date(info['admission_date'])}.")
    seen = votes(body="GA", countries=[iso3])["date"]
    if info["status"] == "former seat" and len(seen):
        return (f"{label} is not listed in the roll call of {symbol} ({when}): its seat is listed in General "
                f"Assembly votes from {membership.long_date(seen.min())} to {membership.long_date(seen.max())}.")
    return f"{label} is not listed in the roll call of {symbol} ({when})."


def vote_table(resolution) -> pd.DataFrame:
    """One row per seat listed in a vote: resolution, iso3, iso_numeric, country, group, vote, vote_label, disputed."""
    symbol = names.resolution(resolution)
    table = votes(resolutions=[symbol])
    info = data.countries()[["iso3", "iso_numeric", "common_name", "un_regional_group"]]
    table = table.merge(info, on="iso3", how="left").rename(columns={"common_name": "country",
                                                                     "un_regional_group": "group"})
    table["vote_label"] = table["vote"].map(VOTE_LABELS)
    table["resolution"] = symbol
    columns = ["resolution", "iso3", "iso_numeric", "country", "group", "vote", "vote_label", "disputed"]
    return table[columns].sort_values("country").reset_index(drop=True)


def totals(resolution) -> pd.DataFrame:
    """Votes counted from the roll call beside the official totals (where published), Y, N, A, X."""
    row = resolutions(resolutions=[resolution]).iloc[0]
    columns = ["yes", "no", "abstain", "non_voting"]
    table = pd.DataFrame({"vote": list(VOTE_CODES), "vote_label": [VOTE_LABELS[c] for c in VOTE_CODES],
                          "counted": [int(row[c]) for c in columns],
                          "official": pd.array([row[f"official_{c}"] for c in columns], dtype="Int64")})
    table["match"] = (table["counted"] == table["official"]).astype("boolean")
    return table


def vote_lists(resolution) -> pd.DataFrame:
    """Each vote, how many, and which countries (the same data as a map, as a table)."""
    table = vote_table(resolution)
    grouped = table.groupby("vote_label", sort=False)["country"].agg(["count", lambda c: ", ".join(sorted(c))])
    grouped.columns = ["count", "countries"]
    order = [VOTE_LABELS[c] for c in VOTE_CODES]
    return grouped.reindex([v for v in order if v in grouped.index]).rename_axis("vote")


def side_with(resolution, country) -> pd.DataFrame:
    """The other countries whose vote on ``resolution`` equals ``country``'s vote."""
    table = vote_table(resolution)
    iso3, own = names.country(country), vote_of(resolution, country)
    same = table[(table["vote"] == own) & (table["iso3"] != iso3)]
    return same[["iso3", "country", "group", "vote_label"]].reset_index(drop=True)


def day_votes(day="2025-02-24") -> pd.DataFrame:
    """Every recorded vote held on one day."""
    wanted = names.day(day)
    table = resolutions(years=wanted.year)
    found = table[table["date"] == wanted].reset_index(drop=True)
    if found.empty:
        raise ValueError(f"No recorded votes on {membership.long_date(wanted)}.")
    return found


def country_votes(countries, day="2025-02-24") -> pd.DataFrame:
    """Countries as rows, the votes of one day as columns, vote labels as cells ('—' when not listed)."""
    codes = names.country_keys(countries)
    symbols = day_votes(day)["resolution"].tolist()
    found = votes(resolutions=symbols, countries=codes)
    grid = found.pivot(index="iso3", columns="resolution", values="vote").reindex(index=codes, columns=symbols)
    grid = grid.apply(lambda column: column.map(VOTE_LABELS)).fillna("—")
    grid.index = [names.country_label(c) for c in grid.index]
    return grid


def series_totals(prefix: str = "A/RES/ES-11/") -> pd.DataFrame:
    """Yes/no/abstain/did-not-vote counts for each vote whose symbol starts with ``prefix`` (long form)."""
    if not isinstance(prefix, str) or not prefix.strip():
        raise ValueError(f"Unknown series {prefix!r}: give the start of the symbols as text, such as 'A/RES/ES-11/'.")
    table = data.resolution_table()
    chosen = table[table["resolution"].astype(str).str.startswith(prefix)]
    if chosen.empty:
        raise ValueError(f"No recorded vote has a symbol starting with {prefix!r}; try 'A/RES/ES-11/'.")
    long = chosen.melt(id_vars=["resolution", "short", "date", "title"], value_vars=["yes", "no", "abstain",
                       "non_voting"], var_name="column", value_name="count")
    long["vote"] = long["column"].map({"yes": "Y", "no": "N", "abstain": "A", "non_voting": "X"})
    long["vote_label"] = long["vote"].map(VOTE_LABELS)
    long["resolution"] = long["resolution"].astype(str)
    order = {c: i for i, c in enumerate(VOTE_CODES)}
    long = long.assign(o=long["vote"].map(order)).sort_values(["date", "o"]).drop(columns=["o", "column"])
    return long.reset_index(drop=True)


def series_wide(prefix: str = "A/RES/ES-11/") -> pd.DataFrame:
    """The counts of :func:`series_totals`, one row per resolution."""
    long = series_totals(prefix)
    wide = long.pivot_table(index=["date", "short", "title"], columns="vote_label", values="count", aggfunc="sum")
    return wide.reindex(columns=[VOTE_LABELS[c] for c in VOTE_CODES]).reset_index()


def by_year(prefix: str = "A/RES/ES-11/") -> pd.DataFrame:
    """Average yes/no/abstain/did-not-vote per vote of the series, one row per year."""
    wide = series_wide(prefix)
    wide["year"] = wide["date"].dt.year
    labels = [VOTE_LABELS[c] for c in VOTE_CODES]
    table = wide.groupby("year")[labels].mean().round(1)
    table.insert(0, "votes", wide.groupby("year").size())
    return table


def rollcalls_per_year(body: str = "GA") -> pd.DataFrame:
    """How many recorded votes each year holds: a sample of the resolutions, not all of them."""
    table = resolutions(body=body)
    return table.groupby("year").size().rename("recorded_votes").reset_index()


def missing_years() -> list[int]:
    """Years between the first and the last recorded GA vote with none (1964: the Article 19 crisis)."""
    found = set(rollcalls_per_year()["year"])
    return [y for y in range(min(found), max(found) + 1) if y not in found]
