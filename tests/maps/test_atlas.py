"""An atlas drawn by two processes is the atlas drawn by one: the same pages, in order.

Pages are compared by their PDF content streams (every path, image placement and glyph),
with the PDF's own resource names (``/I1``, ``/A4``, ``/F2`` ...) put aside: they number
images, graphics states, hatches and fonts in the order a file first uses them, which
differs between a whole file and a part of it (and with them, where lines are folded).
"""

from __future__ import annotations

import multiprocessing
import re
import threading
import warnings
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from asmap import geo, layers
from asmap.layers.errors import AsmapWarning, UsageError
from asmap.maps.paper import atlas
from asmap.maps.paper.words import eligible_sites

RESOURCE = re.compile(rb"/([A-Z]{1,2})\d+\b")
SPACE = re.compile(rb"\s+")  # lines are folded at a width, which the names' lengths move


@pytest.fixture(scope="module")
def sample():
    return geo.analyze(layers.load(layers.sample_path()), on=date(2021, 4, 6))


@pytest.fixture
def forkable(monkeypatch):
    """Fork even though other tests of this session left threads of their own running
    (servers, pools): the command line runs in a process of its own, without them."""
    if atlas._context() is None:
        monkeypatch.setattr(atlas, "_context", lambda: multiprocessing.get_context("fork"))


@pytest.fixture(scope="module")
def ids(sample):
    return [str(i) for i in eligible_sites(sample)["site_id"]]


def _pages(path):
    reader = PdfReader(str(path))
    return [(SPACE.sub(b" ", RESOURCE.sub(rb"/\1#", page.get_contents().get_data())),
             page.extract_text())
            for page in reader.pages], reader.metadata


@pytest.mark.slow
def test_two_processes_draw_the_pages_one_process_draws(sample, ids, tmp_path, forkable):
    assert len(ids) == 16 and atlas.default_workers(len(ids)) == 2  # the sample, 2 cores
    one, meta_one = _pages(atlas.write_atlas(sample, tmp_path / "one.pdf", site_ids=ids,
                                             workers=1, lang="mn"))
    two, meta_two = _pages(atlas.write_atlas(sample, tmp_path / "two.pdf", site_ids=ids,
                                             workers=2, lang="mn"))
    assert len(one) == len(two) == 17  # the overview, then a sheet per eligible site
    assert [text for _, text in two] == [text for _, text in one]
    assert [content for content, _ in two] == [content for content, _ in one]
    assert "ZT-01" in two[1][1] and ids[-1] in two[-1][1]  # in the sites' order
    assert meta_two["/Producer"] == meta_one["/Producer"] == "asmap"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["one.pdf", "two.pdf"]  # no parts


def test_runs_share_the_sheets_out():
    assert atlas.runs(16, 2, lead=2) == [7, 9]
    assert atlas.runs(3, 3, lead=0) == [1, 1, 1]
    assert sum(atlas.runs(501, 4, lead=7)) == 501
    assert atlas.runs(5, 2, lead=40) == [0, 5]


def test_runs_leave_the_last_process_room_for_its_tail():
    # the brief on the sample: the overview and other files here, two annexes there
    assert atlas.runs(16, 2, lead=4.5, tail=3.2) == [7, 9]
    assert atlas.runs(16, 2, lead=4.5) == [6, 10]
    assert atlas.runs(16, 2, lead=0, tail=40) == [16, 0]
    assert atlas.runs(30, 3, lead=3, tail=3) == [9, 12, 9]
    assert atlas.runs(6, 3, lead=0, tail=30) == [6, 0, 0]
    for n, workers, lead, tail in [(501, 4, 7, 11.5), (9, 4, 0, 2), (1, 2, 3, 0), (0, 3, 1, 1)]:
        counts = atlas.runs(n, workers, lead=lead, tail=tail)
        assert len(counts) == workers and sum(counts) == n and min(counts) >= 0


def mark(path: str) -> None:
    """Leave a file behind (in another process)."""
    Path(path).write_text("done")


def test_the_tail_goes_to_a_process_of_its_own_when_it_outweighs_the_sheets(
        sample, tmp_path, forkable):
    done = tmp_path / "done.txt"
    book = atlas.start_atlas(sample, tmp_path / "a.pdf", site_ids=["ZT-01"] * 8,
                             workers=2, overview=False, lang="en",
                             then=[(mark, (str(done),), {})], then_weight=40)
    assert len(book.mine) == 8 and book.then == []
    assert [other.sheets for other in book.others] == [0]  # only the tail there
    book.finish()
    assert done.read_text() == "done"
    assert len(PdfReader(str(tmp_path / "a.pdf")).pages) == 8
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.pdf", "done.txt"]  # no parts


def test_few_sheets_are_drawn_here():
    assert atlas.default_workers(atlas.PARALLEL_FROM - 1) == 1


def test_no_fork_while_a_caller_thread_runs(sample, tmp_path):
    stop = threading.Event()
    theirs = threading.Thread(target=stop.wait, name="the-notebook's-own", daemon=True)
    theirs.start()
    try:
        assert atlas.default_workers(40) == 1
        book = atlas.start_atlas(sample, tmp_path / "a.pdf", site_ids=["ZT-01", "ZT-02"],
                                 workers=2, overview=False, lang="en")
        assert book.others == []  # asked for two, drawn here
        pages, _ = _pages(book.finish())
    finally:
        stop.set()
        theirs.join()
    assert len(pages) == 2 and "ZT-02" in pages[1][1]


def test_an_error_in_the_other_process_is_said_here_in_its_words(sample, tmp_path, forkable):
    book = atlas.start_atlas(sample, tmp_path / "a.pdf", site_ids=["ZT-01", "NO-SUCH"],
                             workers=2, overview=False, lang="en")
    assert len(book.others) == 1 and book.mine in ([], ["ZT-01"])
    with pytest.raises(UsageError) as raised:
        book.finish()
    assert raised.value.code == "er_no_site" and "NO-SUCH" in raised.value.text("mn")
    assert not (tmp_path / "a.pdf").exists()
    assert list(tmp_path.iterdir()) == []  # the parts are gone too


def say(code: str) -> None:
    """Warn (in another process)."""
    warnings.warn(AsmapWarning(code=code, mb=1.0, left=3, total=7), stacklevel=2)


def test_a_warning_in_the_other_process_is_said_here(sample, tmp_path, forkable):
    book = atlas.start_atlas(sample, tmp_path / "a.pdf", site_ids=["ZT-01"] * 8,
                             workers=2, overview=False, lang="en",
                             then=[(say, ("photo_budget",), {})])
    assert book.then == [] and len(book.others) == 1  # the other process says it
    with warnings.catch_warnings(record=True) as said:
        warnings.simplefilter("ignore")  # pytest.warns would turn the ignored ones back on
        warnings.simplefilter("always", AsmapWarning)
        book.finish()
    assert [w.message.code for w in said] == ["photo_budget"]
    assert "3" in said[0].message.text("mn")
    assert len(PdfReader(str(tmp_path / "a.pdf")).pages) == 8


def crash() -> None:
    """Fail as a bug would (in another process)."""
    raise ZeroDivisionError("a bug in the other process")


def test_a_crash_in_the_other_process_stops_the_atlas_with_its_traceback(sample, tmp_path,
                                                                          forkable):
    book = atlas.start_atlas(sample, tmp_path / "a.pdf", site_ids=["ZT-01"] * 8,
                             workers=2, overview=False, lang="en", then=[(crash, (), {})])
    with pytest.raises(RuntimeError, match="ZeroDivisionError: a bug in the other process"):
        book.finish()
    assert list(tmp_path.iterdir()) == [] and multiprocessing.active_children() == []


def test_an_error_here_stops_the_other_process_at_once(sample, tmp_path, forkable):
    ids = ["NO-SUCH"] + ["ZT-01"] * 30  # this process's run fails on its first sheet
    book = atlas.start_atlas(sample, tmp_path / "a.pdf", site_ids=ids, workers=2,
                             overview=False, lang="en")
    assert book.mine[0] == "NO-SUCH" and len(book.others) == 1
    with pytest.raises(UsageError):
        book.finish()
    assert multiprocessing.active_children() == []  # stopped, not left drawing 15 sheets
    assert list(tmp_path.iterdir()) == []
