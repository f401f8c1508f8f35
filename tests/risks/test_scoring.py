"""Scoring on each framework's risk matrix: every cell scores as the framework prints it, every band
holds its own boundaries, and a worse likelihood or impact never gives a lower score or band."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from accord.domain.risks import scoring
from accord.frameworks import loader

FRAMEWORKS = ["bury", "central_bedfordshire", "chorley", "model", "northampton", "redditch"]

# Each bundled framework's bands (score ranges). Bury App 10 prints "8 – 16 High, 4 – 6 Medium,
# 1 – 4 Low"; the files resolve the overlap at 4 (Medium) and the gap at 7 (Medium). The other
# frameworks use the documented default, which is the same (docs/frameworks.md).
DEFAULT_BANDS = {"low": (1, 3), "medium": (4, 7), "high": (8, 16)}
EXPECTED_BANDS = dict.fromkeys(FRAMEWORKS, DEFAULT_BANDS)

# Bury App 10 "Risk categorisation scores": rows are likelihood (Almost Certain 4 .. Unlikely 1),
# columns impact (High 4, Significant 3, Medium 2, Low 1), as the seed prints them.
BURY_PRINTED = {
    4: {4: 16, 3: 12, 2: 8, 1: 4},
    3: {4: 12, 3: 9, 2: 6, 1: 3},
    2: {4: 8, 3: 6, 2: 4, 1: 2},
    1: {4: 4, 3: 3, 2: 2, 1: 1},
}


def model(framework_id: str):
    return loader.get(framework_id).risk_model


def cells(framework_id: str):
    m = model(framework_id)
    return [(p.value, q.value) for p in m.likelihood for q in m.impact]


@pytest.mark.parametrize("framework_id", FRAMEWORKS)
def test_each_framework_has_the_bands_it_documents(framework_id):
    bands = {b.id: (b.min, b.max) for b in model(framework_id).bands}
    assert bands == EXPECTED_BANDS[framework_id]


@pytest.mark.parametrize("framework_id", FRAMEWORKS)
def test_the_lowest_and_highest_score_of_every_band_fall_in_that_band(framework_id):
    m = model(framework_id)
    for band in m.bands:
        assert scoring.band_for(m, band.min).id == band.id
        assert scoring.band_for(m, band.max).id == band.id
        if band.min > 1:
            assert scoring.band_for(m, band.min - 1).id != band.id
        top = max(b.max for b in m.bands)
        if band.max < top:
            assert scoring.band_for(m, band.max + 1).id != band.id


@pytest.mark.parametrize("framework_id", FRAMEWORKS)
def test_scores_outside_every_band_are_refused(framework_id):
    m = model(framework_id)
    with pytest.raises(scoring.OffScale):
        scoring.band_for(m, 0)
    with pytest.raises(scoring.OffScale):
        scoring.band_for(m, max(b.max for b in m.bands) + 1)


@pytest.mark.parametrize("framework_id", FRAMEWORKS)
def test_every_cell_of_the_matrix_scores_and_falls_in_the_band_that_holds_it(framework_id):
    m = model(framework_id)
    for likelihood, impact in cells(framework_id):
        result = scoring.score(m, likelihood, impact)
        expected = m.grid[likelihood - 1][impact - 1] if m.grid else likelihood * impact
        assert result.score == expected
        band = next(b for b in m.bands if b.id == result.band_id)
        assert band.min <= result.score <= band.max
        assert result.band_name == band.name
        assert result.likelihood_name == next(p.name for p in m.likelihood if p.value == likelihood)
        assert result.impact_name == next(p.name for p in m.impact if p.value == impact)
        assert result.matrix == "4×4"


@pytest.mark.parametrize(
    ("framework_id", "likelihood", "impact", "score", "band"),
    [
        (framework_id, *case)
        for framework_id in FRAMEWORKS
        for case in [
            (1, 1, 1, "low"),  # the lowest cell
            (1, 3, 3, "low"),  # top of low
            (3, 1, 3, "low"),
            (2, 2, 4, "medium"),  # bottom of medium: Bury's "4" that was in two bands
            (4, 1, 4, "medium"),
            (1, 4, 4, "medium"),
            (3, 2, 6, "medium"),  # the highest medium cell (7 is not a cell)
            (2, 4, 8, "high"),  # bottom of high
            (4, 2, 8, "high"),
            (3, 3, 9, "high"),
            (4, 4, 16, "high"),  # the highest cell
        ]
    ],
)
def test_band_boundaries_on_the_matrix(framework_id, likelihood, impact, score, band):
    result = scoring.score(model(framework_id), likelihood, impact)
    assert (result.score, result.band_id) == (score, band)


def test_bury_scores_come_from_its_grid_as_app_10_prints_it():
    m = model("bury")
    assert m.grid is not None
    for likelihood, row in BURY_PRINTED.items():
        for impact, printed in row.items():
            assert m.grid[likelihood - 1][impact - 1] == printed
            assert scoring.score(m, likelihood, impact).score == printed
    assert scoring.score(m, 4, 4).band_name == "High Risk"
    assert scoring.score(m, 2, 2).band_name == "Medium Risk"
    assert scoring.score(m, 1, 3).band_name == "Low Risk"
    assert scoring.score(m, 4, 4).likelihood_name == "Almost Certain"
    assert scoring.score(m, 4, 4).impact_name == "High"


@pytest.mark.parametrize("framework_id", FRAMEWORKS)
@pytest.mark.parametrize(("likelihood", "impact"), [(0, 1), (1, 0), (5, 1), (1, 5), (-1, 2)])
def test_a_likelihood_or_impact_off_the_scale_is_refused(framework_id, likelihood, impact):
    with pytest.raises(scoring.OffScale):
        scoring.score(model(framework_id), likelihood, impact)


@pytest.mark.parametrize("framework_id", FRAMEWORKS)
def test_band_rank_puts_worse_bands_higher(framework_id):
    m = model(framework_id)
    assert scoring.band_rank(m, "low") < scoring.band_rank(m, "medium") < scoring.band_rank(m, "high")
    assert scoring.band_rank(m, "no_such_band") == -1


def _point(data, framework_id: str, scale: str, below_top: bool = False) -> int:
    size = len(getattr(model(framework_id), scale))
    return data.draw(st.integers(1, size - 1 if below_top else size), label=scale)


@settings(max_examples=300, deadline=None)
@given(framework_id=st.sampled_from(FRAMEWORKS), data=st.data())
def test_score_never_falls_as_likelihood_rises(framework_id, data):
    m = model(framework_id)
    likelihood = _point(data, framework_id, "likelihood", below_top=True)
    impact = _point(data, framework_id, "impact")
    lower, higher = scoring.score(m, likelihood, impact), scoring.score(m, likelihood + 1, impact)
    assert higher.score >= lower.score
    assert scoring.band_rank(m, higher.band_id) >= scoring.band_rank(m, lower.band_id)


@settings(max_examples=300, deadline=None)
@given(framework_id=st.sampled_from(FRAMEWORKS), data=st.data())
def test_score_never_falls_as_impact_rises(framework_id, data):
    m = model(framework_id)
    likelihood = _point(data, framework_id, "likelihood")
    impact = _point(data, framework_id, "impact", below_top=True)
    lower, higher = scoring.score(m, likelihood, impact), scoring.score(m, likelihood, impact + 1)
    assert higher.score >= lower.score
    assert scoring.band_rank(m, higher.band_id) >= scoring.band_rank(m, lower.band_id)


@settings(max_examples=300, deadline=None)
@given(framework_id=st.sampled_from(FRAMEWORKS), data=st.data())
def test_band_rank_never_falls_as_the_score_rises(framework_id, data):
    m = model(framework_id)
    top = max(b.max for b in m.bands)
    low = data.draw(st.integers(1, top), label="score")
    high = data.draw(st.integers(low, top), label="higher score")
    low_rank = scoring.band_rank(m, scoring.band_for(m, low).id)
    high_rank = scoring.band_rank(m, scoring.band_for(m, high).id)
    assert 0 <= low_rank <= high_rank


@settings(max_examples=200, deadline=None)
@given(framework_id=st.sampled_from(FRAMEWORKS), data=st.data())
def test_a_cell_dominating_another_never_scores_lower(framework_id, data):
    m = model(framework_id)
    l1, l2 = sorted(data.draw(st.lists(st.integers(1, len(m.likelihood)), min_size=2, max_size=2)))
    i1, i2 = sorted(data.draw(st.lists(st.integers(1, len(m.impact)), min_size=2, max_size=2)))
    assert scoring.score(m, l2, i2).score >= scoring.score(m, l1, i1).score
