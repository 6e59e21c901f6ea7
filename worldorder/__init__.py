"""Helper package for the teaching notebooks on the post-war order and the UN votes of 24 February 2025.

    import worldorder as wo
    wo.resolutions(years=2025)                  # every recorded vote of 2025, with its totals
    wo.votes(resolutions="ES-11/7")             # one row per country: Y, N, A or X
    wo.find_votes("nuclear test", years=range(1980, 1990))
    wo.bloc_members("NATO", on="2025-02-24")    # membership dated to the day

The modules follow the ideas, in layers (each imports only those above it; ``tests/test_quality.py`` holds the
order):

- ``vocab``: vote codes, bodies, issue codes
- ``text``: text normalised one way, list arguments read one way
- ``integrity``: the package's record of ``data/``, row counts and cross-file checks (called by ``files`` and ``data``)
- ``files``: where the shipped files are (a clone, or inside an installed package), checksums, the memory-mapped
  record; ``memory``: a kernel gives big freed blocks back
- ``data``: the one reader of ``data/`` (schemas, one cache); ``articles``: the seed articles in ``seeds/``
- ``dates``: the one reader of days and years (a day only when it is one day for sure)
- ``names``: what a learner types → keys (countries, blocs, resolutions; days and years via ``dates``)
- ``membership``: who belonged to what on a day
- ``search``: what people call votes ("Suez", "Korea 1950") → the votes, episodes first
- ``record``: the record as tables: filters, search, one vote country by country
- ``order``: the timeline's dated events, and the span of the record
- ``pairs``: agreement between countries, voting coincidence
- ``blocvotes``: how blocs split, cohesion, defectors; ``blocpairs``: agreement involving blocs
- ``rules``, ``scaling``, ``topics``: the Charter's voting rules, positions on one axis, agreement by issue
- ``claimrules``, ``ledger``, ``seeds``: the claims ledger of the five seeds and the rules that check them; comparing
  the seeds
- ``charts``: one theme and the chart functions (each takes the table it draws)
- ``explorer``: the bloc explorer (a pure view function, wired to widgets)
- ``checks``: the exercises' self-checks (how messages look: ``feedback``; charts: ``drawn``, ``chartspec``;
  reading answers: ``answers``), then what builds on them (functions of the tables: ``methods``; "Predict
  first": ``predictions``)
- ``exercises``: each notebook's exercises, which register themselves with ``checks``

The public API, by concept (``__all__``, written out here and in the same order below; a module that a notebook
uses as a namespace, such as ``wo.data``, ``wo.ledger`` or ``from worldorder import rules``, is not in it):

- vote codes: ``CAST``, ``ISSUES``, ``VOTE_LABELS``
- errors: ``DataFileError``, ``MembershipNotKnown``
- names → keys: ``country``, ``country_keys``, ``country_label``, ``bloc``, ``bloc_names``, ``custom_bloc``,
  ``resolution``, ``day``, ``year``
- tables of the shipped data: ``countries``, ``blocs``, ``members``, ``timeline``, ``vote_disputes``,
  ``seed_sources``, ``seed_text``
- membership: ``bloc_members``, ``is_member``, ``membership_counts``, ``un_membership``
- the record: ``resolutions``, ``votes``, ``find_votes``, ``vote_of``, ``vote_table``, ``totals``, ``vote_lists``,
  ``side_with``, ``day_votes``, ``country_votes``, ``by_year``, ``missing_years``, ``rollcalls_per_year``,
  ``series_totals``, ``series_wide``
- agreement between countries: ``coincidence``, ``coincidence_fraction``, ``coincidence_table``,
  ``pairwise_agreement``, ``agreement_share``, ``report_percent``, ``us_agreement``, ``us_comparisons``, ``us_rank``,
  ``yearly_agreement``
- blocs: ``bloc_counts``, ``bloc_split``, ``cohesion``, ``defectors``, ``defectors_table``, ``agreement``,
  ``agreement_with``, ``bloc_agreement``, ``country_agreement``
- the timeline and the claims: ``cold_war_end``, ``event_date``, ``last_full_year``, ``claims``, ``check_claim``
- the UN's rules and its machinery: ``emergency_sessions``, ``ga_important_question``, ``ga_simple_majority``,
  ``margins``, ``sc_article27``, ``positions``, ``positions_over_time``, ``issue_agreement``, ``split_votes``
- charts: ``setup``, ``timeline_chart``, ``membership_chart``, ``coincidence_chart``, ``focus_votes_chart``,
  ``us_agreement_chart``, ``us_rank_chart``, ``council_chart``, ``erosion_chart``, ``small_states``,
  ``small_states_chart``, ``world_map``, ``agreement_with_chart``, ``bloc_agreement_chart``, ``cohesion_chart``,
  ``split_chart``, ``coverage_chart``
- the explorer: ``BlocExplorer``, ``compute_view``
- checks: ``check``, ``predict``, ``reveal``

"""

from worldorder.vocab import CAST, ISSUES, VOTE_LABELS  # noqa: I001
from worldorder.data import DataFileError, blocs, countries, members, timeline, vote_disputes
from worldorder.articles import seed_sources, seed_text
from worldorder.names import bloc, bloc_names, country, country_keys, country_label, custom_bloc, day, resolution, year
from worldorder.membership import MembershipNotKnown, bloc_members, is_member, membership_counts, un_membership
from worldorder.record import (
    by_year, country_votes, day_votes, find_votes, missing_years, resolutions, rollcalls_per_year, series_totals,
    series_wide, side_with, totals, vote_lists, vote_of, vote_table, votes,
)
from worldorder.pairs import (
    agreement_share, coincidence, coincidence_fraction, coincidence_table, pairwise_agreement, report_percent,
    us_agreement, us_comparisons, us_rank, yearly_agreement,
)
from worldorder.blocvotes import bloc_counts, bloc_split, cohesion, defectors, defectors_table
from worldorder.blocpairs import agreement, agreement_with, bloc_agreement, country_agreement
from worldorder.order import cold_war_end, event_date, last_full_year
from worldorder.ledger import check_claim, claims
from worldorder.rules import emergency_sessions, ga_important_question, ga_simple_majority, margins, sc_article27
from worldorder.scaling import positions, positions_over_time
from worldorder.topics import issue_agreement, split_votes
from worldorder.charts.theme import setup
from worldorder.charts.order import membership_chart, timeline_chart
from worldorder.charts.usvotes import coincidence_chart, focus_votes_chart, us_agreement_chart, us_rank_chart
from worldorder.charts.maps import council_chart, erosion_chart, small_states, small_states_chart, world_map
from worldorder.charts.blocs import agreement_with_chart, bloc_agreement_chart, cohesion_chart, split_chart
from worldorder.charts.ledger import coverage_chart
from worldorder.explorer import BlocExplorer, compute_view
from worldorder.checks import check
from worldorder.predictions import predict, reveal
from worldorder import exercises  # noqa: F401  (each notebook's exercises register themselves with checks)
# modules the notebooks use as namespaces (wo.data, wo.ledger ...): importable, not in __all__
from worldorder import claimrules, data, dates, integrity, ledger, membership, order, rules, seeds  # noqa: F401

__all__ = [
    # vote codes
    "CAST", "ISSUES", "VOTE_LABELS",
    # errors
    "DataFileError", "MembershipNotKnown",
    # names → keys
    "country", "country_keys", "country_label", "bloc", "bloc_names", "custom_bloc", "resolution", "day", "year",
    # tables of the shipped data
    "countries", "blocs", "members", "timeline", "vote_disputes", "seed_sources", "seed_text",
    # membership
    "bloc_members", "is_member", "membership_counts", "un_membership",
    # the record
    "resolutions", "votes", "find_votes", "vote_of", "vote_table", "totals", "vote_lists", "side_with", "day_votes",
    "country_votes", "by_year", "missing_years", "rollcalls_per_year", "series_totals", "series_wide",
    # agreement between countries
    "coincidence", "coincidence_fraction", "coincidence_table", "pairwise_agreement", "agreement_share",
    "report_percent", "us_agreement", "us_comparisons", "us_rank", "yearly_agreement",
    # blocs
    "bloc_counts", "bloc_split", "cohesion", "defectors", "defectors_table", "agreement", "agreement_with",
    "bloc_agreement", "country_agreement",
    # the timeline and the claims
    "cold_war_end", "event_date", "last_full_year", "claims", "check_claim",
    # the UN's rules and its machinery
    "emergency_sessions", "ga_important_question", "ga_simple_majority", "margins", "sc_article27", "positions",
    "positions_over_time", "issue_agreement", "split_votes",
    # charts
    "setup", "timeline_chart", "membership_chart", "coincidence_chart", "focus_votes_chart", "us_agreement_chart",
    "us_rank_chart", "council_chart", "erosion_chart", "small_states", "small_states_chart", "world_map",
    "agreement_with_chart", "bloc_agreement_chart", "cohesion_chart", "split_chart", "coverage_chart",
    # the explorer
    "BlocExplorer", "compute_view",
    # checks
    "check", "predict", "reveal",
]
