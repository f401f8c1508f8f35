"""The heat map: open risks counted into the likelihood × impact grid for each stage, each cell
coloured and labelled by its band and linking to its risks, drawn as an accessible picture with a
data table, in the same number of queries however many risks there are."""

import re
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accord.domain.risks import counts, heatmap, scoring
from accord.domain.risks.models import Risk
from accord.frameworks import loader

STAGES = ("inherent", "current", "target")


def make_risk(partnership, reference, **values) -> Risk:
    """A risk with its latest scores as services.assess keeps them, e.g. current=(3, 4)."""
    model = loader.current().risk_model
    fields = {"title": f"Risk {reference}", "identified_on": date(2026, 1, 5), "owner": "Olive Officer"}
    for stage in STAGES:
        cell = values.pop(stage, None)
        if cell:
            result = scoring.score(model, *cell)
            fields.update(
                {
                    f"{stage}_likelihood": result.likelihood,
                    f"{stage}_impact": result.impact,
                    f"{stage}_score": result.score,
                    f"{stage}_band": result.band_id,
                }
            )
    fields.update(values)
    risk = Risk.objects.create(partnership=partnership, reference=reference, **fields)
    counts.rebuild()  # made directly, not through the services that keep the council's counts
    return risk


def luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


# --------------------------------------------------------------------------------------------
# The grid (pure)
# --------------------------------------------------------------------------------------------


def test_rows_run_from_most_likely_down_and_columns_from_least_impact_across():
    model = loader.get("chorley").risk_model
    grid = heatmap.build(model, {(4, 1): 2, (1, 4): 5, (2, 2): 1}, "current")
    assert [row[0].likelihood for row in grid.rows] == [4, 3, 2, 1]
    assert [cell.impact for cell in grid.rows[0]] == [1, 2, 3, 4]
    assert grid.rows[0][0].count == 2  # very likely, minor
    assert grid.rows[3][3].count == 5  # unlikely, severe
    assert grid.rows[2][1].count == 1
    assert grid.total == 8
    assert grid.impact_names == ("Minor", "Moderate", "Major", "Severe")


def test_each_cell_has_its_score_and_band_from_the_framework():
    model = loader.get("bury").risk_model  # its own grid, bands listed high first
    grid = heatmap.build(model, {}, "inherent")
    top_right = grid.rows[0][-1]  # almost certain, high impact
    assert (top_right.score, top_right.band.id, top_right.band.name) == (16, "high", "High Risk")
    bottom_left = grid.rows[-1][0]
    assert (bottom_left.score, bottom_left.band.id) == (1, "low")
    assert grid.rows[2][1].band.id == "medium"  # possible × medium = 4: Medium (the seed's overlap)
    assert [band.id for band in grid.bands] == ["low", "medium", "high"]
    assert [band.rank for band in grid.bands] == [0, 1, 2]


def test_band_totals_unscored_and_off_matrix_risks_are_counted_apart():
    model = loader.get("chorley").risk_model
    counts = {(4, 4): 3, (1, 1): 2, (None, None): 4, (5, 5): 1}
    grid = heatmap.build(model, counts, "target")
    assert {band.id: band.count for band in grid.bands} == {"low": 2, "medium": 0, "high": 3}
    assert (grid.total, grid.unscored, grid.off_matrix) == (5, 4, 1)
    assert grid.stage_name == "Target"


def test_bands_are_coloured_green_to_red_with_readable_text():
    keys = heatmap.band_keys(loader.get("chorley").risk_model)
    assert (keys["low"].fill, keys["medium"].fill, keys["high"].fill) == (
        heatmap.GREEN[0],
        heatmap.YELLOW[0],
        heatmap.RED[0],
    )
    for fill, text, _tag in (*heatmap.PALETTE, heatmap.GREY):
        assert contrast(fill, text) >= 4.5, (fill, text)


@pytest.mark.parametrize("count", [1, 2, 3, 4, 5, 7])
def test_any_number_of_bands_gets_distinct_ends(count):
    colours = heatmap.palette(count)
    assert len(colours) == count
    if count > 1:
        assert colours[0] == heatmap.GREEN and colours[-1] == heatmap.RED


def test_long_axis_labels_wrap_onto_two_lines():
    assert heatmap.wrap("Likely") == ("Likely",)
    assert heatmap.wrap("Almost certain to happen soon") == ("Almost certain", "to happen soon")


# --------------------------------------------------------------------------------------------
# The pages
# --------------------------------------------------------------------------------------------


@pytest.fixture
def scored(own_partnership, other_partnership):
    make_risk(own_partnership, "R-01", inherent=(4, 4), current=(3, 2), target=(1, 2))
    make_risk(own_partnership, "R-02", inherent=(4, 4), current=(3, 2), target=(1, 1))
    make_risk(own_partnership, "R-03", inherent=(2, 3))  # not scored now or as a target
    make_risk(own_partnership, "R-04", current=(3, 2), status="closed")  # closed: not counted
    make_risk(other_partnership, "R-01", current=(4, 4))
    return own_partnership


def cell_links(content: str) -> dict[tuple[int, int], int]:
    """(likelihood, impact) -> count, read from the table's links."""
    found = re.findall(
        r'href="[^"]*\?stage=\w+&amp;likelihood=(\d)&amp;impact=(\d)">(\d+)<span class="govuk-visually',
        content,
    )
    return {(int(li), int(im)): int(n) for li, im, n in found}


@pytest.mark.django_db
@pytest.mark.parametrize(
    "stage, expected",
    [
        ("inherent", {(4, 4): 2, (2, 3): 1}),
        ("current", {(3, 2): 2}),
        ("target", {(1, 2): 1, (1, 1): 1}),
    ],
)
def test_partnership_heat_map_counts_open_risks_at_each_stage(client, users, scored, stage, expected):
    client.force_login(users["partner"])
    response = client.get(reverse("risk-heatmap", args=[scored.pk]), {"stage": stage})
    assert response.status_code == 200
    content = response.content.decode()
    assert cell_links(content) == expected
    register = reverse("risks", args=[scored.pk])
    li, im = next(iter(expected))
    assert f'href="{register}?stage={stage}&amp;likelihood={li}&amp;impact={im}" tabindex="-1"' in content


@pytest.mark.django_db
def test_the_picture_is_an_image_with_a_text_alternative_and_no_inline_styles(client, users, scored):
    client.force_login(users["officer"])
    content = client.get(reverse("risk-heatmap", args=[scored.pk])).content.decode()
    assert 'role="img" aria-labelledby="heatmap-current-title heatmap-current-desc"' in content
    assert '<title id="heatmap-current-title">Heat map of current scores: 2 open risks</title>' in content
    assert "High: 0. Medium: 2. Low: 0." in content  # the description reads the bands
    assert "style=" not in content
    assert f'fill="{heatmap.YELLOW[0]}"' in content  # colour by presentation attribute
    assert "Medium (6)" in content  # each cell says its band in words, not colour alone
    assert "Open risks by likelihood and impact (current scores)</caption>" in content
    assert "1 open risk has no current score yet" in content


@pytest.mark.django_db
def test_the_stage_switcher_links_to_the_other_stages(client, users, scored):
    client.force_login(users["officer"])
    url = reverse("risk-heatmap", args=[scored.pk])
    content = client.get(url, {"stage": "target"}).content.decode()
    assert "<strong>Target scores</strong>" in content
    assert f'href="{url}?stage=inherent">Inherent scores</a>' in content
    assert f'href="{url}?stage=current">Current scores</a>' in content
    # An unknown stage shows the current scores.
    assert "<strong>Current scores</strong>" in client.get(url, {"stage": "nonsense"}).content.decode()


@pytest.mark.django_db
def test_council_heat_map_counts_every_partnership_and_links_to_the_council_list(client, users, scored):
    client.force_login(users["member"])
    response = client.get(reverse("council-heatmap"))
    assert response.status_code == 200
    content = response.content.decode()
    assert cell_links(content) == {(3, 2): 2, (4, 4): 1}
    assert f'href="{reverse("council-risks")}?stage=current&amp;likelihood=4&amp;impact=4"' in content


@pytest.mark.django_db
def test_partner_users_see_their_own_partnerships_heat_map_but_not_the_councils(
    client, users, scored, other_partnership
):
    client.force_login(users["partner"])
    assert client.get(reverse("council-heatmap")).status_code == 403
    assert client.get(reverse("risk-heatmap", args=[other_partnership.pk])).status_code == 404
    assert client.get(reverse("risk-heatmap", args=[scored.pk])).status_code == 200


@pytest.mark.django_db
def test_an_empty_register_still_shows_the_grid(client, users, own_partnership):
    client.force_login(users["officer"])
    content = client.get(reverse("risk-heatmap", args=[own_partnership.pk])).content.decode()
    assert "Heat map of current scores: 0 open risks" in content
    assert cell_links(content) == {}


def queries_for(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["risk-heatmap", "council-heatmap"])
def test_the_heat_map_takes_as_many_queries_for_30_risks_as_for_3(client, users, own_partnership, name):
    client.force_login(users["officer"])
    url = reverse(name, args=[own_partnership.pk] if name == "risk-heatmap" else [])
    cells = [(li, im) for li in range(1, 5) for im in range(1, 5)]
    for n in range(3):
        make_risk(own_partnership, f"R-{n:02d}", current=cells[n])
    few = queries_for(client, url)
    for n in range(3, 30):
        make_risk(own_partnership, f"R-{n:02d}", current=cells[n % 16])
    assert queries_for(client, url) == few


@pytest.mark.django_db
def test_a_partnership_heat_map_cell_opens_the_register_at_that_cell(client, users, own_partnership):
    from datetime import date as day

    from accord.domain.risks import services as risk_services

    made = []
    for title, (likelihood, impact) in (("In the cell", (3, 4)), ("Elsewhere", (1, 1))):
        risk = risk_services.create_risk(
            users["officer"],
            own_partnership,
            {"title": title, "identified_on": day(2026, 1, 1), "owner": "O"},
        )
        risk_services.assess(
            users["officer"], risk, "current", likelihood, impact, framework=loader.current()
        )
        made.append(risk)
    client.force_login(users["officer"])
    url = reverse("risks", args=[own_partnership.pk])
    page = client.get(url, {"stage": "current", "likelihood": 3, "impact": 4}).content.decode()
    assert "In the cell" in page and "Elsewhere" not in page
    assert "likelihood 3, impact 4" in page


@pytest.mark.django_db
def test_the_councils_kept_counts_follow_every_change_and_match_a_rebuild(users, own_partnership):
    from accord.domain.risks import services as risk_services
    from accord.domain.risks.models import HeatCount

    def kept():
        return {(c.stage, c.likelihood, c.impact): c.count for c in HeatCount.objects.filter(count__gt=0)}

    officer = users["officer"]
    first = risk_services.create_risk(
        officer, own_partnership, {"title": "A", "identified_on": date(2026, 1, 1), "owner": "O"}
    )
    second = risk_services.create_risk(
        officer, own_partnership, {"title": "B", "identified_on": date(2026, 1, 1), "owner": "O"}
    )
    risk_services.assess(officer, first, "current", 3, 4, framework=loader.current())
    risk_services.assess(officer, first, "current", 2, 4, framework=loader.current())  # a re-score moves it
    risk_services.assess(officer, second, "current", 2, 4, framework=loader.current())
    risk_services.assess(officer, second, "inherent", 4, 4, framework=loader.current())
    risk_services.close(officer, first, "Mitigated")
    incremental = kept()
    assert incremental[("current", 2, 4)] == 1 and incremental[("inherent", 4, 4)] == 1
    assert ("current", 3, 4) not in incremental
    counts.rebuild()
    assert kept() == incremental
