"""Solutions to the exercises of notebook 01 (the post-war order), computed with the helper package."""

import worldorder as wo


def solve_01_1():
    """First year the EU (then the European Communities) had at least 15 members at the end of the year."""
    counts = wo.membership_counts(["EU"])
    return int(counts[counts["members"] >= 15]["year"].min())


def solve_01_2():
    """Members of the Warsaw Pact on 1 January 1970."""
    return len(wo.bloc_members("Warsaw Pact", on="1970-01-01"))


def solve_01_3():
    """The timeline category with the most events."""
    return wo.timeline()["category"].value_counts().idxmax()


def solve_01_4():
    """EU members at the end of 2020, after the United Kingdom left."""
    counts = wo.membership_counts(["EU"])
    return int(counts.loc[counts["year"] == 2020, "members"].iloc[0])


def solve_01_5():
    """Timeline events whose date is given only to the month (YYYY-MM)."""
    events = wo.timeline()
    return int((events["date"].str.len() == 7).sum())


def solve_01_6():
    """The Warsaw Pact's members year by year, as a line."""
    import altair as alt

    counts = wo.membership_counts(["Warsaw Pact"])
    return alt.Chart(counts).mark_line().encode(x="year:Q", y="members:Q").properties(
        title="Warsaw Pact members", description="Line chart of the Warsaw Pact's members on 31 December each year.")
