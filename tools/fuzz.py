"""Fuzz the public API with generated inputs, each checked against an answer decided independently.

Run ``python -m tools.fuzz [N]`` (default 3,000 inputs). Every input comes from one of two kinds of
generator:

- **with an oracle**: the generator knows the right outcome before calling the package, from the raw
  tables read here with pandas and plain date arithmetic, never from the package's own derived columns:
  a day written in one of many forms must read as that day; a month, a year, a date without a year or a
  day the calendar lacks must be refused; membership on a day must be True, False, or "not known to the
  day" exactly as the spell's dates *as sourced* (``joined``/``left`` in ``blocs.csv``) decide; a country
  named by any of its names must give its code, a label whose name and code disagree must be refused; a
  list with repeats must give each item once; several blocs where one is asked for must be refused; a
  year list must give exactly the votes of those years; a flag that is not a boolean must be refused; vote
  counts give the Agreement Index computed here with fractions, negative counts are refused; a country
  compared with itself is refused; a full symbol written with other dashes or case must give that symbol;
- **junk**: ``None``, numbers, bytes, containers, objects, and random text handed to every public
  function, where the only rule is "an answer or a clear error".

Each call ends in one of four ways: ``right`` (the oracle agrees), ``clear error`` (a ValueError or
DataFileError that says what was wrong, where an error was due or the input is junk), ``wrong answer``
(the oracle disagrees: a value where a refusal was due, a refusal where a value was due, or another value),
``unexplained`` (any other exception, or an error message that does not say what was wrong). The run prints
the counts and every wrong or unexplained case, and exits 1 if there is one.
"""

from __future__ import annotations

import calendar
import datetime as dt
import random
import sys
from collections import Counter
from fractions import Fraction

import numpy as np
import pandas as pd
import pyarrow as pa
from pyarrow import ipc

import worldorder as wo
from worldorder import blocvotes
from worldorder.membership import MembershipNotKnown

REFUSED = object()  # the oracle's "must raise a clear ValueError"
NOT_KNOWN = object()  # the oracle's "must raise MembershipNotKnown"

JUNK = [None, "", "   ", 0, -1, 2025, 1964, 3.5, float("nan"), True, [], {}, (), b"UKR", ..., object(),
        np.int64(7), np.float64(0.5), pd.NA, pd.Timestamp("2025-02-24", tz="UTC"), "02/03/2022", "2025-02-30",
        "2025-02-24 12:00", "24 February 2025", "Côte d’Ivoire", "France (DEU)", "USSR", "Palestine", "nato",
        "es-11/7", "2774", "377(V)", "181(II)", "ZZZ", "A/RES/XX", "ukriane", "1985", "EU", "Warsaw Pact", "WEOG",
        "4 April", "24 Feb", "April 2023", "2023-04", b"2025", "AU", "Zaire", "U.K.", "A/RES/377(V)", "ES–11/7",
        ["EU", "NATO"], "no", -3, bytearray(b"x")]

# ---------------------------------------------------------------- the raw tables, read here independently


class Raw:
    """The shipped tables as plain pandas frames, read without the package (file names from the manifest)."""

    def __init__(self):
        folder = wo.data.data_dir()
        self.blocs = pd.read_csv(folder / "blocs.csv", dtype=str, keep_default_na=False)
        self.countries = pd.read_csv(folder / "countries.csv", dtype=str, keep_default_na=False)
        with pa.OSFile(str(folder / "resolutions.arrow")) as source:  # read with pyarrow alone, not the package
            self.resolutions = ipc.open_file(source).read_pandas()
        self.symbols = self.resolutions["resolution"].astype(str).tolist()
        self.per_year = self.resolutions.groupby("year").size().to_dict()
        self.codes = set(self.countries["iso3"])


def _window(value: str) -> tuple[dt.date | None, dt.date | None]:
    """A date as sourced ('1990', '1990-09', '1990-09-24' or 'a..b') → its first and last possible day."""
    if not value:
        return None, None
    if ".." in value:
        first, last = value.split("..")
        return _window(first)[0], _window(last)[1]
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        day = dt.date(*parts)
        return day, day
    if len(parts) == 2:
        return dt.date(parts[0], parts[1], 1), dt.date(parts[0], parts[1], calendar.monthrange(*parts)[1])
    return dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31)


def membership_oracle(raw: Raw, bloc: str, iso3: str, day: dt.date):
    """True, False or NOT_KNOWN from the spells' dates as sourced: a member for sure once the latest possible
    join day has passed and until the earliest possible last day; for sure not before the earliest join
    or after the latest last day; a spell whose join is left blank (disputed) is not known from 2024-01-01."""
    spells = raw.blocs[(raw.blocs["bloc"] == bloc) & (raw.blocs["iso3"] == iso3)]
    states = []
    for joined, left in zip(spells["joined"], spells["left"]):
        if not joined:
            states.append(NOT_KNOWN if day >= dt.date(2024, 1, 1) else False)
            continue
        (j_first, j_last), (l_first, l_last) = _window(joined), _window(left)
        if day < j_first or (l_last and day > l_last):
            states.append(False)
        elif day >= j_last and (l_first is None or day <= l_first):
            states.append(True)
        else:
            states.append(NOT_KNOWN)
    if True in states:
        return True
    return NOT_KNOWN if NOT_KNOWN in states else False


# ---------------------------------------------------------------- generators: (name, call, expected)

DAY_FORMS = [
    lambda d: d.isoformat(), lambda d: f"{d.day} {d:%B %Y}", lambda d: f"{d.day} {d:%b %Y}",
    lambda d: f"{d:%B} {d.day}, {d.year}", lambda d: f"{d:%b}. {d.day}, {d.year}", lambda d: f"{d:%Y/%m/%d}",
    lambda d: f"{d.isoformat()} 12:30", lambda d: f"  {d.isoformat().upper()}  ", lambda d: f"{d.day}th {d:%B %Y}",
    lambda d: f"{d.year}-{d.month}-{d.day}", lambda d: d, lambda d: pd.Timestamp(d), lambda d: np.datetime64(d),
]
NOT_A_DAY = [
    lambda d: f"{d.day} {d:%B}", lambda d: f"{d:%b} {d.day}", lambda d: f"{d:%B %Y}", lambda d: f"{d:%Y-%m}",
    lambda d: f"{d:%m}/{d.year}", lambda d: str(d.year), lambda d: d.year, lambda d: d.isoformat().encode(),
    lambda d: f"{d.year}-02-30", lambda d: f"{d.year}-13-01", lambda d: f"{d.isoformat()}T00:00Z",
    lambda d: f"{d:%m}/{d:%d}/{d.year}" if d.day <= 12 and d.day != d.month else f"{d:%B %Y}",
]


def _a_day(rng: random.Random) -> dt.date:
    return dt.date(1946, 1, 1) + dt.timedelta(days=rng.randrange(0, 365 * 85))


def gen_day(rng, raw):
    d = _a_day(rng)
    if rng.random() < 0.6:
        text = rng.choice(DAY_FORMS)(d)
        return "day", lambda: wo.day(text), pd.Timestamp(d), text
    text = rng.choice(NOT_A_DAY)(d)
    return "day", lambda: wo.day(text), REFUSED, text


def gen_membership(rng, raw):
    spell = raw.blocs.iloc[rng.randrange(len(raw.blocs))]
    bloc, iso3 = spell["bloc"], spell["iso3"]
    edges = [w for v in (spell["joined"], spell["left"]) for w in _window(v) if w]
    if edges and rng.random() < 0.7:  # near a boundary, where a wrong rule shows
        day = rng.choice(edges) + dt.timedelta(days=rng.choice([-1, 0, 1, rng.randint(-400, 400)]))
    else:
        day = _a_day(rng)
    name = rng.choice([iso3, iso3.lower(), *raw.countries.loc[raw.countries["iso3"] == iso3, "common_name"]])
    expected = membership_oracle(raw, bloc, iso3, day)
    return "is_member", lambda: wo.is_member(name, bloc, day.isoformat()), expected, (name, bloc, str(day))


def gen_bloc_members(rng, raw):
    bloc = rng.choice(sorted(set(raw.blocs["bloc"])))
    day = _a_day(rng)
    mode = rng.choice(["exclude", "include"])
    codes = sorted(set(raw.blocs.loc[raw.blocs["bloc"] == bloc, "iso3"]))
    states = {c: membership_oracle(raw, bloc, c, day) for c in codes}
    want = sorted(c for c, s in states.items() if s is True or (mode == "include" and s is NOT_KNOWN))
    return "bloc_members", lambda: wo.bloc_members(bloc, on=day, uncertain=mode), want or REFUSED, (bloc, str(day), mode)


def gen_several_blocs(rng, raw):
    chosen = rng.sample(sorted(set(raw.blocs["bloc"])), rng.randint(2, 4))
    return "bloc_members", lambda: wo.bloc_members(chosen), REFUSED, chosen


def _names_of(raw, row) -> list:
    names = [row["iso3"], row["iso3"].lower(), row["un_name"], row["common_name"], row["common_name"].upper(),
             f"{row['common_name']} ({row['iso3']})", " ".join(f"  {row['un_name']} ".split()).replace("'", "\u2019")]
    names += [n for n in row["former_names"].split(";") if n]
    return names


def gen_country(rng, raw):
    row = raw.countries.iloc[rng.randrange(len(raw.countries))]
    if rng.random() < 0.8:
        text = rng.choice(_names_of(raw, row))
        return "country", lambda: wo.country(text), row["iso3"], text
    other = raw.countries.iloc[rng.randrange(len(raw.countries))]
    if other["iso3"] == row["iso3"]:
        return "country", lambda: wo.country(row["iso3"]), row["iso3"], row["iso3"]
    text = f"{row['common_name']} ({other['iso3']})"  # a label whose name and code disagree
    return "country", lambda: wo.country(text), REFUSED, text


def gen_countries(rng, raw):
    rows = [raw.countries.iloc[rng.randrange(len(raw.countries))] for _ in range(rng.randint(1, 4))]
    items = [rng.choice(_names_of(raw, r)) for r in rows]
    items += rng.sample(items, rng.randint(0, len(items)))  # repeats, in other spellings
    want = list(dict.fromkeys(r["iso3"] for r in rows))
    return "country_keys", lambda: wo.country_keys(items), want, items


def gen_years(rng, raw):
    years = [rng.randint(1946, 2025) for _ in range(rng.randint(1, 3))]
    years += rng.sample(years, rng.randint(0, len(years)))
    years = [rng.choice([y, str(y), np.int64(y)]) for y in years]
    unique = {int(y) for y in years}
    want = sum(raw.per_year.get(y, 0) for y in unique)
    if any(raw.per_year.get(y, 0) == 0 for y in unique):
        want = REFUSED  # a year without a recorded vote is refused with the reason
    if rng.random() < 0.15:
        years, want = str(years[0]).encode(), REFUSED
    return "resolutions(years)", lambda: len(wo.resolutions(years=years)), want, years


def gen_flag(rng, raw):
    value = rng.choice([True, False, np.bool_(True), "no", "yes", "False", 0, 1, "", [True], 1.0])
    if isinstance(value, (bool, np.bool_)):
        want = int((raw.resolutions["focus"] == bool(value)).sum())
    else:
        want = REFUSED
    return "resolutions(focus)", lambda: len(wo.resolutions(focus=value)), want, value


def gen_counts(rng, raw):
    y, n, a = (rng.randint(-3, 40) for _ in range(3))
    if min(y, n, a) < 0:
        want = REFUSED
    elif y + n + a == 0:
        want = "nan"
    else:
        top, total = max(y, n, a), y + n + a
        want = float((Fraction(top) - Fraction(total - top, 2)) / total)
    return "agreement_index", lambda: blocvotes.agreement_index(y, n, a), want, (y, n, a)


def gen_self(rng, raw):
    row = raw.countries[raw.countries["status"] == "member"].sample(1, random_state=rng.randrange(10**6)).iloc[0]
    a, b = rng.choice(_names_of(raw, row)[:4]), rng.choice(_names_of(raw, row)[:4])
    return "agreement_share", lambda: wo.agreement_share(a, b, rng.randint(1990, 2024)), REFUSED, (a, b)


DASHES = ["-", "\u2010", "\u2011", "\u2013", "\u2014", "\u2212"]


def gen_symbol(rng, raw):
    symbol = rng.choice(raw.symbols)
    text = symbol.replace("-", rng.choice(DASHES))
    text = rng.choice([text, text.lower(), f"  {text} "])
    return "resolution", lambda: wo.resolution(text), symbol, text


def gen_ambiguous(rng, raw):
    text = rng.choice(["AU", "au", " Au "])
    call = rng.choice([lambda: wo.country(text), lambda: wo.country_keys([text, "UKR"]),
                       lambda: wo.vote_of("ES-11/7", text), lambda: wo.agreement(text, "USA", ["ES-11/7"])])
    return "AU as a country", call, REFUSED, text


JUNK_CALLS = {
    "country": wo.country, "country_keys": wo.country_keys, "country_label": wo.country_label, "bloc": wo.bloc,
    "resolution": wo.resolution, "day": wo.day, "year": wo.year,
    "bloc_members": lambda v: wo.bloc_members("NATO", on=v), "is_member": lambda v: wo.is_member(v, "NATO", "2025-02-24"),
    "membership_counts": lambda v: wo.membership_counts(v, years=[1990]), "resolutions": lambda v: wo.resolutions(years=v),
    "votes": lambda v: wo.votes(resolutions=v), "find_votes": wo.find_votes, "vote_of": lambda v: wo.vote_of("ES-11/7", v),
    "day_votes": wo.day_votes, "coincidence": lambda v: wo.coincidence(v, 2023),
    "coincidence_year": lambda v: wo.coincidence("Canada", v), "report_percent": wo.report_percent, "us_rank": wo.us_rank,
    "cohesion": lambda v: wo.cohesion(v, ["ES-11/7"]), "defectors": lambda v: wo.defectors(["EU"], v),
    "council_chart": lambda v: wo.council_chart(wo.vote_table(v)), "council_table": wo.council_chart, "erosion_chart": lambda v: wo.erosion_chart(wo.series_totals(v)), "erosion_table": wo.erosion_chart, "check": lambda v: wo.check("03.1", v),
    "check_key": lambda v: wo.check(v, 1), "focus": lambda v: wo.resolutions(years=2025, focus=v),
    "agreement_index": lambda v: blocvotes.agreement_index(v, 1, 1), "members_uncertain": lambda v: wo.bloc_members("OIC", "1980-01-01", uncertain=v),
}


def _words(rng: random.Random) -> str:
    pool = ["Ukraine", "UKR", "uk", "Soviet Union", "Germany", "GDR", "Korea", "Congo", "NATO", "EU", "BRICS",
            "ES-11/", "A/RES/", "S/RES/", "(V)", "1956", "2022", "-", "/", " ", "ü", "’", "(", ")", "x", "April", "."]
    return "".join(rng.choice(pool) for _ in range(rng.randint(1, 4)))


def gen_junk(rng, raw):
    name = rng.choice(sorted(JUNK_CALLS))
    kind = rng.random()
    value = (rng.choice(JUNK) if kind < 0.45 else _words(rng) if kind < 0.75 else rng.randint(-5, 3000) if kind < 0.85
             else [rng.choice(JUNK[20:]) for _ in range(rng.randint(0, 3))])
    return name, lambda: JUNK_CALLS[name](value), None, value


GENERATORS = [gen_day, gen_day, gen_membership, gen_membership, gen_membership, gen_bloc_members, gen_several_blocs,
              gen_country, gen_country, gen_countries, gen_years, gen_flag, gen_counts, gen_self, gen_symbol,
              gen_ambiguous, gen_junk, gen_junk, gen_junk]


# ---------------------------------------------------------------- judging


def _explained(err: Exception) -> bool:
    text = str(err).lower()
    words = ("unknown", "give", "choose", "try ", "did you mean", "not a", "no ", "ambiguous", "bare number",
             "takes", "write it", "missing", "between", "undefined", "fits", "time zone", "has no", "not known",
             "is a month", "is a year", "bytes", "negative", "same country", "itself", "is not true or false",
             "is not a number", "(use ", "a boolean")
    return len(text) > 25 and any(word in text for word in words)


def _same(result, expected) -> bool:
    if isinstance(expected, float):
        return isinstance(result, float) and abs(result - expected) < 1e-12
    if expected == "nan":
        return isinstance(result, float) and np.isnan(result)
    if isinstance(expected, pd.Timestamp):
        return isinstance(result, pd.Timestamp) and result == expected and result.tzinfo is None
    return type(result) is type(expected) and result == expected


def judge(expected, call) -> tuple[str, str]:
    try:
        result = call()
    except MembershipNotKnown as err:
        if expected is NOT_KNOWN or (expected is None and _explained(err)):
            return "right" if expected is NOT_KNOWN else "clear error", ""
        return "wrong answer", f"raised {err}"
    except (ValueError, wo.DataFileError) as err:
        if not _explained(err):
            return "unexplained", f"{type(err).__name__}: {err}"
        if expected is None or expected is REFUSED:
            return "clear error", ""
        return "wrong answer", f"refused ({err})"
    except Exception as err:  # noqa: BLE001 - the point is to find these
        return "unexplained", f"{type(err).__name__}: {err}"
    if expected is None:
        return "answer", ""
    if expected is REFUSED or expected is NOT_KNOWN:
        return "wrong answer", f"returned {result!r}, a refusal was due"
    return ("right", "") if _same(result, expected) else ("wrong answer", f"returned {result!r}, expected {expected!r}")


def fuzz(n: int = 3000, seed: int = 2025) -> tuple[Counter, list[str]]:
    rng = random.Random(seed)
    raw = Raw()
    counts: Counter = Counter()
    problems = []
    for i in range(n):
        name, call, expected, shown = GENERATORS[i % len(GENERATORS)](rng, raw)
        outcome, detail = judge(expected, call)
        counts[outcome] += 1
        counts["with an oracle" if expected is not None else "junk"] += 1
        if outcome in ("wrong answer", "unexplained"):
            problems.append(f"{outcome}: {name}({shown!r}) {detail}")
    return counts, problems


def main(argv=None) -> None:
    args = sys.argv[1:] if argv is None else argv
    n = int(args[0]) if args else 3000
    counts, problems = fuzz(n)
    print(f"{n} generated inputs ({counts['with an oracle']} with an independent expected answer, {counts['junk']} junk): "
          + ", ".join(f"{k} {counts[k]}" for k in ("right", "answer", "clear error", "wrong answer", "unexplained")))
    for line in problems:
        print("  " + line)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
