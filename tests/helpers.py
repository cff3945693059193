"""Helpers shared by the tests: constants, named test geometries, small utilities."""

from __future__ import annotations

import hashlib
from pathlib import Path

UTM48N = "EPSG:32648"


def tree_hash(folder: Path) -> dict[str, str]:
    """SHA-256 of every file below a folder, to prove a command did not modify its inputs."""
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}
