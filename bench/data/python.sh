# Sourced by the data benchmarks: sets $python to a Python with pandas and pyarrow (pandas reads
# and writes Parquet through pyarrow). Where Debian's Python lacks pyarrow, a virtual environment
# over Debian's packages under $work takes it from this machine's local wheel files (no index is
# asked).
python=/usr/bin/python3
if ! "$python" -c "import pyarrow" 2>/dev/null; then
  venv="$work/venv"
  [ -x "$venv/bin/python" ] || "$python" -m venv --system-site-packages "$venv"
  if ! "$venv/bin/python" -c "import pyarrow" 2>/dev/null; then
    "$venv/bin/pip" install -q --no-index --find-links /opt/pypi/files pyarrow >&2 || {
      echo "the Python baseline needs pyarrow (pandas.read_parquet); install it for $python" >&2
      exit 1; }
  fi
  python="$venv/bin/python"
fi
