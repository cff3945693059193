"""A local MBTiles basemap under print pages (pixels, zoom, footer) and inside the web map."""

from __future__ import annotations

import dataclasses
import re
import shutil
import warnings

import mercantile
import numpy as np
import pytest
from PIL import Image

from asmap.layers.errors import AsmapWarning, DataError
from asmap.maps.basemap.area import eligible_site_bounds, grow_bounds, overlaps
from asmap.maps.basemap.mbtiles import open_basemap
from asmap.maps.basemap.paper import page_zoom
from asmap.maps.basemap.web import embed_tiles
from asmap.maps.paper.page import write_print
from asmap.maps.web.map import render_html, site_map
from tests.helpers import pdf_text
from tests.maps.basemap_helpers import GREEN, aoi_degrees, solid_mbtiles
from tests.maps.handmade import handmade

#: One colour per zoom, so a page's pixels say which zoom was drawn.
ZOOM_COLOURS = {z: (10 * z, 255 - 12 * z, 40 + 9 * z) for z in range(8, 17)}


@pytest.fixture(scope="module")
def green(tmp_path_factory):
    return solid_mbtiles(tmp_path_factory.mktemp("bm") / "green.mbtiles",
                         bounds=grow_bounds(aoi_degrees(), 2), zooms=(8, 14))


@pytest.fixture(scope="module")
def by_zoom(tmp_path_factory):
    return solid_mbtiles(tmp_path_factory.mktemp("bm") / "zooms.mbtiles",
                         bounds=grow_bounds(aoi_degrees(), 2), zooms=(8, 14),
                         colour=ZOOM_COLOURS.get)


def pixels(path) -> np.ndarray:
    return np.asarray(Image.open(path).convert("RGB")).reshape(-1, 3)


def count(image: np.ndarray, rgb) -> int:
    return int((image == rgb).all(axis=1).sum())


def test_print_draws_the_tiles_under_the_layers(green, tmp_path):
    plain = pixels(write_print(handmade(), tmp_path / "plain.png", lang="en", basemap=False))
    tiled = pixels(write_print(handmade(), tmp_path / "tiled.png", lang="en", basemap=green))
    assert count(plain, GREEN) == 0
    assert count(tiled, GREEN) > 1_000_000  # most of the map (about 2,100 x 1,550 pixels)
    dark = (tiled.max(axis=1) < 60).sum()   # lines and labels are drawn over the tiles
    assert dark >= 0.8 * (plain.max(axis=1) < 60).sum()


@pytest.mark.parametrize(("lang", "credit"), [("en", "Basemap: Test tiles"),
                                               ("mn", "Суурь зураг: Test tiles")])
def test_print_footer_credits_the_basemap(green, tmp_path, lang, credit):
    out = write_print(handmade(), tmp_path / "map.pdf", lang=lang, basemap=green)
    assert pdf_text(out).count(credit) >= 2  # on the map's corner and in the footer


def test_overview_and_site_sheet_use_the_zoom_of_their_scale(by_zoom, tmp_path):
    overview = pixels(write_print(handmade(), tmp_path / "o.png", basemap=by_zoom))
    sheet = pixels(write_print(handmade(), tmp_path / "s.png", site="S-01", basemap=by_zoom))
    drawn = {name: max(ZOOM_COLOURS, key=lambda z: count(image, ZOOM_COLOURS[z]))
             for name, image in (("overview", overview), ("sheet", sheet))}
    # overview: about 15 km on 2,100 pixels, 7 m a pixel at 48.2 N: ideal zoom 13.9, so 13
    assert page_zoom(7.0, 48.2) == 13
    assert drawn == {"overview": 13, "sheet": 14}  # the sheet wants 16; the file stops at 14


def test_a_sheet_beyond_the_file_detail_says_so(by_zoom, tmp_path):
    text = pdf_text(write_print(handmade(), tmp_path / "s.pdf", lang="en", site="S-01",
                                basemap=by_zoom))
    assert re.search(r"basemap enlarged from zoom 14 \(the page needs 1[5-7]\)", text)


def test_the_folders_basemap_is_the_default(green, tmp_path):
    shutil.copy(green, tmp_path / "basemap.mbtiles")
    analysis = dataclasses.replace(handmade(), folder=tmp_path)
    assert count(pixels(write_print(analysis, tmp_path / "a.png")), GREEN) > 1_000_000
    assert count(pixels(write_print(analysis, tmp_path / "b.png", basemap=False)), GREEN) == 0


def test_a_basemap_of_elsewhere_is_one_clear_error(tmp_path):
    elsewhere = solid_mbtiles(tmp_path / "ub.mbtiles", bounds=(106.8, 47.8, 107.0, 48.0),
                              zooms=(10, 11))
    with pytest.raises(DataError, match=r"ub.mbtiles: has no tiles over the soum"):
        write_print(handmade(), tmp_path / "m.pdf", basemap=elsewhere)
    with pytest.raises(DataError, match=r"has no tiles over the soum"):
        site_map(handmade(), basemap=elsewhere)
    assert not (tmp_path / "m.pdf").exists()


def test_partial_cover_is_a_warning_and_the_map_says_where(tmp_path):
    west, south, east, north = aoi_degrees()
    half = solid_mbtiles(tmp_path / "west.mbtiles", bounds=(west - 0.05, south - 0.05,
                                                            (west + east) / 2, north + 0.05),
                         zooms=(10, 12))
    with warnings.catch_warnings(record=True) as said:
        warnings.simplefilter("ignore")  # (pytest.warns would turn third parties' back on)
        warnings.simplefilter("always", AsmapWarning)
        out = write_print(handmade(), tmp_path / "m.pdf", lang="en", basemap=half)
    assert [w.message.code for w in said] == ["bm_partial"]
    assert "west.mbtiles does not cover the east of the soum" in str(said[0].message)
    assert "west.mbtiles сумын зүүн хэсгийг хамраагүй" in said[0].message.text("mn")
    assert "no basemap in the east of the soum" in pdf_text(out)
    html = render_html(site_map(handmade(), lang="mn", basemap=half))
    assert "сумын зүүн хэсэгт суурь зураг байхгүй" in html


def test_embedding_fills_the_budget_then_adds_site_tiles(by_zoom):
    basemap = open_basemap(by_zoom)
    aoi = aoi_degrees()
    sizes = {z: sum(len(d) for *_, d in basemap.tiles_in(aoi, z)) for z in range(8, 15)}
    budget = sum(sizes[z] for z in range(8, 12)) + 1  # zooms 8-11 fit, 12 does not
    sites = eligible_site_bounds(handmade().sites)
    embedded = embed_tiles(basemap, aoi, sites=sites, budget_mb=budget / 1e6)
    assert embedded.zooms == (8, 9, 10, 11) and embedded.site_zooms == (12, 13, 14)
    fine = [key for key in embedded.tiles if int(key.split("/")[0]) >= 12]
    assert fine and all(any(overlaps(mercantile.bounds(*_xyz(k)), s) for s in sites)
                        for k in fine)
    whole = {f"{z}/{x}/{y}" for z in (12, 13, 14) for x, y, _ in basemap.tiles_in(aoi, z)}
    assert len(fine) < len(whole)  # only around the sites


def _xyz(key: str) -> tuple[int, int, int]:
    z, x, y = (int(v) for v in key.split("/"))
    return x, y, z


def test_web_map_lists_the_basemap_first_and_selects_it(green):
    analysis = handmade()
    html = render_html(site_map(analysis, lang="en", offline=True, basemap=green))
    control = html[html.index("base_layers : {"):]
    first = re.search(r'"([^"]+)" : (\w+),', control)
    assert first.group(1) == "Basemap (green.mbtiles)"
    assert f"{first.group(2)}.addTo(" in html
    assert "Basemap: Test tiles" in html
    plain = render_html(site_map(analysis, lang="en", offline=True, basemap=False))
    assert "asmap.embeddedTiles(" not in plain


def test_attribution_text_is_escaped(tmp_path):
    hostile = solid_mbtiles(tmp_path / "h.mbtiles", bounds=grow_bounds(aoi_degrees(), 1),
                            zooms=(10, 10), attribution="<img src=x onerror=alert(1)>")
    html = render_html(site_map(handmade(), lang="en", basemap=hostile))
    assert "<img src=x" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html


def test_annex_map_lies_on_the_folders_basemap():
    from asmap import geo, layers
    from asmap.maps.paper.annex import annex_pages

    analysis = geo.analyze(layers.load(layers.sample_path()), on="2021-04-06")
    pages, frame = annex_pages(analysis, "AG-2021-01", lang="en")
    ax = pages[0].axes[0]
    assert len(ax.images) == 1 and ax.images[0].get_zorder() == 0  # under every layer
    assert (ax.get_xlim(), ax.get_ylim()) == ((frame["extent"][0], frame["extent"][2]),
                                              (frame["extent"][1], frame["extent"][3]))
    words = "\n".join(text.get_text() for text in pages[0].texts)
    assert "Basemap: synthetic DEM, illustrative" in words
    assert "basemap enlarged from zoom 13" in words  # 1:5,000 asks for more than the file
    plain, _ = annex_pages(analysis, "AG-2021-01", lang="en", basemap=False)
    assert not plain[0].axes[0].images
    assert "Basemap" not in "\n".join(text.get_text() for text in plain[0].texts)
