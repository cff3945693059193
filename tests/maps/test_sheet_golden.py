"""A site sheet is the same sheet after the atlas speed-ups: its text and its pixels.

The golden files were made from the sheet code before the speed-ups:
``tests/data/golden/site_sheet_ZT-01_en.png`` (the sample's ZT-01 sheet in English at
60 dpi) and ``site_sheet_ZT-01_text.json`` (every text drawn on it, in English and
Mongolian, in drawing order). First made at commit 182000c; remade at main's commit
f467563 (its own sheet code, without the speed-ups) when issue 14 added the working
window line, the agreements legend entries and the agreements data source to the sheet;
remade at main's commit d11a8c8 (its own sheet code again) when issue 13 moved ZT-01's
route (29.2 -> 28.5 km, from the few nearest roads) and added the base settlement to the
legend.
"""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

import matplotlib
import numpy as np
import pytest
from matplotlib.table import Table
from matplotlib.text import Text
from PIL import Image

from asmap import geo, layers
from asmap.maps.paper import page
from asmap.maps.paper.drawing import draw_analysis, reused_projections

GOLDEN = Path(__file__).resolve().parent.parent / "data" / "golden"


def figure_texts(fig) -> list[str]:
    cells = [cell.get_text() for table in fig.findobj(Table)
             for cell in table.get_celld().values()]
    return [a.get_text() for a in [*fig.findobj(Text), *cells]]


@pytest.fixture(scope="module")
def analysis():
    return geo.analyze(layers.load(layers.sample_path()), on=date(2021, 4, 6))


@pytest.mark.parametrize("lang", ["en", "mn"])
def test_sheet_text_is_the_golden_text(analysis, lang):
    golden = json.loads((GOLDEN / "site_sheet_ZT-01_text.json").read_text(encoding="utf-8"))
    fig = page.print_pages(analysis, site="ZT-01", lang=lang, basemap=False)[0]
    assert figure_texts(fig) == golden["text"][lang]


def test_sheet_pixels_are_the_golden_pixels(analysis, artifacts):
    with reused_projections():  # as in a brief: the second sheet reuses the projections
        page.print_pages(analysis, site="ZT-02", lang="en", basemap=False)
        fig = page.print_pages(analysis, site="ZT-01", lang="en", basemap=False)[0]
    buffer = io.BytesIO()
    with matplotlib.rc_context(page.RC):
        fig.savefig(buffer, dpi=60, format="png")
    (artifacts / "site_sheet_ZT-01_en_60dpi.png").write_bytes(buffer.getvalue())
    now = np.asarray(Image.open(buffer).convert("RGB"), dtype=int)
    before = np.asarray(Image.open(GOLDEN / "site_sheet_ZT-01_en.png").convert("RGB"),
                        dtype=int)
    assert now.shape == before.shape == (496, 701, 3)
    off = np.abs(now - before).max(axis=2)
    # identical on this machine; a different FreeType or Agg may move a few edge pixels
    assert (off > 64).mean() < 0.001
    assert off.mean() < 0.5


def test_a_sheet_draws_only_what_reaches_its_frame(analysis):
    from matplotlib.figure import Figure

    whole, framed = Figure().add_subplot(), Figure().add_subplot()
    site = analysis.sites.to_crs(analysis.crs)
    minx, miny, maxx, maxy = site[site["site_id"] == "ZT-01"].total_bounds
    view = (minx - 500, miny - 500, maxx + 500, maxy + 500)
    legend_whole = draw_analysis(whole, analysis, lang="en")
    legend_framed = draw_analysis(framed, analysis, lang="en", view=view)
    paths = [sum(len(c.get_paths()) for c in ax.collections) for ax in (whole, framed)]
    assert paths[1] < paths[0] / 3
    assert [h.get_label() for h in legend_framed] == [h.get_label() for h in legend_whole]
