#!/usr/bin/env bash
# million.sh builds (or resumes) a large archive made from the public data
# and measures it as a user would. Outside CI: it takes an hour or more.
#
#   scripts/million.sh DIR [N] [DB BASEDB]
#
# DIR keeps the archive (archive.db, or the PostgreSQL database named by
# DB), the fill's log, the built binaries and the figures (figures.txt);
# N is the number of stored articles to reach (default 1,000,000); DB is
# "postgres:<dsn>" to fill PostgreSQL (default: SQLite in DIR), BASEDB
# then another database for the 1,000-article baseline, which the script
# empties at each run (it drops and recreates the schema the store writes
# in: whatever BASEDB held is lost). Run again, it resumes the fill where
# it stopped (N at most what is stored: no fill), then measures again.
#
# 1. Fill: BenchmarkMillion (internal/ingest/million_bench_test.go) places
#    the stream of re-dated, recombined public articles through the
#    ingest engine up to N, then places 600 more with a new engine and
#    reports their per-article clustering and store cost (the first 300
#    after the start, cold, and the next 300), and writes the stream's
#    next articles as DIR/next-NN.jsonl.
# 2. Baseline: the same benchmark on a fresh archive of 1,000 (the cost to
#    compare with).
# 3. Commands, each a new process, timed by /usr/bin/time (wall, peak RSS):
#    crosscheck ingest of one next article (5 runs, a new article each),
#    crosscheck stories (first page) and crosscheck story ID (5 runs each);
#    medians.
# 4. Database bytes per stored article.
set -euo pipefail

dir=${1:?usage: scripts/million.sh DIR [N] [DB BASEDB]}
n=${2:-1000000}
db=${3:-sqlite:$dir/archive.db}
basedb=${4:-}
if [[ -n $basedb && $basedb == "$db" ]]; then
	echo "million.sh: BASEDB is the archive's database; the baseline needs another (it is emptied at each run)" >&2
	exit 2
fi
repo=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
out=$dir/figures.txt

cd "$repo"
go build -o "$dir/crosscheck" ./cmd/crosscheck
go test -c -o "$dir/million.test" ./internal/ingest

bench() { # dir n db
	(cd "$repo/internal/ingest" && CROSSCHECK_MILLION_DIR=$1 CROSSCHECK_MILLION_N=$2 CROSSCHECK_MILLION_DB=$3 \
		"$dir/million.test" -test.run '^$' -test.bench '^BenchmarkMillion$' -test.benchtime 1x -test.timeout 0)
}

{
	echo "# $(date -u +%FT%TZ) $(uname -m), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
	echo "# load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
} >"$out"

# 1. Fill (resumes) and measure at N.
bench "$dir" "$n" "$db" 2>>"$dir/fill.log" | tee -a "$dir/fill.log" | grep Benchmark | sed "s/^/stored=$n: /" >>"$out"

# 2. The same measurement at 1,000 stored, on an empty archive: a new
# SQLite file, or the PostgreSQL baseline database emptied (a rerun would
# otherwise resume the baseline at 1,600).
base=$dir/base1k
rm -rf "$base"
basedb=${basedb:-sqlite:$base/archive.db}
if [[ $basedb == postgres:* ]]; then
	PGOPTIONS="-c client_min_messages=warning" psql "${basedb#postgres:}" -v ON_ERROR_STOP=1 -q <<'SQL'
DO $$
DECLARE s text := current_schema();
BEGIN
	IF s IS NULL THEN
		RAISE EXCEPTION 'million.sh: the baseline database has no schema in its search_path';
	END IF;
	EXECUTE format('DROP SCHEMA %I CASCADE', s);
	EXECUTE format('CREATE SCHEMA %I', s);
END $$;
SQL
fi
bench "$base" 1000 "$basedb" 2>/dev/null | grep Benchmark | sed 's/^/stored=1000: /' >>"$out"
rm -rf "$base"

dsn=${db#sqlite:}
dsn=${dsn#postgres:}

# timed CMD...: prints "wall_s maxrss_kb" of one run.
timed() {
	/usr/bin/time -f '%e %M' -o "$dir/time.txt" "$@" >"$dir/cmd.out" 2>"$dir/cmd.err" || {
		cat "$dir/cmd.err" >&2
		return 1
	}
	cat "$dir/time.txt"
}
median() { sort -n | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }

# 3. One new article, ingested by a new process, 5 times (a new one each).
: >"$dir/ingest.txt"
for i in 0 1 2 3 4; do
	timed "$dir/crosscheck" ingest "$dir/next-0$i.jsonl" --db "$dsn" >>"$dir/ingest.txt"
done
sid=$("$dir/crosscheck" stories --db "$dsn" --format json --limit 1 | grep -m1 -o '"id": *"[^"]*"' | sed 's/.*"\([^"]*\)"$/\1/')
: >"$dir/stories.txt"
: >"$dir/story.txt"
for i in 0 1 2 3 4; do
	timed "$dir/crosscheck" stories --db "$dsn" >>"$dir/stories.txt"
	timed "$dir/crosscheck" story "$sid" --db "$dsn" >>"$dir/story.txt"
done
for c in ingest stories story; do
	echo "$c: wall median $(cut -d' ' -f1 "$dir/$c.txt" | median) s (runs: $(cut -d' ' -f1 "$dir/$c.txt" | xargs)); peak RSS median $(cut -d' ' -f2 "$dir/$c.txt" | median) KB" >>"$out"
done

# 4. Bytes per article.
if [[ $db == sqlite:* ]]; then
	bytes=$(du -cb "$dsn"* | tail -1 | cut -f1)
	articles=$(sqlite3 "$dsn" 'SELECT count(*) FROM articles' 2>/dev/null || echo 0)
else
	bytes=$(psql "$dsn" -Atc 'SELECT pg_database_size(current_database())')
	articles=$(psql "$dsn" -Atc 'SELECT count(*) FROM articles')
fi
echo "database: $bytes bytes, $articles articles, $((bytes / (articles > 0 ? articles : 1))) bytes an article" >>"$out"
echo "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$out"
cat "$out"
