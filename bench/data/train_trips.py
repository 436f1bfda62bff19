"""The Python training job Kiln's `kiln new --from trips.parquet --target distance_m` project is
compared with, written the usual way: pandas read_parquet, an 80/20 random split, 10% of the
training rows held out for early stopping, XGBoost (hist, native categorical zones, the same
parameters and rounds), then the test metrics. Usage: train_trips.py TRIPS.parquet ROUNDS"""
import sys

import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.model_selection import train_test_split

source, rounds = sys.argv[1], int(sys.argv[2])
df = pd.read_parquet(source)
for zone in ("pickup_zone", "dropoff_zone"):
    df[zone] = df[zone].astype("category")
df["pickup_time"] = df["pickup_time"].astype("int64") // 1000  # microseconds, as Kiln's feature
train, test = train_test_split(df, test_size=0.2, random_state=42)
fit, valid = train_test_split(train, test_size=0.1, random_state=43)
features = ["pickup_time", "passengers", "pickup_zone", "dropoff_zone"]
model = xgb.XGBRegressor(tree_method="hist", enable_categorical=True, max_depth=6,
                         learning_rate=0.1, n_estimators=rounds, early_stopping_rounds=20,
                         n_jobs=1, max_cat_to_onehot=1)
model.fit(fit[features], fit["distance_m"], eval_set=[(valid[features], valid["distance_m"])],
          verbose=False)
pred = model.predict(test[features])
rmse = float(np.sqrt(np.mean((pred - test["distance_m"].to_numpy()) ** 2)))
print(f"rows {len(df)}, train {len(fit)}, rmse {rmse:.1f}")
