"""Solutions to the exercises of notebook 03 (the votes of 24 February 2025), computed with the helper package."""

import worldorder as wo


def solve_03_1():
    """How many members voted no on A/RES/68/262 (2014, the territorial integrity of Ukraine)?"""
    votes = wo.votes(resolutions="68/262")
    return int((votes["vote"] == "N").sum())


def solve_03_2():
    """How did India vote on 68/262 (2014, the territorial integrity of Ukraine), as a word?"""
    return wo.VOTE_LABELS[wo.vote_of("68/262", "India")]


def solve_03_3():
    """Which members too small for the 1:110m map abstained on ES-11/9 (December 2025)?"""
    small = wo.small_states("ES-11/9")
    return small.loc[small["vote"] == "A", "country"].tolist()


def solve_03_4():
    """How did the yes count change from 71/205 (2016) to 80/223 (2025), the Crimea human-rights resolutions?"""
    yes = wo.resolutions(resolutions=["71/205", "80/223"]).set_index("resolution")["yes"]
    return int(yes["A/RES/80/223"] - yes["A/RES/71/205"])


def solve_03_5():
    """How many other members voted exactly as China did on 80/223 (2025)?"""
    return len(wo.side_with("80/223", "China"))


def solve_03_6():
    """The counts of ES-11/1's roll call as bars."""
    import altair as alt

    counts = wo.votes(resolutions="ES-11/1")["vote"].value_counts().reset_index()
    return alt.Chart(counts).mark_bar().encode(x="count:Q", y="vote:N").properties(
        title="ES-11/1", description="Bar chart of the votes on A/RES/ES-11/1.")


def solve_03_7():
    """no_voters(votes): the members that voted no in one roll call."""
    def no_voters(votes):
        return votes.loc[votes["vote"] == "N", "iso3"].tolist()

    return no_voters
