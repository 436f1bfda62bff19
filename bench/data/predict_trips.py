"""The Python batch job `kiln predict` is compared with on the 3M-row trip table: pandas
read_parquet, the bundle's features (the pickup time in microseconds, the zones as categories in
the bundle's order), XGBoost's predict on one thread (Kiln's nthread), to_parquet with the
input columns and the prediction. Usage: predict_trips.py INPUT.parquet BUNDLE_DIR OUTPUT.parquet"""
import json
import sys

import pandas as pd
import xgboost as xgb

source, bundle, target = sys.argv[1:4]
manifest = json.load(open(f"{bundle}/bundle.json"))
steps = json.load(open(f"{bundle}/{manifest['preprocessing_file']}"))["steps"]
if [s["kind"] for s in steps] != ["categorical"] or manifest["model_format"] != "xgboost-json":
    raise SystemExit("this baseline scores an XGBoost bundle whose only step is categorical")
categories = steps[0]["categories"]
df = pd.read_parquet(source)
X = pd.DataFrame(index=df.index)
for name in manifest["features"]:
    column = df[name]
    if name in categories:
        X[name] = pd.Categorical(column, categories=categories[name])
    elif pd.api.types.is_datetime64_any_dtype(column):
        X[name] = column.astype("int64") // 1000  # microseconds, as Kiln's feature
    else:
        X[name] = column
booster = xgb.Booster(params={"nthread": 1})
booster.load_model(f"{bundle}/{manifest['model_file']}")
df["prediction"] = booster.predict(xgb.DMatrix(X, enable_categorical=True))
df.to_parquet(target, index=False)
