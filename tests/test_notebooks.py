"""The analysts' notebooks: stored clean, and each runs top to bottom in a fresh kernel.

Each notebook is executed once (nbclient, the ``python3`` kernel of this interpreter,
matplotlib on Agg). A probe cell appended by the test prints the notebook's final
state as JSON, so the values it showed the analyst are checked, not just "no error".
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import nbclient
import nbformat
import pytest

pytestmark = pytest.mark.notebook

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"
NAMES = ("01_quickstart.ipynb", "02_what_if.ipynb", "03_your_own_data.ipynb",
         "04_over_time.ipynb")
TIMEOUT_S = 120

#: Printed by the probe cell appended to each notebook (its last statement's JSON).
PROBES = {
    "01_quickstart.ipynb": """
import json
print(json.dumps({"summary": summary, "problems": len(problems_table),
                  "sites": analysis.sites["site_id"].tolist()}, default=str))
""",
    "02_what_if.ipynb": """
import json
print(json.dumps({"table": table[["eligible sites", "eligible ha",
                                  "eligible sites needing a permit"]].to_dict("index"),
                  "changed": changed.to_dict("index"),
                  "bars": [[float(p.get_width()) for p in ax.patches] for ax in fig.axes],
                  "map_sites": sites["site_id"].tolist()}, default=float))
""",
    "03_your_own_data.ipynb": """
import json
print(json.dumps({"summary": summary, "fixed_problems": len(found),
                  "licenses": licenses["license_id"].tolist(),
                  "tidy": not Path(workdir.name).exists()}, default=str))
""",
    "04_over_time.ipynb": """
import json
print(json.dumps({"changes": len(changes), "sites": int(changes["site_id"].nunique()),
                  "zt11": changes[changes["site_id"] == "ZT-11"][["change", "before", "after"]]
                  .values.tolist(), "said": said,
                  "dates": [str(d) for d in table.attrs["dates"]],
                  "zt11_timeline": table[table["site_id"] == "ZT-11"][["from", "eligible"]]
                  .astype(str).values.tolist()}))
""",
}


def execute(book, path: Path):
    """Run a notebook in a fresh kernel from its own folder; return it with outputs."""
    client = nbclient.NotebookClient(book, timeout=TIMEOUT_S, kernel_name="python3",
                                     resources={"metadata": {"path": str(path.parent)}})
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("MPLBACKEND", "Agg")
        client.execute()
    return book


@pytest.fixture(scope="module")
def run():
    """Execute each notebook once (with its probe cell) and cache the result."""
    done: dict[str, tuple] = {}

    def run_one(name: str):
        if name not in done:
            path = NOTEBOOKS / name
            book = nbformat.read(path, as_version=4)
            book.cells.append(nbformat.v4.new_code_cell(PROBES[name].strip()))
            execute(book, path)
            probe = json.loads(_text(book.cells[-1]))
            book.cells.pop()
            done[name] = (book, probe)
        return done[name]

    return run_one


def _text(cell) -> str:
    return "".join(o.get("text", "") for o in cell.get("outputs", [])
                   if o.get("output_type") == "stream" and o.get("name") == "stdout")


def _shown(book) -> str:
    """Everything the analyst sees as text: printed lines and plain-text results."""
    parts = []
    for cell in book.cells:
        for out in cell.get("outputs", []):
            parts.append(out.get("text", ""))
            parts.append(out.get("data", {}).get("text/plain", ""))
    return "\n".join(parts)


def test_the_notebooks_exist():
    assert sorted(p.name for p in NOTEBOOKS.glob("*.ipynb")) == list(NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_stored_without_outputs(name):
    book = nbformat.read(NOTEBOOKS / name, as_version=4)
    nbformat.validate(book)
    assert book.metadata["kernelspec"]["name"] == "python3"
    code = [c for c in book.cells if c.cell_type == "code"]
    assert code
    assert all(c.outputs == [] and c.execution_count is None for c in code), \
        f"{name}: clear the outputs before committing"
    assert book.cells[0].cell_type == "markdown" and book.cells[0].source.startswith("# ")


@pytest.mark.slow
def test_kernel_is_this_interpreter():
    book = nbformat.v4.new_notebook()
    book.cells = [nbformat.v4.new_code_cell(
        "import sys, matplotlib, asmap.layers; print(sys.prefix); print(matplotlib.get_backend())")]
    execute(book, NOTEBOOKS / "probe.ipynb")
    prefix, backend = _text(book.cells[0]).split()
    assert Path(prefix).resolve() == Path(sys.prefix).resolve()
    assert backend.lower() == "agg"


@pytest.mark.slow
@pytest.mark.parametrize("name", NAMES)
def test_runs_clean(run, name):
    book, _ = run(name)
    outputs = [o for c in book.cells for o in c.get("outputs", [])]
    assert not [o for o in outputs if o["output_type"] == "error"]
    stderr = [o["text"] for o in outputs if o.get("name") == "stderr"]
    assert stderr == [], f"{name} shows warnings: {stderr}"


@pytest.mark.slow
def test_quickstart_values(run):
    book, probe = run("01_quickstart.ipynb")
    shown = _shown(book)
    # The sample on 2021-04-06 (see layers/data/zaamar/README.md): 16 of 28 eligible.
    assert "0 problems" in shown
    assert "Eligible sites: 16 of 28, 86.94 ha" in shown
    summary = probe["summary"]
    assert summary["reasons"] == {"NOT_MINED_OUT": 7, "OUTSIDE_SOUM": 1, "TOO_SMALL": 8,
                                  "TOO_FAR": 1}
    assert summary["posts_needing_permits"] == ["ZP-01", "ZP-04", "ZP-06"]
    assert summary["conflicts"] == 1
    assert probe["problems"] == 0
    assert probe["sites"] == [f"ZT-{i:02d}" for i in range(1, 29)]
    html = book.cells[-2].outputs[0]["data"]["text/html"]  # the map cell, inline
    assert "leaflet" in html.lower() and "ZT-17" in html


@pytest.mark.slow
def test_what_if_values(run):
    book, probe = run("02_what_if.ipynb")
    table = probe["table"]
    assert {k: (v["eligible sites"], round(v["eligible ha"], 2),
                v["eligible sites needing a permit"]) for k, v in table.items()} == {
        "baseline (200 m, lockdown)": (16, 86.94, 16),
        "river buffer 100 m": (17, 89.36, 17),      # ZT-13 leaves the buffer: 1.40 ha
        "after the lockdown": (16, 83.86, 2),      # only ZP-06 stands; RC-04 due in 19 days
        "minimum area 2 ha": (14, 84.24, 14),      # ZT-03 (1.20) and ZT-04 (1.50) drop out
    }
    assert "Sites that change verdict: ZT-03, ZT-04, ZT-13" in _shown(book)
    assert probe["changed"]["ZT-13"]["river buffer 100 m"] == "eligible"
    assert probe["changed"]["ZT-03"]["minimum area 2 ha"] == "TOO_SMALL"
    assert probe["map_sites"] == ["ZT-03", "ZT-04", "ZT-13"]
    # Bars drawn bottom-up (reversed scenario order): hectares, then site counts.
    assert probe["bars"] == [[84.24, 83.86, 89.36, 86.94], [14.0, 16.0, 17.0, 16.0]]


@pytest.mark.slow
def test_your_own_data_values(run):
    book, probe = run("03_your_own_data.ipynb")
    shown = _shown(book)
    # Before: duplicate ZT-11, stages 'minedout' and Mongolian, KML without post_id/authority.
    assert "5 errors, 0 warnings" in shown
    for text in ("2 features share the id 'ZT-11'", "'minedout' is not allowed",
                 "'ашиглаж дууссан' is not allowed", "required column 'post_id' is missing",
                 "row 4, field lon: longitude 48.267453 is outside Mongolia (longitude and "
                 "latitude look swapped)"):
        assert text in shown
    assert "after the fixes: 0 errors, 0 warnings" in shown
    assert probe["fixed_problems"] == 0
    assert probe["licenses"] == ["MV-011001", "ASM-2020-01"]
    summary = probe["summary"]
    # ZT-01..04 as in the sample (8.00 + 8.97 + 1.20 + 1.50), ZT-09 whole without the
    # reclamation layer (9.00), ZT-11 6.00; ZT-12 too small, ZT-05 active.
    assert (summary["sites"], summary["eligible"], summary["eligible_ha"]) == (8, 6, 34.67)
    assert summary["unchecked"] == ["RECLAMATION", "RESTRICTED"]
    assert summary["eligible_unverified"] == 6
    assert probe["tidy"] is True


@pytest.mark.slow
def test_over_time_values(run):
    book, probe = run("04_over_time.ipynb")
    # 2021-04-06 -> 2021-09-01 on the sample: the lockdown posts went, RC-04 (planned for
    # 2021-09-20) is within its 90-day notice and takes 3.08 of ZT-11's 6 ha (so its route
    # ends elsewhere, and the window RC-04 closed is gone)
    assert probe["zt11"] == [["NOTES", "", "RECLAMATION"], ["AVAILABLE_HA", "6.00", "2.92"],
                             ["ROUTE_KM", "27.9", "28.0"], ["POSTS_ON_ROUTE", "ZP-01", ""],
                             ["WINDOW", "2021-09-20", ""]]
    assert (probe["changes"], probe["sites"]) == (32, 28)
    # the agreements' work starts (AG-2021-02, 2021-05-01) and ends (AG-2021-01) are events
    assert probe["dates"] == ["2021-04-06", "2021-05-01", "2021-05-29", "2021-06-03",
                              "2021-06-22", "2021-11-01"]
    # with a 3 ha minimum the 2.92 ha left are too small from the first day of the notice
    assert probe["said"] == ["ZT-11 stops being eligible on 2021-06-22 (Too small), when "
                             "reclamation RC-04 enters the notice window"]
    assert probe["zt11_timeline"] == [["2021-04-06", "True"], ["2021-05-29", "True"],
                                      ["2021-06-22", "False"]]
    shown = _shown(book)
    assert "32 changes at 28 sites" in shown and "Posts that went: ZP-01" in shown
    html = book.cells[-1].outputs[0]["data"]["text/html"]  # the chart cell, inline
    assert html.count("<rect") == 3 and 'data-site="ZT-11"' in html
