#!/usr/bin/env bash
# Small-file A/B check for rackside-s3: 2,000 × 64 KiB `cp --recursive` up and down against a
# private S3Proxy (filesystem store, same flags as run.sh), alternating several builds of the CLI in
# one run so machine load hits them alike. Prints client CPU (user+sys from /usr/bin/time -v) and
# wall medians per variant. Much shorter than run.sh: use it to judge one change, not as the
# issue-4 result.
#
#   bench/s3/small-files.sh base=/tmp/a/rackside-s3 new=s3-engine/target/rackside-s3
#   RUNS=7 bench/s3/small-files.sh base=DIR/rackside-s3 'c1=DIR/rackside-s3|-XX:TieredStopAtLevel=1'
#
# Each argument is NAME=LAUNCHER[|EXTRA JAVA OPTS]. Copy a build's launcher, jar and AOT cache
# elsewhere with `cp -p` first (the launcher only takes a cache newer than the jar).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
export JAVA_HOME=${JAVA_HOME_25:-/usr/lib/jvm/temurin-25-jdk-amd64}
RUNS=${RUNS:-5}
SMALL_N=${SMALL_N:-2000}
SMALL_KIB=${SMALL_KIB:-64}
WORK=${WORK:-/tmp/rackside-s3-small}
PORT=${PORT:-18093}
# Off by default: dropping the page cache disturbs everyone else on a shared box, and a CPU
# comparison of two builds does not need a cold cache.
DROP_CACHES=${DROP_CACHES:-0}
[ $# -ge 1 ] || { sed -n '2,12p' "$0"; exit 2; }

log() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

names=(); launchers=(); opts=()
for spec in "$@"; do
  names+=("${spec%%=*}"); rest=${spec#*=}
  launchers+=("$(readlink -f "${rest%%|*}")")
  if [[ $rest == *"|"* ]]; then opts+=("${rest#*|}"); else opts+=(""); fi
done

mkdir -p "$WORK"/{tools,store,logs}
S3PROXY_JAR=${S3PROXY_JAR:-/tmp/rackside-s3-bench/tools/s3proxy-4.1.0-jar-with-dependencies.jar}
if [ ! -f "$S3PROXY_JAR" ]; then
  S3PROXY_JAR="$WORK/tools/s3proxy-4.1.0-jar-with-dependencies.jar"
  [ -f "$S3PROXY_JAR" ] || (cd "$repo" && ./mvnw -B -q dependency:copy \
      -Dartifact=org.gaul:s3proxy:4.1.0:jar:jar-with-dependencies -DoutputDirectory="$WORK/tools")
fi

# shellcheck source=common.sh
. "$here/common.sh"
client_env "$PORT" "$WORK"
rm -rf "$WORK/store" && mkdir -p "$WORK/store/bench"   # the bucket is a folder in this store
start_s3proxy "$PORT" "$WORK" "$S3PROXY_JAR"
cleanup() {
  kill "$S3PROXY_PID" 2>/dev/null || true
  wait "$S3PROXY_PID" 2>/dev/null || true
  # The data stays for the next run (data.ok); CLEAN=1 removes it too.
  rm -rf "$WORK/store" "$WORK/out"
  [ "${CLEAN:-0}" = 0 ] || rm -rf "$WORK/data" "$WORK/data.ok"
}
trap cleanup EXIT
for _ in $(seq 1 200); do curl -s -o /dev/null "http://127.0.0.1:$PORT/" && break; sleep 0.1; done

if [ ! -f "$WORK/data.ok" ] || [ "$(cat "$WORK/data.ok")" != "$SMALL_N x $SMALL_KIB" ]; then
  log "creating $SMALL_N x $SMALL_KIB KiB random files"
  rm -rf "$WORK/data" && mkdir -p "$WORK/data/small"
  make_small_files "$WORK/data/small" "$SMALL_N" "$SMALL_KIB" "$WORK/small.sha256"
  echo "$SMALL_N x $SMALL_KIB" >"$WORK/data.ok"
fi

# timed NAME ROUND OP LAUNCHER OPTS ARGS...: one run under /usr/bin/time; appends "cpu wall" to a file
timed() {
  local name=$1 round=$2 op=$3 launcher=$4 o=$5; shift 5
  sync
  if [ "$DROP_CACHES" = 1 ] && [ -w /proc/sys/vm/drop_caches ]; then echo 3 >/proc/sys/vm/drop_caches; fi
  local t="$WORK/logs/time.$name.$op.$round" start end
  start=$(date +%s.%N)
  local rc
  RACKSIDE_S3_JAVA_OPTS="$o" /usr/bin/time -v -o "$t" "$launcher" --journal "$WORK/journal.$name.db" "$@" \
    >"$WORK/logs/out.$name.$op.$round" 2>&1 && rc=0 || rc=$?
  # `ls` of the empty prefix exits 1 ("nothing there"), as aws-cli's does.
  if [ "$rc" != 0 ] && ! { [ "$op" = ls ] && [ "$rc" = 1 ]; }; then
    log "FAILED: $name $op (see $WORK/logs/out.$name.$op.$round)"; exit 1
  fi
  end=$(date +%s.%N)
  awk -v wall="$(echo "$end - $start" | bc)" '/User time/ {u=$NF} /System time/ {s=$NF}
      END {printf "%.2f %.2f\n", u + s, wall}' "$t" >>"$WORK/logs/res.$name.$op"
}

rm -f "$WORK"/logs/res.*
# One untimed round trip first, so S3Proxy's own JIT warm-up is not charged to the first variant.
"${launchers[0]}" --journal "$WORK/journal.warm.db" cp "$WORK/data/small" "s3://bench/warm/" --recursive >/dev/null
"${launchers[0]}" --journal "$WORK/journal.warm.db" cp "s3://bench/warm/" "$WORK/out" --recursive >/dev/null
rm -rf "$WORK/out" "$WORK/store/bench/warm"
log "S3Proxy up; $RUNS rounds of ${names[*]} (load: $(cut -d' ' -f1-3 /proc/loadavg))"
n=${#names[@]}
for round in $(seq 1 "$RUNS"); do
  for k in $(seq 0 $((n - 1))); do
    i=$(( (k + round - 1) % n ))   # rotate the order each round
    name=${names[$i]}; prefix="$name-$round"
    timed "$name" "$round" ls "${launchers[$i]}" "${opts[$i]}" ls "s3://bench/none/"
    timed "$name" "$round" up "${launchers[$i]}" "${opts[$i]}" cp "$WORK/data/small" "s3://bench/$prefix/" --recursive
    rm -rf "$WORK/out"
    timed "$name" "$round" down "${launchers[$i]}" "${opts[$i]}" cp "s3://bench/$prefix/" "$WORK/out" --recursive
    if ! diff -q <(cd "$WORK/out" && sha256sum -- * | sort) "$WORK/small.sha256" >/dev/null; then
      log "SHA-256 MISMATCH after $name round $round"; exit 1
    fi
    rm -rf "$WORK/store/bench/$prefix" "$WORK/out"
    log "round $round $name: ls $(tail -1 "$WORK/logs/res.$name.ls") up $(tail -1 "$WORK/logs/res.$name.up") down $(tail -1 "$WORK/logs/res.$name.down") (cpu wall; load $(cut -d' ' -f1 /proc/loadavg))"
  done
done

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
printf '\n%-12s %-22s %-22s %-22s\n' variant "ls cpu/wall s" "up cpu/wall s" "down cpu/wall s"
for name in "${names[@]}"; do
  row=$(printf '%-12s' "$name")
  for op in ls up down; do
    f="$WORK/logs/res.$name.$op"
    row+=$(printf ' %-22s' "$(cut -d' ' -f1 "$f" | median) / $(cut -d' ' -f2 "$f" | median)")
  done
  echo "$row"
done
echo "medians of $RUNS rounds, $SMALL_N x $SMALL_KIB KiB, all downloads matched their SHA-256; raw: $WORK/logs/res.*"
