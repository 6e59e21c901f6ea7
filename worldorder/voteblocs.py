"""How blocs voted: splits, cohesion, defectors and agreement, with membership dated to each vote.

(Named ``voteblocs``, not ``blocs``: importing a module ``worldorder.blocs`` would
replace the function ``wo.blocs()``, the table of membership spells.)

    from worldorder import voteblocs
    voteblocs.bloc_split(["EU", "NATO"], ["ES-11/1", "ES-11/7"])   # Y/N/A/X counts per bloc per vote
    voteblocs.cohesion(["NATO"], ["ES-11/1", "ES-11/7"])           # Agreement Index and Rice index
    voteblocs.defectors(["EU"], ["ES-11/7", "ES-11/8"])           # who broke ranks
    voteblocs.agreement("USA", "EU", ["ES-11/1", "ES-11/7"])      # share of identical positions

A bloc is a name from ``wo.bloc_names()`` (organisations and the five UN
regional groups) or a :class:`CustomBloc` made with :func:`custom_bloc`. Its
members are looked up on the date of each vote, so Finland counts for NATO on
24 February 2025 but not on 2 March 2022.

Vocabulary used throughout:

- a member's vote is ``Y``, ``N``, ``A`` (cast) or ``X`` (did not vote); a
  member with no row in a roll call (not a UN member, such as ``PSE``, or not on
  the Security Council) is *not listed* and is counted in ``not_listed``;
- a bloc's **majority** on a vote is the most common of its members' cast votes
  (Y, N or A; a plurality, not necessarily over half). When two positions tie
  for most, or nobody cast a vote, the bloc has no majority on that vote (None).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import altair as alt
import numpy as np
import pandas as pd
import pycountry

from worldorder import agreement as _agreement
from worldorder import data, lookup, membership, style

CAST = ("Y", "N", "A")
CODES = ("Y", "N", "A", "X")
NOT_LISTED = "Not in roll call"
SPLIT_ORDER = [*style.VOTE_ORDER, NOT_LISTED]
SPLIT_COLOURS = [*style.VOTE_COLOURS.values(), "#E5E5E5"]
DEFAULT_BLOCS = ["EU", "NATO", "G7", "BRICS", "AU"]
DEFAULT_VOTES = ["A/RES/ES-11/1", "A/RES/ES-11/7", "A/RES/ES-11/8"]


# ---------------------------------------------------------------- which blocs, which votes


@dataclass(frozen=True)
class CustomBloc:
    """A bloc a learner defines: a name and a fixed list of ISO3 codes."""

    name: str
    members: tuple[str, ...]

    def __str__(self) -> str:
        return self.name


def custom_bloc(name: str, countries) -> CustomBloc:
    """A bloc of your own, e.g. ``custom_bloc("Nordics", ["Denmark", "Finland", "Iceland", "Norway", "Sweden"])``.

    Countries are resolved with ``wo.countries`` (any spelling; a bad name
    raises ValueError with suggestions). The name must not be one the project
    already uses for a bloc.
    """
    name = " ".join(str(name).split())
    if not name:
        raise ValueError("Give your bloc a name, for example custom_bloc('Nordics', ['Denmark', 'Finland']).")
    try:
        taken = lookup.bloc(name)
    except ValueError:
        taken = None
    if taken:
        raise ValueError(f"{name!r} is already the name of the bloc {taken!r}: give your own bloc another name.")
    codes = tuple(dict.fromkeys(lookup.countries(countries)))
    if not codes:
        raise ValueError(f"The bloc {name!r} needs at least one country.")
    return CustomBloc(name, codes)


def parse_custom_blocs(text: str) -> list[CustomBloc]:
    """Custom blocs typed as ``"Name: country, country, ..."`` (several separated by ``;`` or new lines)."""
    found = []
    for part in str(text).replace("\n", ";").split(";"):
        if not part.strip():
            continue
        name, colon, countries = part.partition(":")
        if not colon:
            raise ValueError(f"Could not read {part.strip()!r}: write a custom bloc as 'Name: country, country, ...', "
                             "for example 'Nordics: Denmark, Finland, Iceland, Norway, Sweden'.")
        found.append(custom_bloc(name, countries))
    return found


def _bloc_list(blocs) -> list:
    """Resolve blocs to project names (str) or CustomBloc objects, keeping order, refusing repeats."""
    if isinstance(blocs, (str, CustomBloc)):
        blocs = [blocs]
    resolved = [b if isinstance(b, CustomBloc) else lookup.bloc(b) for b in blocs]
    if not resolved:
        raise ValueError("Choose at least one bloc, for example ['EU', 'NATO'] (see wo.bloc_names()).")
    names = [str(b) for b in resolved]
    repeated = sorted({n for n in names if names.count(n) > 1})
    if repeated:
        raise ValueError(f"The bloc {repeated[0]!r} is listed twice.")
    return resolved


def vote_list(resolutions) -> pd.DataFrame:
    """The chosen focus votes (resolution, short, body, date), in date order, from any spelling of the symbols."""
    if isinstance(resolutions, str):
        resolutions = [resolutions]
    symbols = tuple(dict.fromkeys(lookup.resolution(r) for r in resolutions))
    if not symbols:
        raise ValueError("Choose at least one vote, for example ['ES-11/1', 'ES-11/7'] (see wo.resolutions()).")
    return _vote_table(symbols, id(data._resolutions())).copy()


@functools.lru_cache(maxsize=256)
def _vote_table(symbols: tuple[str, ...], version) -> pd.DataFrame:
    table = data._resolutions()
    return table[table["resolution"].isin(symbols)][["resolution", "short", "body", "date"]].reset_index(drop=True)


def members_on(bloc, on) -> list[str]:
    """ISO3 codes of a bloc's members on a date (a custom bloc's members are the same on every date)."""
    if isinstance(bloc, CustomBloc):
        return sorted(bloc.members)
    return list(_members_on(lookup.bloc(bloc), lookup.on_date(on), _data_version()))


def _data_version() -> tuple[int, ...]:
    """Changes when ``wo.data.clear_cache()`` reloads the tables, so the memos below never go stale."""
    return id(data._blocs()), id(data._votes()), id(data._members())


@functools.lru_cache(maxsize=1024)
def _members_on(bloc: str, day: pd.Timestamp, version) -> tuple[str, ...]:
    return tuple(membership.bloc_members(bloc, on=day))


def _long_date(day: pd.Timestamp) -> str:
    return f"{day.day} {day:%B %Y}"


# ---------------------------------------------------------------- member by member


def member_votes(blocs, resolutions) -> pd.DataFrame:
    """One row per bloc member per vote: how each member of each bloc voted, membership dated to the vote.

    Columns: bloc, resolution, short, body, date, iso3, country, vote (Y/N/A/X,
    or missing when the member has no row in the roll call) and status
    ("voted", "did not vote", "not a UN member", "not on the Security
    Council" or "no row in the roll call"). Nobody is dropped.
    """
    return _member_votes(*_keys(blocs, resolutions), _data_version()).copy()


def _keys(blocs, resolutions) -> tuple[tuple, tuple[str, ...]]:
    """Hashable, resolved forms of the arguments (so results can be memoised)."""
    return tuple(_bloc_list(blocs)), tuple(vote_list(resolutions)["resolution"])


@functools.lru_cache(maxsize=64)
def _member_votes(blocs: tuple, symbols: tuple, version) -> pd.DataFrame:
    votes = vote_list(list(symbols))
    cast, labels = _vote_lookup(version), _labels(version)
    rows = [(i * len(votes) + j, str(bloc), vote.resolution, vote.short, vote.body, vote.date, iso3,
             labels.get(iso3) or member_label(iso3), cast.get((vote.resolution, iso3)))
            for i, bloc in enumerate(blocs) for j, vote in enumerate(votes.itertuples())
            for iso3 in members_on(bloc, vote.date)]
    columns = ["cell", "bloc", "resolution", "short", "body", "date", "iso3", "country", "vote"]
    table = pd.DataFrame(rows, columns=columns)
    table["date"] = pd.to_datetime(table["date"])
    table["status"] = _status(table)
    return table[["bloc", "resolution", "short", "body", "date", "iso3", "country", "vote", "status", "cell"]]


@functools.lru_cache(maxsize=4)
def _vote_lookup(version) -> dict[tuple[str, str], str]:
    votes = data._votes()
    return dict(zip(zip(votes["resolution"], votes["iso3"]), votes["vote"]))


@functools.lru_cache(maxsize=4)
def _labels(version) -> dict[str, str]:
    return {iso3: lookup.country_label(iso3) for iso3 in data._members()["iso3"]}


def member_label(iso3: str) -> str:
    """``"Ukraine (UKR)"``; codes outside the UN get their ISO name and say so (``"Western Sahara (ESH, not a UN member)"``)."""
    if iso3 in lookup._country_labels():
        return lookup.country_label(iso3)
    found = pycountry.countries.get(alpha_3=iso3) or pycountry.historic_countries.get(alpha_3=iso3)
    name = getattr(found, "common_name", None) or getattr(found, "name", iso3) if found else iso3
    return f"{name} ({iso3}, not a UN member)"


def _status(table: pd.DataFrame) -> pd.Series:
    un_members = set(data.members()["iso3"])
    status = np.select(
        [table["vote"].isin(CAST), table["vote"].eq("X"), ~table["iso3"].isin(un_members), table["body"].eq("SC")],
        ["voted", "did not vote", "not a UN member", "not on the Security Council"],
        default="no row in the roll call")
    return pd.Series(status, index=table.index)


# ---------------------------------------------------------------- how each bloc voted


def bloc_counts(blocs, resolutions) -> pd.DataFrame:
    """One row per bloc per vote: members, Y, N, A, X, cast, not_listed, not_listed_members, majority.

    ``members`` counts every member on the vote's date; ``not_listed`` those
    with no row in the roll call (``not_listed_members`` names them, e.g.
    "Palestine (PSE)" is not a UN member). ``majority`` is the bloc's most
    common cast vote, None when nobody cast a vote or two positions tie.
    """
    return _bloc_counts(*_keys(blocs, resolutions), _data_version()).copy()


@functools.lru_cache(maxsize=64)
def _bloc_counts(blocs: tuple, symbols: tuple, version) -> pd.DataFrame:
    long = _member_votes(blocs, symbols, version)
    table = _all_bloc_votes(list(blocs), list(symbols))  # every bloc × vote, even one with no members that day
    cell = long["cell"].to_numpy(dtype=np.int64)
    table["members"] = np.bincount(cell, minlength=len(table))
    for code in CODES:
        table[code] = np.bincount(cell[(long["vote"] == code).to_numpy(dtype=bool)], minlength=len(table))
    table["cast"] = table[list(CAST)].sum(axis=1)
    table["not_listed"] = table["members"] - table[list(CODES)].sum(axis=1)
    missing = long[long["vote"].isna()].groupby("cell")["country"].agg(", ".join)
    table["not_listed_members"] = missing.reindex(range(len(table)), fill_value="").to_numpy()
    table["majority"] = majority(table)
    return table


def _all_bloc_votes(blocs, resolutions) -> pd.DataFrame:
    """Every bloc × vote, bloc by bloc; row i is the ``cell`` i of :func:`member_votes`."""
    votes = vote_list(resolutions)
    names = [str(b) for b in _bloc_list(blocs)]
    table = votes.iloc[np.tile(np.arange(len(votes)), len(names))].reset_index(drop=True)
    table.insert(0, "bloc", np.repeat(np.array(names, dtype=object), len(votes)))
    return table


def majority(counts: pd.DataFrame) -> pd.Series:
    """The most common cast vote (Y, N or A) per row of a table with Y, N, A columns.

    None when nobody cast a vote or when two positions tie for most: a tied bloc has no majority.
    """
    cast = counts[list(CAST)].to_numpy()
    top = cast.max(axis=1)
    unique_top = (cast == top[:, None]).sum(axis=1) == 1
    winner = np.array(CAST, dtype=object)[cast.argmax(axis=1)]
    return pd.Series(np.where((top > 0) & unique_top, winner, None), index=counts.index, dtype=object)


def bloc_split(blocs, resolutions) -> pd.DataFrame:
    """How each bloc split on each vote: a long table, one row per bloc, vote and vote code.

    Columns: bloc, resolution, short, date, vote (Y/N/A/X), vote_label, count,
    members (on the vote's date), share (count ÷ members), not_listed and
    not_listed_members (members with no row in the roll call, named; they are
    reported here, never dropped). Rows run bloc by bloc, votes in date order,
    codes Y, N, A, X; codes nobody used have count 0; a bloc with no members
    on a vote's date has members 0 and share NaN.
    """
    wide = bloc_counts(blocs, resolutions)
    keep = ["bloc", "resolution", "short", "date", "members", "not_listed", "not_listed_members"]
    long = wide[keep].iloc[np.repeat(np.arange(len(wide)), len(CODES))].reset_index(drop=True)
    long.insert(4, "vote", np.tile(np.array(CODES, dtype=object), len(wide)))
    long.insert(5, "vote_label", style.vote_labels(long["vote"]))
    long.insert(6, "count", wide[list(CODES)].to_numpy().ravel())
    long.insert(8, "share", long["count"] / long["members"].where(long["members"] > 0))
    return long


# ---------------------------------------------------------------- cohesion


def agreement_index(y, n, a):
    """The Agreement Index of Hix, Noury and Roland (2005).

    AI = (max(Y, N, A) − ½[(Y + N + A) − max(Y, N, A)]) / (Y + N + A)

    1 when every member casts the same vote, 0 when the members split equally
    three ways. Source: Simon Hix, Abdul Noury and Gérard Roland (2005),
    "Power to the Parties: Cohesion and Competition in the European Parliament,
    1979–2001", *British Journal of Political Science* 35(2): 209–234.
    Undefined when nobody cast a vote (Y + N + A = 0): returned as NaN, not 0.
    Works on numbers or arrays.
    """
    y, n, a = (np.asarray(v, dtype=float) for v in (y, n, a))
    total, top = y + n + a, np.maximum(np.maximum(y, n), a)
    with np.errstate(invalid="ignore", divide="ignore"):
        result = np.where(total > 0, (top - (total - top) / 2) / total, np.nan)
    return float(result) if result.ndim == 0 else result


def rice_index(y, n):
    """The Rice index of cohesion: |Y − N| / (Y + N).

    1 when all who voted yes or no voted the same way, 0 at an even yes/no
    split; abstentions are ignored. Source: Stuart A. Rice (1925), "The
    Behavior of Legislative Groups: A Method of Measurement", *Political
    Science Quarterly* 40(1): 60–72, and *Quantitative Methods in Politics*
    (1928). Undefined when nobody voted yes or no (Y + N = 0): NaN, not 0.
    """
    y, n = (np.asarray(v, dtype=float) for v in (y, n))
    with np.errstate(invalid="ignore", divide="ignore"):
        result = np.where(y + n > 0, np.abs(y - n) / (y + n), np.nan)
    return float(result) if result.ndim == 0 else result


def cohesion(blocs, resolutions) -> pd.DataFrame:
    """One row per bloc per vote: the counts of :func:`bloc_counts` plus ``agreement_index`` and ``rice_index``.

    Both indices are NaN where undefined (nobody cast a vote; for Rice, nobody voted yes or no).
    """
    table = bloc_counts(blocs, resolutions)
    table["agreement_index"] = agreement_index(table["Y"], table["N"], table["A"])
    table["rice_index"] = rice_index(table["Y"], table["N"])
    return table


# ---------------------------------------------------------------- defectors


def defectors(blocs, resolutions, include_absent: bool = False) -> pd.DataFrame:
    """Members who voted differently from their bloc's majority on a vote.

    A defector cast Y, N or A and it was not the bloc's majority (see
    :func:`majority`). Where the bloc has no majority (a tie for most, or
    nobody voted) nobody is a defector. Members who did not vote (X) are left
    out unless ``include_absent=True``. Columns: bloc, resolution, short,
    date, iso3, country, vote, vote_label, majority, majority_label,
    majority_size ("29 of 31 cast").
    """
    keys = _keys(blocs, resolutions)
    long, counts = _member_votes(*keys, _data_version()), _bloc_counts(*keys, _data_version())
    majority_of = counts["majority"].to_numpy()[long["cell"].to_numpy(dtype=np.int64)]
    vote = long["vote"].to_numpy()
    broke = pd.notna(majority_of) & pd.notna(vote) & (vote != majority_of)
    if not include_absent:
        broke &= np.isin(vote, CAST)
    out = long[broke].copy()
    out["vote_label"] = style.vote_labels(out["vote"])
    out["majority"] = majority_of[broke]
    out["majority_label"] = style.vote_labels(out["majority"])
    top = counts[list(CAST)].max(axis=1).astype(str) + " of " + counts["cast"].astype(str) + " cast"
    out["majority_size"] = top.to_numpy()[out["cell"].to_numpy(dtype=np.int64)]
    return out[["bloc", "resolution", "short", "date", "iso3", "country", "vote", "vote_label", "majority",
                "majority_label", "majority_size"]].reset_index(drop=True)


def defectors_table(blocs, resolutions, include_absent: bool = False) -> pd.DataFrame:
    """:func:`defectors` as a readable table (Bloc, Vote, Date, Country, Voted, Bloc majority)."""
    found = defectors(blocs, resolutions, include_absent)
    table = pd.DataFrame({
        "Bloc": found["bloc"], "Vote": found["short"], "Date": found["date"].dt.strftime("%Y-%m-%d"),
        "Country": found["country"], "Voted": found["vote_label"],
        "Bloc majority": found["majority_label"] + " (" + found["majority_size"] + ")",
    })
    return table


# ---------------------------------------------------------------- agreement


def _country_or_bloc(value):
    """A CustomBloc or bloc name stays a bloc; otherwise the value must be a country (ISO3 returned)."""
    if isinstance(value, CustomBloc):
        return "bloc", value
    try:
        return "bloc", lookup.bloc(value)
    except ValueError as bloc_error:
        try:
            return "country", lookup.country(value)
        except ValueError as country_error:
            hints = [str(e).split(". ", 1)[-1] for e in (country_error, bloc_error)]
            raise ValueError(f"Unknown country or bloc {value!r}. As a country: {hints[0]} "
                             f"As a bloc: {hints[1]}") from None


def positions(who, resolutions) -> pd.Series:
    """The position (Y, N, A, or None) of a country or bloc on each vote, indexed by resolution.

    A country's position is its cast vote (None if it did not vote or has no
    row); a bloc's position is its majority on that date (None on a tie or
    when nobody voted).
    """
    kind, key = _country_or_bloc(who)
    votes = vote_list(resolutions)
    if kind == "bloc":
        table = bloc_counts([key], resolutions)
        found = table.set_index("resolution")["majority"]
    else:
        cast = data.votes()
        found = cast[cast["iso3"] == key].set_index("resolution")["vote"]
        found = found.where(found.isin(CAST), None)
    return found.reindex(votes["resolution"]).astype(object).where(lambda s: s.notna(), None)


def agreement(a, b, resolutions) -> float:
    """Share of votes on which ``a`` and ``b`` took the same position (countries or blocs, mixed freely).

    Over the chosen votes on which both have a position (see
    :func:`positions`): identical positions ÷ votes where both have one. A bloc's
    position is its dated majority, so ``agreement("USA", "EU", ...)`` asks
    how often the US voted as most EU members did. NaN if no vote qualifies.
    """
    pa, pb = positions(a, resolutions), positions(b, resolutions)
    both = pa.notna() & pb.notna()
    return float((pa[both] == pb[both]).mean()) if both.any() else float("nan")


def bloc_agreement(blocs, resolutions, method: str = "majority") -> pd.DataFrame:
    """Bloc × bloc agreement over a set of votes, as a square DataFrame (NaN where undefined).

    ``method="majority"``: share of votes on which the two blocs' majority
    positions were identical, over the votes on which both had a majority.

    ``method="members"``: mean pairwise agreement between members, pooled over
    the votes: among every pair of two different countries, one from each bloc,
    that both cast Y, N or A on a vote, the share that voted the same. On the
    diagonal it compares a bloc's members with each other.
    """
    chosen = _bloc_list(blocs)
    names = [str(b) for b in chosen]
    if method == "majority":
        wide = bloc_counts(chosen, resolutions).pivot(index="bloc", columns="resolution", values="majority")
        wide = wide.reindex(names)
        codes = wide.to_numpy(dtype=object)
        codes = np.where(pd.isna(codes), "", codes)
        n_both, identical = _agreement.pair_counts(pd.DataFrame(codes, index=names))
    elif method == "members":
        n_both, identical = _member_pair_counts(chosen, resolutions, names)
    else:
        raise ValueError(f"Unknown method {method!r}. Choose 'majority' or 'members'.")
    with np.errstate(invalid="ignore", divide="ignore"):
        share = np.where(n_both > 0, identical / n_both, np.nan)
    return pd.DataFrame(share, index=pd.Index(names, name="bloc_a"), columns=pd.Index(names, name="bloc_b"))


def _member_pair_counts(chosen, resolutions, names) -> tuple[np.ndarray, np.ndarray]:
    """Pairs of distinct members (one per bloc) that both cast a vote, and how many of them agreed."""
    long = member_votes(chosen, resolutions)
    k = len(names)
    n_both, identical = np.zeros((k, k)), np.zeros((k, k))
    for _, rows in long.groupby("resolution"):
        cast = rows[rows["vote"].isin(CAST)]
        by_code = pd.crosstab(cast["bloc"], cast["vote"]).reindex(index=names, columns=list(CAST), fill_value=0)
        counts = by_code.to_numpy(dtype=float)
        voters = [set(cast.loc[cast["bloc"] == n, "iso3"]) for n in names]
        overlap = np.array([[len(voters[i] & voters[j]) for j in range(k)] for i in range(k)], dtype=float)
        total = counts.sum(axis=1)
        identical += counts @ counts.T - overlap
        n_both += np.outer(total, total) - overlap
    return n_both, identical


def country_agreement(resolutions, countries=None) -> pd.DataFrame:
    """All-pairs agreement between countries over a set of focus votes, in one vectorised step.

    Builds the country × vote matrix and uses ``wo.pairwise_agreement``
    (matrix products, not a join per pair): share of identical votes over the
    votes both cast (Y, N or A). ``countries`` narrows the rows (any spelling).
    """
    symbols = vote_list(resolutions)["resolution"]
    cast = data.votes()
    cast = cast[cast["resolution"].isin(symbols)]
    if countries is not None:
        cast = cast[cast["iso3"].isin(lookup.countries(countries))]
    return _agreement.pairwise_agreement(_agreement.vote_matrix(cast))


def agreement_with(country, blocs, resolutions) -> pd.DataFrame:
    """For each bloc and vote: how many of the bloc's other members voted as ``country`` did.

    Columns: bloc, resolution, short, date, country_vote, others_cast (members
    other than the country who cast Y, N or A), same, share (same ÷
    others_cast; NaN when the country did not cast a vote or no other member did).
    """
    iso3 = lookup.country(country)
    long = member_votes(blocs, resolutions)
    cast = data.votes()
    theirs = cast[cast["iso3"] == iso3].set_index("resolution")["vote"]
    long["country_vote"] = long["resolution"].map(theirs)
    others = long[(long["iso3"] != iso3) & long["vote"].isin(CAST)]
    grouped = others.assign(same=others["vote"] == others["country_vote"]).groupby(["bloc", "resolution"])
    summary = pd.DataFrame({"others_cast": grouped.size(), "same": grouped["same"].sum()})
    table = _all_bloc_votes(blocs, resolutions).join(summary, on=["bloc", "resolution"])
    table["country"] = lookup.country_label(iso3)
    table["country_vote"] = table["resolution"].map(theirs)
    table[["others_cast", "same"]] = table[["others_cast", "same"]].fillna(0).astype(int)
    country_cast = table["country_vote"].isin(CAST) & (table["others_cast"] > 0)
    table["share"] = (table["same"] / table["others_cast"]).where(country_cast)
    return table[["bloc", "resolution", "short", "date", "country", "country_vote", "others_cast", "same", "share"]]


# ---------------------------------------------------------------- what to say about it


def notes(blocs, resolutions) -> list[str]:
    """Plain sentences about gaps: blocs with no members on a date, members not in a roll call, blocs that did not vote."""
    table = bloc_counts(blocs, resolutions)
    long = member_votes(blocs, resolutions)
    off_council = long[long["status"] == "not on the Security Council"].groupby(["bloc", "resolution"]).size()
    outside = long[long["status"].isin(["not a UN member", "no row in the roll call"])]
    outside = outside.groupby(["bloc", "resolution"])["country"].agg(", ".join)
    lines = []
    for row in table.itertuples():
        key, where = (row.bloc, row.resolution), f"{row.short} ({_long_date(row.date)})"
        if row.members == 0:
            lines.append(f"{row.bloc} had no members on {_long_date(row.date)}, so it has no votes on {row.short}.")
            continue
        if key in off_council.index:
            lines.append(f"{row.bloc} on {where}: {off_council[key]} of its {row.members} members were not on the "
                         "Security Council, so they had no vote.")
        if key in outside.index:
            lines.append(f"{row.bloc} on {where}: not in the roll call: {outside[key]}.")
        if row.cast == 0:
            lines.append(f"{row.bloc} on {where}: none of its members cast a vote, so its cohesion is undefined.")
    return lines


def _most_divided(table: pd.DataFrame) -> str:
    scored = table.assign(ai=agreement_index(table["Y"], table["N"], table["A"])).dropna(subset=["ai"])
    if scored.empty:
        return "None of the chosen blocs cast a vote on the chosen votes."
    low, high = scored.loc[scored["ai"].idxmin()], scored.loc[scored["ai"].idxmax()]
    return (f"The most divided was {low.bloc} on {low.short} (Agreement Index {low.ai:.2f}: "
            f"{low.Y} yes, {low.N} no, {low.A} abstain); the most united {high.bloc} on {high.short} ({high.ai:.2f}).")


# ---------------------------------------------------------------- charts
#
# Each chart is a fixed template (built once) given its data, title and description.
# Order comes from rank fields in the data, so the template never changes; this keeps
# the explorer quick, and `vega_lite` can serialise a chart without rebuilding it.


def _with_data(template_key: tuple, data: pd.DataFrame, title, description: str):
    """The template ``template_key`` with its data, title and one-sentence description."""
    chart = _template(*template_key).properties(data=data, title=title, description=description)
    object.__setattr__(chart, "_worldorder_fast", (template_key, data, title, description))
    return chart


@functools.cache
def _template(kind: str, *options):
    return {"split": _split_template, "heat": _heat_template}[kind](*options)


@functools.cache
def _template_spec(template_key: tuple) -> dict:
    spec = _template(*template_key).properties(data=alt.InlineData(values=[])).to_dict(validate=False)
    spec.pop("datasets", None)
    return spec


def vega_lite(chart) -> dict:
    """A chart's Vega-Lite spec with its data inline, quickly for the charts made here.

    Same content as ``chart.to_dict()`` (data inline under ``data.values``
    instead of a named dataset) without re-serialising the template each time.
    """
    fast = getattr(chart, "_worldorder_fast", None)
    if fast is None:
        return chart.to_dict(validate=False)
    key, data, title, description = fast
    spec = dict(_template_spec(key))
    records = data.astype(object).where(data.notna(), None)
    for column in data.columns[data.dtypes.astype(str).str.startswith("datetime")]:
        records[column] = data[column].dt.strftime("%Y-%m-%dT%H:%M:%S")
    spec.update(data={"values": records.to_dict("records")}, title=title, description=description)
    return spec


def _title(text: str, subtitle: str) -> dict:
    return {"text": text, "subtitle": subtitle}


def _rank(values) -> dict:
    return {v: i for i, v in enumerate(dict.fromkeys(values))}


def split_chart(blocs, resolutions) -> alt.FacetChart:
    """Stacked bars: how each bloc split on each vote, one row of bars per vote.

    Segments always run Yes, No, Abstain, Did not vote, Not in roll call from
    the left and carry the vote's letter where wide enough, so the order and
    the letters, not only the colour, tell the votes apart.
    """
    wide = bloc_counts(blocs, resolutions)
    bars = _split_segments(wide)
    bars["bloc_rank"] = bars["bloc"].map(_rank(str(b) for b in _bloc_list(blocs)))
    bars["vote_rank"] = bars["short"].map(_rank(wide.sort_values("date", kind="stable")["short"]))
    title = _title("How each bloc split, vote by vote",
                   "Bars run Yes, No, Abstain, Did not vote, Not in roll call; letters mark the votes")
    return _with_data(("split",), bars, title, _most_divided(wide))


def _split_template() -> alt.FacetChart:
    base = alt.Chart().encode(
        y=alt.Y("bloc:N", title=None, sort=alt.EncodingSortField("bloc_rank", op="min")),
        tooltip=[alt.Tooltip("bloc:N", title="Bloc"), alt.Tooltip("short:N", title="Vote"),
                 alt.Tooltip("vote_label:N", title="Vote cast"), alt.Tooltip("count:Q", title="Members"),
                 alt.Tooltip("members:Q", title="Members on that date"),
                 alt.Tooltip("share:Q", title="Share of members", format=".0%"),
                 alt.Tooltip("not_listed_members:N", title="Not in the roll call")])
    stacked = base.mark_bar(stroke="white", strokeWidth=0.5).encode(
        x=alt.X("start:Q", title="Share of the bloc's members", axis=alt.Axis(format="%"),
                scale=alt.Scale(domain=[0, 1])),
        x2=alt.X2("end"),
        color=alt.Color("vote_label:N", title="Vote", sort=SPLIT_ORDER,
                        scale=alt.Scale(domain=SPLIT_ORDER, range=SPLIT_COLOURS)))
    letters = base.mark_text(fontSize=10).encode(
        x=alt.X("middle:Q"), text=alt.Text("letter:N"),
        color=alt.condition("datum.ink == 'white'", alt.value("white"), alt.value("black")))
    placeholder = alt.InlineData(values=[])  # facet needs data at the top; each chart replaces it
    return alt.layer(stacked, letters, data=placeholder).properties(width=380, height=alt.Step(18)).facet(
        row=alt.Row("short:N", title=None, sort=alt.EncodingSortField("vote_rank", op="min"),
                    header=alt.Header(labelAngle=0, labelAlign="left")))


def _split_segments(wide: pd.DataFrame) -> pd.DataFrame:
    """Bar segments (start, end, middle) per bloc and vote, including members not in the roll call."""
    parts = [*CODES, "not_listed"]
    counts = wide[parts].to_numpy()
    members = wide["members"].to_numpy()
    with np.errstate(invalid="ignore", divide="ignore"):
        shares = np.where(members[:, None] > 0, counts / members[:, None], 0.0)
    ends = shares.cumsum(axis=1)
    rows = np.repeat(np.arange(len(wide)), len(parts))
    bars = wide[["bloc", "short", "date", "members", "not_listed_members"]].iloc[rows].reset_index(drop=True)
    codes = np.tile(np.array([*CODES, "–"], dtype=object), len(wide))
    bars["vote"] = codes
    bars["vote_label"] = np.tile(np.array(SPLIT_ORDER, dtype=object), len(wide))
    bars["count"] = counts.ravel()
    bars["share"] = shares.ravel()
    bars["end"] = ends.ravel()
    bars["start"] = bars["end"] - bars["share"]
    bars["middle"] = (bars["start"] + bars["end"]) / 2
    bars["letter"] = np.where(bars["share"] >= 0.08, codes + " " + bars["count"].astype(str), "")
    bars["ink"] = np.where(np.isin(codes, ["Y", "N"]), "white", "black")
    bars = bars[bars["count"] > 0]
    return bars[["bloc", "short", "date", "vote", "vote_label", "count", "members", "share", "start", "end",
                 "middle", "letter", "ink", "not_listed_members"]].reset_index(drop=True)


def _heat_template(x: str, x_title: str, y: str, value: str, legend: str, tooltip: tuple, width: int):
    """A heat map with the value written in every cell ("n/a" and a grey cell where undefined)."""
    base = alt.Chart().encode(
        x=alt.X(f"{x}:N", title=x_title, sort=alt.EncodingSortField("x_rank", op="min"), axis=alt.Axis(labelAngle=0)),
        y=alt.Y(f"{y}:N", title="Bloc", sort=alt.EncodingSortField("y_rank", op="min")),
        tooltip=[alt.Tooltip(field, title=name, **({"format": fmt} if fmt else {})) for field, name, fmt in tooltip])
    cells = base.mark_rect(stroke="white").encode(
        color=alt.Color(f"{value}:Q", title=legend, scale=alt.Scale(scheme="blues", domain=[0, 1])))
    empty = base.transform_filter(f"!isValid(datum['{value}'])").mark_rect(color="#F2F2F2", stroke="white")
    ink = alt.condition(f"datum['{value}'] > 0.6", alt.value("white"), alt.value("black"))
    text = base.mark_text(fontSize=11).encode(text=alt.Text("label:N"), color=ink)
    return alt.layer(empty, cells, text).properties(width=alt.Step(width), height=alt.Step(26))


def _heat_data(table: pd.DataFrame, value: str, x_order, y_order, x: str, y: str) -> pd.DataFrame:
    table = table.assign(label=table[value].map(lambda v: "n/a" if pd.isna(v) else f"{v:.2f}"))
    table["x_rank"] = table[x].map(_rank(x_order))
    table["y_rank"] = table[y].map(_rank(y_order))
    return table


def cohesion_chart(blocs, resolutions, index: str = "agreement_index") -> alt.LayerChart:
    """Heat map of each bloc's cohesion on each vote (Agreement Index by default, or ``"rice_index"``)."""
    if index not in ("agreement_index", "rice_index"):
        raise ValueError(f"Unknown index {index!r}. Choose 'agreement_index' or 'rice_index'.")
    table = cohesion(blocs, resolutions)
    label = "Agreement Index" if index == "agreement_index" else "Rice index"
    keep = ["bloc", "short", "date", index, "Y", "N", "A", "X", "not_listed"]
    data = _heat_data(table[keep], index, table.sort_values("date", kind="stable")["short"],
                      [str(b) for b in _bloc_list(blocs)], "short", "bloc")
    tooltip = (("bloc:N", "Bloc", None), ("short:N", "Vote", None), (f"{index}:Q", label, ".2f"), ("Y:Q", "Yes", None),
               ("N:Q", "No", None), ("A:Q", "Abstain", None), ("X:Q", "Did not vote", None),
               ("not_listed:Q", "Not in roll call", None))
    title = _title(f"Cohesion of each bloc, vote by vote ({label})",
                   "1 = every member cast the same vote; n/a = nobody in the bloc cast a vote")
    return _with_data(("heat", "short", "Vote", "bloc", index, label, tooltip, 70), data, title,
                      _cohesion_finding(table, index, label))


def _cohesion_finding(table: pd.DataFrame, index: str, label: str) -> str:
    scored = table.dropna(subset=[index]).sort_values("date", kind="stable")
    ends = scored.groupby("bloc").agg(first=(index, "first"), last=(index, "last"),
                                      since=("short", "first"), until=("short", "last"))
    if ends.empty:
        return f"No bloc cast a vote on the chosen votes, so the {label} is undefined everywhere."
    change = (ends["last"] - ends["first"]).abs()
    bloc = change.idxmax()
    row = ends.loc[bloc]
    return (f"{label}: the largest change was {bloc}'s, from {row['first']:.2f} on {row.since} "
            f"to {row['last']:.2f} on {row.until}.")


def bloc_agreement_chart(blocs, resolutions, method: str = "majority") -> alt.LayerChart:
    """Heat map of :func:`bloc_agreement`, with each share written in its cell."""
    matrix = bloc_agreement(blocs, resolutions, method)
    table = matrix.stack(future_stack=True).rename("share").reset_index()
    names = list(matrix.index)
    data = _heat_data(table, "share", names, names, "bloc_b", "bloc_a")
    tooltip = (("bloc_a:N", "Bloc", None), ("bloc_b:N", "Compared with", None), ("share:Q", "Agreement", ".0%"))
    how = ("majority positions identical" if method == "majority"
           else "pairs of members (one from each bloc) voting the same")
    title = _title("How often the blocs agreed", f"Share of the chosen votes with {how}")
    return _with_data(("heat", "bloc_b", "Compared with", "bloc_a", "share", "Agreement", tooltip, 70), data, title,
                      _pair_finding(table, names))


def _pair_finding(table: pd.DataFrame, names: list[str]) -> str:
    order = {n: i for i, n in enumerate(names)}
    pairs = table[table["bloc_a"].map(order) < table["bloc_b"].map(order)].dropna(subset=["share"])
    if pairs.empty:
        return "No two chosen blocs both took a position on the same vote."
    low, high = pairs.loc[pairs["share"].idxmin()], pairs.loc[pairs["share"].idxmax()]
    return (f"Of the pairs shown, {high.bloc_a} and {high.bloc_b} agreed most ({high.share:.0%}) and "
            f"{low.bloc_a} and {low.bloc_b} least ({low.share:.0%}).")


def agreement_with_chart(country, blocs, resolutions) -> alt.LayerChart:
    """Heat map: on each vote, the share of each bloc's other members who voted as ``country`` did."""
    table = agreement_with(country, blocs, resolutions)
    name = table["country"].iloc[0]
    table["vote_axis"] = table["short"] + " (" + table["country_vote"].map(data.VOTE_LABELS).fillna("no row") + ")"
    order = table.sort_values("date", kind="stable")["vote_axis"]
    keep = ["bloc", "short", "date", "country", "country_vote", "vote_axis", "same", "others_cast", "share"]
    heat = _heat_data(table[keep], "share", order, [str(b) for b in _bloc_list(blocs)], "vote_axis", "bloc")
    tooltip = (("bloc:N", "Bloc", None), ("short:N", "Vote", None), ("same:Q", "Voted the same", None),
               ("others_cast:Q", "Members who voted", None), ("share:Q", "Share", ".0%"))
    means = table.groupby("bloc")["share"].mean().dropna()
    finding = (f"Averaged over the chosen votes, {means.idxmax()} voted most like {name} ({means.max():.0%} of its "
               f"other members' votes) and {means.idxmin()} least ({means.min():.0%})." if not means.empty
               else f"{name} and the chosen blocs never both cast a vote on the chosen votes.")
    title = _title(f"How often each bloc voted as {name} did",
                   "Share of the bloc's other members casting the same vote; n/a = nothing to compare")
    return _with_data(("heat", "vote_axis", "Vote (and the chosen country's vote)", "bloc", "share",
                       "Share voting alike", tooltip, 90), heat, title, finding)
