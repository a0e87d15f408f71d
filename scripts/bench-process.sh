#!/usr/bin/env bash
# Briefs every Multi-News dev story one process per story, as a user
# scripting crosscheck would, and runs Debian's ots on the same stories the
# same way; prints both total wall times. What it measures is mostly process
# start-up: each story is two or three short articles.
#
# Usage: scripts/bench-process.sh [ROUNDS]   (default 3; SHARED=/path/to/shared
# overrides ../shared; CROSSCHECK_BIN=/path/to/crosscheck times that build
# instead of one of this tree). Rounds alternate which tool goes first; the figure is
# the median round's total. Needs python3 (to split the JSONL) and ots
# (apt-get install -y ots, done here when it is missing and apt-get can run).
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
    open(os.path.join(d, "ratio"), "w").write(str(ratio))
PY
stories=("$work"/stories/*)

now() { date +%s%N; }
run_crosscheck() {
  local t0 fails=0
  t0=$(now)
  for d in "${stories[@]}"; do
    "$work/crosscheck" brief --words 300 "$d"/a*.txt >/dev/null 2>&1 || fails=$((fails + 1))
  done
  echo "$(( ($(now) - t0) / 1000000 )) $fails"
}
run_ots() {
  local t0 fails=0 ratio
  t0=$(now)
  for d in "${stories[@]}"; do
    read -r ratio <"$d/ratio" # a builtin: no process beside ots's own
    ots --ratio="$ratio" "$d/all.ots" >/dev/null 2>&1 || fails=$((fails + 1))
  done
  echo "$(( ($(now) - t0) / 1000000 )) $fails"
}

cc=() ot=()
for ((r = 1; r <= rounds; r++)); do
  if ((r % 2)); then a=$(run_crosscheck); b=$(run_ots); else b=$(run_ots); a=$(run_crosscheck); fi
  cc+=("${a% *}") ot+=("${b% *}")
  echo "round $r: crosscheck brief ${a% *} ms (${a#* } failed), ots ${b% *} ms (${b#* } failed)"
done
median() { printf '%s\n' "$@" | sort -n | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }
mc=$(median "${cc[@]}") mo=$(median "${ot[@]}")
echo "${#stories[@]} stories, one process each, median of $rounds rounds on $(nproc) cores (load average $(cut -d' ' -f1-3 /proc/loadavg)):"
echo "crosscheck brief total ${mc} ms ($((mc / ${#stories[@]})) ms a story)"
echo "ots total ${mo} ms ($((mo / ${#stories[@]})) ms a story)"
awk -v a="$mc" -v b="$mo" 'BEGIN {printf "crosscheck / ots: %.2f\n", a / b}'
