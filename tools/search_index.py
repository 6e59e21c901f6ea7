"""Build ``data/search_terms.csv``: words people use for votes that the votes' own titles lack.

Three kinds of rows, one vote (``resolution``) each, every one derived from the raw material or from a checked
source list, never typed in from memory:

- ``voeten``: Voeten's short description of the roll call (``un_roll_calls.short``, e.g. "ZIONISM AS RACISM"),
  for the votes the record joins to Voeten's data (``voeten_rcid``).
- ``called by``: the votes of a General Assembly emergency special session get the title of the Security Council
  resolution that called it (a Council title containing "emergency special session", adopted at most
  ``CALL_WINDOW_DAYS`` before the session's first recorded vote). ES-1's resolutions are titled after the Council
  meetings ("Question considered by the Security Council at its 749th and 750th meetings ..."), while the Council
  resolution that called the session names the Suez question.
- ``episode``: the common names of episodes (``tools/sources/episodes.csv``: aliases, a rule over the record, the
  notebook that teaches the votes, and the record's words that tie the rule to the episode). ``rank`` orders an
  episode's votes for search: those a notebook teaches, then the first vote of each body, then by date.

The build checks every rule matches at least one vote and every quotation in ``evidence`` appears in the record
(titles, agendas, Voeten's descriptions) or in the raw file the evidence names.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pandas as pd

SOURCES = Path(__file__).resolve().parent / "sources"
VOETEN_CALLS = Path("unga_history") / "voeten_unvotes_1946_2019" / "un_roll_calls.parquet"
CALL_WINDOW_DAYS = 10
COLUMNS = ["resolution", "kind", "terms", "episode", "rank", "taught_in", "source"]
RULE_KEYS = {"text", "session", "years", "body", "symbol"}


def normalise(text: str) -> str:
    """Lower case, accents dropped, spaces squeezed (the same as ``worldorder.names.normalise`` on text)."""
    text = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode().lower()
    return " ".join(text.split())


def voeten_terms(raw: Path, resolutions: pd.DataFrame) -> pd.DataFrame:
    calls = pd.read_parquet(raw / VOETEN_CALLS, columns=["rcid", "short"]).dropna()
    calls = calls.assign(rcid=calls["rcid"].astype(int)).set_index("rcid")["short"].str.strip()
    joined = resolutions.dropna(subset=["voeten_rcid"])
    rcid = joined["voeten_rcid"].astype(int)
    found = pd.DataFrame({"resolution": joined["resolution"].astype(str), "kind": "voeten",
                          "terms": rcid.map(calls).to_numpy(),
                          "source": "Voeten rcid "
                                    + rcid.astype(str).to_numpy()})
    return found[found["terms"].notna() & (found["terms"] != "")]


def calling_terms(resolutions: pd.DataFrame) -> pd.DataFrame:
    """Each emergency special session's votes get the title of the Council resolution that called the session."""
    table = resolutions.assign(resolution=resolutions["resolution"].astype(str), session=resolutions["session"]
                               .astype(str), body=resolutions["body"].astype(str))
    calls = table[(table["body"] == "SC") & table["title"].str.contains("emergency special session", case=False)]
    sessions = table[table["session"].str.startswith("ES-")].groupby("session")["date"].min().sort_values()
    rows, used = [], set()
    for session, first in sessions.items():
        window = calls[(calls["date"] <= first) & (calls["date"] >= first - pd.Timedelta(days=CALL_WINDOW_DAYS))
                       & ~calls["resolution"].isin(used)]
        if window.empty:
            continue
        call = window.sort_values("date").iloc[-1]
        used.add(call["resolution"])
        subject = re.sub(r"^Security Council resolution \d+ \(\d{4}\) \[(.*)\]$", r"\1", call["title"])
        for symbol in table.loc[table["session"] == session, "resolution"]:
            rows.append({"resolution": symbol, "kind": "called by", "terms": subject,
                         "source": f"{call['resolution']} ({call['date']:%Y-%m-%d}) called session {session}"})
    return pd.DataFrame(rows)


def _rule_mask(table: pd.DataFrame, rule: str, where: str) -> pd.Series:
    keep = pd.Series(True, index=table.index)
    for clause in rule.split("&"):
        key, _, value = (part.strip() for part in clause.partition("="))
        if key not in RULE_KEYS or not value:
            raise ValueError(f"{where}: cannot read the rule clause {clause.strip()!r} (keys: {sorted(RULE_KEYS)})")
        if key == "text":
            keep &= table["_text"].str.contains(normalise(value), regex=False)
        elif key == "session":
            keep &= table["session"] == value
        elif key == "body":
            keep &= table["body"] == value
        elif key == "symbol":
            if value not in set(table["resolution"]):
                raise ValueError(f"{where}: {value} is not a recorded vote")
            keep &= table["resolution"] == value
        else:
            first, _, last = value.partition("-")
            keep &= table["year"].between(int(first), int(last or first))
    return keep


def _check_evidence(evidence: str, haystack: str, raw: Path, where: str) -> None:
    source = evidence.split(":", 1)[0]
    if source != "record":
        path = raw / source
        if not path.is_file():
            raise ValueError(f"{where}: the evidence names {source}, which is not a raw file")
        haystack = normalise(path.read_text(encoding="utf-8"))
    for quote in re.findall(r'"([^"]+)"', evidence):
        if normalise(quote) not in haystack:
            raise ValueError(f"{where}: the quotation {quote!r} is not found in {source}")


def episode_terms(resolutions: pd.DataFrame, voeten: pd.DataFrame, raw: Path) -> pd.DataFrame:
    rules = pd.read_csv(SOURCES / "episodes.csv", dtype=str, keep_default_na=False)
    table = resolutions.assign(resolution=resolutions["resolution"].astype(str), body=resolutions["body"].astype(str),
                               session=resolutions["session"].astype(str))
    table["_text"] = (table["title"].fillna("") + " " + table["agenda"].fillna("")).map(normalise)
    haystack = "\n".join(table["_text"]) + "\n" + "\n".join(voeten["terms"].map(normalise))
    found = []
    for number, rule in enumerate(rules.itertuples(), start=2):
        where = f"tools/sources/episodes.csv line {number} ({rule.episode})"
        aliases = rules.loc[rules["episode"] == rule.episode, "aliases"]
        if aliases.nunique() != 1:
            raise ValueError(f"{where}: the rows of one episode must give the same aliases")
        _check_evidence(rule.evidence, haystack, raw, where)
        matched = table[_rule_mask(table, rule.match, where)]
        if matched.empty:
            raise ValueError(f"{where}: the rule {rule.match!r} matches no recorded vote")
        found.append(matched[["resolution", "body", "date"]].assign(
            episode=rule.episode, terms=rule.aliases, taught_in=rule.taught_in, source=rule.evidence))
    rows = pd.concat(found, ignore_index=True)
    rows = rows.sort_values(["episode", "date", "resolution"])
    taught = rows.groupby(["episode", "resolution"])["taught_in"].transform(lambda s: "; ".join(sorted(set(s) - {""})))
    rows = rows.assign(taught_in=taught).drop_duplicates(["episode", "resolution"])
    first_of_body = ~rows.duplicated(["episode", "body"])
    rows["_order"] = (rows["taught_in"] == "").astype(int) * 2 + (~first_of_body).astype(int)
    rows = rows.sort_values(["episode", "_order", "date", "resolution"], kind="stable")
    rows["rank"] = rows.groupby("episode").cumcount() + 1
    return rows.assign(kind="episode")


def build_search_terms(raw: Path, resolutions: pd.DataFrame) -> pd.DataFrame:
    """Every row of ``search_terms.csv``, in a stable order."""
    voeten = voeten_terms(raw, resolutions)
    table = pd.concat([episode_terms(resolutions, voeten, raw), calling_terms(resolutions), voeten],
                      ignore_index=True)
    table["rank"] = table["rank"].astype("Int64")
    for column in ("episode", "taught_in"):
        table[column] = table[column].fillna("")
    order = {"episode": 0, "called by": 1, "voeten": 2}
    table = table.assign(_kind=table["kind"].map(order)).sort_values(["_kind", "episode", "rank", "resolution"])
    return table[COLUMNS].reset_index(drop=True)
