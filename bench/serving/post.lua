-- wrk script: POST the JSON body in $BODY_FILE; with $DELAY_MS > 0 each connection waits that
-- long between requests (a paced, lower-rate run for latency at partial load).
local f = assert(io.open(os.getenv("BODY_FILE"), "r"))
wrk.method = "POST"
wrk.body = f:read("*a")
f:close()
wrk.headers["Content-Type"] = "application/json"
local pause = tonumber(os.getenv("DELAY_MS") or "0")

function delay()
  return pause
end

-- RESULT requests/s p50_ms p99_ms errors (non-2xx + socket) requests non-2xx
function done(summary, latency, requests)
  io.write(string.format("RESULT %.1f %.3f %.3f %d %d %d\n",
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.status + summary.errors.connect + summary.errors.read
      + summary.errors.write + summary.errors.timeout, summary.requests, summary.errors.status))
end
