"""Exercises of notebook 02 (eighty years of GA votes): the expected answers, computed from the shipped data."""

from worldorder import agreement, data, history
from worldorder.checks import exercise


@exercise("02.1", hint="In wo.history_agreement() the pair is stored once, alphabetically: iso3_a 'RUS', "
                       "iso3_b 'USA'. Read `share` for 1995 (a number between 0 and 1).",
          kind="number", tolerance=0.0005, wrong=(0.367, 0.6375, 29, 36))
def _():
    table = data.history_agreement()
    row = table[(table["iso3_a"] == "RUS") & (table["iso3_b"] == "USA") & (table["year"] == 1995)]
    return float(row["share"].iloc[0])


@exercise("02.2", hint="Use history.us_agreement(['UK']), keep the years from 1992 to history.last_full_year() "
                       "and find the year with the smallest share (.idxmin() or sort_values).",
          kind="value", wrong=(2025, 2007, 1991))
def _():
    table = history.us_agreement(["GBR"]).set_index("year")["share"]
    return int(table.loc[1992:history.last_full_year()].idxmin())


@exercise("02.3", hint="wo.coincidence('Canada', 2023, rule='pre2017'), then wo.report_percent(...) "
                       "to round it as the report does.", kind="number", wrong=(80, 86, 0.87))
def _():
    return agreement.report_percent(agreement.coincidence("CAN", 2023, rule="pre2017"))


@exercise("02.4", hint="history.us_rank(2023) lists every member, closest to the USA first; "
                       "give the country in the first row.", kind="country", wrong=("GBR", "FSM", "CAN"))
def _():
    return history.us_rank(2023)["iso3"].iloc[0]
