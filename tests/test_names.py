"""Bad input gets a clear error that names the value and suggests close matches."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import worldorder as wo

ISO3 = set(wo.members()["iso3"])


@pytest.mark.parametrize("text", ["UKR", "Ukraine", "ukraine", " UKRAINE ", "ukr", "UA"])
def test_ukraine_by_any_name(text):
    assert wo.country(text) == "UKR"


@pytest.mark.parametrize("text, iso3", [
    ("Türkiye", "TUR"), ("Turkiye", "TUR"), ("Turkey", "TUR"), ("Russian Federation", "RUS"), ("Russia", "RUS"),
    ("United States", "USA"), ("US", "USA"), ("UK", "GBR"), ("United Kingdom of Great Britain and Northern Ireland", "GBR"),
    ("Côte d'Ivoire", "CIV"), ("North Korea", "PRK"), ("Democratic People's Republic of Korea", "PRK"),
    ("DR Congo", "COD"), ("Republic of the Congo", "COG"), ("Netherlands (Kingdom of the)", "NLD"),
])
def test_countries_by_their_many_names(text, iso3):
    assert wo.country(text) == iso3


def test_a_label_from_a_table_is_accepted():
    assert wo.country("Hungary (HUN)") == "HUN"
    assert wo.country(wo.country_label("CIV")) == "CIV"
    with pytest.raises(ValueError, match=r"Unknown country 'Atlantis \(ATL\)'"):
        wo.country("Atlantis (ATL)")


def test_a_misspelt_country_suggests_the_right_one():
    with pytest.raises(ValueError, match=r"Unknown country 'Ukriane'\. Did you mean Ukraine \(UKR\)"):
        wo.country("Ukriane")


def test_an_unknown_country_without_close_match_says_what_to_give():
    with pytest.raises(ValueError, match=r"Unknown country 'qqqq'\. Try 'UKR' or 'Ukraine'"):
        wo.country("qqqq")


@pytest.mark.parametrize("value", [None, 42, "", "   "])
def test_a_country_that_is_not_text(value):
    with pytest.raises(ValueError, match="Unknown country"):
        wo.country(value)


def test_several_countries_from_a_comma_separated_string():
    assert wo.countries("France, germany ,UK") == ["FRA", "DEU", "GBR"]


@pytest.mark.parametrize("text, bloc", [("nato", "NATO"), ("European Union", "EU"), ("African Union", "AU"),
                                        ("brics", "BRICS"), ("weog", "WEOG"), ("African", "African Group")])
def test_blocs_by_name(text, bloc):
    assert wo.bloc(text) == bloc


def test_a_misspelt_bloc_suggests():
    with pytest.raises(ValueError, match=r"Unknown bloc 'Natto'\. Did you mean NATO\?"):
        wo.bloc("Natto")
    with pytest.raises(ValueError, match="Unknown bloc"):
        wo.bloc_members("Warsaw Pakt")


@pytest.mark.parametrize("text, symbol", [("A/RES/ES-11/7", "A/RES/ES-11/7"), ("es-11/7", "A/RES/ES-11/7"),
                                          ("68/262", "A/RES/68/262"), ("S/RES/2774 (2025)", "S/RES/2774 (2025)"),
                                          ("S/RES/2774", "S/RES/2774 (2025)"), ("2774", "S/RES/2774 (2025)")])
def test_resolutions_by_symbol(text, symbol):
    assert wo.resolution(text) == symbol


def test_an_unknown_resolution_suggests_focus_votes():
    with pytest.raises(ValueError, match=r"Unknown resolution 'ES-11/17'\. Did you mean A/RES/ES-11/7"):
        wo.resolution("ES-11/17")


def test_a_bad_date_is_named():
    with pytest.raises(ValueError, match=r"Unknown date 'yesterday-ish'"):
        wo.bloc_members("NATO", on="yesterday-ish")


RESOLVERS = {
    "country": (wo.country, lambda: set(wo.country_table()["iso3"])),
    "bloc": (wo.bloc, lambda: set(wo.bloc_names())),
    "resolution": (wo.resolution, lambda: set(wo.resolutions()["resolution"])),
}


@pytest.mark.parametrize("kind", RESOLVERS)
@settings(max_examples=250, deadline=None)
@given(text=st.text(max_size=40))
def test_any_text_is_a_known_name_or_a_clear_error(kind, text):
    resolve, known = RESOLVERS[kind]
    try:
        assert resolve(text) in known()
    except ValueError as err:
        assert str(err).startswith(f"Unknown {kind}") and repr(text) in str(err)


@settings(max_examples=100, deadline=None)
@given(st.sampled_from(sorted(ISO3)), st.sampled_from(["upper", "lower", "title"]))
def test_every_member_resolves_from_its_names_in_any_case(iso3, case):
    row = wo.members().set_index("iso3").loc[iso3]
    for name in (iso3, row.un_name, row.common_name):
        assert wo.country(getattr(name, case)()) == iso3
