"""The Python peers' model path, shared by the FastAPI and Flask apps: the bundle's XGBoost JSON
model in a Booster (one OpenMP thread), the bundle's affine preprocessing in numpy, and records
turned into one float32 array that goes straight into `inplace_predict` - no pandas DataFrame
per request, no pydantic model: the fastest Python serving path we know, so the comparison does
not flatter Kiln."""
import json
import os

import numpy as np
import xgboost as xgb

BUNDLE = os.environ["BUNDLE"]
_manifest = json.load(open(os.path.join(BUNDLE, "bundle.json")))
FEATURES = _manifest["features"]
THRESHOLD = _manifest.get("threshold", 0.5)
_offset = np.zeros(len(FEATURES))
_scale = np.ones(len(FEATURES))
for step in json.load(open(os.path.join(BUNDLE, "preprocessing.json")))["steps"]:
    for c, name in enumerate(step["columns"]):
        i = FEATURES.index(name)
        _offset[i], _scale[i] = step["offset"][c], step["scale"][c]

booster = xgb.Booster(model_file=os.path.join(BUNDLE, _manifest["model_file"]))
booster.set_param({"nthread": 1})


def predict(body):
    """Answers Kiln's native request shape {"instances": [record, ...]} the way Kiln does."""
    rows = np.array([[r[f] for f in FEATURES] for r in body["instances"]], dtype=np.float64)
    x = ((rows - _offset) / _scale).astype(np.float32)
    proba = booster.inplace_predict(x)
    return {"predictions": [{"prediction": int(p >= THRESHOLD), "probability": float(p)}
                            for p in proba]}
