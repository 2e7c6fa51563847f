"""Property-based tests: the parsers never crash and their round-trip invariants hold."""

from __future__ import annotations

import math

from hypothesis import given
from hypothesis import strategies as st

from loaders.budget import MAX_PLAUSIBLE_EOK, parse_budget
from loaders.headers import HEADER_VARIANTS, match_header
from loaders.textnorm import clean_cell, norm_key

# Amounts in 억원 with at most two decimals (the notice's precision), inside the plausible range.
eok_amounts = st.decimals(min_value=0, max_value=30_000, places=2).map(float)
korean_text = st.text(
    alphabet=st.sampled_from(
        list("사업명예산지원대상창업기업억원백만천 ()[]·,-.:0123456789※주계소합")
    ),
    max_size=40,
)


@given(
    st.one_of(
        st.none(), st.text(max_size=80), st.integers(), st.floats(allow_nan=True), korean_text
    )
)
def test_budget_parser_never_crashes(value):
    result = parse_budget(value)
    assert result.eok is None or (0 <= result.eok <= MAX_PLAUSIBLE_EOK)


@given(eok_amounts)
def test_budget_same_value_in_eok_and_million_won(eok):
    in_million = f"{round(eok * 100):,}"
    a = parse_budget(f"{eok}억원").eok
    b = parse_budget(in_million, "백만원").eok
    c = parse_budget(f"{in_million}(백만원)").eok
    assert a is not None and b is not None and c is not None
    assert math.isclose(a, b, abs_tol=1e-6)
    assert math.isclose(b, c, abs_tol=1e-6)


@given(st.integers(min_value=0, max_value=3_000_000_000_000))
def test_budget_won_and_thousand_won_agree(won):
    won = won - won % 1000
    a = parse_budget(f"{won:,}원").eok
    b = parse_budget(f"{won // 1000:,}", "천원").eok
    if a is None:
        assert b is None
    else:
        assert math.isclose(a, b, abs_tol=1e-6)


@given(st.text(max_size=60))
def test_header_matcher_never_crashes(header):
    m = match_header(header)
    assert m.field is None or m.field in HEADER_VARIANTS


@given(
    st.sampled_from([v for vs in HEADER_VARIANTS.values() for v in vs if not v.isascii()]),
    st.sampled_from(["", " ", "  "]),
    st.sampled_from(["", "(억원)", " (단위: 백만원)", "(천원)"]),
)
def test_known_header_variants_survive_spacing_and_unit_suffix(variant, pad, unit):
    spaced = pad.join(variant) if pad else variant
    m = match_header(f"{spaced}{unit}")
    assert m.field == match_header(variant).field
    assert m.method == "exact"


@given(st.text(max_size=80))
def test_norm_key_is_idempotent_and_clean_cell_is_stable(text):
    key = norm_key(text)
    assert norm_key(key) == key
    assert clean_cell(clean_cell(text)) == clean_cell(text)


target_text = st.text(
    alphabet=st.sampled_from(
        list(
            "예비창업자기업년이내초과미만이상만세청년여성대학생재도전관내도내소재거주서울김천시(),~·ㆍ및또는 0123456789"
        )
    ),
    max_size=60,
)


@given(st.one_of(st.text(max_size=120), target_text), st.text(max_size=20))
def test_eligibility_parser_never_crashes_and_bounds_are_ordered(text, name):
    from loaders.eligibility_text import derive_stages, parse_target
    from loaders.vocab import STAGES

    e = parse_target(text, name=name)
    if e.years_min is not None and e.years_max is not None:
        assert e.years_min <= e.years_max
    if e.age_min is not None and e.age_max is not None:
        assert e.age_min <= e.age_max
    assert all(ev.phrase for ev in e.evidence)
    assert set(derive_stages(e)) <= set(STAGES)


@given(st.integers(min_value=1, max_value=15), st.sampled_from(["이내", "이하", "미만"]))
def test_years_bound_round_trips(n, keyword):
    from loaders.eligibility_text import parse_target

    e = parse_target(f"창업 {n}년 {keyword} 기업")
    assert e.years_max == n
    assert e.years_max_inclusive == (keyword != "미만")
