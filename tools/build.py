"""Build the curated tables in ``data/`` from the raw material in ``../shared/data``.

Run ``make data`` or ``python -m tools.build [--raw PATH] [--out PATH]``. The build is deterministic:
running it twice writes the same bytes, and ``data/manifest.csv`` records the sha256 of every shipped
file, which the helper checks on load. The runtime package never imports this module.
"""

from __future__ import annotations

import argparse
import hashlib
import os
from pathlib import Path

import numpy as np
import pandas as pd
import pycountry

from tools import record, search_index
from worldorder.vocab import COUNTRY_STATUS

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "data"
CURATED = Path(__file__).resolve().parent / "curated"

# Codes in the raw tables that are not UN members today, with the names the project uses for them.
# un_name: the name as printed on the UN Digital Library records (unga_history country_name_to_code.csv),
# or as the bloc table's note gives it; common_name: the everyday English name.
OTHER_SEATS = {
    "CSK": ("Czechoslovakia", "Czechoslovakia", "former seat", "Successors: Czechia (CZE) and Slovakia (SVK), 1993."),
    "DDR": ("German Democratic Republic", "East Germany", "former seat", "Joined the Federal Republic (DEU) in 1990."),
    "YUG": ("Yugoslavia", "Yugoslavia", "former seat",
            "The SFR Yugoslavia until 1992; listed without votes 1992-2000; the FR Yugoslavia 2000-2002 "
            "(unga_history/PROVENANCE.md §6)."),
    "SCG": ("Serbia and Montenegro", "Serbia and Montenegro", "former seat", "Serbia (SRB) continues the seat from 2006."),
    "YMD": ("Democratic Yemen", "South Yemen", "former seat", "Southern Yemen 1967-1970; united with Yemen (YEM) in 1990."),
    "EAZ": ("Zanzibar", "Zanzibar", "former seat",
            "Member for December 1963 only; united with Tanganyika as Tanzania (TZA). EAZ is the raw data's own code."),
    "PSE": ("State of Palestine", "Palestine", "observer",
            "A non-member observer state: no vote in the General Assembly. Listed in the Arab League and the OIC."),
    "ESH": ("Sahrawi Arab Democratic Republic", "Western Sahara", "non-member",
            "An African Union member that is not a UN member (the bloc table uses the ISO code of Western Sahara)."),
}
SOVIET_SEAT = ("SUN", "RUS")  # the bloc table's USSR code becomes the seat's code in the votes

TABLES = {
    "countries.csv": ("one row per country code used in the data: 193 UN members, former seats, observers",
                      "iso3",
                      "reference/members.csv (UN DGACM regional groups; admission dates; ISO codes via pycountry); "
                      "former seats from unga_history/undl_scrape_1946_2025/country_name_to_code.csv; "
                      "see reference/SOURCES.md and unga_history/PROVENANCE.md §6"),
    "blocs.csv": ("one row per membership spell", "bloc, iso3, joined",
                  "reference/bloc_memberships.csv; the `source` column keys are defined in reference/SOURCES.md"),
    "resolutions.parquet": ("one row per recorded vote, GA and SC, 1946-01-25 to 2025-12-18", "resolution (also undl_id)",
                            "UN Digital Library voting records (unga_history/undl_scrape_1946_2025/resolutions.parquet); "
                            "the 12 focus votes from rollcalls/SOURCES.md; issue codes and the important-vote flag "
                            "from Voeten/unvotes 0.3.0 (unga_history/voeten_unvotes_1946_2019)"),
    "votes.parquet": ("one row per seat per recorded vote", "undl_id, iso3",
                      "unga_history/undl_scrape_1946_2025/votes.parquet; rollcalls/*.csv for the 12 focus votes"),
    "vote_disputes.csv": ("one row per disputed roll-call cell", "resolution, iso3, other_source",
                          "rollcalls/SOURCES.md, per-vote detail"),
    "timeline.csv": ("one row per dated event", "date, event",
                     "reference/timeline.csv; sources checked and replaced in tools/sources/timeline_sources.csv"),
    "documents.csv": ("one row per quotation of a primary document", "doc_id",
                      "tools/sources/documents.csv (from documents/primary_texts.md and the sources named per row)"),
    "search_terms.csv": ("one row per vote per set of search words its title lacks", "resolution, kind, episode",
                         "episodes: tools/sources/episodes.csv (rules over the record, with the record's words as "
                         "evidence); called by: the Security Council resolution that called an emergency special "
                         "session (resolutions.parquet); voeten: un_roll_calls.short (unga_history/voeten_unvotes_1946_2019)"),
}
SHIPPED = {
    "claims.csv": ("one row per checkable claim in the five seeds", "claim_id",
                   "written by the project from the articles in seeds/; verdicts computed by worldorder.claims"),
    "world-110m.json": ("TopoJSON world shapes, object `countries`, id = ISO 3166-1 numeric", "id",
                        "npm package world-atlas 2.0.2, countries-110m.json, unchanged (ISC licence)"),
    "LICENSE-world-atlas.txt": ("licence text", "", "npm package world-atlas 2.0.2"),
    "README.md": ("the data dictionary", "", "written by the project"),
}


def default_raw() -> Path:
    return Path(os.environ.get("WORLDORDER_RAW", REPO.parent / "shared" / "data"))


# ---------------------------------------------------------------- countries and blocs


def build_countries(raw: Path) -> pd.DataFrame:
    members = pd.read_csv(raw / "reference" / "members.csv", dtype=str, keep_default_na=False)
    for row in members.itertuples():
        found = pycountry.countries.get(alpha_3=row.iso3)
        if found is None or found.numeric != row.iso_numeric:
            raise ValueError(f"members.csv: {row.iso3} / {row.iso_numeric} does not match ISO 3166 (pycountry)")
    members["status"] = "member"
    members["note"] = ""
    names = pd.read_csv(raw / "unga_history" / "undl_scrape_1946_2025" / "country_name_to_code.csv", dtype=str)
    others = []
    for iso3, (un_name, common, status, note) in OTHER_SEATS.items():
        found = pycountry.countries.get(alpha_3=iso3) or pycountry.historic_countries.get(alpha_3=iso3)
        if iso3 in ("CSK", "DDR", "YUG", "SCG", "YMD", "EAZ") and iso3 not in set(names["ms_code"]):
            raise ValueError(f"country_name_to_code.csv no longer uses {iso3}")
        others.append({"iso3": iso3, "iso_numeric": getattr(found, "numeric", ""), "un_name": un_name,
                       "common_name": common, "un_regional_group": "", "admission_date": "",
                       "regional_group_note": "", "admission_note": "", "status": status, "note": note})
    table = pd.concat([members, pd.DataFrame(others)], ignore_index=True)
    assert set(table["status"]) <= set(COUNTRY_STATUS)
    return table.sort_values("iso3").reset_index(drop=True)


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


def build_blocs(raw: Path, countries: pd.DataFrame) -> pd.DataFrame:
    blocs = pd.read_csv(raw / "reference" / "bloc_memberships.csv", dtype=str, keep_default_na=False)
    soviet = blocs["iso3"] == SOVIET_SEAT[0]
    blocs.loc[soviet, "note"] = blocs.loc[soviet, "note"] + "; coded RUS, the seat's code in the votes"
    blocs.loc[soviet, "iso3"] = SOVIET_SEAT[1]
    unknown = sorted(set(blocs["iso3"]) - set(countries["iso3"]))
    if unknown:
        raise ValueError(f"bloc_memberships.csv: codes not in countries.csv: {unknown}")
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


SOURCES = Path(__file__).resolve().parent / "sources"
# Sources found and checked after tools/sources/ was compiled (the row there is 'not found').
SOURCE_FIXES = {
    ("1973-01-01", "UK, Ireland and Denmark join the European Communities"): (
        "https://www.eudays.eu/event/proti-dievrynsi/", "European Parliament (EU Days site, (c) European Union - EP)",
        "replaced", "The EU's own event page dates the first enlargement (Denmark, Ireland, the United Kingdom) "
                    "to 1 January 1973."),
}
# Month-only dates that, read as the 1st, would come before their cause: the exact day, with its source.
DATE_FIXES = {
    ("2014-03", "G7 suspends Russia's participation in the G8"): (
        "2014-03-24", "The Hague Declaration of the G7 leaders, 24 March 2014 (tools/sources/documents.csv "
                      "g7-hague-2014; TIME, CTV News, The Ukrainian Weekly and Xinhua agree on the day)"),
}


def build_timeline(raw: Path) -> pd.DataFrame:
    """The reference timeline with authoritative sources (tools/sources/timeline_sources.csv) and exact days
    where a month-only date would precede its cause."""
    timeline = pd.read_csv(raw / "reference" / "timeline.csv", dtype=str, keep_default_na=False)
    found = pd.read_csv(SOURCES / "timeline_sources.csv", dtype=str, keep_default_na=False)
    table = timeline.merge(found.drop(columns=["old_source"]), on=["date", "event"], how="left", validate="1:1")
    if table["status"].isna().any():
        raise ValueError(f"events without a row in tools/sources/timeline_sources.csv: "
                         f"{table.loc[table['status'].isna(), 'event'].tolist()}")
    for (date, event), (url, publisher, status, supports) in SOURCE_FIXES.items():
        row = (table["date"] == date) & (table["event"] == event)
        table.loc[row, ["new_source", "publisher", "status", "supports"]] = [url, publisher, status, supports]
    kept = table["new_source"] == ""
    table["source"] = table["new_source"].where(~kept, table["source"])
    table["start"] = table["date"].map(_first_day)
    table["date_rule"] = ["as sourced" if len(d) == 10 else "month known: plotted on its first day"
                          for d in table["date"]]
    for (date, event), (exact, why) in DATE_FIXES.items():
        row = (table["date"] == date) & (table["event"] == event)
        table.loc[row, ["start", "date_rule"]] = [exact, f"exact day from {why}"]
    table = table.rename(columns={"status": "source_status", "supports": "source_supports"})
    return table[["date", "start", "date_rule", "event", "category", "source", "publisher", "source_status",
                  "source_supports"]]


def build_documents() -> pd.DataFrame:
    """Short quotations of primary documents with their sources (tools/sources/documents.csv)."""
    table = pd.read_csv(SOURCES / "documents.csv", dtype=str, keep_default_na=False)
    if not table["doc_id"].is_unique:
        raise ValueError("tools/sources/documents.csv: a doc_id repeats")
    return table


# ---------------------------------------------------------------- writing


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def write_tables(tables: dict[str, pd.DataFrame], out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for name, table in tables.items():
        if name.endswith(".parquet"):
            table.to_parquet(out / name, index=False, compression="zstd", compression_level=12)
        else:
            table.to_csv(out / name, index=False, lineterminator="\n")
    write_manifest(out, {name: len(t) for name, t in tables.items()})


def write_manifest(out: Path, rows: dict[str, int]) -> pd.DataFrame:
    """``manifest.csv``: every shipped file with its rows, grain, keys, source and sha256."""
    entries = []
    for name, (grain, keys, source) in {**TABLES, **SHIPPED}.items():
        path = out / name
        if not path.is_file():
            raise FileNotFoundError(f"{path} is missing: the manifest lists every shipped file")
        if name not in rows and name.endswith(".csv"):
            rows[name] = len(pd.read_csv(path, dtype=str))
        entries.append({"file": name, "rows": rows.get(name, ""), "grain": grain, "keys": keys, "source": source,
                        "sha256": sha256(path)})
    manifest = pd.DataFrame(entries)
    manifest.to_csv(out / "manifest.csv", index=False, lineterminator="\n")
    return manifest


def build_all(raw: Path) -> dict[str, pd.DataFrame]:
    """Every built table, keyed by file name."""
    if not (raw / "rollcalls").is_dir():
        raise FileNotFoundError(f"Raw data not found at {raw}. Give its path with --raw or WORLDORDER_RAW.")
    countries = build_countries(raw)
    resolutions, votes, disputes = record.build_record(raw, set(countries["iso3"]))
    return {"countries.csv": countries, "blocs.csv": build_blocs(raw, countries),
            "resolutions.parquet": resolutions, "votes.parquet": votes, "vote_disputes.csv": disputes,
            "timeline.csv": build_timeline(raw), "documents.csv": build_documents(),
            "search_terms.csv": search_index.build_search_terms(raw, resolutions)}


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--raw", type=Path, default=default_raw(), help="the raw data folder (../shared/data)")
    parser.add_argument("--out", type=Path, default=DATA, help="where to write the tables (data/)")
    args = parser.parse_args(argv)
    tables = build_all(args.raw)
    write_tables(tables, args.out)
    for name, table in tables.items():
        print(f"{name:24} {len(table):>9,} rows {(args.out / name).stat().st_size / 1e6:7.2f} MB")
    total = sum(p.stat().st_size for p in args.out.iterdir() if p.is_file())
    print(f"data/ in all: {total / 1e6:.2f} MB")


if __name__ == "__main__":
    np.seterr(all="raise")
    main()
