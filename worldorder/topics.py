"""What the votes were about: agreement by Voeten's issue codes, how many votes carry a code, and the drill-down.

The issue codes (``wo.ISSUES``: colonialism, human rights, nuclear weapons, arms control, Palestinian
conflict, economic development) come from Voeten's UN General Assembly voting data, joined to the
record by resolution. A vote can carry several codes (``"me;hr"``) and then counts under each. Votes
that could not be matched to Voeten's data (``issue_coded`` False: every vote from 2020 on, most votes
before 1960) have no code: they count under ``"uncoded"``, and :func:`coded_per_year` says how many there are.

>>> import worldorder as wo
>>> table = wo.issue_agreement(["United Kingdom"], years=1985)
>>> sorted(table["issue"].unique())[:3]
['co', 'di', 'ec']
>>> wo.issue_agreement(["Atlantis"], years=1985)
Traceback (most recent call last):
...
ValueError: ...
"""

from __future__ import annotations

import pandas as pd

from worldorder import names, record
from worldorder.vocab import CAST, ISSUES, VOTE_LABELS

UNCODED = "uncoded"
ISSUE_LABELS = {**ISSUES, UNCODED: "Not coded (no issue code in Voeten's data)"}


def coded_per_year(body: str = "GA") -> pd.DataFrame:
    """Per year: recorded votes (``wo.rollcalls_per_year``), how many carry an issue code, and the share.

    >>> table = coded_per_year().set_index("year")
    >>> int(table.loc[2021, "coded"]), int(table.loc[2021, "recorded_votes"]) > 0
    (0, True)
    >>> coded_per_year("XX")
    Traceback (most recent call last):
    ...
    ValueError: Unknown body 'XX': choose 'GA' (General Assembly) or 'SC' (Security Council).
    """
    table = record.resolutions(body=body)
    per_year = table.groupby("year").agg(recorded_votes=("resolution", "size"), coded=("issue_coded", "sum"))
    per_year["coded"] = per_year["coded"].astype(int)
    per_year["share_coded"] = per_year["coded"] / per_year["recorded_votes"]
    return per_year.reset_index()


def issue_votes(years=None) -> pd.DataFrame:
    """One row per recorded GA vote per issue code (``uncoded`` when it has none): resolution, year, issue.

    >>> issue_votes(1985).query("resolution == 'A/RES/40/25'")["issue"].tolist()
    ['co', 'hr']
    >>> issue_votes(1900)
    Traceback (most recent call last):
    ...
    ValueError: No recorded votes in 1900: the record runs from 1946 to 2025.
    """
    table = record.resolutions(years=years, body="GA")[["resolution", "year", "issues"]]
    table = table.assign(issue=table["issues"].where(table["issues"].astype(str).str.len() > 0, UNCODED)
                         .str.split(";")).explode("issue")
    table["resolution"] = table["resolution"].astype(str)
    return table[["resolution", "year", "issue"]].reset_index(drop=True)


def issue_agreement(countries, years=None, partner="USA") -> pd.DataFrame:
    """Share of identical votes with ``partner`` by issue and year, for each country.

    Parameters
    ----------
    countries : str or list
        Countries in any spelling (``"United Kingdom"``, ``"GBR"``).
    years : int, range or list, optional
        Years with recorded GA votes (default: all).
    partner : str
        The country every other one is compared with (default the United States).

    Returns
    -------
    pandas.DataFrame
        One row per country × year × issue: ``n_both`` (votes both cast: yes, no or abstain),
        ``n_identical``, ``share``, ``issue_label``, and ``coded`` (False for the ``uncoded`` rows).

    Examples
    --------
    >>> t = issue_agreement("GBR", years=range(1984, 1986))
    >>> set(t["coded"]) == {True, False}, bool(t["share"].between(0, 1).all())
    (True, True)
    >>> issue_agreement("GBR", years=1900)
    Traceback (most recent call last):
    ...
    ValueError: No recorded votes in 1900: the record runs from 1946 to 2025.
    """
    other = names.country(partner)
    codes = [c for c in names.country_keys(countries) if c != other]
    if not codes:
        raise ValueError(f"Give at least one country other than the partner {other}.")
    votes = record.votes(years=years, body="GA", countries=[other, *codes])
    votes = votes[votes["vote"].isin(CAST)]
    votes = votes.assign(resolution=votes["resolution"].astype(str))
    wide = votes.pivot(index="resolution", columns="iso3", values="vote")
    if other not in wide:
        raise ValueError(f"{names.country_label(other)} cast no recorded GA vote in these years.")
    issues = issue_votes(years)
    rows = []
    for code in codes:
        if code not in wide:
            continue
        both = wide[[other, code]].dropna()
        pair = pd.DataFrame({"resolution": both.index, "same": (both[other] == both[code]).to_numpy()})
        pair = pair.merge(issues, on="resolution")
        counted = pair.groupby(["year", "issue"])["same"].agg(n_both="size", n_identical="sum").reset_index()
        rows.append(counted.assign(iso3=code, country=names.country_label(code)))
    if not rows:
        raise ValueError("None of these countries cast a recorded GA vote in these years.")
    table = pd.concat(rows, ignore_index=True)
    table["n_identical"] = table["n_identical"].astype(int)
    table["share"] = table["n_identical"] / table["n_both"]
    table["issue_label"] = table["issue"].map(ISSUE_LABELS)
    table["coded"] = table["issue"] != UNCODED
    table["partner"] = other
    return table[["year", "iso3", "country", "partner", "issue", "issue_label", "coded", "n_both", "n_identical",
                  "share"]].sort_values(["iso3", "year", "issue"]).reset_index(drop=True)


def split_votes(year, a="USA", b="GBR") -> pd.DataFrame:
    """The recorded GA votes of one year on which ``a`` and ``b`` both voted (yes, no or abstain) but differently.

    One row per vote: date, resolution, title, issues, and each country's vote as a word (columns named
    by the two codes). The count of rows is the ``n_both - n_identical`` behind the year's agreement figure.

    >>> t = split_votes(2003)
    >>> list(t.columns)[:3], len(t) > 0
    (['date', 'resolution', 'title'], True)
    >>> split_votes(2003, "USA", "USA")
    Traceback (most recent call last):
    ...
    ValueError: Give two different countries; both are USA.
    """
    first, second = names.country(a), names.country(b)
    if first == second:
        raise ValueError(f"Give two different countries; both are {first}.")
    votes = record.votes(years=year, body="GA", countries=[first, second])
    votes = votes.assign(resolution=votes["resolution"].astype(str))
    wide = votes.pivot(index="resolution", columns="iso3", values="vote").reindex(columns=[first, second])
    both = wide[wide[first].isin(CAST) & wide[second].isin(CAST) & (wide[first] != wide[second])]
    meta = record.resolutions(years=year, body="GA")[["resolution", "date", "title", "issues"]]
    meta = meta.assign(resolution=meta["resolution"].astype(str))
    table = meta.merge(both.reset_index(), on="resolution")
    for code in (first, second):
        table[code] = table[code].map(VOTE_LABELS)
    return table[["date", "resolution", "title", "issues", first, second]].sort_values(
        ["date", "resolution"]).reset_index(drop=True)


__all__ = ["ISSUE_LABELS", "UNCODED", "coded_per_year", "issue_agreement", "issue_votes", "split_votes"]

