"""The first photo of a site on its print sheet (pixels only: no EXIF reaches the page)."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import numpy as np
from matplotlib.figure import Figure

from asmap.maps.media import first_photo, thumbnail

#: Where the photo sits on a site sheet (figure fractions), in a corner of the map.
PHOTO_RECTS = {"landscape": (0.475, 0.66, 0.17, 0.21), "portrait": (0.76, 0.70, 0.19, 0.17)}
#: Pixels on the photo's long side: sharp at 300 dpi on a 5 cm wide box.
PRINT_PX = 640


def draw_photo(fig: Figure, site: dict[str, Any], media: Path | None, *,
               orientation: str) -> bool:
    """
    Put the site's first photo in the corner of the sheet; False when it has none.

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> draw_photo(Figure(), {"photo": None}, None, orientation="landscape")
    False
    """
    from PIL import Image

    path = first_photo(site.get("photo"), media)
    if path is None:
        return False
    with Image.open(io.BytesIO(thumbnail(path, max_px=PRINT_PX))) as image:
        pixels = np.asarray(image.convert("RGB"))
    ax = fig.add_axes(PHOTO_RECTS[orientation])
    ax.imshow(pixels, interpolation="lanczos")
    ax.set_xticks([])
    ax.set_yticks([])
    for spine in ax.spines.values():
        spine.set_edgecolor("white")
        spine.set_linewidth(2)
    ax.set_title(path.name, fontsize=5, pad=2)
    return True
