"""Solutions to the exercises of notebook 04 (how the sources disagree), computed with the helper package."""

import worldorder as wo


def solve_04_1():
    """Which Security Council abstainer is missing from the report's list (UK, France, Denmark, Greece)?"""
    votes = wo.votes(focus=True)
    sc = votes[(votes["resolution"] == wo.resolution("2774")) & (votes["vote"] == "A")]
    named = wo.countries(["UK", "France", "Denmark", "Greece"])
    return sc.loc[~sc["iso3"].isin(named), "iso3"].iloc[0]


def solve_04_2():
    """How many no votes did A/RES/ES-11/7 get, counted from the roll call?"""
    votes = wo.votes(focus=True)
    return int(((votes["resolution"] == wo.resolution("ES-11/7")) & (votes["vote"] == "N")).sum())


def solve_04_3():
    """Which seed's claim about who blocked the Security Council amendments is rated wrong?"""
    ledger = wo.claims()
    rows = ledger[(ledger["fact"] == "S/RES/2774: the failed amendments") & (ledger["rating"] == "wrong")]
    return rows["seed"].iloc[0]


def solve_04_4():
    """Which country's vote on ES-11/8 does another source report differently from the UN record?"""
    disputes = wo.vote_disputes()
    return disputes.loc[disputes["resolution"] == wo.resolution("ES-11/8"), "iso3"].iloc[0]


def solve_04_5():
    """On how many of the three votes of 24 February 2025 did the USA vote as Russia did?"""
    day = wo.country_votes(["USA", "RUS"])
    return int((day.iloc[0] == day.iloc[1]).sum())


def solve_04_6():
    """opinion: 'joining forces with Russia, North Korea, and Belarus' (a bare list: the complete list)."""
    return str(wo.check_claim("vote_list", "ES-11/7", "N", ["Russia", "North Korea", "Belarus"], scope="exact"))


def solve_04_7():
    """explainer: 'long-time US allies France and UK abstained' (a bare list: the complete list)."""
    return str(wo.check_claim("vote_list", "S/RES/2774 (2025)", "A", ["France", "UK"], scope="exact"))


def solve_04_8():
    """analysis: 'the U.K. and France — and three other European countries — abstained' ('other': examples; 5 in all)."""
    return str(wo.check_claim("vote_list", "S/RES/2774 (2025)", "A", ["UK", "France"], scope="some", number=5))
