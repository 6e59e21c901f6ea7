"""Solutions to the exercises of notebook 02 (eighty years of GA votes), computed with the helper package."""

import worldorder as wo


def solve_02_1():
    """USA–Mexico share of identical votes in 1979 (the pair is stored as MEX, USA)."""
    table = wo.yearly_agreement()
    row = table.query("iso3_a == 'MEX' and iso3_b == 'USA' and year == 1979")
    return float(row["share"].iloc[0])


def solve_02_2():
    """The full year after 1991 in which the USA and Japan voted identically least often."""
    japan = wo.us_agreement(["Japan"])
    after = japan[(japan["year"] >= 1992) & (japan["year"] <= wo.last_full_year())]
    return int(after.sort_values("share")["year"].iloc[0])


def solve_02_3():
    """Brazil's 2022 voting coincidence under the pre-2017 rule, as a whole percent."""
    return wo.report_percent(wo.coincidence("Brazil", 2022, rule="pre2017"))


def solve_02_4():
    """The member whose votes were most often identical to the USA's in 2010."""
    return wo.us_rank(2010)["iso3"].iloc[0]



def solve_02_5():
    """The USA–China share of identical votes, year by year, as a line."""
    import altair as alt

    agreement = wo.yearly_agreement()
    pair = agreement[(agreement["iso3_a"] == "CHN") & (agreement["iso3_b"] == "USA")]
    return alt.Chart(pair).mark_line().encode(x="year:Q", y="share:Q").properties(
        title="USA and China", description="Line chart of the yearly share of identical GA votes of the USA and China.")


def solve_02_6():
    """identical_share(votes, a, b): the share of identical votes of a and b over the votes both cast."""
    def identical_share(votes, a, b):
        wide = votes.pivot(index="resolution", columns="iso3", values="vote")
        both = wide[wide[a].isin(["Y", "N", "A"]) & wide[b].isin(["Y", "N", "A"])]
        return (both[a] == both[b]).mean()

    return identical_share
