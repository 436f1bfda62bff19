"""FastAPI tuned for speed: an async endpoint reading the raw JSON body (no pydantic model), run
by uvicorn with uvloop + httptools and 2 workers (OMP_NUM_THREADS=1). The model path is model.py.

Run: BUNDLE=... OMP_NUM_THREADS=1 /usr/bin/python3 -m uvicorn fastapi_app:app --workers 2 \
       --loop uvloop --http httptools --port 8001
"""
from fastapi import FastAPI, Request

import model

app = FastAPI()


@app.post("/predict")
async def predict(request: Request):
    return model.predict(await request.json())


@app.get("/ready")
async def ready():
    return {"ready": True}
