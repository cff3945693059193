"""Photos and documents named by a layer: where their files are, and whether they are images.

A ``photo`` cell holds one or more file names relative to the project folder, separated
by ``;`` (a KoboToolbox or ODK export names attachments by their bare file name; they
are looked for in the folder, then in its ``photos/``, ``attachments/`` and ``media/``
folders and their subfolders). A ``document`` cell holds one file name or a URL.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from asmap.layers.problems import Problem, capped

#: Folders where phone attachments are looked for, below the project folder.
MEDIA_FOLDERS = ("photos", "attachments", "media", "documents")


def names(value: object) -> list[str]:
    """
    The file names of a ``photo`` cell (``;``-separated), blanks left out.

    Examples
    --------
    >>> names("a.jpg; b.jpg;"), names(None)
    (['a.jpg', 'b.jpg'], [])
    """
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return []
    return [part.strip() for part in str(value).split(";") if part.strip()]


def is_url(value: str) -> bool:
    """True for an ``http(s)://`` address (a document kept elsewhere)."""
    return value.lower().startswith(("http://", "https://"))


def find(folder: Path | None, name: str) -> Path | None:
    """
    The file a photo or document name stands for, or None when it is nowhere.

    Examples
    --------
    >>> find(None, "nowhere.jpg") is None
    True
    """
    if folder is None or not name:
        return None
    folder = Path(folder) if Path(folder).is_dir() else Path(folder).parent
    direct = folder / name
    if direct.is_file():
        return direct
    bare = Path(name).name
    for sub in MEDIA_FOLDERS:
        base = folder / sub
        if base.is_dir():
            hit = next((p for p in sorted(base.rglob(bare)) if p.is_file()), None)
            if hit is not None:
                return hit
    return None


def is_image(path: Path) -> bool:
    """True when Pillow can read the file as an image."""
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(path) as image:
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        return False
    return True


def check_media(frame: pd.DataFrame, kind: str, folder: Path | None, *, label,
                file: str) -> list[Problem]:
    """
    Problems of a layer's photos and documents: a missing file is a warning naming the
    feature and the file; a photo that is not an image is an error.
    """
    missing, not_image = [], []
    for i, (photos, document) in enumerate(zip(
            frame["photo"] if "photo" in frame else [None] * len(frame),
            frame["document"] if "document" in frame else [None] * len(frame),
            strict=True)):
        for name in names(photos):
            path = find(folder, name)
            if path is None:
                missing.append((i, "photo", name))
            elif not is_image(path):
                not_image.append((i, name))
        for name in names(document)[:1]:
            if not is_url(name) and find(folder, name) is None:
                missing.append((i, "document", name))
    problems = capped(list(range(len(missing))), lambda j: Problem.of(
        "warning", kind, label(missing[j][0]), missing[j][1], "pr_media_missing", file=file,
        name=missing[j][2]), summary=lambda n: Problem.of(
        "warning", kind, "", "photo", "pr_media_missing_more", file=file, n=n))
    problems += [Problem.of("error", kind, label(i), "photo", "pr_photo_not_image", file=file,
                            name=name) for i, name in not_image[:20]]
    return problems
