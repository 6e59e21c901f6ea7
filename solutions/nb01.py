"""Solutions to the exercises of notebook 01 (the post-war order), computed with the helper package."""

import worldorder as wo


def solve_01_1():
    """First year ASEAN had at least 10 members at the end of the year."""
    counts = wo.membership_counts(["ASEAN"]).set_index("year")["members"]
    return int(counts[counts.ge(10)].index[0])


def solve_01_2():
    """Members of the CSTO on 1 January 2010, from the membership spells."""
    spells = wo.blocs().query("bloc == 'CSTO'")
    day = "2010-01-01"
    inside = (spells["joined_date"] <= day) & ~(spells["left_date"] <= day)
    return int(spells.loc[inside, "iso3"].nunique())


def solve_01_3():
    """To how many blocs did the United Kingdom belong on 1 January 1990?"""
    blocs = wo.blocs()["bloc"].unique()
    return sum(wo.is_member("United Kingdom", bloc, on="1990-01-01") for bloc in blocs)

def solve_01_4():
    """AU members at the end of 2011, the year South Sudan joined."""
    counts = wo.membership_counts(["AU"])
    return int(counts.loc[counts["year"] == 2011, "members"].iloc[0])


def solve_01_5():
    """Membership spells whose join date is given only to the month (YYYY-MM)."""
    joined = wo.blocs()["joined"].dropna()
    return int(joined.str.fullmatch(r"\d{4}-\d{2}").sum())


def solve_01_6():
    """The Warsaw Pact's members year by year, as a line."""
    import altair as alt

    counts = wo.membership_counts(["Warsaw Pact"])
    return alt.Chart(counts).mark_line().encode(x="year:Q", y="members:Q").properties(
        title="Warsaw Pact members", description="Line chart of the Warsaw Pact's members on 31 December each year.")


def solve_01_7():
    """founders(spells): the members that joined on the bloc's first day, from its membership spells."""
    def founders(spells):
        first = spells["joined_date"].min()
        return spells.loc[spells["joined_date"] == first, "iso3"].tolist()

    return founders
