"""Fuzz the public API: generated names, numbers, dates, containers and junk handed to every public function.

Run ``python -m tools.fuzz [N]`` (default 1,500 inputs). Each call ends in one of three ways:

- ``answer``: the function returned (checked where a rule can say the answer is right, e.g. a resolved code
  must be a known code, a date a real day);
- ``clear error``: a ``ValueError`` (or ``DataFileError``) whose message quotes the bad value or says what to give;
- ``unexplained``: any other exception, or an error message that does not say what was wrong.

The run prints the counts and every unexplained case, and exits 1 if there is one.
"""

from __future__ import annotations

import datetime as dt
import random
import sys
from collections import Counter

import numpy as np
import pandas as pd

import worldorder as wo

JUNK = [None, "", "   ", 0, -1, 2025, 1964, 3.5, float("nan"), True, [], {}, (), b"UKR", ..., object(),
        np.int64(7), np.float64(0.5), pd.NA, pd.Timestamp("2025-02-24", tz="UTC"), "02/03/2022", "2025-02-30",
        "2025-02-24 12:00", "24 February 2025", "Côte d’Ivoire", "France (DEU)", "USSR", "Palestine", "nato",
        "es-11/7", "2774", "377(V)", "181(II)", "ZZZ", "A/RES/XX", "ukriane", "1985", "EU", "Warsaw Pact", "WEOG"]


def _words(rng: random.Random) -> str:
    pool = ["Ukraine", "UKR", "uk", "Soviet Union", "Germany", "GDR", "Korea", "Congo", "NATO", "EU", "BRICS",
            "ES-11/", "A/RES/", "S/RES/", "(V)", "1956", "2022", "-", "/", " ", "ü", "’", "(", ")", "x"]
    return "".join(rng.choice(pool) for _ in range(rng.randint(1, 4)))


def _value(rng: random.Random):
    kind = rng.random()
    if kind < 0.35:
        return rng.choice(JUNK)
    if kind < 0.6:
        return _words(rng)
    if kind < 0.7:
        return rng.randint(-5, 3000)
    if kind < 0.8:
        return dt.date(rng.randint(1900, 2100), rng.randint(1, 12), rng.randint(1, 28))
    if kind < 0.9:
        return [rng.choice(JUNK[20:]) for _ in range(rng.randint(0, 3))]
    return pd.Series([_words(rng) for _ in range(rng.randint(1, 3))])


CALLS = {
    "country": lambda v: wo.country(v),
    "countries": lambda v: wo.countries(v),
    "country_label": lambda v: wo.country_label(v),
    "bloc": lambda v: wo.bloc(v),
    "resolution": lambda v: wo.resolution(v),
    "day": lambda v: wo.day(v),
    "year": lambda v: wo.year(v),
    "bloc_members": lambda v: wo.bloc_members("NATO", on=v),
    "is_member": lambda v: wo.is_member(v, "NATO", "2025-02-24"),
    "membership_counts": lambda v: wo.membership_counts(v, years=[1990]),
    "resolutions": lambda v: wo.resolutions(years=v),
    "votes": lambda v: wo.votes(resolutions=v),
    "find_votes": lambda v: wo.find_votes(v),
    "vote_of": lambda v: wo.vote_of("ES-11/7", v),
    "day_votes": lambda v: wo.day_votes(v),
    "coincidence": lambda v: wo.coincidence(v, 2023),
    "coincidence_year": lambda v: wo.coincidence("Canada", v),
    "report_percent": lambda v: wo.report_percent(v),
    "us_rank": lambda v: wo.us_rank(v),
    "cohesion": lambda v: wo.cohesion(v, ["ES-11/7"]),
    "defectors": lambda v: wo.defectors(["EU"], v),
    "council_chart": lambda v: wo.council_chart(v),
    "erosion_chart": lambda v: wo.erosion_chart(v),
    "check": lambda v: wo.check("03.1", v),
    "check_key": lambda v: wo.check(v, 1),
}


def _plausible(name: str, result) -> bool:
    """What a returned answer must satisfy, where a rule can tell."""
    if name in ("country", "resolution", "bloc"):
        known = {"country": set(wo.country_table()["iso3"]), "bloc": set(wo.bloc_names()),
                 "resolution": set(wo.resolutions()["resolution"])}[name]
        return result in known
    if name == "day":
        return isinstance(result, pd.Timestamp) and result.tzinfo is None
    if name == "check":
        return isinstance(bool(result), bool)
    return True


def _explained(value, err: Exception) -> bool:
    text = str(err).lower()
    words = ("unknown", "give", "choose", "try ", "did you mean", "not a", "no ", "ambiguous", "bare number",
             "takes", "write it", "missing", "between", "undefined", "fits", "time zone", "has no")
    return len(text) > 25 and any(word in text for word in words)


def fuzz(n: int = 1500, seed: int = 2025) -> tuple[Counter, list[str]]:
    rng = random.Random(seed)
    counts: Counter = Counter()
    unexplained = []
    names = list(CALLS)
    for i in range(n):
        name, value = names[i % len(names)], _value(rng)
        try:
            result = CALLS[name](value)
        except (ValueError, wo.DataFileError) as err:
            if _explained(value, err):
                counts["clear error"] += 1
            else:
                counts["unexplained"] += 1
                unexplained.append(f"{name}({value!r}): {type(err).__name__}: {err}")
        except Exception as err:  # noqa: BLE001 - the point is to find these
            counts["unexplained"] += 1
            unexplained.append(f"{name}({value!r}): {type(err).__name__}: {err}")
        else:
            if _plausible(name, result):
                counts["answer"] += 1
            else:
                counts["unexplained"] += 1
                unexplained.append(f"{name}({value!r}) returned {result!r}")
    return counts, unexplained


def main(argv=None) -> None:
    args = sys.argv[1:] if argv is None else argv
    n = int(args[0]) if args else 1500
    counts, unexplained = fuzz(n)
    print(f"{n} generated inputs over {len(CALLS)} public functions: "
          + ", ".join(f"{k} {counts[k]}" for k in ("answer", "clear error", "unexplained")))
    for line in unexplained:
        print("  " + line)
    sys.exit(1 if unexplained else 0)


if __name__ == "__main__":
    main()
