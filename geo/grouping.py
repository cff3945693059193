"""Per-site lists from (site, value) pairs, without a pandas group per site."""

from __future__ import annotations

import numpy as np
import pandas as pd


def joined(groups: np.ndarray, values: np.ndarray, n: int, sep: str = ";") -> list[str]:
    """
    For each group ``0 .. n-1``, its distinct values sorted and joined with `sep`.

    Parameters
    ----------
    groups
        The group (site row) of each pair, integers in ``0 .. n-1``.
    values
        The text of each pair; missing values are left out.
    n
        The number of groups.
    sep
        The separator.

    Returns
    -------
    list of str
        ``""`` for a group with no pairs.

    Examples
    --------
    >>> joined(np.array([2, 0, 2, 2]), np.array(["b", "x", "a", "b"]), 3)
    ['x', '', 'a;b']
    """
    out = [""] * n
    codes, names = pd.factorize(np.asarray(values, dtype=object), sort=True)
    keep = codes >= 0
    if not keep.any():
        return out
    width = len(names)
    key = np.unique(np.asarray(groups, dtype=np.int64)[keep] * width + codes[keep])
    group, code = np.divmod(key, width)
    starts = np.flatnonzero(np.r_[True, group[1:] != group[:-1]])
    ends = np.r_[starts[1:], len(group)].tolist()
    text = np.asarray(names, dtype=object)[code].tolist()
    for g, a, b in zip(group[starts].tolist(), starts.tolist(), ends, strict=True):
        out[g] = sep.join(text[a:b])
    return out
