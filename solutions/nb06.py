"""Solutions to the exercises of notebook 06 (how the UN works), computed with the helper package."""

import worldorder as wo


def solve_06_1():
    """How many of today's members of the Asia-Pacific group were admitted in the 1990s (1990 to 1999)?"""
    table = wo.un_membership()
    decade = table.query("1990 <= year <= 1999 and un_regional_group == 'Asia-Pacific'")
    return int(decade["admitted"].sum())


def solve_06_2():
    """How many yes voters would have had to switch to no for Uniting for Peace to miss two-thirds?"""
    return int(wo.ga_important_question("A/RES/377(V)[A-C]")["margin"])


def solve_06_3():
    """Which member stood closest to the United States' side on the one-line positions of 1975?"""
    table = wo.positions(1975).set_index("iso3")["position"].drop("USA")
    return table.idxmax()


def solve_06_4():
    """On how many recorded GA votes of 2003 did the United States and France both vote, but differently?"""
    return len(wo.split_votes(2003, "USA", "France"))


def solve_06_5():
    """The one-line positions of 1990, one point per member."""
    import altair as alt

    table = wo.positions(1990)
    return alt.Chart(table).mark_point().encode(x="position:Q", y=alt.Y("country:N", sort="-x")).properties(
        title="Positions in 1990", description="Dot plot of each member's position on the first component, 1990.")


def solve_06_6():
    """admitted_between(members, first, last): how many members were admitted from year first to last."""
    def admitted_between(members, first, last):
        years = members["admission_date"].dt.year
        return int(((years >= first) & (years <= last)).sum())

    return admitted_between
