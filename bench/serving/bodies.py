"""Writes request bodies for the serving benchmark from a bundle's input schema: random values
within each field's training range (seeded; whole numbers for whole-number fields), one row and 100 rows, in Kiln's native shape
({"instances": [record, ...]}), which the Python peers answer too."""
import json
import os
import random
import sys

bundle, out = sys.argv[1], sys.argv[2]
inputs = json.load(open(os.path.join(bundle, "bundle.json")))["inputs"]
rng = random.Random(42)


def value(f):
    v = rng.uniform(f.get("min", 0), f.get("max", 1)) * 0.5
    # A whole-number field gets whole numbers, as clients send them (the fraud data's Time is in
    # seconds); a fraction would turn the field into doubles and take the frame path.
    return round(v) if f["type"] == "long" else round(v, 6)


def row():
    return {f["name"]: value(f) for f in inputs}


for name, rows in {"body1.json": 1, "body100.json": 100}.items():
    with open(os.path.join(out, name), "w") as f:
        json.dump({"instances": [row() for _ in range(rows)]}, f)
