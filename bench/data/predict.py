"""The Python batch job Kiln's `kiln predict` is compared with: read a CSV with pandas, apply the
bundle's preprocessing (the fraud example's derived columns, affine scaling), score with the
bundle's model (a kiln-linear-json logistic model with numpy, or XGBoost's predict_proba), write
a CSV. Usage: predict.py INPUT.csv BUNDLE_DIR OUTPUT.csv"""
import json
import sys

import numpy as np
import pandas as pd

# The derived columns of the fraud example, as pandas writes them.
EXPRESSIONS = {
    "log1p(greatest(Amount, 0))": lambda d: np.log1p(d["Amount"].clip(lower=0)),
    "floor(Time / 3600) % 24": lambda d: np.floor(d["Time"] / 3600) % 24,
}

source, bundle, target = sys.argv[1:4]
manifest = json.load(open(f"{bundle}/bundle.json"))
steps = json.load(open(f"{bundle}/{manifest['preprocessing_file']}"))["steps"]
df = pd.read_csv(source)
X = df.copy()
for step in steps:
    if step["kind"] == "features":
        for column in step["columns"]:
            if column["expression"] not in EXPRESSIONS:
                raise SystemExit(f"this baseline has no pandas form of {column['expression']}")
            X[column["name"]] = EXPRESSIONS[column["expression"]](X)
        X = X.drop(columns=step.get("drop", []))
    elif step["kind"] == "affine":
        for col, offset, scale in zip(step["columns"], step["offset"], step["scale"]):
            X[col] = (X[col] - offset) / scale
    else:
        raise SystemExit(f"this baseline handles features and affine steps, not {step['kind']}")
features = X[manifest["features"]]
if manifest["model_format"] == "kiln-linear-json":
    model = json.load(open(f"{bundle}/{manifest['model_file']}"))
    z = features.to_numpy(dtype=np.float32) @ np.array(model["coefficients"]) + model["intercept"]
    p = 1 / (1 + np.exp(-z))
else:
    import xgboost as xgb
    model = xgb.XGBClassifier()
    model.load_model(f"{bundle}/{manifest['model_file']}")
    # Kiln scores with every tree of the model; XGBClassifier would stop at best_iteration.
    trees = (0, model.get_booster().num_boosted_rounds())
    p = model.predict_proba(features, iteration_range=trees)[:, 1]
df["probability"] = p
df["prediction"] = (p >= manifest["threshold"]).astype(int)
df.to_csv(target, index=False)
