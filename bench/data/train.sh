#!/usr/bin/env bash
# bench/run trips-train [ROUNDS]: the training pipeline a new user gets from
# `kiln new --from trips.parquet --target distance_m` (validate, split, XGBoost with native
# categorical zones, evaluate, bundle) on the generated 3M-row trip table (TripTable: a local
# timestamp, two integers, two strings of 231 zone names), as whole processes: wall time, CPU time
# and peak RSS from /usr/bin/time, best wall of 2, the largest RSS. Kiln through the launcher's
# batch JVM settings and with the JVM's defaults (KILN_JAVA_OPTS=), against the Python job
# bench/data/train_trips.py (pandas read_parquet, the same split, features, parameters, rounds).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$here"
rounds="${1:-20}"
work="${KILN_BENCH_WORK:-$(mktemp -d)}"
./mvnw -q -B -DskipTests package -pl kiln-cli -am
trips="$work/trips.parquet"
[ -f "$trips" ] || java --add-opens=java.base/java.nio=ALL-UNNAMED -cp bench/target/kiln-bench.jar \
  dev.kiln.bench.TripsFile "$trips" 2>/dev/null

source bench/data/python.sh

project="$work/trips-model"
rm -rf "$project"
./kiln new trips-model --from "$trips" --target distance_m --dir "$work" >/dev/null

# best wall seconds of 2 runs, their CPU seconds and the largest peak RSS (MB): "WALL CPU MB"
measure() {
  local best="" cpu="" rss=0
  for _ in 1 2; do
    if ! /usr/bin/time -f "%e %U %S %M" -o "$work/time.txt" "$@" >"$work/out.txt" 2>&1; then
      echo "failed: $*" >&2; tail -20 "$work/out.txt" >&2; exit 1
    fi
    read -r secs user sys kb < "$work/time.txt"
    if [ -z "$best" ] || python3 -c "import sys; sys.exit(not $secs < $best)"; then
      best=$secs; cpu=$(python3 -c "print(round($user + $sys, 1))")
    fi
    rss=$(( kb / 1024 > rss ? kb / 1024 : rss ))
  done
  echo "$best $cpu $rss"
}
run=(./kiln run --project "$project" --no-cache --params "train.rounds=$rounds")
read -r k_s k_cpu k_mb <<< "$(measure "${run[@]}")"
read -r d_s d_cpu d_mb <<< "$(KILN_JAVA_OPTS= measure "${run[@]}")"
read -r p_s p_cpu p_mb <<< "$(measure "$python" bench/data/train_trips.py "$trips" "$rounds")"
echo "3,000,000 trips, train on 80% (10% of it held out for early stopping), $rounds rounds;" \
  "load average $(cut -d' ' -f1-3 /proc/loadavg)"
printf "%-46s %7.1f s wall %6.1f s CPU  peak RSS %5d MB\n" \
  "kiln run (launcher's batch JVM settings)" "$k_s" "$k_cpu" "$k_mb" \
  "kiln run (JVM defaults, KILN_JAVA_OPTS=)" "$d_s" "$d_cpu" "$d_mb" \
  "Python: read_parquet + split + XGBoost" "$p_s" "$p_cpu" "$p_mb"
printf "peak RSS ratio kiln / Python: %.2f (goal <= 1; JVM defaults %.2f)\n" \
  "$(python3 -c "print($k_mb / $p_mb)")" "$(python3 -c "print($d_mb / $p_mb)")"
[ -n "${KILN_BENCH_WORK:-}" ] || rm -rf "$work"
