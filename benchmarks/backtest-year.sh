#!/usr/bin/env bash
# Backtest speed on one-minute candles through the whole pipeline (BENCHMARKS.md, "Backtest speed"):
# 1. the real month of 1-minute BTC bars in ../shared (45,031 bars), and
# 2. a year of bars made from that month: 12 copies laid end to end, each shifted by the month's
#    length so time runs forward without gaps (540,372 bars, 375 days). The price path repeats and
#    jumps back at each seam, so the P&L of that run means nothing; it measures speed and whether
#    memory stays flat over a year-long run.
# Usage: benchmarks/backtest-year.sh [month|year|both] [--set key=value ...]   (default both; extra
# options go to `backtest`, e.g. `--set hummingbot.strategy.as-mm.symbols=OFF/OFF` to run the
# directional strategy alone, as Freqtrade's backtesting does). Needs python3 and a built
# bin/trading-system. Reports go to benchmarks/target/backtest-bench/<name><label>.json.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
shared="${TRADING_SHARED_DIR:-$root/../shared}"
month="$shared/data/ohlcv/nautilus_lgpl3/btc-perp-20211231-20220201_1m.csv"
out="$root/benchmarks/target/backtest-bench"
mkdir -p "$out"
if [ ! -f "$month" ]; then
  echo "backtest-year: $month not found (set TRADING_SHARED_DIR)" >&2
  exit 2
fi

year="$out/BTCUSDT-1m-year.csv"
if [ ! -f "$year" ]; then
  python3 - "$month" "$year" <<'EOF'
import csv, sys
from datetime import datetime, timezone
src, dst = sys.argv[1], sys.argv[2]
rows = []
with open(src) as f:
    for r in csv.DictReader(f):
        t = datetime.strptime(r["timestamp"], "%Y-%m-%d %H:%M:%S.%f").replace(tzinfo=timezone.utc)
        rows.append((int(t.timestamp() * 1000), r["open"], r["high"], r["low"], r["close"], r["volume"]))
span = rows[-1][0] - rows[0][0] + 60_000
with open(dst, "w") as f:
    f.write("timestamp,open,high,low,close,volume\n")
    for k in range(12):
        for t, o, h, l, c, v in rows:
            f.write(f"{t + k * span},{o},{h},{l},{c},{v}\n")
EOF
fi

mode="${1:-both}"
shift || true
label="${BENCH_LABEL:-}"

run() {
  local name="$1$label" data="$2"
  echo "== $name: $(($(wc -l < "$data") - 1)) bars ${*:3}"
  /usr/bin/time -v "$root/bin/trading-system" backtest --data "$data" --format ohlcv-csv --symbol BTC/USDT \
      --quiet --report "$out/$name.json" "${@:3}" 2> "$out/$name.time" | sed -n '/run report/,/orders digest/p'
  grep -E "Maximum resident set size|Elapsed \(wall" "$out/$name.time"
}

case "$mode" in
  month) run month "$month" "$@" ;;
  year) run year "$year" "$@" ;;
  both) run month "$month" "$@"; run year "$year" "$@" ;;
  *) echo "usage: $0 [month|year|both] [backtest options]" >&2; exit 2 ;;
esac
