"""Build the curated tables in ``data/`` from the raw material in ``../shared/data``.

Run ``make data`` or ``python -m tools.build [--raw PATH] [--out PATH]``. The build is deterministic:
running it twice writes the same bytes, and ``data/manifest.csv`` records the sha256 of every shipped
file, which the helper checks on load. The runtime package never imports this module.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pycountry
from pyarrow import ipc

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
    "resolutions.arrow": ("one row per recorded vote, GA and SC, 1946-01-25 to 2025-12-18, in date order",
                          "resolution (also undl_id)",
                            "UN Digital Library voting records (unga_history/undl_scrape_1946_2025/resolutions.parquet); "
                            "the 12 focus votes from rollcalls/SOURCES.md; issue codes and the important-vote flag "
                            "from Voeten/unvotes 0.3.0 (unga_history/voeten_unvotes_1946_2019)"),
    "votes.arrow": ("one row per seat per recorded vote, coded: resolution = row of resolutions.arrow, iso3, vote",
                    "resolution, iso3",
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
    table["former_names"] = _former_names(names, table)
    assert set(table["status"]) <= set(COUNTRY_STATUS)
    return table.sort_values("iso3").reset_index(drop=True)


def _former_names(names: pd.DataFrame, table: pd.DataFrame) -> list[str]:
    """The other names the UN Digital Library prints for each seat (ZAIRE for COD, UPPER VOLTA for BFA, ...),
    separated by ';', from country_name_to_code.csv."""
    listed = dict(zip(table["iso3"], table["un_name"].str.casefold()))
    found: dict[str, list[str]] = {}
    for name, code in sorted(zip(names["ms_name"], names["ms_code"])):
        if code in listed and name.casefold() != listed[code]:
            found.setdefault(code, []).append(name)
    return [";".join(found.get(code, [])) for code in table["iso3"]]


def _first_day(value: str) -> str:
    """'1990' → '1990-01-01', '1975-11' → '1975-11-01', a full date unchanged, '' → ''."""
    if not value:
        return ""
    return {4: f"{value}-01-01", 7: f"{value}-01", 10: value}[len(value)]


def _last_day(value: str) -> str:
    """'1990' → '1990-12-31', '1990-02' → '1990-02-28', a full date unchanged, '' → ''."""
    if len(value) in (0, 10):
        return value
    return str((pd.Period(value, freq="Y" if len(value) == 4 else "M").end_time).date())


def window(value: str) -> tuple[str, str, str]:
    """A date as sourced → (earliest day, latest day, precision): day, month, year or range ('a..b')."""
    if ".." in value:
        first, last = value.split("..")
        return _first_day(first), _last_day(last), "range"
    return _first_day(value), _last_day(value), {0: "", 4: "year", 7: "month", 10: "day"}[len(value)]


BLOC_COLUMNS = ["bloc", "iso3", "joined", "left", "joined_date", "left_date", "date_rule", "note", "source",
                "joined_latest", "left_latest", "joined_precision", "left_precision"]
OIC_SIS = ("https://us.sis.gov.eg/Story/178316/The-Organization-of-Islamic-Cooperation?lang=en-us",
           "the Egypt State Information Service's table of OIC member states and their years of joining")


def _exact_days(blocs: pd.DataFrame) -> None:
    """Exact days, each with its source, where reference/ gives a month or a year (tools/sources/bloc_dates.csv)."""
    fixes = pd.read_csv(SOURCES / "bloc_dates.csv", dtype=str, keep_default_na=False)
    for fix in fixes.itertuples():
        row = (blocs["bloc"] == fix.bloc) & (blocs["iso3"] == fix.iso3) & (blocs[fix.field] == fix.as_sourced)
        if row.sum() != 1:
            raise ValueError(f"tools/sources/bloc_dates.csv: no single {fix.bloc} {fix.iso3} spell with "
                             f"{fix.field} = {fix.as_sourced!r}")
        blocs.loc[row, fix.field] = fix.exact
        blocs.loc[row, "note"] += f"; {fix.field} {fix.exact} (reference/ gives {fix.as_sourced}): {fix.publisher}"
        blocs.loc[row, "source"] += ";" + fix.url


def _oic_years(blocs: pd.DataFrame) -> None:
    """OIC join years from an official table (tools/sources/oic_members_sis.csv); it agrees with every year
    reference/ gives, and fills the years reference/ lacks."""
    table = pd.read_csv(SOURCES / "oic_members_sis.csv", dtype=str, keep_default_na=False)
    for entry in table.itertuples():
        row = (blocs["bloc"] == "OIC") & (blocs["iso3"] == entry.iso3)
        if row.sum() != 1:
            raise ValueError(f"tools/sources/oic_members_sis.csv: {entry.iso3} is not one OIC spell")
        joined = blocs.loc[row, "joined"].iloc[0]
        if joined and joined != entry.joined:
            raise ValueError(f"OIC {entry.iso3}: reference/ gives {joined}, the official table {entry.joined}")
        if not joined:
            blocs.loc[row, "joined"] = entry.joined
            blocs.loc[row, "note"] += f"; join year {entry.joined} from {OIC_SIS[1]}"
        blocs.loc[row, "source"] = OIC_SIS[0] + ";" + blocs.loc[row, "source"]


def _precision(blocs: pd.DataFrame) -> pd.DataFrame:
    """Each spell's join and exit as windows: ``joined_date``..``joined_latest`` holds the day it joined,
    ``left_date``..``left_latest`` its last day; ``date_rule`` says in words what is not known to the day."""
    for side in ("joined", "left"):
        windows = blocs[side].map(window)
        blocs[f"{side}_date"] = [w[0] for w in windows]
        blocs[f"{side}_latest"] = [w[1] for w in windows]
        blocs[f"{side}_precision"] = [w[2] for w in windows]
    for i in blocs.index[blocs["joined"] == ""]:
        # the sources disagree on whether it joined: not known from the day it was invited to join
        blocs.loc[i, ["joined_date", "joined_latest", "joined_precision"]] = ["2024-01-01", "", "disputed"]
    rules = []
    for row in blocs.itertuples():
        parts = []
        for side, first, last, kind in (("joined", row.joined_date, row.joined_latest, row.joined_precision),
                                        ("left", row.left_date, row.left_latest, row.left_precision)):
            if kind == "disputed":
                parts.append(f"whether it {side} is disputed: not known from {first} on")
            elif kind not in ("", "day"):
                parts.append(f"{side} known to the {kind}: not known to the day from {first} to {last}")
        rules.append("; ".join(parts) if parts else "as sourced, to the day")
    blocs["date_rule"] = rules
    return blocs


GROUP_KEYS = {"African": "African Group", "Asia-Pacific": "Asia-Pacific Group",
              "Eastern European": "Eastern European Group", "Latin American and Caribbean": "GRULAC",
              "Western European and Others": "WEOG"}


def build_groups(raw: Path) -> pd.DataFrame:
    """UN regional groups as dated spells: today's group from the day of admission (reference/members.csv),
    except where tools/sources/regional_groups.csv dates a member's group otherwise or adds a former seat."""
    members = pd.read_csv(raw / "reference" / "members.csv", dtype=str, keep_default_na=False)
    groups = pd.DataFrame({"bloc": members["un_regional_group"].map(GROUP_KEYS), "iso3": members["iso3"],
                           "joined": members["admission_date"], "left": "",
                           "note": "today's group (UN DGACM list), counted from the day of UN admission",
                           "source": "reference/members.csv (UN DGACM regional groups; admission dates)"})
    dated = pd.read_csv(SOURCES / "regional_groups.csv", dtype=str, keep_default_na=False)
    dated = dated.rename(columns={"group": "bloc"})
    if not set(dated["bloc"]) <= set(GROUP_KEYS.values()):
        raise ValueError("tools/sources/regional_groups.csv: unknown group")
    groups = groups[~groups["iso3"].isin(dated["iso3"])]
    return pd.concat([groups, dated], ignore_index=True)


def build_blocs(raw: Path, countries: pd.DataFrame) -> pd.DataFrame:
    blocs = pd.read_csv(raw / "reference" / "bloc_memberships.csv", dtype=str, keep_default_na=False)
    soviet = blocs["iso3"] == SOVIET_SEAT[0]
    blocs.loc[soviet, "note"] = blocs.loc[soviet, "note"] + "; coded RUS, the seat's code in the votes"
    blocs.loc[soviet, "iso3"] = SOVIET_SEAT[1]
    _exact_days(blocs)
    _oic_years(blocs)
    blocs = pd.concat([blocs, _g8_spells(blocs), build_groups(raw)], ignore_index=True)
    unknown = sorted(set(blocs["iso3"]) - set(countries["iso3"]))
    if unknown:
        raise ValueError(f"bloc_memberships.csv: codes not in countries.csv: {unknown}")
    blocs = _precision(blocs)
    return blocs[BLOC_COLUMNS].sort_values(["bloc", "iso3", "joined"], kind="stable").reset_index(drop=True)


def _g8_spells(blocs: pd.DataFrame) -> pd.DataFrame:
    """The G7 members' G8 spells: the source gives only Russia's row and says 'G8 = G7 rows + this row'."""
    russia = blocs[blocs["bloc"] == "G8"].iloc[0]
    g7 = blocs[(blocs["bloc"] == "G7") & (blocs["joined"].map(_first_day) <= _first_day(russia["joined"]))].copy()
    g7["bloc"] = "G8"
    g7[["joined", "left"]] = russia[["joined", "left"]].values
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

# Rows that reference/timeline.csv words or dates otherwise than the source it cites: (date, event) →
# new date, new event, date_rule, and the source (URL, publisher, what it says), or None to keep the source.
EVENT_FIXES = {
    ("2008-08-08", "Russia–Georgia war: Russian military operation begins"): (
        "2008-08-07", "Russia–Georgia war: large-scale hostilities begin in the night of 7–8 August",
        "the night of 7 to 8 August 2008, as the report dates it: plotted on 7 August",
        None, None, "The report (as quoted by Civil Georgia, http://old.civil.ge/eng/_print.php?id=21520): "
        "'Open hostilities began with a large-scale Georgian military operation against the town of Tskhinvali "
        "and the surrounding areas, launched in the night of 7 to 8 August 2008.' The mission was 'not in a "
        "position to consider as sufficiently substantiated the Georgian claim concerning a large-scale Russian "
        "military incursion into South Ossetia before 8 August 2008.'"),
    ("1975-11", "First G6 leaders' summit at Rambouillet"): (
        "1975-11-15", "First G6 leaders' summit at Rambouillet (15–17 November)", "as sourced",
        "https://www.elysee.fr/valery-giscard-d-estaing/1975/11/17/declaration-commune-des-chefs-detat-et-de-"
        "gouvernement-de-la-republique-federale-dallemagne-des-etats-unis-damerique-de-france-du-royaume-uni-de-"
        "grande-bretagne-et-dirlande-du-nord-d-italie-et-du-japon-reunis-pour-le-premier-sommet-des-pays-ind",
        "Présidence de la République française (elysee.fr), Declaration of Rambouillet, 17 November 1975",
        "The declaration: the heads of state and government 'SE SONT REUNIS AU CHATEAU DE RAMBOUILLET DU 15 AU 17 "
        "NOVEMBRE 1975'. The same words in the French Senate's annex of 20 November 1975 (fr.wikisource.org)."),
}
# Events reference/timeline.csv lacks, each with its source.
EVENT_ADDITIONS = [
    {"date": "1991-12-26", "event": "The Soviet Union ceases to exist (declaration of the Council of Republics)",
     "category": "institution", "source": "https://archontology.org/nations/ussr/01_polity.php",
     "publisher": "Archontology.org, Soviet Union: polity, citing Vedomosti Verkhovnogo Soveta SSSR, 1991, No. 52",
     "source_status": "added",
     "source_supports": "'26 Dec 1991 a declaration passed by Sovet Respublik, one of two chambers of federal "
                        "parliament (Verhovnyj Sovet SSSR), proclaimed that Soviet Union ceased to exist'. "
                        "reference/SOURCES.md had not sourced the day, so the row was missing."},
]


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
    for (date, event), (new_date, new_event, rule, url, publisher, supports) in EVENT_FIXES.items():
        row = (table["date"] == date) & (table["event"] == event)
        if row.sum() != 1:
            raise ValueError(f"EVENT_FIXES: no single timeline row {date} {event!r}")
        table.loc[row, ["date", "start", "event", "date_rule", "supports"]] = [new_date, new_date, new_event, rule,
                                                                              supports]
        if url:
            table.loc[row, ["source", "publisher", "status"]] = [url, publisher, "replaced"]
    table = table.rename(columns={"status": "source_status", "supports": "source_supports"})
    added = pd.DataFrame(EVENT_ADDITIONS).assign(start=lambda t: t["date"], date_rule="as sourced")
    table = pd.concat([table, added], ignore_index=True)
    table = table.sort_values("start", kind="stable").reset_index(drop=True)
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


def _index_type(size: int) -> pa.DataType:
    """The narrowest signed integer type that numbers ``size`` values (Arrow dictionary indices are signed)."""
    return next(t for t in (pa.int8(), pa.int16(), pa.int32()) if size <= np.iinfo(t.to_pandas_dtype()).max + 1)


def _coded(codes, labels) -> pa.DictionaryArray:
    labels = pa.array([str(label) for label in labels], pa.string())
    return pa.DictionaryArray.from_arrays(pa.array(np.asarray(codes), _index_type(len(labels))), labels)


def votes_table(resolutions: pd.DataFrame, votes: pd.DataFrame) -> pa.Table:
    """The roll calls as compact codes: ``resolution`` indexes the symbols in resolutions.arrow's order (so a code is
    the row of its resolution), ``iso3`` the seat codes in alphabetical order, ``vote`` the codes Y, N, A, X."""
    rows = pd.Index(resolutions["undl_id"]).get_indexer(votes["undl_id"])
    if (rows < 0).any():
        raise ValueError("a vote belongs to no resolution of the record")
    return pa.table({"resolution": _coded(rows, resolutions["resolution"]),
                     "iso3": _coded(votes["iso3"].cat.codes, votes["iso3"].cat.categories),
                     "vote": _coded(votes["vote"].cat.codes, votes["vote"].cat.categories)})


def write_arrow(table: pd.DataFrame | pa.Table, path: Path) -> None:
    """An uncompressed Arrow IPC file with one record batch, so the helper can memory-map it and use its columns in
    place. A DataFrame keeps pandas' column types (the schema's pandas metadata, without the library versions, so
    the bytes depend only on the data)."""
    if isinstance(table, pd.DataFrame):
        table = pa.Table.from_pandas(table, preserve_index=False)
        meta = json.loads(table.schema.metadata[b"pandas"])
        meta.pop("creator", None)
        meta.pop("pandas_version", None)
        table = table.replace_schema_metadata({"pandas": json.dumps(meta, sort_keys=True)})
    table = table.combine_chunks()
    with pa.OSFile(str(path), "wb") as sink, ipc.new_file(sink, table.schema) as writer:
        writer.write_table(table, max_chunksize=max(table.num_rows, 1))


def write_tables(tables: dict[str, pd.DataFrame | pa.Table], out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for name, table in tables.items():
        if name.endswith(".arrow"):
            write_arrow(table, out / name)
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
    if out.resolve() == DATA.resolve():
        write_record(manifest)
    return manifest


RECORD = REPO / "worldorder" / "_data_record.py"


def write_record(manifest: pd.DataFrame, path: Path = RECORD) -> None:
    """The package's own record of data/ (file → rows, sha256), which worldorder.integrity compares the
    manifest with: a data edit whose checksum is re-recorded in the manifest alone no longer matches it."""
    lines = ['"""Written by tools.build (make data): the rows and sha256 of every file in data/ this package was',
             'built with. worldorder.integrity compares data/manifest.csv with it. Do not edit by hand."""', "",
             "FILES = {"]
    lines += [f"    {row.file!r}: ({str(row.rows)!r}, {row.sha256!r})," for row in manifest.itertuples()]
    path.write_text("\n".join(lines + ["}", ""]), encoding="utf-8")


def build_all(raw: Path) -> dict[str, pd.DataFrame]:
    """Every built table, keyed by file name."""
    if not (raw / "rollcalls").is_dir():
        raise FileNotFoundError(f"Raw data not found at {raw}. Give its path with --raw or WORLDORDER_RAW.")
    countries = build_countries(raw)
    resolutions, votes, disputes = record.build_record(raw, set(countries["iso3"]))
    return {"countries.csv": countries, "blocs.csv": build_blocs(raw, countries),
            "resolutions.arrow": resolutions, "votes.arrow": votes_table(resolutions, votes), "vote_disputes.csv": disputes,
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
