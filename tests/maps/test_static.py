"""Print maps: exact paper sizes, searchable text in both languages, site sheets, errors."""

from __future__ import annotations

import dataclasses
import shutil
from datetime import date

import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.table import Table
from matplotlib.text import Text
from PIL import Image
from pypdf import PdfReader

from shapely.geometry import box

from asmap.layers.errors import UsageError
from asmap.maps import provenance
from asmap.maps.paper import furniture as cartography
from asmap.maps.paper.page import page_size, print_pages, write_print
from tests.helpers import UTM48N, pdf_text
from tests.maps.handmade import SECRET_PHONE, X0, Y0, handmade

MM = 72 / 25.4  # PDF points per millimetre


def figure_text(fig: Figure) -> str:
    """Every text drawn on a figure (title, legend, table cells, labels)."""
    cells = [cell.get_text() for table in fig.findobj(Table)
             for cell in table.get_celld().values()]
    return " ".join(a.get_text() for a in [*fig.findobj(Text), *cells])


@pytest.fixture(scope="module")
def analysis():
    return handmade()


@pytest.fixture(scope="module")
def overview_en(analysis, tmp_path_factory):
    return write_print(analysis, tmp_path_factory.mktemp("print") / "overview.pdf", lang="en")


def test_overview_pdf_is_a4_landscape_with_one_page(overview_en):
    pages = PdfReader(overview_en).pages
    assert len(pages) == 1
    assert float(pages[0].mediabox.width) == pytest.approx(297 * MM, abs=1)  # 841.89
    assert float(pages[0].mediabox.height) == pytest.approx(210 * MM, abs=1)  # 595.28


def test_overview_pdf_text_is_searchable(overview_en):
    text = pdf_text(overview_en)
    for expected in ("Tailings site map — Заамар", "Analysis date: 2021-04-06", "Legend",
                     "Eligible", "Eligible but unverified", "Not mined out", "Too far",
                     "River protection zone", "Post zone", "License overlaps", "Access routes",
                     "Posts", "Soum boundary", "km", "S-01", "S-02", "S-03", "S-05",
                     "Eligible sites", "Туул Алт ХХК", "8.00", "2.50", "P-01",
                     "Boundaries © OpenStreetMap contributors (ODbL), via geoBoundaries",
                     "Restricted zones (stale)", "Roads (source unknown)", "°"):
        assert expected in text, expected
    assert SECRET_PHONE not in text


def test_overview_png_is_a4_at_300_dpi_in_mongolian(analysis, tmp_path, artifacts):
    out = write_print(analysis, tmp_path / "overview.png", lang="mn")
    with Image.open(out) as image:
        assert image.size[0] == pytest.approx(3508, abs=2)
        assert image.size[1] == pytest.approx(2480, abs=2)
        assert image.info["dpi"][0] == pytest.approx(300, abs=0.5)
        pixels = np.asarray(image.convert("L"))
    assert (pixels < 250).mean() > 0.02  # something is drawn
    shutil.copy(out, artifacts / "print_overview_mn.png")


def test_site_sheet_a3_portrait_in_mongolian(analysis, tmp_path):
    out = write_print(analysis, tmp_path / "site.pdf", lang="mn", paper="A3",
                      orientation="portrait", site="S-02")
    page = PdfReader(out).pages[0]
    assert float(page.mediabox.width) == pytest.approx(297 * MM, abs=1)
    assert float(page.mediabox.height) == pytest.approx(420 * MM, abs=1)
    text = pdf_text(out)
    for expected in ("Талбай S-02", "Үзүүлэлтүүд", "Ашиглах боломжтой (баталгаажаагүй)",
                     "Ашиглах боломжтой (га): 2.50", "Хүрэх зам", "P-01", "км",
                     "Голын хамгаалалтын бүс", "Тайлбар"):
        assert expected in text, expected


def test_public_print_keeps_analysis_values(analysis):
    page = print_pages(analysis, lang="en", profile="public")[0]
    texts = figure_text(page)
    assert "Public version" in texts and "S-01" in texts and SECRET_PHONE not in texts


def test_a_public_atlas_draws_the_same_frames_on_every_page(analysis):
    from asmap.geo.sharing import apply_profile

    public = apply_profile(analysis, "public")
    assert public is not analysis and "contact" not in public.sites.columns
    again = apply_profile(public, "public")  # each page of a public brief asks again
    assert again is public  # so its layers are reprojected once, not once per page


def test_unknown_site_names_nearby_ids(analysis):
    with pytest.raises(UsageError, match=r"no site 'S-1'.*S-0"):
        print_pages(analysis, site="S-1")


@pytest.mark.parametrize(("options", "message"), [
    ({"paper": "A5"}, "paper size"), ({"orientation": "sideways"}, "orientation"),
    ({"lang": "fr"}, "language"), ({"profile": "open"}, "sharing profile"),
    ({"basemap": "google"}, "unknown basemap 'google'"),
], ids=["paper", "orientation", "lang", "profile", "basemap"])
def test_bad_options_are_usage_errors(analysis, options, message):
    with pytest.raises(UsageError, match=message):
        print_pages(analysis, **options)


def test_bad_suffix_is_a_usage_error(analysis, tmp_path):
    with pytest.raises(UsageError, match=r"\.pdf or a \.png"):
        write_print(analysis, tmp_path / "map.svg")
    assert not list(tmp_path.iterdir())


def test_long_table_moves_to_next_page(analysis):
    many = analysis.sites.iloc[[0] * 40].copy()
    many["site_id"] = [f"E-{i:02d}" for i in range(40)]
    crowded = dataclasses.replace(analysis, sites=many)
    pages = print_pages(crowded, lang="en")
    assert len(pages) >= 2
    first = figure_text(pages[0])
    rest = " ".join(figure_text(page) for page in pages[1:])
    assert "The table is on the next page." in first
    assert "E-00" in rest and "E-39" in rest


@pytest.mark.parametrize(("paper", "orientation", "mm"), [
    ("A4", "landscape", (297, 210)), ("A4", "portrait", (210, 297)),
    ("A3", "landscape", (420, 297)), ("A3", "portrait", (297, 420)),
])
def test_page_sizes(paper, orientation, mm):
    assert [round(v * 25.4, 3) for v in page_size(paper, orientation)] == list(mm)


def test_labels_do_not_overlap():
    fig = Figure(figsize=(4, 4))
    FigureCanvasAgg(fig)
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_xlim(0, 1000)
    ax.set_ylim(0, 1000)
    points = [(500 + 5 * i, 500 + 3 * i) for i in range(8)]
    free = cartography.place_labels(ax, points, [f"ZT-{i:02d}" for i in range(8)])
    assert all(free)
    renderer = fig.canvas.get_renderer()
    boxes = [t.get_window_extent(renderer) for t in ax.texts]
    assert not any(a.overlaps(b) for i, a in enumerate(boxes) for b in boxes[i + 1:])


def test_scale_bar_is_true_in_metres():
    fig = Figure(figsize=(4, 4))
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_xlim(X0, X0 + 20_000)  # 20 km wide: a quarter is 5 km
    ax.set_ylim(Y0, Y0 + 20_000)
    assert cartography.scale_bar(ax) == 5
    bar = [p for p in ax.patches if p.get_facecolor()[:3] == (0, 0, 0)][0]
    assert bar.get_width() == pytest.approx(2500)  # the black half: 2.5 km


def test_north_arrow_points_to_true_north_west_of_central_meridian():
    fig = Figure(figsize=(4, 4))
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_xlim(X0 - 20_000, X0)
    ax.set_ylim(Y0, Y0 + 20_000)
    # the arrow stands 1.2 km west of X0, at about 104.75°E, 48.34°N: 0.246° west of the
    # zone's central meridian (105°E), where meridians lean east of grid north by about
    # 0.246 * sin(48.36°) = 0.184°
    assert cartography.north_arrow(ax, UTM48N) == pytest.approx(0.184, abs=0.01)


def test_graticule_labels_whole_minutes():
    fig = Figure(figsize=(4, 4))
    ax = fig.add_axes((0.1, 0.1, 0.8, 0.8))
    ax.set_xlim(X0, X0 + 20_000)
    ax.set_ylim(Y0, Y0 + 20_000)
    lons, lats = cartography.graticule(ax, UTM48N)
    assert 2 <= len(lons) <= 6 and 2 <= len(lats) <= 6
    labels = [t.get_text() for t in ax.get_xticklabels()]
    assert all(label.endswith("′E") for label in labels)


def test_provenance_unknown_and_stale():
    items = provenance.layer_provenance(
        {"restricted": {"source": "Soum office", "as_of": date(2019, 6, 30)},
         "tailings": {"source": "NGO", "as_of": "2021-03-31", "note": "walked"}},
        on=date(2021, 4, 6), kinds=["tailings", "restricted", "roads"])
    assert [(p.kind, p.unknown, p.stale) for p in items] == [
        ("tailings", False, False), ("restricted", False, True), ("roads", True, False)]
    assert provenance.provenance_label(items[1], lang="mn") == (
        "Хязгаарлалттай бүс: Soum office, огноо 2019-06-30 (хуучирсан)")
    assert provenance.provenance_label(items[2], lang="mn") == (
        "Зам: эх сурвалж тодорхойгүй")


def test_handmade_geometry_is_where_the_docstring_says(analysis):
    s01 = analysis.sites.to_crs(UTM48N).geometry.iloc[0]
    assert s01.equals_exact(box(X0 + 3000, Y0 + 2000, X0 + 3400, Y0 + 2200), 0.01)
