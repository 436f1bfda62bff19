# Trains one small model per XGBoost objective/booster with Debian's XGBoost 1.7 and prints, per
# model, its JSON and its predictions for the test rows read from stdin (what Kiln must match).
# Input: one JSON line with the test matrix (rows x 6, NaN = missing). Output: one JSON line per
# model: {"name", "model" (XGBoost JSON text), "pred" (flattened), "how" (inplace or dmatrix)}.
import json
import sys

import numpy as np
import xgboost as xgb

X_test = np.array(json.loads(sys.stdin.readline()), dtype=np.float32).reshape(-1, 6)
rng = np.random.default_rng(11)
n = 800
X = rng.normal(size=(n, 6)).astype(np.float32)
X[:, 0] = rng.integers(0, 8, n)          # a categorical column (codes 0..7) for categorical models
X[rng.random((n, 6)) < 0.08] = np.nan
Z = np.nan_to_num(X)
z = 0.8 * Z[:, 1] - 0.6 * Z[:, 2] + 0.3 * Z[:, 3] * Z[:, 4] + 0.4 * (Z[:, 0] % 3 == 1)
noise = rng.normal(size=n)
binary = (z + 0.5 * noise > 0).astype(np.float32)
classes = np.digitize(z + 0.5 * noise, [-0.5, 0.5]).astype(np.float32)
positive = np.exp(0.5 * z + 0.2 * noise).astype(np.float32)
groups = [20] * (n // 20)
CAT = ['c', 'q', 'q', 'q', 'q', 'q']


def emit(name, params, label, rounds=12, cat=False, **info):
    kw = dict(feature_types=CAT, enable_categorical=True) if cat else {}
    d = xgb.DMatrix(X, label=label, **kw)
    for k, v in info.items():
        getattr(d, 'set_' + k)(v)
    booster = xgb.train({'nthread': 1, 'seed': 3, 'max_depth': 4, 'verbosity': 0, **params}, d, rounds)
    try:
        pred, how = booster.inplace_predict(X_test), 'inplace'
    except Exception:
        pred, how = booster.predict(xgb.DMatrix(X_test, **kw)), 'dmatrix'
    print(json.dumps({'name': name, 'model': booster.save_raw('json').decode(),
                      'pred': np.asarray(pred, dtype=np.float32).ravel().tolist(), 'how': how}))


emit('binary:logistic', {'objective': 'binary:logistic', 'base_score': 0.3}, binary)
emit('binary:logitraw', {'objective': 'binary:logitraw', 'base_score': 0.2}, binary)
emit('binary:hinge', {'objective': 'binary:hinge'}, binary)
emit('reg:logistic', {'objective': 'reg:logistic'}, 1 / (1 + np.exp(-z)))
emit('multi:softprob', {'objective': 'multi:softprob', 'num_class': 3}, classes)
emit('multi:softmax', {'objective': 'multi:softmax', 'num_class': 3}, classes)
emit('reg:squarederror', {'objective': 'reg:squarederror', 'base_score': 1.5}, z)
emit('reg:squaredlogerror', {'objective': 'reg:squaredlogerror'}, positive)
emit('reg:absoluteerror', {'objective': 'reg:absoluteerror'}, z)
emit('reg:pseudohubererror', {'objective': 'reg:pseudohubererror'}, z)
emit('reg:gamma', {'objective': 'reg:gamma'}, positive)
emit('reg:tweedie', {'objective': 'reg:tweedie', 'tweedie_variance_power': 1.4}, positive)
emit('count:poisson', {'objective': 'count:poisson'}, rng.poisson(positive).astype(np.float32))
emit('survival:cox', {'objective': 'survival:cox'},
     np.where(rng.random(n) < 0.3, -positive, positive))
d = xgb.DMatrix(X)
d.set_float_info('label_lower_bound', positive)
d.set_float_info('label_upper_bound', np.where(rng.random(n) < 0.3, np.inf, positive))
aft = xgb.train({'nthread': 1, 'seed': 3, 'max_depth': 4, 'verbosity': 0, 'objective': 'survival:aft',
                 'aft_loss_distribution': 'normal'}, d, 12)
print(json.dumps({'name': 'survival:aft', 'model': aft.save_raw('json').decode(),
                  'pred': aft.inplace_predict(X_test).ravel().tolist(), 'how': 'inplace'}))
relevance = np.digitize(z, [-0.5, 0.5, 1.2]).astype(np.float32)
for rank in ['rank:pairwise', 'rank:ndcg', 'rank:map']:
    emit(rank, {'objective': rank}, relevance if rank != 'rank:map' else binary, group=groups)
emit('gblinear reg:squarederror', {'booster': 'gblinear', 'objective': 'reg:squarederror'}, z)
emit('gblinear binary:logistic', {'booster': 'gblinear', 'objective': 'binary:logistic'}, binary)
emit('gblinear multi:softprob', {'booster': 'gblinear', 'objective': 'multi:softprob',
                                 'num_class': 3}, classes)
emit('dart binary:logistic', {'booster': 'dart', 'objective': 'binary:logistic',
                              'rate_drop': 0.3, 'skip_drop': 0.2}, binary)
emit('dart multi:softprob', {'booster': 'dart', 'objective': 'multi:softprob', 'num_class': 3,
                             'rate_drop': 0.2}, classes)
emit('categorical partition', {'objective': 'binary:logistic', 'tree_method': 'hist',
                               'max_cat_to_onehot': 1}, binary, cat=True)
emit('categorical one-hot', {'objective': 'reg:squarederror', 'tree_method': 'hist',
                             'max_cat_to_onehot': 64}, z, cat=True)
emit('random forest', {'objective': 'binary:logistic', 'num_parallel_tree': 4,
                       'subsample': 0.7, 'colsample_bynode': 0.7, 'eta': 1}, binary, rounds=2)
emit('multi-target', {'objective': 'reg:squarederror', 'tree_method': 'hist'},
     np.stack([z, positive], axis=1))
