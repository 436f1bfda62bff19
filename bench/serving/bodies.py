"""Writes request bodies for the serving benchmark from a bundle's input schema: random values
within each field's training range (seeded), one row and 100 rows, in Kiln's native shape and as
the FastAPI app expects them."""
import json
import os
import random
import sys

bundle, out = sys.argv[1], sys.argv[2]
inputs = json.load(open(os.path.join(bundle, "bundle.json")))["inputs"]
rng = random.Random(42)


def row():
    return {f["name"]: round(rng.uniform(f.get("min", 0), f.get("max", 1)) * 0.5, 6)
            for f in inputs}


one, hundred = row(), [row() for _ in range(100)]
files = {"kiln1.json": {"instances": [one]}, "kiln100.json": {"instances": hundred},
         "fastapi1.json": one, "fastapi100.json": hundred}
for name, body in files.items():
    with open(os.path.join(out, name), "w") as f:
        json.dump(body, f)
