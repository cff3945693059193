"""Photos and documents on sites and posts: validate, map thumbnails, KMZ, site sheet, brief.

The photos are real JPEGs written by Pillow with EXIF GPS, camera and owner tags; no
file asmap writes may carry any of them.
"""

from __future__ import annotations

import base64
import io
import re
import shutil
import warnings
import zipfile

import pytest
from click.testing import CliRunner
from PIL import ExifTags, Image

import pyogrio

from asmap import geo, layers
from asmap.cli.main import cli
from asmap.layers.errors import AsmapWarning
from asmap.layers.project import sample_path
from asmap.layers.validate import inspect
from asmap.maps.brief.folder import write_brief
from asmap.maps.exchange.export import export
from asmap.maps.web.map import write_map

SECRETS = (b"PhoneCo", b"Bat Dorj", b"Exif")


def exif_photo(path, size=(1600, 1200), colour=(176, 148, 96)):
    """A JPEG with the GPS position of Bat-Ölzii, a camera make and an owner in its EXIF."""
    path.parent.mkdir(parents=True, exist_ok=True)
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "PhoneCo"
    exif[ExifTags.Base.Artist] = "Bat Dorj"
    exif[ExifTags.IFD.GPSInfo] = {ExifTags.GPS.GPSLatitudeRef: "N",
                                  ExifTags.GPS.GPSLatitude: (48.0, 13.0, 0.0),
                                  ExifTags.GPS.GPSLongitudeRef: "E",
                                  ExifTags.GPS.GPSLongitude: (104.0, 46.0, 26.0)}
    Image.new("RGB", size, colour).save(path, exif=exif)
    with Image.open(path) as saved:
        assert saved.getexif().get_ifd(ExifTags.IFD.GPSInfo)  # the fixture has GPS
    return path


@pytest.fixture
def folder(tmp_path):
    """The sample with a photo (and a missing one) and documents on ZT-01, a photo on ZP-01."""
    out = shutil.copytree(sample_path(), tmp_path / "zaamar")
    exif_photo(out / "photos" / "heap.jpg")
    exif_photo(out / "attachments" / "a1b2" / "1617700000002.jpg", size=(900, 1400))
    (out / "docs").mkdir()
    (out / "docs" / "agreement.pdf").write_bytes(b"%PDF-1.4 tripartite agreement\n")
    tailings = pyogrio.read_dataframe(out / "tailings.geojson")
    tailings["photo"] = None
    tailings["document"] = None
    tailings.loc[tailings["site_id"] == "ZT-01", "photo"] = "photos/heap.jpg;gone.jpg"
    tailings.loc[tailings["site_id"] == "ZT-01", "document"] = "docs/agreement.pdf"
    tailings.loc[tailings["site_id"] == "ZT-02", "document"] = "https://example.mn/plan.pdf"
    pyogrio.write_dataframe(tailings, out / "tailings.geojson")
    posts = pyogrio.read_dataframe(out / "posts.geojson")
    posts["photo"] = None
    posts.loc[posts["post_id"] == "ZP-01", "photo"] = "1617700000002.jpg"  # a Kobo attachment
    pyogrio.write_dataframe(posts, out / "posts.geojson")
    return out


@pytest.fixture
def analysis(folder):
    return geo.analyze(layers.load(folder), on="2021-04-06")


def no_exif(data: bytes) -> None:
    image = Image.open(io.BytesIO(data))
    assert dict(image.getexif()) == {}
    assert not any(secret in data for secret in SECRETS)


def thumbnails(html: str) -> list[bytes]:
    return [base64.b64decode(m) for m in re.findall(r"data:image/jpeg;base64,([A-Za-z0-9+/=]+)",
                                                     html)]


def test_validate_warns_of_a_missing_photo_and_fails_on_a_non_image(folder):
    problems = inspect(folder).problems
    missing = [p for p in problems if p.code == "pr_media_missing"]
    assert [(p.severity, p.feature, p.field, p.message) for p in missing] == [
        ("warning", "ZT-01", "photo", "'gone.jpg' is not in the folder")]
    assert not [p for p in problems if p.is_error]
    (folder / "photos" / "notes.jpg").write_text("not a photo")
    tailings = pyogrio.read_dataframe(folder / "tailings.geojson")
    tailings.loc[tailings["site_id"] == "ZT-03", "photo"] = "photos/notes.jpg"
    pyogrio.write_dataframe(tailings, folder / "tailings.geojson")
    errors = [p for p in inspect(folder).problems if p.is_error]
    assert [(p.code, p.feature, p.message) for p in errors] == [
        ("pr_photo_not_image", "ZT-03", "'photos/notes.jpg' is not an image")]
    assert errors[0].text("mn")[0] == "'photos/notes.jpg' нь зураг биш"


def test_map_popups_embed_small_jpegs_without_exif(analysis, folder, tmp_path):
    html = write_map(analysis, tmp_path / "map.html", lang="en", offline=True,
                     media=folder).read_text(encoding="utf-8")
    images = thumbnails(html)
    assert len(images) == 2  # ZT-01's heap and ZP-01's attachment (gone.jpg is not there)
    sizes = sorted(Image.open(io.BytesIO(data)).size for data in images)
    assert sizes == [(309, 480), (480, 360)]  # 900x1400 and 1600x1200 shrunk to 480
    for data in images:
        no_exif(data)
    public = write_map(analysis, tmp_path / "public.html", lang="en", profile="public",
                       media=folder).read_text(encoding="utf-8")
    assert len(thumbnails(public)) == 2  # photos of the ground are public
    bare = write_map(analysis, tmp_path / "bare.html", lang="en", media=folder,
                     photos=False).read_text(encoding="utf-8")
    assert thumbnails(bare) == [] and "heap.jpg" not in bare


def test_photo_budget_warns(analysis, folder, tmp_path):
    with pytest.warns(AsmapWarning, match=r"2 of 2 left out"):
        html = write_map(analysis, tmp_path / "map.html", media=folder,
                         photo_mb=0.001).read_text(encoding="utf-8")
    assert thumbnails(html) == []
    result = CliRunner().invoke(cli, ["map", str(folder), "--on", "2021-04-06", "--out",
                                      str(tmp_path / "m.html"), "--photo-mb", "0.001",
                                      "--lang", "mn"])
    assert result.exit_code == 0, result.output
    assert "анхааруулга: зураг 0.001 МБ-аас хэтэрсэн" in result.output


def test_kmz_carries_the_photos_without_exif(analysis, folder, tmp_path):
    out = export(analysis, tmp_path / "z.kmz", to="kmz", lang="en", media=folder)
    with zipfile.ZipFile(out) as kmz:
        files = sorted(n for n in kmz.namelist() if n.startswith("files/"))
        assert files == ["files/001-1617700000002.jpg", "files/002-heap.jpg"]  # posts first
        for name in files:
            no_exif(kmz.read(name))
        doc = kmz.read("doc.kml").decode("utf-8")
    assert '&lt;img src="files/002-heap.jpg"' in doc  # balloon HTML, escaped in the XML
    with zipfile.ZipFile(export(analysis, tmp_path / "n.kmz", to="kmz", media=folder,
                                photos=False)) as kmz:
        assert [n for n in kmz.namelist() if n.startswith("files/")] == []


def test_site_sheet_prints_the_first_photo_without_exif(analysis, folder, tmp_path):
    from asmap.maps.paper.page import write_print

    with_photo = write_print(analysis, tmp_path / "a.png", site="ZT-01", lang="en",
                             media=folder)
    without = write_print(analysis, tmp_path / "b.png", site="ZT-01", lang="en",
                          media=folder, photos=False)
    a, b = (_rgb(p) for p in (with_photo, without))
    # the photo's box (landscape: x 0.475-0.645, y 0.66-0.87 from the bottom), its centre
    x, y = int(a.width * 0.56), int(a.height * (1 - 0.76))
    assert a.getpixel((x, y)) == pytest.approx((176, 148, 96), abs=6)
    assert b.getpixel((x, y)) != a.getpixel((x, y))
    pdf = write_print(analysis, tmp_path / "a.pdf", site="ZT-01", lang="en", media=folder)
    data = pdf.read_bytes()
    assert not any(secret in data for secret in SECRETS)


def test_brief_copies_documents_and_links_them(analysis, folder, tmp_path):
    with warnings.catch_warnings():
        warnings.simplefilter("error", AsmapWarning)
        out = write_brief(analysis, tmp_path / "brief", lang="en", media=folder)
    assert (out / "documents" / "agreement.pdf").read_bytes().startswith(b"%PDF-1.4 tri")
    summary = (out / "summary.html").read_text(encoding="utf-8")
    assert '<h2>Documents</h2>' in summary
    assert 'ZT-01: <a href="documents/agreement.pdf">docs/agreement.pdf</a>' in summary
    assert 'ZT-02: <a href="https://example.mn/plan.pdf">' in summary
    assert len(thumbnails((out / "map.html").read_text(encoding="utf-8"))) == 2
    assert not any(s in (out / "overview.pdf").read_bytes() for s in SECRETS)


@pytest.mark.browser
def test_offline_popup_shows_the_thumbnail(browser, analysis, folder, tmp_path, artifacts):
    from tests.maps.browsing import open_offline

    problems: list[str] = []
    page = open_offline(browser, write_map(analysis, tmp_path / "m.html", offline=True,
                                           lang="en", media=folder), problems)
    size = page.evaluate("""() => new Promise(done => {
        const layer = asmap.registry['ZT-01']; layer.openPopup();
        const img = layer.getPopup().getElement().querySelector('.asmap-photos img');
        const report = () => done([img.naturalWidth, img.naturalHeight]);
        img.complete ? report() : img.addEventListener('load', report);
        })""")
    assert size == [480, 360]
    page.screenshot(path=str(artifacts / "interactive-photo.png"))
    assert problems == []
    page.close()


def _rgb(path):
    with Image.open(path) as image:
        return image.convert("RGB")
