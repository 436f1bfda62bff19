"""The Python peers' model path, shared by the FastAPI and Flask apps: the bundle's derived columns,
affine preprocessing and model evaluated in numpy over whole columns (an XGBoost model in a Booster
with one OpenMP thread, a linear model as a dot product) - no pandas DataFrame per request, no
pydantic model: the fastest Python serving path we know, so the comparison does not flatter Kiln."""
import json
import os

import numpy as np

BUNDLE = os.environ["BUNDLE"]
_manifest = json.load(open(os.path.join(BUNDLE, "bundle.json")))
INPUTS = [f["name"] for f in _manifest["inputs"]]
FEATURES = _manifest["features"]
THRESHOLD = _manifest.get("threshold", 0.5)
_steps = json.load(open(os.path.join(BUNDLE, "preprocessing.json")))["steps"]
# The expression functions the example bundles use, as numpy ufuncs over whole columns.
_FUNCTIONS = {"log1p": np.log1p, "greatest": np.maximum, "least": np.minimum, "floor": np.floor,
              "abs": np.abs, "exp": np.exp, "log": np.log, "sqrt": np.sqrt}
_derived = [(c["name"], compile(c["expression"], c["name"], "eval"))
            for s in _steps if s["kind"] == "features" for c in s["columns"]]
_offset = np.zeros(len(FEATURES))
_scale = np.ones(len(FEATURES))
for step in (s for s in _steps if s["kind"] == "affine"):
    for c, name in enumerate(step["columns"]):
        i = FEATURES.index(name)
        _offset[i], _scale[i] = step["offset"][c], step["scale"][c]
unknown = [s["kind"] for s in _steps if s["kind"] not in ("features", "affine")]
if unknown:
    raise SystemExit(f"bench peers do not implement preprocessing steps {unknown}")

_model = json.load(open(os.path.join(BUNDLE, _manifest["model_file"])))
if _manifest["model_format"].startswith("kiln-linear"):
    _coefficients = np.array(_model["coefficients"])
    _intercept = _model["intercept"]

    def _probabilities(x):
        return 1.0 / (1.0 + np.exp(-(x @ _coefficients + _intercept)))
else:
    import xgboost as xgb
    _booster = xgb.Booster(model_file=os.path.join(BUNDLE, _manifest["model_file"]))
    _booster.set_param({"nthread": 1})

    def _probabilities(x):
        return _booster.inplace_predict(x.astype(np.float32))


def predict(body):
    """Answers Kiln's native request shape {"instances": [record, ...]} the way Kiln does."""
    records = body["instances"]
    columns = {name: np.array([r[name] for r in records], dtype=np.float64) for name in INPUTS}
    for name, code in _derived:
        columns[name] = eval(code, {"__builtins__": {}}, {**_FUNCTIONS, **columns})
    x = (np.column_stack([columns[f] for f in FEATURES]) - _offset) / _scale
    return {"predictions": [{"prediction": int(p >= THRESHOLD), "probability": float(p)}
                            for p in _probabilities(x)]}
