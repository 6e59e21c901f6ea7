"""Build the curated tables in ``data/`` from the raw material in ``../shared/data``.

Run ``make data`` or ``python -m worldorder.build [--raw PATH] [--out PATH]``.
The build is deterministic: running it twice writes the same files.
"""

from __future__ import annotations

import argparse
import os
import re
from pathlib import Path

import pandas as pd
import pycountry

from worldorder import agreement
from worldorder.data import VOTE_CODES, data_dir

REPO = Path(__file__).resolve().parent.parent
SC_2025 = 15
GA_MEMBERS = 193
UNDL_RECORD = "https://digitallibrary.un.org/record/{}"

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

TABLE_SOURCES = {
    "members.csv": ("one row per UN member state", "iso3",
                    "reference/members.csv (UN DGACM regional groups; admission dates from the UN member list; "
                    "ISO codes via pycountry); see reference/SOURCES.md"),
    "blocs.csv": ("one row per membership spell", "bloc, iso3, joined",
                  "reference/bloc_memberships.csv; the `source` column keys are defined in reference/SOURCES.md"),
    "resolutions.csv": ("one row per focus vote", "resolution",
                        "official totals from rollcalls/SOURCES.md (summary table); titles and records from the "
                        "UN Digital Library (unga_history/undl_scrape_1946_2025) or rollcalls/SOURCES.md"),
    "votes.csv": ("one row per country per focus vote", "resolution, iso3",
                  "rollcalls/*.csv; each vote's primary source is in resolutions.csv `source`"),
    "vote_disputes.csv": ("one row per disputed roll-call cell", "resolution, iso3, other_source",
                          "rollcalls/SOURCES.md, per-vote detail"),
    "timeline.csv": ("one row per dated event", "date, event", "reference/timeline.csv; one URL per row in `source`"),
    "history_agreement.parquet": ("one row per pair of GA members per year", "year, iso3_a, iso3_b",
                                  "computed from unga_history/undl_scrape_1946_2025/votes.parquet "
                                  "(UN Digital Library voting records, GA recorded votes 1946-01-24 to 2025-10-29)"),
    "history_us_votes.csv": ("one row per GA member per year", "year, iso3",
                             "computed from unga_history/undl_scrape_1946_2025/votes.parquet, compared with the USA"),
    "history_rollcalls.csv": ("one row per year", "year",
                              "computed from unga_history/undl_scrape_1946_2025/votes.parquet"),
}


def default_raw() -> Path:
    return Path(os.environ.get("WORLDORDER_RAW", REPO.parent / "shared" / "data"))


# ---------------------------------------------------------------- members and blocs


def build_members(raw: Path) -> pd.DataFrame:
    members = pd.read_csv(raw / "reference" / "members.csv", dtype=str, keep_default_na=False)
    for row in members.itertuples():
        found = pycountry.countries.get(alpha_3=row.iso3)
        if found is None or found.numeric != row.iso_numeric:
            raise ValueError(f"members.csv: {row.iso3} / {row.iso_numeric} does not match ISO 3166 (pycountry)")
    return members.sort_values("iso3").reset_index(drop=True)


def _known_code(code: str) -> bool:
    return bool(pycountry.countries.get(alpha_3=code) or pycountry.historic_countries.get(alpha_3=code))


def _first_day(value: str) -> str:
    """'1990' → '1990-01-01', '1975-11' → '1975-11-01', a full date unchanged, '' → ''."""
    if not value:
        return ""
    return {4: f"{value}-01-01", 7: f"{value}-01", 10: value}[len(value)]


def _unsourced_join(note: str) -> tuple[str, str]:
    """A stand-in join date for a spell whose join date is not sourced, and why."""
    if "before 1990" in note:
        return "1990-01-01", "join date not sourced; counted from 1990, since the source says it joined before 1990"
    if "after 1990" in note:
        return "2021-01-01", "join date not sourced; counted from 2021, the date of the source listing it as a member"
    return "", "not counted as a member on any date: the sources disagree on whether it joined"


def build_blocs(raw: Path) -> pd.DataFrame:
    blocs = pd.read_csv(raw / "reference" / "bloc_memberships.csv", dtype=str, keep_default_na=False)
    unknown = sorted(c for c in blocs["iso3"].unique() if not _known_code(c))
    if unknown:
        raise ValueError(f"bloc_memberships.csv: codes not in ISO 3166: {unknown}")
    blocs["joined_date"] = blocs["joined"].map(_first_day)
    blocs["left_date"] = blocs["left"].map(_first_day)
    blocs["date_rule"] = "as sourced; a month or a year counts from its first day"
    for i in blocs.index[blocs["joined"] == ""]:
        blocs.loc[i, "joined_date"], blocs.loc[i, "date_rule"] = _unsourced_join(blocs.loc[i, "note"])
    blocs = pd.concat([blocs, _g8_spells(blocs)], ignore_index=True)
    columns = ["bloc", "iso3", "joined", "left", "joined_date", "left_date", "date_rule", "note", "source"]
    return blocs[columns].sort_values(["bloc", "iso3", "joined"], kind="stable").reset_index(drop=True)


def _g8_spells(blocs: pd.DataFrame) -> pd.DataFrame:
    """The G7 members' G8 spells: the source gives only Russia's row and says 'G8 = G7 rows + this row'."""
    russia = blocs[blocs["bloc"] == "G8"].iloc[0]
    g7 = blocs[(blocs["bloc"] == "G7") & (blocs["joined_date"] <= russia["joined_date"])].copy()
    g7["bloc"] = "G8"
    g7[["joined", "left", "joined_date", "left_date"]] = russia[["joined", "left", "joined_date", "left_date"]].values
    g7["note"] = "G7 member; the G8 was the G7 plus Russia for the span of Russia's G8 row"
    g7["source"] = g7["source"] + ";" + russia["source"]
    return g7


def build_timeline(raw: Path) -> pd.DataFrame:
    timeline = pd.read_csv(raw / "reference" / "timeline.csv", dtype=str, keep_default_na=False)
    timeline.insert(1, "start", timeline["date"].map(_first_day))
    return timeline


# ---------------------------------------------------------------- focus votes


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
    seats = GA_MEMBERS if body == "GA" else SC_2025
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


def _undl_records(raw: Path) -> pd.DataFrame:
    records = pd.read_parquet(raw / "unga_history" / "undl_scrape_1946_2025" / "resolutions.parquet",
                              columns=["resolution", "title", "undl_link"])
    records["key"] = records["resolution"].str.replace(" ", "")
    records["title"] = records["title"].str.replace(r" : resolution / adopted by the General Assembly$", "", regex=True)
    return records.set_index("key")


def _record_url(symbol: str, primary: str, records: pd.DataFrame) -> str:
    key = symbol.replace(" ", "")
    if key in records.index:
        return records.loc[key, "undl_link"]
    found = re.search(r"record (\d+)", primary)
    return UNDL_RECORD.format(found.group(1)) if found else ""


def build_focus_votes(raw: Path) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    folder = raw / "rollcalls"
    sources_md = (folder / "SOURCES.md").read_text(encoding="utf-8")
    titles, records = _heading_titles(sources_md), _undl_records(raw)
    resolutions, votes = [], []
    for symbol, filename, primary, totals in _summary_rows(sources_md):
        body, date = filename[:2].upper(), re.search(r"(\d{4}-\d{2}-\d{2})\.csv$", filename).group(1)
        key = symbol.replace(" ", "")
        title = records.loc[key, "title"] if key in records.index else titles[symbol]
        resolutions.append({
            "resolution": symbol, "short": re.sub(r"^[AS]/RES/", "", symbol), "body": body, "date": date,
            "title": title, **_official_totals(totals, body),
            "record": _record_url(symbol, primary, records),
            "source": f"rollcalls/{filename}; primary source: {primary}",
        })
        rollcall = pd.read_csv(folder / filename, dtype=str, keep_default_na=False)
        votes.append(rollcall.assign(resolution=symbol, body=body, date=date))
    resolutions = pd.DataFrame(resolutions).sort_values(["date", "body", "resolution"]).reset_index(drop=True)
    votes = pd.concat(votes, ignore_index=True)
    disputes = pd.DataFrame(DISPUTES, columns=["resolution", "iso3", "recorded", "other_source", "other_url",
                                               "other_says", "note"])
    votes["disputed"] = votes.set_index(["resolution", "iso3"]).index.isin(
        disputes.set_index(["resolution", "iso3"]).index)
    order = {s: i for i, s in enumerate(resolutions["resolution"])}
    votes = votes.sort_values(["resolution", "iso3"], key=lambda s: s.map(order) if s.name == "resolution" else s)
    votes = votes[["resolution", "body", "date", "iso3", "vote", "disputed"]].reset_index(drop=True)
    _check_disputes(disputes, votes)
    return resolutions, votes, disputes


def _check_disputes(disputes: pd.DataFrame, votes: pd.DataFrame) -> None:
    recorded = votes.set_index(["resolution", "iso3"])["vote"]
    for row in disputes.itertuples():
        if recorded[(row.resolution, row.iso3)] != row.recorded:
            raise ValueError(f"dispute {row.resolution} {row.iso3}: the roll call says {recorded[(row.resolution, row.iso3)]}")


# ---------------------------------------------------------------- history


def load_history_votes(raw: Path) -> pd.DataFrame:
    """GA recorded votes from the UN Digital Library scrape: undl_id, year, iso3, vote.

    The one garbled cell (vote null, raw 'AN', Pakistan on A/RES/620(VII)[A])
    is left out; PROVENANCE.md documents it.
    """
    path = raw / "unga_history" / "undl_scrape_1946_2025" / "votes.parquet"
    votes = pd.read_parquet(path, columns=["undl_id", "body", "date", "ms_code", "ms_vote"])
    votes = votes[(votes["body"] == "GA") & votes["ms_vote"].notna()]
    votes = pd.DataFrame({"undl_id": votes["undl_id"], "year": pd.to_datetime(votes["date"]).dt.year,
                          "iso3": votes["ms_code"], "vote": votes["ms_vote"]})
    if votes.duplicated(["undl_id", "iso3"]).any():
        raise ValueError(f"{path}: a seat votes twice on one record")
    return votes.reset_index(drop=True)


def build_history(raw: Path) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    votes = load_history_votes(raw)
    pairs, versus_us, counts = [], [], []
    for year, rows in votes.groupby("year", sort=True):
        matrix = agreement.vote_matrix(rows, vote_key="undl_id")
        pairs.append(agreement.pair_table(matrix).assign(year=year))
        compared = agreement.compare_with(matrix, "USA").drop(index="USA")
        versus_us.append(compared[compared["n_votes"] > 0].rename_axis("iso3").reset_index().assign(year=year))
        counts.append({"year": year, "ga_recorded_votes": rows["undl_id"].nunique(), "members_listed": len(matrix)})
    pairs = pd.concat(pairs, ignore_index=True)[["year", "iso3_a", "iso3_b", "n_both", "n_identical"]]
    pairs["year"] = pairs["year"].astype("int16")
    for col in ("iso3_a", "iso3_b"):
        pairs[col] = pairs[col].astype("category")
    us = pd.concat(versus_us, ignore_index=True)
    us = us[["year", "iso3", "n_votes", "identical", "opposite", "partial", "member_absent", "us_absent"]]
    return pairs, us, pd.DataFrame(counts)


# ---------------------------------------------------------------- writing


def write_tables(tables: dict[str, pd.DataFrame], out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for name, table in tables.items():
        if name.endswith(".parquet"):
            table.to_parquet(out / name, index=False, compression="zstd")
        else:
            table.to_csv(out / name, index=False, lineterminator="\n")
    manifest = [{"file": name, "rows": len(table), "grain": TABLE_SOURCES[name][0], "keys": TABLE_SOURCES[name][1],
                 "source": TABLE_SOURCES[name][2]} for name, table in tables.items()]
    pd.DataFrame(manifest).to_csv(out / "manifest.csv", index=False, lineterminator="\n")


def build_all(raw: Path) -> dict[str, pd.DataFrame]:
    """Every curated table, keyed by file name."""
    if not (raw / "rollcalls").is_dir():
        raise FileNotFoundError(f"Raw data not found at {raw}. Give its path with --raw or WORLDORDER_RAW.")
    resolutions, votes, disputes = build_focus_votes(raw)
    pairs, us, counts = build_history(raw)
    return {
        "members.csv": build_members(raw), "blocs.csv": build_blocs(raw),
        "resolutions.csv": resolutions, "votes.csv": votes, "vote_disputes.csv": disputes,
        "timeline.csv": build_timeline(raw),
        "history_agreement.parquet": pairs, "history_us_votes.csv": us, "history_rollcalls.csv": counts,
    }


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--raw", type=Path, default=default_raw(), help="the raw data folder (../shared/data)")
    parser.add_argument("--out", type=Path, default=data_dir(), help="where to write the tables (data/)")
    args = parser.parse_args(argv)
    tables = build_all(args.raw)
    write_tables(tables, args.out)
    for name, table in tables.items():
        size = (args.out / name).stat().st_size
        print(f"{name:28} {len(table):>9,} rows {size / 1e6:7.2f} MB")


if __name__ == "__main__":
    main()
