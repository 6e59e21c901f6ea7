"""Solutions to the exercises of notebook 06 (how the UN works), computed with the helper package."""

import worldorder as wo


def solve_06_1():
    """How many of today's members of the African group were admitted in 1960?"""
    table = wo.un_membership()
    return int(table.query("year == 1960 and un_regional_group == 'African'")["admitted"].sum())


def solve_06_2():
    """How many yes voters would have had to switch to no for Uniting for Peace to miss two-thirds?"""
    return int(wo.ga_important_question("A/RES/377(V)[A-C]")["margin"])


def solve_06_3():
    """Which member stood closest to the United States' side on the one-line positions of 1975?"""
    table = wo.positions(1975).set_index("iso3")["position"].drop("USA")
    return table.idxmax()


def solve_06_4():
    """On how many recorded GA votes of 2010 did the United States and France vote differently?"""
    return len(wo.split_votes(2010, "USA", "France"))


def solve_06_5():
    """The one-line positions of 1990, one point per member."""
    import altair as alt

    table = wo.positions(1990)
    return alt.Chart(table).mark_point().encode(x="position:Q", y=alt.Y("country:N", sort="-x")).properties(
        title="Positions in 1990", description="Dot plot of each member's position on the first component, 1990.")
