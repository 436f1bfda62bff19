"""Oracle for kiln-quality drift tests: reads cases as JSON, answers with SciPy / NumPy.

Each case is {"op": ..., "a": [...], "b": [...]}; the answer list has one object per case.
Evidently's own steps (scaling expected counts, binning) are reproduced with numpy as in
evidently/legacy/calculations/stattests, since Evidently itself is not installed here.
"""
import json
import sys

import numpy as np
from scipy import stats
from scipy.spatial import distance


def chisquare(a, b):
    keys = sorted(set(a) | set(b))
    ra = {k: 0 for k in keys}
    rb = {k: 0 for k in keys}
    for v in a:
        ra[v] += 1
    for v in b:
        rb[v] += 1
    k_norm = len(b) / len(a)
    f_exp = [ra[k] * k_norm for k in keys]
    f_obs = [rb[k] for k in keys]
    stat, p = stats.chisquare(f_obs, f_exp)
    return {"statistic": float(stat), "p": float(p)}


def binned(a, b, fill):
    a = np.asarray(a)
    b = np.asarray(b)
    if len(np.unique(a)) > 20:
        edges = np.histogram_bin_edges(np.concatenate([a, b]), "sturges")
        ra = np.histogram(a, edges)[0] / len(a)
        rb = np.histogram(b, edges)[0] / len(b)
    else:
        keys = np.unique(np.concatenate([a, b]))
        ra = np.array([np.sum(a == k) for k in keys]) / len(a)
        rb = np.array([np.sum(b == k) for k in keys]) / len(b)
    if fill:
        for r in (ra, rb):
            m = min(r[r != 0])
            np.place(r, r == 0, m / 10**6 if m <= 0.0001 else 0.0001)
    return ra, rb


def answer(case):
    op, a, b = case["op"], case["a"], case["b"]
    if op == "ks":
        r = stats.ks_2samp(a, b)
        return {"statistic": float(r.statistic), "p": float(r.pvalue)}
    if op == "kstwo":
        return {"p": float(stats.kstwo.sf(a[0], int(b[0])))}
    if op == "chisquare":
        return chisquare(a, b)
    if op == "wasserstein":
        w = stats.wasserstein_distance(a, b)
        return {"w": float(w), "normed": float(w / max(np.std(a), 0.001))}
    if op == "psi_js":
        ra, rb = binned(a, b, True)
        psi = float(np.sum((ra - rb) * np.log(ra / rb)))
        ja, jb = binned(a, b, False)
        return {"psi": psi, "js": float(distance.jensenshannon(ja, jb))}
    raise ValueError("unknown op " + op)


def main():
    with open(sys.argv[1]) as f:
        cases = json.load(f)
    json.dump([answer(c) for c in cases], sys.stdout)


if __name__ == "__main__":
    main()
