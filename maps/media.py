"""Photos in what asmap writes: small JPEGs with no EXIF, and a budget for the map.

Every photo asmap writes (map popups, the site sheet, the KMZ) is re-encoded here:
turned upright from its EXIF orientation, shrunk to at most `MAX_PX` on the long side
and saved as a JPEG without any metadata, so no GPS position, camera or owner leaves
with it. A map holds photos up to a budget in megabytes; past it the rest are left out
and a warning says how many.
"""

from __future__ import annotations

import base64
import io
import warnings
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

from asmap.layers.errors import AsmapWarning
from asmap.layers.media import find, is_image, names

#: Longest side of a thumbnail, pixels.
MAX_PX = 480
#: Default budget of photos in one map, megabytes.
PHOTO_MB = 10.0


def thumbnail(path: Path, *, max_px: int = MAX_PX) -> bytes:
    """
    The photo at `path` as JPEG bytes, at most `max_px` on its long side, no metadata.

    Examples
    --------
    >>> from PIL import Image
    >>> import tempfile, pathlib
    >>> photo = pathlib.Path(tempfile.mkdtemp()) / "heap.jpg"
    >>> Image.new("RGB", (1200, 800), "tan").save(photo)
    >>> Image.open(io.BytesIO(thumbnail(photo))).size
    (480, 320)
    """
    from PIL import Image, ImageOps

    with Image.open(path) as image:
        upright = ImageOps.exif_transpose(image).convert("RGB")
    upright.thumbnail((max_px, max_px))
    clean = Image.new("RGB", upright.size)  # pixels only: nothing of the file travels on
    clean.paste(upright)
    out = io.BytesIO()
    clean.save(out, "JPEG", quality=80, optimize=True)
    return out.getvalue()


def first_photo(value: object, folder: Path | None) -> Path | None:
    """The first photo file of a ``photo`` cell that exists and is an image."""
    for name in names(value):
        path = find(folder, name)
        if path is not None and is_image(path):
            return path
    return None


@dataclass
class PhotoBudget:
    """Photos embedded in one file, up to `mb` megabytes (then a warning)."""

    folder: Path | None
    mb: float = PHOTO_MB
    used: int = 0
    left_out: int = 0
    total: int = 0
    cache: dict[Path, bytes] = field(default_factory=dict)

    def html(self, value: object) -> str:
        """``<div class="asmap-photos"><img ...>...</div>`` for a ``photo`` cell, or ``""``."""
        images = []
        for name in names(value):
            path = find(self.folder, name)
            if path is None or not is_image(path):
                continue
            self.total += 1
            data = self.cache.get(path) or thumbnail(path)
            if self.used + len(data) > self.mb * 1_000_000:
                self.left_out += 1
                continue
            if path not in self.cache:
                self.used += len(data)
                self.cache[path] = data
            uri = "data:image/jpeg;base64," + base64.b64encode(data).decode("ascii")
            images.append(f"<img src=\"{uri}\" alt=\"{escape(name)}\" loading=\"lazy\">")
        return f"<div class=\"asmap-photos\">{''.join(images)}</div>" if images else ""

    def warn(self) -> None:
        """Warn (AsmapWarning ``photo_budget``) when photos were left out."""
        if self.left_out:
            warnings.warn(AsmapWarning(code="photo_budget", mb=self.mb, left=self.left_out,
                                       total=self.total), stacklevel=2)
