#!/usr/bin/env bash
# Briefs every Multi-News dev story one process per story, as a user
# scripting crosscheck would, and runs Debian's ots on the same stories the
# same way, story by story in alternating order; prints both total wall
# times. What it measures is mostly process start-up: each story is two or
# three short articles.
#
# Usage: scripts/bench-process.sh [ROUNDS]   (default 3; SHARED=/path/to/shared
# overrides ../shared; CROSSCHECK_BIN=/path/to/crosscheck times that build
# instead of one of this tree). The figure is the median round's total.
# Needs python3 (to split the JSONL) and ots (apt-get install -y ots, done
# here when it is missing and apt-get can run).
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-3}
shared=${SHARED:-../shared}
data="$shared/data/mds/multinews-dev.jsonl"
[ -f "$data" ] || { echo "bench-process: no $data (set SHARED=...)" >&2; exit 1; }
if ! command -v ots >/dev/null 2>&1; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ots >/dev/null
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if [ -n "${CROSSCHECK_BIN:-}" ]; then # a build to compare, e.g. of an older commit
  cp "$CROSSCHECK_BIN" "$work/crosscheck"
else
  go build -o "$work/crosscheck" ./cmd/crosscheck
fi

# One directory per story: each article a text file for crosscheck, the
# articles joined by a blank line for ots, and the ots ratio (percent) that
# gives about 300 words, as `crosscheck eval summarize` runs it.
python3 - "$data" "$work/stories" <<'PY'
import json, math, os, sys
src, out = sys.argv[1], sys.argv[2]
for n, line in enumerate(open(src, encoding="utf-8")):
    arts = [a["text"] for a in json.loads(line)["articles"]]
    d = os.path.join(out, "%03d" % n)
    os.makedirs(d)
    for i, t in enumerate(arts):
        open(os.path.join(d, "a%d.txt" % i), "w", encoding="utf-8").write(t)
    joined = "\n\n".join(arts)
    open(os.path.join(d, "all.ots"), "w", encoding="utf-8").write(joined)
    words = len(joined.split())
    ratio = min(100, max(1, math.ceil(100 * 300 / words))) if words else 100
    open(os.path.join(d, "ratio"), "w").write("%d\n" % ratio)
PY
stories=("$work"/stories/*)

# Times are read from bash's EPOCHREALTIME (no process of their own). Each
# story runs both tools back to back, in alternating order, so that both see
# the same load on a shared machine: the machine's load drifts over a round,
# and timing one tool's 150 runs and then the other's compared two different
# loads.
run_crosscheck() { # story dir
  local t0 t1
  t0=${EPOCHREALTIME/./}
  "$work/crosscheck" brief --words 300 "$1"/a*.txt >/dev/null 2>&1 || cc_fail=$((cc_fail + 1))
  t1=${EPOCHREALTIME/./}
  cc_us=$((cc_us + 10#$t1 - 10#$t0))
}
run_ots() { # story dir
  local t0 t1 ratio
  read -r ratio <"$1/ratio" # a builtin: no process beside ots's own
  t0=${EPOCHREALTIME/./}
  ots --ratio="$ratio" "$1/all.ots" >/dev/null 2>&1 || ot_fail=$((ot_fail + 1))
  t1=${EPOCHREALTIME/./}
  ot_us=$((ot_us + 10#$t1 - 10#$t0))
}

cc=() ot=()
for ((r = 1; r <= rounds; r++)); do
  cc_us=0 ot_us=0 cc_fail=0 ot_fail=0 i=0
  for d in "${stories[@]}"; do
    if (((i + r) % 2)); then run_crosscheck "$d"; run_ots "$d"; else run_ots "$d"; run_crosscheck "$d"; fi
    i=$((i + 1))
  done
  cc+=($((cc_us / 1000))) ot+=($((ot_us / 1000)))
  echo "round $r: crosscheck brief $((cc_us / 1000)) ms ($cc_fail failed), ots $((ot_us / 1000)) ms ($ot_fail failed), load average $(cut -d' ' -f1 /proc/loadavg)"
done
median() { printf '%s\n' "$@" | sort -n | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }
mc=$(median "${cc[@]}") mo=$(median "${ot[@]}")
echo "${#stories[@]} stories, one process each, median of $rounds rounds on $(nproc) cores (load average $(cut -d' ' -f1-3 /proc/loadavg)):"
echo "crosscheck brief total ${mc} ms ($((mc / ${#stories[@]})) ms a story)"
echo "ots total ${mo} ms ($((mo / ${#stories[@]})) ms a story)"
awk -v a="$mc" -v b="$mo" 'BEGIN {printf "crosscheck / ots: %.2f\n", a / b}'
