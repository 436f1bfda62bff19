"""The seeds' serving stack, written the way the tutorials write it: FastAPI + uvicorn, a pydantic
request model, pandas for the row, the scaling step applied by hand, and XGBoost's
scikit-learn wrapper for predict_proba. It serves the same bundle files as `kiln serve`.

Run: BUNDLE=path/to/bundle /usr/bin/python3 -m uvicorn fastapi_app:app --port 8001
"""
import json
import os
from typing import List

import numpy as np
import pandas as pd
import xgboost as xgb
from fastapi import FastAPI
from pydantic import create_model

BUNDLE = os.environ["BUNDLE"]
manifest = json.load(open(os.path.join(BUNDLE, "bundle.json")))
steps = json.load(open(os.path.join(BUNDLE, "preprocessing.json")))["steps"]
features = manifest["features"]
threshold = manifest.get("threshold", 0.5)

model = xgb.XGBClassifier()
model.load_model(os.path.join(BUNDLE, manifest["model_file"]))

# One float field per input, as a hand-written pydantic class would declare them.
Transaction = create_model("Transaction", **{f["name"]: (float, ...) for f in manifest["inputs"]})

app = FastAPI()


def preprocess(df: pd.DataFrame) -> pd.DataFrame:
    for step in steps:
        cols = step["columns"]
        df[cols] = (df[cols] - np.array(step["offset"])) / np.array(step["scale"])
    return df[features]


@app.post("/predict")
def predict(tx: Transaction):
    df = preprocess(pd.DataFrame([tx.dict()]))
    proba = float(model.predict_proba(df)[0, 1])
    return {"probability": proba, "prediction": int(proba >= threshold)}


@app.post("/predict_batch")
def predict_batch(txs: List[Transaction]):
    df = preprocess(pd.DataFrame([t.dict() for t in txs]))
    proba = model.predict_proba(df)[:, 1]
    return {"predictions": [{"probability": float(p), "prediction": int(p >= threshold)}
                            for p in proba]}


@app.get("/hello")
def hello():
    return {"hello": "world"}
