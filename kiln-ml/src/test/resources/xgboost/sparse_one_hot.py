# Oracle for SparseOneHotOracleTest: scikit-learn's sparse OneHotEncoder and XGBoost 1.7 on the
# rows Kiln sends. Reads {"train": {...}, "test": {...}, "encoders": [...], "params": {...},
# "rounds": n, "kiln_model": "<json>"} and prints the feature names, the predictions of a model
# Python trains on the sparse matrix, that model, and Python's predictions of Kiln's model.
# A missing category (None) is left out of the encoder's fit and leaves its row of the block
# empty, which is how Kiln encodes it (scikit-learn itself would make it a category).
import json
import sys

import numpy as np
import scipy.sparse as sp
import xgboost as xgb
from sklearn.preprocessing import OneHotEncoder

d = json.load(sys.stdin)


def column(part, name):
    return [v for v in d[part][name]]


def present(values):
    rows = [i for i, v in enumerate(values) if v is not None]
    x = np.array([values[i] for i in rows], dtype=object).reshape(-1, 1)
    return rows, x


def block(encoder, values):
    rows, x = present(values)
    encoded = encoder.transform(x).tocoo()
    return sp.csr_matrix((encoded.data, (np.array(rows)[encoded.row], encoded.col)),
                         shape=(len(values), encoded.shape[1]))


names, encoders = [], []
for spec in d["encoders"]:
    _, x = present(column("train", spec["column"]))
    e = OneHotEncoder(handle_unknown=spec["handle_unknown"], max_categories=spec["max_categories"],
                      min_frequency=spec["min_frequency"], sparse_output=True).fit(x)
    encoders.append((spec["column"], e))
    names += list(e.get_feature_names_out([spec["column"]]))
names += d["numeric"]


def matrix(part):
    blocks = [block(e, column(part, c)) for c, e in encoders]
    numbers = np.array([[np.nan if v is None else v for v in d[part][n]] for n in d["numeric"]],
                       dtype=np.float64).T
    return sp.hstack(blocks + [sp.csr_matrix(numbers)], format="csr")


train, test = matrix("train"), matrix("test")
assert not np.any(test.data == 0) and not np.any(train.data == 0)
dtrain = xgb.DMatrix(train, label=np.array(d["train"]["y"]), missing=np.nan)
booster = xgb.train(d["params"], dtrain, d["rounds"])
dtest = xgb.DMatrix(test, missing=np.nan)
kiln = xgb.Booster()
kiln.load_model(bytearray(d["kiln_model"], "utf-8"))
print(json.dumps({
    "names": names,
    "python": booster.predict(dtest).tolist(),
    "python_model": booster.save_raw("json").decode(),
    "kiln_model_in_python": kiln.predict(dtest, validate_features=False).tolist(),
    "nnz": int(train.nnz),
}))
