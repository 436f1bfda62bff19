#!/usr/bin/env bash
# bench/run data: the data path against baselines measured in the same run. In one JVM
# (DataBench): CSV read vs pandas read_csv, a generated 3M-row Parquet table read vs DuckDB
# filling its own table and vs the JDBC row path. Whole processes (JVM start included), best wall
# time of 3 with that run's CPU time (user + system) and the peak RSS, from /usr/bin/time:
# `kiln predict` CSV->CSV on the fraud rows vs the Python batch job bench/data/predict.py
# (pandas read_csv, the bundle's features and scaling, its linear or XGBoost model, to_csv), and
# `kiln predict` on a 3M-row Parquet file, copying every input column (through the launcher's
# batch JVM settings and with the JVM's defaults) and with --keep of one; and the issue's 3M-row
# trip table scored by a model trained on it, against bench/data/predict_trips.py.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$here"
work="${KILN_BENCH_WORK:-$(mktemp -d)}"
csv=examples/fraud-detection/data/01_raw/creditcard.csv
bundle=examples/fraud-detection/data/06_models/bundle
[ -d "$bundle" ] || ./kiln run --project examples/fraud-detection >/dev/null
./mvnw -q -B -DskipTests package -pl kiln-cli -am
java --add-opens=java.base/java.nio=ALL-UNNAMED -Xmx4g -cp bench/target/kiln-bench.jar \
  dev.kiln.bench.DataBench "$csv" "$work"

# best wall seconds of 3 runs, the CPU seconds (user + system) of that run and the largest peak
# RSS (MB), as "SECONDS CPU MB": the machine is shared, so CPU time is the figure to compare
# between changes and wall time the one the goals are stated in
measure() {
  local best="" cpu="" rss=0
  for _ in 1 2 3; do
    if ! /usr/bin/time -f "%e %U %S %M" -o "$work/time.txt" "$@" >/dev/null 2>"$work/err.txt"; then
      echo "failed: $*" >&2; tail -5 "$work/err.txt" >&2; exit 1
    fi
    read -r secs user sys kb < "$work/time.txt"
    if [ -z "$best" ] || python3 -c "import sys; sys.exit(not $secs < $best)"; then
      best=$secs; cpu=$(python3 -c "print(round($user + $sys, 2))")
    fi
    rss=$(( kb / 1024 > rss ? kb / 1024 : rss ))
  done
  echo "$best $cpu $rss"
}
line() {  # LABEL SECONDS CPU MB [TAIL]
  printf "%-44s %7.2f s wall %6.2f s CPU  peak RSS %5d MB%s\n" "$1" "$2" "$3" "$4" "${5:-}"
}
kiln=(./kiln)  # the launcher, with its batch JVM settings (docs/running.md)
rows=$(( $(wc -l < "$work/fraud-score.csv") - 1 ))
echo
echo "whole processes, best wall of 3; load average $(cut -d' ' -f1-3 /proc/loadavg)"
read -r k_s k_cpu k_mb <<< "$(measure "${kiln[@]}" predict "$bundle" \
  --input "$work/fraud-score.csv" --output "$work/kiln-out.csv")"
read -r p_s p_cpu p_mb <<< "$(measure /usr/bin/python3 bench/data/predict.py \
  "$work/fraud-score.csv" "$bundle" "$work/py-out.csv")"
/usr/bin/python3 - "$work" <<'PY'
import sys, pandas as pd
a = pd.read_csv(f"{sys.argv[1]}/kiln-out.csv"); b = pd.read_csv(f"{sys.argv[1]}/py-out.csv")
d = (a.probability - b.probability).abs().max()
assert d < 1e-5 and (a.prediction == b.prediction).all(), f"outputs differ: {d}"
print(f"kiln predict and the Python job agree: max |probability difference| {d:.1e}")
PY
line "kiln predict, $rows rows CSV->CSV" "$k_s" "$k_cpu" "$k_mb"
line "  Python: read_csv+features+model+to_csv" "$p_s" "$p_cpu" "$p_mb" \
  "$(python3 -c "print(f'   -> ratio {$k_s/$p_s:.2f} wall, {$k_cpu/$p_cpu:.2f} CPU (goal <= 0.5)')")"
read -r b_s b_cpu b_mb <<< "$(measure "${kiln[@]}" predict "$bundle" \
  --input "$work/fraud-3m.parquet" --output "$work/scored.parquet")"
line "kiln predict, 3M rows Parquet->Parquet" "$b_s" "$b_cpu" "$b_mb" \
  "$(python3 -c "print(f'   -> {3_000_000/$b_s:,.0f} rows/s (goal >= 1M)')")"
read -r j_s j_cpu j_mb <<< "$(KILN_JAVA_OPTS= measure "${kiln[@]}" predict "$bundle" \
  --input "$work/fraud-3m.parquet" --output "$work/scored.parquet")"
line "  the same with the JVM's defaults" "$j_s" "$j_cpu" "$j_mb"
read -r c_s c_cpu c_mb <<< "$(measure "${kiln[@]}" predict "$bundle" \
  --input "$work/fraud-3m.parquet" --output "$work/scored-kept.parquet" --keep Time)"
line "  the same, --keep Time (one input column)" "$c_s" "$c_cpu" "$c_mb" \
  "$(python3 -c "print(f'   -> {3_000_000/$c_s:,.0f} rows/s')")"

# The issue's 3M-row table: the generated trip table scored end to end by a model trained on it
# (`kiln new --from trips.parquet --target distance_m`, 20 rounds: XGBoost with native categorical
# zones), against the Python job bench/data/predict_trips.py (read_parquet, XGBoost, to_parquet).
trips="$work/trips.parquet"
[ -f "$trips" ] || java --add-opens=java.base/java.nio=ALL-UNNAMED -cp bench/target/kiln-bench.jar \
  dev.kiln.bench.TripsFile "$trips" 2>/dev/null
trips_bundle="$work/trips-model/data/06_models/bundle"
if [ ! -f "$trips_bundle/bundle.json" ]; then
  rm -rf "$work/trips-model"
  ./kiln new trips-model --from "$trips" --target distance_m --dir "$work" >/dev/null
  ./kiln run --project "$work/trips-model" --params train.rounds=20 >/dev/null 2>&1
fi
source bench/data/python.sh
read -r t_s t_cpu t_mb <<< "$(measure "${kiln[@]}" predict "$trips_bundle" --input "$trips" \
  --output "$work/trips-scored.parquet")"
read -r q_s q_cpu q_mb <<< "$(measure "$python" bench/data/predict_trips.py "$trips" \
  "$trips_bundle" "$work/trips-py.parquet")"
"$python" - "$work" <<'PY'
import sys, pandas as pd
a = pd.read_parquet(f"{sys.argv[1]}/trips-scored.parquet")
b = pd.read_parquet(f"{sys.argv[1]}/trips-py.parquet")
d = (a.prediction - b.prediction).abs().max()
assert d < 1e-3 and a.columns.tolist() == b.columns.tolist(), f"outputs differ: {d}"
print(f"kiln predict and the Python job agree on the trips: max |difference| {d:.1e}")
PY
line "kiln predict, 3M trips Parquet->Parquet" "$t_s" "$t_cpu" "$t_mb" \
  "$(python3 -c "print(f'   -> {3_000_000/$t_s:,.0f} rows/s (goal >= 1M)')")"
line "  Python: read_parquet+XGBoost+to_parquet" "$q_s" "$q_cpu" "$q_mb" \
  "$(python3 -c "print(f'   -> {3_000_000/$q_s:,.0f} rows/s, ratio {$t_s/$q_s:.2f} wall, {$t_cpu/$q_cpu:.2f} CPU')")"
echo "load average at the end $(cut -d' ' -f1-3 /proc/loadavg)"
[ -n "${KILN_BENCH_WORK:-}" ] || rm -rf "$work"
