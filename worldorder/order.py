"""The post-war order as dated events, and the span of the record the notebooks read.

>>> event_date("Charter signed").date()
datetime.date(1945, 6, 26)
>>> cold_war_end()
1991
>>> record_span()["scrape_last"].date()
datetime.date(2025, 10, 29)
"""

from __future__ import annotations

import pandas as pd

from worldorder import data


def event_date(words: str) -> pd.Timestamp:
    """The date of the first timeline event whose text contains ``words`` (case ignored)."""
    events = data.timeline()
    hits = events[events["event"].str.contains(str(words), case=False, regex=False)]
    if hits.empty:
        raise ValueError(f"No timeline event mentions {words!r}. Look at wo.timeline()['event'] for the wording.")
    return hits.iloc[0]["start"]


def cold_war_end() -> int:
    """The year Russia took over the Soviet Union's UN seat, per the timeline: the end of the Cold War in the charts."""
    return event_date("Soviet Union's UN").year


def record_span() -> dict[str, pd.Timestamp]:
    """First and last day of the recorded GA votes (``first``, ``last``), and the last day of the UN Digital
    Library scrape (``scrape_last``).

    Votes after ``scrape_last`` are only the focus votes taken from the project's roll calls, so yearly
    figures for that last year cover January to ``scrape_last``.
    """
    table = data.resolution_table()
    ga = table[table["body"] == "GA"]
    scraped = ga[~ga["source"].str.startswith("rollcalls/")]
    return {"first": ga["date"].min(), "last": ga["date"].max(), "scrape_last": scraped["date"].max()}


def last_full_year() -> int:
    """The last year whose recorded GA votes cover January to December."""
    last = record_span()["scrape_last"]
    return last.year if (last.month, last.day) == (12, 31) else last.year - 1
