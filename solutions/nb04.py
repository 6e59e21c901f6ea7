"""Solutions to the exercises of notebook 04 (how the sources disagree), computed with the helper package."""

import worldorder as wo


def solve_04_1():
    """'Only Russia, Belarus and North Korea voted against ES-11/1': which no voters does the sentence leave out?"""
    votes = wo.votes(resolutions="ES-11/1")
    no = set(votes.loc[votes["vote"] == "N", "iso3"])
    return sorted(no - set(wo.country_keys(["Russia", "Belarus", "North Korea"])))


def solve_04_2():
    """How many members (the USA left out) voted as the USA did on both ES-11/7 and ES-11/8?"""
    wide = wo.votes(resolutions=["ES-11/7", "ES-11/8"]).pivot(index="iso3", columns="resolution", values="vote")
    same = (wide == wide.loc["USA"]).all(axis=1)
    return int(same.drop("USA").sum())


def solve_04_3():
    """How many claims about A/RES/ES-11/7 alone does the ledger rate right?"""
    claims = wo.claims()
    return len(claims.query("resolution == 'A/RES/ES-11/7' and rating == 'right'"))


def solve_04_4():
    """How many members of the African Union, on the day, abstained on A/RES/62/249 (Abkhazia, Georgia, 2008)?"""
    day = wo.resolutions(resolutions="62/249")["date"].iloc[0]
    members = wo.bloc_members("AU", on=day)
    votes = wo.votes(resolutions="62/249", countries=members)
    return int((votes["vote"] == "A").sum())


def solve_04_5():
    """On how many recorded GA votes of 2014 did the USA and Russia, both voting, cast the same vote?"""
    wide = wo.votes(body="GA", years=2014, countries=["USA", "RUS"]).pivot(
        index="resolution", columns="iso3", values="vote")
    both = wide[wide["USA"].isin(["Y", "N", "A"]) & wide["RUS"].isin(["Y", "N", "A"])]
    return int((both["USA"] == both["RUS"]).sum())


def solve_04_6():
    """opinion: the US defied precedent 'by joining forces with Russia, North Korea, and Belarus' (a bare list: the
    complete list, and 'joining forces with' puts the US itself in the group)."""
    return str(wo.check_claim("vote_list", "ES-11/7", "N", ["USA", "Russia", "North Korea", "Belarus"], scope="exact"))


def solve_04_7():
    """explainer: 'long-time US allies France and UK abstained' (a bare list: the complete list)."""
    return str(wo.check_claim("vote_list", "S/RES/2774 (2025)", "A", ["France", "UK"], scope="exact"))


def solve_04_8():
    """analysis: 'the U.K. and France — and three other European countries — abstained' ('other': examples; 5 in all)."""
    return str(wo.check_claim("vote_list", "S/RES/2774 (2025)", "A", ["UK", "France"], scope="some", number=5))


def solve_04_9():
    """The ledger's ratings per seed as stacked bars."""
    import altair as alt

    table = wo.claims()[["seed", "rating"]].assign(n=1)
    return alt.Chart(table).mark_bar().encode(y="seed:N", x="sum(n):Q", color="rating:N").properties(
        title="Ratings per seed", description="Stacked bars: the number of ledger claims of each seed, by rating.")


def solve_04_10():
    """voted_as(votes, country): how many other members cast exactly the country's vote in one roll call."""
    def voted_as(votes, country):
        own = votes.loc[votes["iso3"] == country, "vote"].iloc[0]
        return int(((votes["vote"] == own) & (votes["iso3"] != country)).sum())

    return voted_as
