# Trains seeded random models with early stopping (Debian's XGBoost 1.7.4), across objectives,
# boosters and both Python APIs, and prints per model what Python predicts for it by default.
# Input: line 1 {"seed": S, "cases": N}; line 2 the test matrix (rows x 6, NaN = missing, column 0
# holds category codes). Output: one JSON line per case: {"case", "desc", "model" (XGBoost JSON),
# "best" (best_iteration), "rounds", "pred" (what Python predicts by default, flattened), "full"
# (every tree, as a plain Booster.predict gives)}.
# "By default": a scikit-learn estimator's predict/predict_proba when trained through that API,
# else the model loaded into XGBRegressor (which honours best_iteration, as every estimator does).
import json
import os
import sys
import tempfile
import warnings

import numpy as np
import xgboost as xgb

warnings.simplefilter('ignore')
spec = json.loads(sys.stdin.readline())
X_test = np.array(json.loads(sys.stdin.readline()), dtype=np.float32).reshape(-1, 6)
KINDS = [
    ('binary:logistic', 'sklearn', {}), ('binary:logitraw', 'train', {}),
    ('binary:hinge', 'train', {}), ('reg:logistic', 'train', {}),
    ('multi:softprob', 'sklearn', {'num_class': 3}), ('multi:softmax', 'train', {'num_class': 3}),
    ('reg:squarederror', 'sklearn', {}), ('reg:squaredlogerror', 'train', {}),
    ('reg:absoluteerror', 'sklearn', {}), ('reg:pseudohubererror', 'train', {}),
    ('reg:gamma', 'sklearn', {}), ('reg:tweedie', 'train', {'tweedie_variance_power': 1.4}),
    ('count:poisson', 'sklearn', {}), ('survival:cox', 'train', {}),
    ('survival:aft', 'train', {'aft_loss_distribution': 'normal'}),
    ('rank:pairwise', 'train', {}), ('rank:ndcg', 'train', {}),
    ('binary:logistic', 'train', {'booster': 'dart', 'rate_drop': 0.2, 'skip_drop': 0.3}),
    ('multi:softprob', 'sklearn', {'booster': 'dart', 'rate_drop': 0.1, 'num_class': 3}),
    ('binary:logistic', 'sklearn', {'num_parallel_tree': 3, 'subsample': 0.7,
                                    'colsample_bynode': 0.7}),
    ('binary:logistic', 'train', {'tree_method': 'hist', 'max_cat_to_onehot': 1, 'cat': True}),
    ('reg:squarederror', 'sklearn', {'booster': 'gblinear'}),
]


def data(rng, objective, n):
    X = rng.normal(size=(n, 6)).astype(np.float32)
    X[:, 0] = rng.integers(0, 8, n)
    X[rng.random((n, 6)) < 0.08] = np.nan
    Z = np.nan_to_num(X)
    z = 0.8 * Z[:, 1] - 0.6 * Z[:, 2] + 0.3 * Z[:, 3] * Z[:, 4] + 0.4 * (Z[:, 0] % 3 == 1)
    noisy = z + rng.normal(size=n)  # heavy noise: boosting overfits and early stopping triggers
    positive = np.exp(0.5 * noisy)
    if objective.startswith('binary') or objective == 'rank:map':
        y = noisy > 0
    elif objective.startswith('multi'):
        y = np.digitize(noisy, [-0.5, 0.5])
    elif objective == 'reg:logistic':
        y = 1 / (1 + np.exp(-noisy))
    elif objective in ('reg:squaredlogerror', 'reg:gamma', 'reg:tweedie', 'survival:aft'):
        y = positive
    elif objective == 'count:poisson':
        y = rng.poisson(positive)
    elif objective == 'survival:cox':
        y = np.where(rng.random(n) < 0.3, -positive, positive)
    elif objective.startswith('rank'):
        y = np.digitize(noisy, [-0.5, 0.5, 1.2])
    else:
        y = noisy
    return X, y.astype(np.float32)


def matrix(X, y, objective, cat):
    kw = dict(feature_types=['c'] + ['q'] * 5, enable_categorical=True) if cat else {}
    if objective == 'survival:aft':
        d = xgb.DMatrix(X, **kw)
        d.set_float_info('label_lower_bound', y)
        d.set_float_info('label_upper_bound', np.where(np.arange(len(y)) % 3 == 0, np.inf, y))
        return d
    d = xgb.DMatrix(X, label=y, **kw)
    if objective.startswith('rank'):
        d.set_group([20] * (len(y) // 20))
    return d


def case(i):
    rng = np.random.default_rng([spec['seed'], i])
    objective, api, extra = KINDS[i % len(KINDS)]
    extra = dict(extra)
    cat = extra.pop('cat', False)
    n = int(rng.integers(10, 40)) * 20
    params = {'objective': objective, 'max_depth': int(rng.integers(2, 7)),
              'learning_rate': float(rng.uniform(0.3, 1.0)), 'nthread': 1, 'verbosity': 0,
              'seed': int(rng.integers(0, 1000)), **extra}
    patience = int(rng.integers(1, 6))
    X, y = data(rng, objective, n)
    cut = n // 2 // 20 * 20
    if api == 'sklearn':
        Est = xgb.XGBClassifier if objective.startswith(('binary', 'multi')) else xgb.XGBRegressor
        params.pop('num_class', None)
        est = Est(n_estimators=300, early_stopping_rounds=patience, **params)
        est.fit(X[:cut], y[:cut], eval_set=[(X[cut:], y[cut:])], verbose=False)
        booster = est.get_booster()
        pred = est.predict_proba(X_test) if Est is xgb.XGBClassifier else est.predict(X_test)
        if objective.startswith('binary'):
            pred = pred[:, 1]
    else:
        booster = xgb.train(params, matrix(X[:cut], y[:cut], objective, cat), 300,
                            evals=[(matrix(X[cut:], y[cut:], objective, cat), 'valid')],
                            early_stopping_rounds=patience, verbose_eval=False)
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, 'model.json')
            booster.save_model(path)
            est = xgb.XGBRegressor(booster=params.get('booster', 'gbtree'))
            est.load_model(path)
            pred = est.predict(X_test)
    linear = params.get('booster') == 'gblinear'
    full = booster.predict(xgb.DMatrix(X_test)) if linear else booster.inplace_predict(X_test)
    desc = f"{objective} via {api} {json.dumps(params, sort_keys=True)} n={n} patience={patience}"
    print(json.dumps({'case': i, 'desc': desc, 'model': booster.save_raw('json').decode(),
                      'best': int(booster.attr('best_iteration')),
                      'rounds': booster.num_boosted_rounds(),
                      'pred': np.asarray(pred, dtype=np.float32).ravel().tolist(),
                      'full': np.asarray(full, dtype=np.float32).ravel().tolist()}))


for i in range(spec['cases']):
    case(i)
