"""``wo.find_votes``: does a search for what people call an episode find its votes, and how fast.

``EPISODES``: 20 queries as a learner types them, each with the votes it must find in its top 10 and why
those are the votes, in the record's own words (titles, agendas, the Council resolution that called a session).
The share of queries whose expected votes are all in the top 10 is reported for the search and for the plain
title search it replaced (every word in the symbol, title or agenda; date order), measured in the same run.
"""

from __future__ import annotations

import statistics
import time

import numpy as np

import worldorder as wo
from worldorder import data, names

# query → (expected votes, why: the record's words)
EPISODES = {
    "Suez": (["A/RES/997(ES-I)", "S/RES/119 (1956)"],
             "S/RES/119 (1956) 'on an emergency special session of the General Assembly on the Suez question'; "
             "A/RES/997(ES-I) is the first vote of that session (ES-1)"),
    "Uniting for Peace": (["A/RES/377(V)[A-C]"], "title 'Uniting for peace'"),
    "Korea 1950": (["S/RES/82 (1950)", "S/RES/83 (1950)", "S/RES/84 (1950)"],
                   "1950 titles: 'calling upon the North Korean authorities to withdraw ...', 'on assistance to the "
                   "Republic of Korea', 'on the Korean question and a unified command under the United States'"),
    "Hungary 1956": (["A/RES/1004(ES-II)", "S/RES/120 (1956)"],
                     "'The situation in Hungary' (ES-2); S/RES/120 (1956) called that session"),
    "apartheid": (["A/RES/616(VII)[A]", "S/RES/190 (1964)"],
                  "the earliest GA and the earliest SC vote whose title names apartheid"),
    "Falklands": (["S/RES/502 (1982)", "A/RES/37/9"],
                  "'demanding withdrawal of Argentine forces from the Falkland Islands (Malvinas)'; 'Question of the "
                  "Falkland Islands (Malvinas)', 1982"),
    "Malvinas": (["S/RES/502 (1982)", "A/RES/37/9"], "as for 'Falklands'"),
    "Iraq 2003": (["S/RES/1483 (2003)", "S/RES/1511 (2003)"],
                  "2003: 'on lifting economic sanctions on Iraq ...', 'on authorizing a multinational force ... in Iraq'"),
    "Gulf War": (["S/RES/660 (1990)", "S/RES/678 (1990)"],
                 "'on Iraqi invasion of Kuwait'; 'authorizing Member States to use all necessary means to implement "
                 "Security Council resolution 660 (1990)'"),
    "Afghanistan 1980": (["A/RES/ES-6/2", "S/RES/462 (1980)"],
                         "'The situation in Afghanistan and its implications ...'; S/RES/462 (1980) called ES-6"),
    "Congo 1960": (["A/RES/1474(ES-IV)", "S/RES/143 (1960)", "S/RES/157 (1960)"],
                   "S/RES/157 (1960) 'on an emergency special session of the General Assembly on the Congo question' "
                   "called ES-4; S/RES/143 (1960) 'calling upon Belgium to withdraw its troops from the Congo'"),
    "six-day war": (["A/RES/2253(ES-V)", "S/RES/242 (1967)"],
                    "ES-5 agenda 'Letter dated 13 June 1967 ...' ('MIDDLE EAST SITUATION'); S/RES/242 (1967) 'on a "
                    "peaceful and accepted settlement of the Middle East situation'"),
    "China 1971": (["A/RES/2758(XXVI)"], "'Restoration of the lawful rights of the People's Republic of China ...'"),
    "zionism is racism": (["A/RES/3379(XXX)"], "Voeten's description of the roll call: 'ZIONISM AS RACISM'"),
    "partition of Palestine": (["A/RES/181(II)[A]"], "'Future government of Palestine', 1947-11-29"),
    "Crimea": (["A/RES/68/262"], "'Territorial integrity of Ukraine', 2014 (rollcalls/SOURCES.md: status of Crimea)"),
    "invasion of Ukraine": (["A/RES/ES-11/1", "A/RES/ES-11/7", "S/RES/2774 (2025)"],
                            "'Aggression against Ukraine'; the focus votes of 24 February 2025"),
    "Grenada 1983": (["A/RES/38/7"], "'The situation in Grenada', 1983"),
    "Cuba embargo": (["A/RES/47/19"],
                     "the first vote titled 'Necessity of ending the economic, commercial and financial embargo "
                     "imposed by the United States of America against Cuba'"),
    "Jerusalem 2017": (["A/RES/ES-10/19", "A/RES/72/15"], "2017: 'Status of Jerusalem'; 'Jerusalem'"),
}
TOP = 10
TIMED = [("nuclear", {}), ("nuclear test", {"years": range(1980, 1990)}), ("ukraine", {}), ("suez", {}),
         ("palestine", {"body": "GA"}), ("apartheid", {"issue": "co"}), ("377(V)", {}), ("namibia", {}),
         ("human rights", {"years": 2015}), ("korea", {"body": "SC"})]


def title_search(text: str) -> list[str]:
    """The search before episodes: every word in the symbol, title or agenda, in date order."""
    table = data.resolution_table()
    haystack = (table["resolution"].astype(str) + " " + table["title"].fillna("") + " "
                + table["agenda"].fillna("")).map(names.normalise)
    keep = np.ones(len(table), dtype=bool)
    for word in names.normalise(text).split():
        keep &= haystack.str.contains(word, regex=False).to_numpy()
    return table.loc[keep, "resolution"].astype(str).tolist()


def found_share(search) -> tuple[float, list[str]]:
    """The share of ``EPISODES`` whose expected votes are all in the top 10, and the queries that miss."""
    missed = [q for q, (expected, _) in EPISODES.items() if not set(expected) <= set(search(q)[:TOP])]
    return 1 - len(missed) / len(EPISODES), missed


def run(repeat: int = 5) -> dict[str, float]:
    share, missed = found_share(lambda q: wo.find_votes(q)["resolution"].tolist())
    before, _ = found_share(title_search)
    print(f"  episodes found (expected votes in the top {TOP}) over {len(EPISODES)} queries: {share:.0%} "
          f"(goal ≥ 90 %); title search alone: {before:.0%}" + (f"; missed: {', '.join(missed)}" if missed else ""))
    wo.find_votes("warm up")
    times = []
    for _ in range(repeat):
        for text, filters in TIMED + [(q, {}) for q in EPISODES]:
            start = time.perf_counter()
            wo.find_votes(text, **filters)
            times.append(time.perf_counter() - start)
    median = statistics.median(times) * 1000
    print(f"  find_votes: median {median:.1f} ms, slowest {max(times) * 1000:.1f} ms over {len(times)} searches "
          "(target: median ≤ 20 ms)")
    return {"find_votes_ms": median, "episodes_found": share, "episodes_found_title_search": before}
