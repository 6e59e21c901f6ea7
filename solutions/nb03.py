"""Solutions to the exercises of notebook 03 (the votes of 24 February 2025), computed with the helper package."""

import worldorder as wo


def solve_03_1():
    """How many members voted no on A/RES/ES-11/8?"""
    votes = wo.votes(focus=True)
    return int(((votes["resolution"] == wo.resolution("ES-11/8")) & (votes["vote"] == "N")).sum())


def solve_03_2():
    """How did Ukraine vote on ES-11/8 (as a word)?"""
    return wo.VOTE_LABELS[wo.vote_of("ES-11/8", "Ukraine")]


def solve_03_3():
    """Which members too small for the 1:110m map voted no on ES-11/7?"""
    small = wo.small_states("ES-11/7")
    return small.loc[small["vote"] == "N", "country"].tolist()


def solve_03_4():
    """By how many did the yes votes fall from ES-11/1 (2022) to ES-11/9?"""
    yes = wo.resolutions(focus=True).set_index("short")["yes"]
    return int(yes["ES-11/1"] - yes["ES-11/9"])


def solve_03_5():
    """How many other members voted exactly as China did on ES-11/7?"""
    return len(wo.side_with("ES-11/7", "China"))


def solve_03_6():
    """The counts of ES-11/1's roll call as bars."""
    import altair as alt

    counts = wo.votes(resolutions="ES-11/1")["vote"].value_counts().reset_index()
    return alt.Chart(counts).mark_bar().encode(x="count:Q", y="vote:N").properties(
        title="ES-11/1", description="Bar chart of the votes on A/RES/ES-11/1.")
