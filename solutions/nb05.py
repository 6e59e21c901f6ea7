"""Solutions to the exercises of notebook 05 (compare vote blocs), computed with the helper package."""

import worldorder as wo

BLOCS = ["EU", "NATO", "G7", "BRICS", "AU"]


def solve_05_1():
    """The most split of the five blocs on ES-11/4: the lowest Agreement Index."""
    table = wo.cohesion(["EU", "NATO", "G7", "BRICS", "AU"], ["ES-11/4"])
    return table.sort_values("agreement_index")["bloc"].iloc[0]


def solve_05_2():
    """Which member of the European Communities broke ranks on Resolution 2758 (XXVI) of 1971?"""
    found = wo.find_votes("lawful rights", years=1971)
    return wo.defectors(["EU"], list(found["resolution"]))["country"].iloc[0]


def solve_05_3():
    """How much did the Arab League's Agreement Index change from ES-11/1 to ES-11/7?"""
    table = wo.cohesion(["Arab League"], ["ES-11/1", "ES-11/7"]).set_index("short")["agreement_index"]
    return float(table["ES-11/7"] - table["ES-11/1"])


def solve_05_4():
    """Which ASEAN members voted differently from ASEAN's majority on ES-11/3 (suspending Russia from the Human
    Rights Council)?"""
    return list(wo.defectors(["ASEAN"], ["ES-11/3"])["iso3"])


def solve_05_5():
    """How often did Brazil vote as most EU members did on the three default votes? (A percentage also counts.)"""
    return round(100 * wo.agreement("Brazil", "EU", ["ES-11/1", "ES-11/7", "ES-11/8"]), 1)


def solve_05_6():
    """Each bloc's Agreement Index on ES-11/8 as bars."""
    import altair as alt

    table = wo.cohesion(BLOCS, ["ES-11/8"])
    return alt.Chart(table).mark_bar().encode(x="agreement_index:Q", y="bloc:N").properties(
        title="Cohesion on ES-11/8", description="Bar chart of each bloc's Agreement Index on A/RES/ES-11/8.")


def solve_05_7():
    """agreement_index(votes): the Agreement Index of a bloc's roll call (members who did not vote left out)."""
    def agreement_index(votes):
        counts = [int((votes["vote"] == code).sum()) for code in ("Y", "N", "A")]
        total, top = sum(counts), max(counts)
        return (top - (total - top) / 2) / total

    return agreement_index
