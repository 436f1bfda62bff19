#!/usr/bin/env bash
# Soak test: MINUTES (default 10) of mixed traffic against a real `kiln serve` on loopback.
#   - a fresh copy of the fraud example is trained (20,000 rows) and registered three times;
#     champion -> version 1, challenger -> version 3, served with --canary ...@challenger=10;
#   - CONNECTIONS (default 8) closed-loop clients send valid requests on every protocol (native,
#     KServe V2, MLflow records and CSV) and client mistakes (malformed JSON, unknown field,
#     repeated key, wrong type, unknown model, oversized body, wrong content type), each checked
#     against the status it must get;
#   - every MOVE_SECONDS (default 30) the champion alias moves between versions 1 and 2
#     (kiln models promote), picked up by hot reload;
#   - the server's RSS, threads and open files are sampled every 5 s.
# Prints requests, unexpected answers by kind, p50/p99, reload delays, RSS over time and growth
# verdicts; exits 1 on any unexpected answer or growth.
# Usage: bench/run soak [MINUTES]   (CONNECTIONS=8 MOVE_SECONDS=30 KILN_JAVA_OPTS=... to change)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
minutes="${1:-10}"
connections="${CONNECTIONS:-8}"
move_seconds="${MOVE_SECONDS:-30}"
max_body=262144
./kiln --version >/dev/null          # builds kiln-cli/target/kiln.jar if needed
jar="$root/kiln-cli/target/kiln.jar"
bench_jar="$root/bench/target/kiln-bench.jar"
tmp="$(mktemp -d)"
server=
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$tmp"; }
trap cleanup EXIT

project="$tmp/fraud-detection"
mkdir -p "$project"
cp -r examples/fraud-detection/conf examples/fraud-detection/src "$project/"
echo "Training the fraud example (20,000 rows) and registering it three times..."
java -jar "$jar" run --project "$project" --params raw_data.rows=20000 >"$tmp/run.log" 2>&1 \
  || { cat "$tmp/run.log" >&2; exit 1; }
bundle="$project/data/06_models/bundle"
for _ in 1 2 3; do java -jar "$jar" models register "$bundle" --project "$project" >/dev/null; done
java -jar "$jar" models promote fraud-detection 1 --project "$project" >/dev/null
java -jar "$jar" models promote fraud-detection 3 --alias challenger --project "$project" >/dev/null

port=$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
# shellcheck disable=SC2086
java ${KILN_JAVA_OPTS:--Xmx512m} -jar "$jar" serve fraud-detection@champion \
  --canary fraud-detection@challenger=10 --project "$project" --host 127.0.0.1 --port "$port" \
  --reload-interval 1s --max-body-bytes "$max_body" --log-dir "$tmp/predictions" \
  >"$tmp/serve.log" 2>&1 &
server=$!
until curl -sf -o /dev/null "http://127.0.0.1:$port/v2/health/ready"; do
  kill -0 "$server" 2>/dev/null || { cat "$tmp/serve.log" >&2; exit 1; }
  sleep 0.1
done
head -n 3 "$tmp/serve.log"
echo "Soak: $minutes min, $connections connections, champion moved every ${move_seconds}s."
status=0
java -Xmx1g -cp "$bench_jar" dev.kiln.bench.SoakBench "http://127.0.0.1:$port" "$server" \
  "$minutes" "$connections" "$jar" "$project" fraud-detection "$bundle" "$max_body" \
  "$move_seconds" || status=$?
echo "Server log: $(wc -l <"$tmp/serve.log") lines; warnings or errors:"
grep -E "WARN|ERROR|Exception" "$tmp/serve.log" | sort | uniq -c | sort -rn | head -n 10 || echo "  none"
exit "$status"
