"""The Python batch job Kiln's `kiln predict` is compared with: read a CSV with pandas, apply the
bundle's preprocessing (affine steps), score with XGBoost's predict_proba, write a CSV.
Usage: predict.py INPUT.csv BUNDLE_DIR OUTPUT.csv"""
import json
import sys

import pandas as pd
import xgboost as xgb

source, bundle, target = sys.argv[1:4]
manifest = json.load(open(f"{bundle}/bundle.json"))
steps = json.load(open(f"{bundle}/{manifest['preprocessing_file']}"))["steps"]
df = pd.read_csv(source)
X = df.copy()
for step in steps:
    if step["kind"] != "affine":
        raise SystemExit(f"this baseline handles affine steps only, not {step['kind']}")
    for col, offset, scale in zip(step["columns"], step["offset"], step["scale"]):
        X[col] = (X[col] - offset) / scale
model = xgb.XGBClassifier()
model.load_model(f"{bundle}/{manifest['model_file']}")
# Kiln scores with every tree of the model; XGBClassifier would stop at best_iteration.
trees = (0, model.get_booster().num_boosted_rounds())
p = model.predict_proba(X[manifest["features"]], iteration_range=trees)[:, 1]
df["probability"] = p
df["prediction"] = (p >= manifest["threshold"]).astype(int)
df.to_csv(target, index=False)
