"""The documents a brief lists (a site's or a post's ``document``), copied into documents/.

A document is a file below the project folder (copied into the brief's ``documents/``
folder, so the brief travels whole) or a URL (linked as it is). summary.html links
each one under its site or post.
"""

from __future__ import annotations

import html
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from asmap.layers.media import find, is_url, names
from asmap.maps.i18n import t

#: Layers whose features may carry a document, and their id column.
DOCUMENT_LAYERS = {"sites": "site_id", "posts": "post_id", "agreements": "agreement_id"}


@dataclass(frozen=True)
class Document:
    """One document of a feature: who it belongs to, and the file or URL."""

    owner: str
    name: str
    source: Path | None  # the file to copy, None for a URL
    href: str  # the link in summary.html: documents/NAME or the URL


def documents(analysis: Any, media: Path | None) -> list[Document]:
    """
    Every document the analysis's sites and posts name that exists (files found below
    `media`) or is a URL, each file once.

    Examples
    --------
    >>> from types import SimpleNamespace
    >>> import pandas as pd
    >>> sites = pd.DataFrame({"site_id": ["ZT-01"], "document": ["https://x.mn/a.pdf"]})
    >>> documents(SimpleNamespace(sites=sites, layers={}), None)[0].href
    'https://x.mn/a.pdf'
    """
    frames = {"sites": analysis.sites, **{k: v for k, v in analysis.layers.items()
                                          if k in DOCUMENT_LAYERS}}
    found, taken = [], set()
    for kind, frame in frames.items():
        if frame is None or "document" not in frame:
            continue
        ids = frame[DOCUMENT_LAYERS[kind]] if DOCUMENT_LAYERS[kind] in frame else frame.index
        for owner, value in zip(ids, frame["document"], strict=True):
            for name in names(value)[:1]:
                if is_url(name):
                    found.append(Document(str(owner), name, None, name))
                    continue
                path = find(media, name)
                if path is None:
                    continue
                target = path.name if path.name not in taken else f"{owner}-{path.name}"
                taken.add(target)
                found.append(Document(str(owner), name, path, f"documents/{target}"))
    return found


def copy_documents(found: list[Document], folder: Path) -> None:
    """Copy the document files into `folder`/documents (URLs need nothing)."""
    for doc in found:
        if doc.source is not None:
            target = folder / doc.href
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(doc.source, target)


def documents_html(found: list[Document], *, lang: str) -> str:
    """The summary.html section that links every document (escaped)."""
    if not found:
        return ""
    items = "\n".join(
        f'  <li>{html.escape(doc.owner)}: <a href="{html.escape(doc.href, quote=True)}">'
        f"{html.escape(doc.name)}</a></li>" for doc in found)
    return f"<h2>{html.escape(t('documents_heading', lang))}</h2>\n<ul>\n{items}\n</ul>"
