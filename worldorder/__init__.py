"""Helper package for the teaching notebooks on the post-war order and the UN votes of 24 February 2025.

    import worldorder as wo
    wo.votes()                        # one row per country per focus vote
    wo.bloc_members("NATO", on="2025-02-24")
"""

from worldorder.data import (
    DataFileError,
    blocs,
    history_agreement,
    history_rollcalls,
    history_us_votes,
    members,
    resolutions,
    timeline,
    vote_disputes,
    votes,
)
from worldorder.lookup import bloc, bloc_names, countries, country, country_label, resolution
from worldorder.membership import bloc_members, is_member
from worldorder.selfcheck import check
from worldorder.style import setup
from worldorder.agreement import coincidence, coincidence_share, pairwise_agreement, report_percent
from worldorder import history  # analysis helpers and charts for notebooks 00-02
from worldorder import claims, rollcall  # roll calls (notebook 03) and the claims ledger (04)
from worldorder import voteblocs  # vote blocs: splits, cohesion, defectors, agreement (notebook 05)

__all__ = [
    "DataFileError", "bloc", "check", "setup", "coincidence", "coincidence_share", "pairwise_agreement", "report_percent", "bloc_members", "bloc_names", "blocs", "countries", "country", "country_label",
    "history_agreement", "history_rollcalls", "history_us_votes", "is_member", "members", "resolution",
    "resolutions", "timeline", "vote_disputes", "votes",
]
