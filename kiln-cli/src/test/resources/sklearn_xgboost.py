"""The plain Python script a data scientist would write: XGBoost on the same train/test rows.

Usage: sklearn_xgboost.py PROJECT TARGET TASK  (prints the metrics as JSON)
"""
import json
import sys

import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.metrics import log_loss, mean_squared_error, roc_auc_score

project, target, task = sys.argv[1:4]
train = pd.read_csv(f"{project}/data/05_model_input/train.csv")
test = pd.read_csv(f"{project}/data/05_model_input/test.csv")
params = dict(n_estimators=300, max_depth=6, learning_rate=0.1, tree_method="hist", n_jobs=1)
x_train, y_train = train.drop(columns=[target]), train[target]
x_test, y_test = test.drop(columns=[target]), test[target]
if task == "binary":
    model = xgb.XGBClassifier(**params).fit(x_train, y_train)
    p = model.predict_proba(x_test)[:, 1]
    out = {"roc_auc": roc_auc_score(y_test, p), "log_loss": log_loss(y_test, p),
           "accuracy_at_0.5": float(np.mean((p >= 0.5) == y_test))}
else:
    model = xgb.XGBRegressor(**params).fit(x_train, y_train)
    out = {"rmse": float(np.sqrt(mean_squared_error(y_test, model.predict(x_test))))}
print(json.dumps(out))
