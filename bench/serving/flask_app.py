"""Flask behind gunicorn, 2 sync workers, OMP_NUM_THREADS=1; the model path is model.py.

Run: BUNDLE=... OMP_NUM_THREADS=1 /usr/bin/python3 -m gunicorn -w 2 -b 127.0.0.1:8002 flask_app:app
"""
from flask import Flask, request

import model

app = Flask(__name__)


@app.post("/predict")
def predict():
    return model.predict(request.get_json())


@app.get("/ready")
def ready():
    return {"ready": True}
