"""Build the whole record: every recorded GA and SC vote, 1946-2025, with the focus roll calls on top.

Inputs (``../shared/data``): ``unga_history/undl_scrape_1946_2025`` (every UN Digital Library voting record
to 2025-10-31), ``rollcalls/`` (the 12 focus votes, which take precedence where they overlap), and
``unga_history/voeten_unvotes_1946_2019`` (issue codes and the State Department important-vote flag, joined
by resolution symbol to the whole-resolution roll calls).
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from worldorder.vocab import ISSUES, TOTAL_COLUMNS, VOTE_CODES

SCRAPE = Path("unga_history") / "undl_scrape_1946_2025"
VOETEN = Path("unga_history") / "voeten_unvotes_1946_2019"
UNDL_RECORD = "https://digitallibrary.un.org/record/{}"
SC_2025, GA_2025 = 15, 193
ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50}

# Cells that another source reports differently from the record the project keeps.
# Transcribed from rollcalls/SOURCES.md ("Per-vote detail"); the build checks `recorded`.
DISPUTES = [
    ("A/RES/ES-11/8", "ARM", "Y", "Interfax-Ukraine, same-day news report",
     "https://en.interfax.com.ua/news/general/1050649.html", "A",
     "The UN Digital Library record (record 4076673, via the 3DL extract) has Armenia voting yes; "
     "Interfax-Ukraine lists Armenia among the abstainers. The record's totals match the official totals."),
    ("A/RES/68/262", "COG", "X", "UN Watch",
     "https://unwatch.org/unga-adopts-resolution-calling-on-states-not-to-recognize-changes-in-status-of-crimea/",
     "A and X",
     "UN Watch lists Congo both as abstaining and as absent; Voeten's data and a second list have it absent. "
     "Without Congo, UN Watch's abstentions number 58, the official total."),
    ("A/RES/ES-11/9", "COD", "X", "lb.ua", "https://lb.ua/news/2025/12/04/710055_genasambleya_oon_pidtrimala.html",
     "N", "lb.ua's 'no' list names the Democratic Republic of the Congo and omits the DPRK, most likely a slip."),
    ("A/RES/ES-11/9", "PRK", "N", "lb.ua", "https://lb.ua/news/2025/12/04/710055_genasambleya_oon_pidtrimala.html",
     "not listed as N", "lb.ua omits the DPRK from its 'no' list; the record and babel.ua have it voting no."),
]

# Votes whose counted roll call differs from an official total, with the reason. The build stops on any other.
TOTAL_MISMATCHES: dict[str, str] = {}


# ---------------------------------------------------------------- symbols


def canonical(symbol: str) -> str:
    """UN style for Security Council symbols ('S/RES/2774(2025)' → 'S/RES/2774 (2025)'); GA symbols as UNDL prints them."""
    return re.sub(r"^(S/RES/\d+)\s*\((\d{4})\)$", r"\1 (\2)", symbol.strip())


def short(symbol: str) -> str:
    return re.sub(r"^[AS]/RES/", "", symbol)


def session_of(symbol: str) -> str:
    """'A/RES/68/262' → '68'; 'A/RES/181(II)[A]' → '2'; 'A/RES/ES-11/7' → 'ES-11'; 'A/RES/104(S-1)' → 'S-1'."""
    if m := re.match(r"A/RES/((?:ES|S)-\d+|\d+)/", symbol):
        return m.group(1)
    if m := re.match(r"A/RES/\d+[A-Z]?\(((?:ES|S)-[\dIVXL]+|[IVXL]+)\)", symbol):
        inner = m.group(1)
        if "-" in inner:
            kind, num = inner.split("-")
            return f"{kind}-{num if num.isdigit() else _roman(num)}"
        return str(_roman(inner))
    return ""


def _roman(text: str) -> int:
    values = [ROMAN[c] for c in text]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))


def join_key(symbol: str) -> str | None:
    """A key shared by a UNDL symbol and Voeten's ``unres`` for the same resolution, or None.

    The key is session, number and part letter: ``A/RES/2200(XXI)[A]`` and Voeten's ``R/21/2200A`` are both
    ``21/2200A``; ``A/RES/54/54K`` and ``R/54/54K`` are both ``54/54K``.

    >>> join_key("A/RES/2200(XXI)[A]"), join_key("R/21/2200A"), join_key("A/RES/ES-11/7") is None
    ('21/2200A', '21/2200A', True)
    """
    if m := re.fullmatch(r"A/RES/(\d+)([A-Z]?)\(([IVXL]+)\)(?:\[([A-Z])\])?", symbol):
        return f"{_roman(m.group(3))}/{m.group(1)}{m.group(2) or m.group(4) or ''}"
    if m := re.fullmatch(r"(?:A/RES|R)/(\d+)/(\d+)([A-Z]?)(?:\[([A-Z])\])?", symbol):
        return f"{int(m.group(1))}/{m.group(2)}{m.group(3) or m.group(4) or ''}"
    return None


# ---------------------------------------------------------------- focus votes (rollcalls/)


def _summary_rows(sources_md: str):
    """Yield (symbol, file, primary source, 'Y-N-A' text) from the summary table of rollcalls/SOURCES.md."""
    for line in sources_md.splitlines():
        cells = [c.strip().strip("*") for c in line.strip().strip("|").split("|")]
        if len(cells) < 5 or not cells[1].startswith("`"):
            continue
        symbol = re.match(r"((?:A|S)/RES/[\w/-]+(?: \(\d{4}\))?)", cells[0]).group(1)
        yield symbol, cells[1].strip("`"), cells[2], cells[3]


def _official_totals(text: str, body: str) -> dict[str, int]:
    yes, no, abstain = (int(n) for n in re.match(r"(\d+)-(\d+)-(\d+)", text).groups())
    stated = re.search(r"\((\d+) non-voting\)", text)
    seats = GA_2025 if body == "GA" else SC_2025
    non_voting = int(stated.group(1)) if stated else seats - yes - no - abstain
    return {"yes": yes, "no": no, "abstain": abstain, "non_voting": non_voting}


def _heading_titles(sources_md: str) -> dict[str, str]:
    """Titles from the per-vote headings of rollcalls/SOURCES.md, for votes the UN scrape lacks."""
    titles = {}
    for symbol, rest in re.findall(r"^### ((?:A|S)/RES/[^:]+): (.+)$", sources_md, flags=re.M):
        quoted = re.match(r'"(.+?)"', rest)
        title = quoted.group(1) if quoted else re.sub(r",\s*\d{1,2} \w{3} \d{4}.*$", "", rest)
        titles[symbol.strip()] = title[0].upper() + title[1:]
    return titles


def focus_votes(raw: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The 12 focus votes (official totals, source) and their roll calls, from rollcalls/."""
    folder = raw / "rollcalls"
    sources_md = (folder / "SOURCES.md").read_text(encoding="utf-8")
    titles = _heading_titles(sources_md)
    rows, votes = [], []
    for symbol, filename, primary, totals in _summary_rows(sources_md):
        body = filename[:2].upper()
        date = re.search(r"(\d{4}-\d{2}-\d{2})\.csv$", filename).group(1)
        record = re.search(r"record (\d+)", primary)
        official = {f"official_{k}": v for k, v in _official_totals(totals, body).items()}
        rows.append({"resolution": canonical(symbol), "body": body, "date": date, "heading_title": titles.get(symbol, ""),
                     "record_in_source": int(record.group(1)) if record else None, **official,
                     "official_source": "rollcalls/SOURCES.md (summary table)",
                     "source": f"rollcalls/{filename}; primary source: {primary}"})
        rollcall = pd.read_csv(folder / filename, dtype=str, keep_default_na=False)
        votes.append(rollcall[["iso3", "vote"]].assign(resolution=canonical(symbol)))
    return pd.DataFrame(rows), pd.concat(votes, ignore_index=True)


def landmark_totals(raw: Path) -> pd.DataFrame:
    """Published totals of landmark votes, from the table in unga_history/PROVENANCE.md §7."""
    text = (raw / "unga_history" / "PROVENANCE.md").read_text(encoding="utf-8")
    found = re.findall(r"^\| \**(A/RES/[^ |*,]+)\**[^|]*\| (\d{4}-\d{2}-\d{2}) \| \**(\d+)–(\d+)–(\d+)\** \((\d+)\) \|",
                       text, flags=re.M)
    table = pd.DataFrame(found, columns=["resolution", "date", "yes", "no", "abstain", "non_voting"])
    for col in ("yes", "no", "abstain", "non_voting"):
        table[col] = table[col].astype(int)
    return table


# ---------------------------------------------------------------- Voeten's issue codes


def voeten_codes(raw: Path) -> pd.DataFrame:
    """Voeten's whole-resolution roll calls keyed like UNDL symbols: rcid, key, issues, important."""
    calls = pd.read_parquet(raw / VOETEN / "un_roll_calls.parquet")
    issues = pd.read_parquet(raw / VOETEN / "un_roll_call_issues.parquet")
    if unknown := set(issues["short_name"]) - set(ISSUES):
        raise ValueError(f"un_roll_call_issues: unknown issue codes {unknown}")
    whole = calls[(calls["amend"].fillna(0) != 1) & (calls["para"].fillna(0) != 1)].copy()
    whole["key"] = whole["unres"].map(join_key)
    whole = whole[whole["key"].notna()]
    whole = whole[~whole["key"].duplicated(keep=False)]  # a resolution voted on twice cannot be matched for sure
    codes = issues.groupby("rcid")["short_name"].agg(lambda s: ";".join(sorted(set(s))))
    whole["issues"] = whole["rcid"].map(codes).fillna("")
    return whole[["rcid", "key", "date", "issues", "importantvote"]]


# ---------------------------------------------------------------- the record


def build_record(raw: Path, known_codes: set[str]) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    records = pd.read_parquet(raw / SCRAPE / "resolutions.parquet")
    records = records[records["recorded_vote"] & records["body"].isin(["GA", "SC"])].copy()
    records["resolution"] = records["resolution"].map(canonical)
    raw_votes = pd.read_parquet(raw / SCRAPE / "votes.parquet", columns=["undl_id", "ms_code", "ms_vote"])
    raw_votes = raw_votes[raw_votes["undl_id"].isin(records["undl_id"])]
    garbled = raw_votes[raw_votes["ms_vote"].isna()]
    if len(garbled) != 1:  # PROVENANCE.md §5: one garbled cell, Pakistan on A/RES/620(VII)[A]
        raise ValueError(f"expected one garbled vote cell in the scrape, found {len(garbled)}")
    votes = raw_votes.dropna(subset=["ms_vote"]).rename(columns={"ms_code": "iso3", "ms_vote": "vote"})

    focus, focus_votes_ = focus_votes(raw)
    by_symbol = records.set_index("resolution")["undl_id"]
    focus["undl_id"] = [int(by_symbol.get(s, r)) for s, r in zip(focus["resolution"], focus["record_in_source"])]
    for row in focus.itertuples():
        if row.resolution in by_symbol and pd.notna(row.record_in_source) and by_symbol[row.resolution] != row.record_in_source:
            raise ValueError(f"{row.resolution}: rollcalls/SOURCES.md names record {row.record_in_source}, "
                             f"the scrape {by_symbol[row.resolution]}")
    focus_votes_["undl_id"] = focus_votes_["resolution"].map(dict(zip(focus["resolution"], focus["undl_id"])))
    replaced = votes[votes["undl_id"].isin(focus["undl_id"])]
    votes = pd.concat([votes[~votes["undl_id"].isin(focus["undl_id"])], focus_votes_[["undl_id", "iso3", "vote"]]])

    extra = focus[~focus["resolution"].isin(by_symbol.index)]
    extra_rows = pd.DataFrame({"undl_id": extra["undl_id"], "body": extra["body"], "resolution": extra["resolution"],
                               "date": extra["date"], "title": extra["heading_title"], "meeting": None, "agenda": None})
    table = pd.concat([records[["undl_id", "body", "resolution", "date", "title", "meeting", "agenda"]], extra_rows],
                      ignore_index=True)
    table["title"] = table["title"].str.replace(r"\s*:\s*resolution\s*/\s*adopted by the General Assembly\s*$", "",
                                                regex=True)
    table["date"] = pd.to_datetime(table["date"])
    table["year"] = table["date"].dt.year
    table["session"] = [session_of(s) if b == "GA" else "" for s, b in zip(table["resolution"], table["body"])]
    table["short"] = table["resolution"].map(short)
    table["focus"] = table["resolution"].isin(focus["resolution"])
    table["record"] = table["undl_id"].map(UNDL_RECORD.format)
    focus_source = dict(zip(focus["resolution"], focus["source"]))
    table["source"] = table["resolution"].map(focus_source).fillna(
        "UN Digital Library voting record, via unga_history/undl_scrape_1946_2025")

    table = _official(table, focus, landmark_totals(raw))
    table = _issues(table, voeten_codes(raw))
    table = table.sort_values(["date", "body", "undl_id"]).reset_index(drop=True)
    _check(table, votes, known_codes)

    order = {u: i for i, u in enumerate(table["undl_id"])}
    votes = votes.assign(order=votes["undl_id"].map(order)).sort_values(["order", "iso3"]).drop(columns="order")
    votes = pd.DataFrame({"undl_id": votes["undl_id"].astype("int32"),
                          "iso3": pd.Categorical(votes["iso3"], categories=sorted(votes["iso3"].unique())),
                          "vote": pd.Categorical(votes["vote"], categories=list(VOTE_CODES))}).reset_index(drop=True)
    disputes = pd.DataFrame(DISPUTES, columns=["resolution", "iso3", "recorded", "other_source", "other_url",
                                               "other_says", "note"])
    _check_disputes(disputes, table, votes)
    print(f"focus roll calls replaced {len(replaced):,} scraped cells of {focus['resolution'].isin(by_symbol.index).sum()} "
          f"votes; 1 garbled cell dropped (Pakistan, A/RES/620(VII)[A])")
    return table[RESOLUTION_COLUMNS], votes, disputes


RESOLUTION_COLUMNS = ["resolution", "undl_id", "body", "date", "year", "session", "short", "title", "agenda", "meeting",
                      "official_yes", "official_no", "official_abstain", "official_non_voting", "official_source",
                      "totals_note", "issues", "issue_coded", "voeten_rcid", "important", "focus", "record", "source"]


def _official(table: pd.DataFrame, focus: pd.DataFrame, landmarks: pd.DataFrame) -> pd.DataFrame:
    official = focus[["resolution", *(f"official_{c}" for c in TOTAL_COLUMNS.values()), "official_source"]]
    landmarks = landmarks[~landmarks["resolution"].isin(official["resolution"])]
    landmarks = landmarks.rename(columns={c: f"official_{c}" for c in TOTAL_COLUMNS.values()}).drop(columns="date")
    landmarks["official_source"] = "unga_history/PROVENANCE.md §7 (published results of landmark votes)"
    official = pd.concat([official, landmarks], ignore_index=True)
    if missing := set(official["resolution"]) - set(table["resolution"]):
        raise ValueError(f"official totals for votes not in the record: {missing}")
    table = table.merge(official, on="resolution", how="left")
    for col in TOTAL_COLUMNS.values():
        table[f"official_{col}"] = table[f"official_{col}"].astype("Int16")
    table["official_source"] = table["official_source"].fillna("")
    table["totals_note"] = [TOTAL_MISMATCHES.get(s, "") for s in table["resolution"]]
    return table


def _issues(table: pd.DataFrame, voeten: pd.DataFrame) -> pd.DataFrame:
    ga = table["body"] == "GA"
    keys = table["resolution"].where(ga).map(lambda s: join_key(s) if isinstance(s, str) else None)
    keys = keys.where(~keys.duplicated(keep=False) | keys.isna())  # only keys unique in the record
    matched = voeten.set_index("key")
    table["voeten_rcid"] = keys.map(matched["rcid"]).astype("Int32")
    years = (table["year"] - pd.to_datetime(keys.map(matched["date"])).dt.year).abs()
    table.loc[years > 1, "voeten_rcid"] = pd.NA  # same symbol, different year: not the same vote
    table["issue_coded"] = table["voeten_rcid"].notna()
    by_rcid = voeten.set_index("rcid")
    table["issues"] = table["voeten_rcid"].map(by_rcid["issues"]).fillna("")
    table["important"] = table["voeten_rcid"].map(by_rcid["importantvote"]).astype("Int8")
    return table


def _check(table: pd.DataFrame, votes: pd.DataFrame, known_codes: set[str]) -> None:
    if not table["resolution"].is_unique or not table["undl_id"].is_unique:
        raise ValueError("a resolution symbol or record id appears twice")
    if votes.duplicated(["undl_id", "iso3"]).any():
        raise ValueError("a seat votes twice on one record")
    if unknown := set(votes["iso3"]) - known_codes:
        raise ValueError(f"vote codes not in countries.csv: {sorted(unknown)}")
    if unknown := set(votes["vote"]) - set(VOTE_CODES):
        raise ValueError(f"vote values not in {VOTE_CODES}: {sorted(unknown)}")
    counted = votes.groupby(["undl_id", "vote"]).size().unstack(fill_value=0).reindex(columns=list(VOTE_CODES),
                                                                                    fill_value=0)
    for row in table[table["official_yes"].notna()].itertuples():
        got = tuple(int(counted.loc[row.undl_id, c]) for c in VOTE_CODES)
        want = tuple(int(getattr(row, f"official_{c}")) for c in TOTAL_COLUMNS.values())
        if got != want and not row.totals_note:
            raise ValueError(f"{row.resolution}: counted Y/N/A/X {got}, official {want}, and no note says why")


def _check_disputes(disputes: pd.DataFrame, table: pd.DataFrame, votes: pd.DataFrame) -> None:
    ids = dict(zip(table["resolution"], table["undl_id"]))
    recorded = votes.set_index(["undl_id", "iso3"])["vote"]
    for row in disputes.itertuples():
        if recorded[(ids[row.resolution], row.iso3)] != row.recorded:
            raise ValueError(f"dispute {row.resolution} {row.iso3}: the roll call does not say {row.recorded}")
