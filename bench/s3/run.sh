#!/usr/bin/env bash
# Rackside S3 benchmark (issue 4 "Performance"): rackside-s3 vs aws-cli v2 and rclone (tuned)
# against S3Proxy 4.1.0 `filesystem` on loopback. Writes bench/s3/RESULTS.md.
#
#   bench/s3/run.sh                       # everything: 3 rounds + 10 GiB heap check
#   RUNS=5 HEAP_GIB=0 bench/s3/run.sh     # 5 rounds, skip the 10 GiB check
#
# Needs root for apt-get (only if aws/rclone/time are missing) and for dropping the page cache.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
export JAVA_HOME=${JAVA_HOME_25:-/usr/lib/jvm/temurin-25-jdk-amd64}

RUNS=${RUNS:-3}                        # rounds; medians need ≥ 3
BIG_MIB=${BIG_MIB:-2048}               # the big file
SMALL_N=${SMALL_N:-2000}               # small files ...
SMALL_KIB=${SMALL_KIB:-64}             # ... of this size
HEAP_GIB=${HEAP_GIB:-10}               # heap check file (0 = skip)
HEAP_XMX=${HEAP_XMX:-1g}               # rackside-s3 heap limit for the heap check
WORK=${WORK:-/tmp/rackside-s3-bench}   # data, S3Proxy store, downloads (deleted at the end)
PORT=${PORT:-18091}
DROP_CACHES=${DROP_CACHES:-1}          # 1 = sync + drop the page cache before every timed operation
RCLONE_FLAGS=(--transfers 16 --s3-upload-concurrency 8 --s3-chunk-size 64M --multi-thread-streams 8)
RESULTS=${RESULTS:-$here/RESULTS.md}
TOOLS=(rackside aws rclone)
# An informational variant, not a peer: rackside-s3 with the C2 JIT off (EXTRA_VARIANT=0 to skip).
[ "${EXTRA_VARIANT:-1}" = 1 ] && TOOLS+=(rackside-c1)

log() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

# ---------------------------------------------------------------- setup (untimed)
need=()
[ -x /usr/bin/aws ] || need+=(awscli)
command -v rclone >/dev/null || need+=(rclone)
[ -x /usr/bin/time ] || need+=(time)
if [ ${#need[@]} -gt 0 ]; then
  log "installing ${need[*]}"
  apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${need[@]}"
fi
AWS=/usr/bin/aws   # Debian's aws-cli v2; a pyenv `aws` on the PATH may be v1
RCLONE=$(command -v rclone)

mkdir -p "$WORK"/{tools,store,data,out,logs}
S3PROXY_JAR="$WORK/tools/s3proxy-4.1.0-jar-with-dependencies.jar"
if [ ! -f "$S3PROXY_JAR" ]; then
  log "fetching S3Proxy 4.1.0 from Maven Central"
  (cd "$repo" && ./mvnw -B -q dependency:copy -Dartifact=org.gaul:s3proxy:4.1.0:jar:jar-with-dependencies \
      -DoutputDirectory="$WORK/tools")
fi
log "building rackside-s3"
# The reactor builds the parent too, so nothing is installed into the shared ~/.m2.
(cd "$repo" && ./mvnw -B -q -pl s3-engine -am package -DskipTests)
# Run a private copy: others rebuilding s3-engine/target while the benchmark runs must not swap the
# jar under a running JVM (that happened once: classes failed to load mid-transfer).
rm -rf "$WORK/tools/rackside" && mkdir -p "$WORK/tools/rackside"
# -p keeps the mtimes: the launcher uses the AOT cache only if it is newer than the jar.
cp -p "$repo/s3-engine/target/rackside-s3" "$repo/s3-engine/target/rackside-s3.jar" "$WORK/tools/rackside/"
cp -p "$repo/s3-engine/target/rackside-s3.aot" "$repo/s3-engine/target/rackside-s3.aot.jdk" "$WORK/tools/rackside/" 2>/dev/null \
  || log "no AOT cache in s3-engine/target: rackside-s3 runs without it"
cp -rp "$repo/s3-engine/target/rackside-s3.native" "$WORK/tools/rackside/" 2>/dev/null \
  || log "no unpacked SQLite library in s3-engine/target: sqlite-jdbc extracts its own at each start"
RACKSIDE="$WORK/tools/rackside/rackside-s3"
ENGINE_STATE="jar built $(date -u '+%Y-%m-%d %H:%M UTC') from the working tree (git $(cd "$repo" && git rev-parse --short HEAD)$(cd "$repo" && git diff --quiet HEAD -- s3-engine || echo ', with uncommitted s3-engine changes')), sha256 $(sha256sum "$RACKSIDE.jar" | cut -c1-12)"

# shellcheck source=common.sh
. "$here/common.sh"
client_env "$PORT" "$WORK"
cat >"$WORK/rclone.conf" <<EOF
[bench]
type = s3
provider = Other
access_key_id = local-identity
secret_access_key = local-credential
endpoint = http://127.0.0.1:$PORT
region = us-east-1
force_path_style = true
EOF
BUCKET=bench

log "starting S3Proxy on 127.0.0.1:$PORT"
start_s3proxy "$PORT" "$WORK" "$S3PROXY_JAR"
cleanup() {
  kill "$S3PROXY_PID" 2>/dev/null || true
  wait "$S3PROXY_PID" 2>/dev/null || true
  [ "${KEEP_WORK:-0}" = 1 ] || rm -rf "$WORK/store" "$WORK/data" "$WORK/out"
}
trap cleanup EXIT
for _ in $(seq 1 200); do
  curl -s -o /dev/null "http://127.0.0.1:$PORT/" && break
  sleep 0.1
done
"$AWS" --endpoint-url "$AWS_ENDPOINT_URL" s3 mb "s3://$BUCKET" >/dev/null

log "creating data: ${BIG_MIB} MiB file and ${SMALL_N} x ${SMALL_KIB} KiB files (random bytes)"
rm -rf "$WORK/data" && mkdir -p "$WORK/data/small"
head -c $((BIG_MIB * 1024 * 1024)) /dev/urandom >"$WORK/data/big.bin"
make_small_files "$WORK/data/small" "$SMALL_N" "$SMALL_KIB" "$WORK/small.sha256"
BIG_SHA=$(sha256sum "$WORK/data/big.bin" | cut -d' ' -f1)

# ---------------------------------------------------------------- one timed operation
drop_caches() {
  sync
  if [ "$DROP_CACHES" = 1 ] && [ -w /proc/sys/vm/drop_caches ]; then echo 3 >/proc/sys/vm/drop_caches; fi
}

# cmd TOOL OP PREFIX: prints the command line for one tool and operation
cmd() {
  local tool=$1 op=$2 p=$3 s3="s3://$BUCKET/$3"
  local pre=""
  if [ "$tool" = rackside-c1 ]; then tool=rackside; pre="env RACKSIDE_S3_JAVA_OPTS=-XX:TieredStopAtLevel=1 "; fi
  echo -n "$pre"
  case "$tool:$op" in
    rackside:up_big)     echo "$RACKSIDE --journal $WORK/rackside-journal.db cp $WORK/data/big.bin $s3/big.bin" ;;
    rackside:down_big)   echo "$RACKSIDE --journal $WORK/rackside-journal.db cp $s3/big.bin $WORK/out/big.bin" ;;
    rackside:up_small)   echo "$RACKSIDE --journal $WORK/rackside-journal.db cp $WORK/data/small $s3/small/ --recursive" ;;
    rackside:down_small) echo "$RACKSIDE --journal $WORK/rackside-journal.db cp $s3/small/ $WORK/out/small --recursive" ;;
    aws:up_big)          echo "$AWS --endpoint-url $AWS_ENDPOINT_URL s3 cp --only-show-errors $WORK/data/big.bin $s3/big.bin" ;;
    aws:down_big)        echo "$AWS --endpoint-url $AWS_ENDPOINT_URL s3 cp --only-show-errors $s3/big.bin $WORK/out/big.bin" ;;
    aws:up_small)        echo "$AWS --endpoint-url $AWS_ENDPOINT_URL s3 cp --only-show-errors --recursive $WORK/data/small $s3/small/" ;;
    aws:down_small)      echo "$AWS --endpoint-url $AWS_ENDPOINT_URL s3 cp --only-show-errors --recursive $s3/small/ $WORK/out/small" ;;
    rclone:up_big)       echo "$RCLONE --config $WORK/rclone.conf ${RCLONE_FLAGS[*]} copyto $WORK/data/big.bin bench:$BUCKET/$p/big.bin" ;;
    rclone:down_big)     echo "$RCLONE --config $WORK/rclone.conf ${RCLONE_FLAGS[*]} copyto bench:$BUCKET/$p/big.bin $WORK/out/big.bin" ;;
    rclone:up_small)     echo "$RCLONE --config $WORK/rclone.conf ${RCLONE_FLAGS[*]} copy $WORK/data/small bench:$BUCKET/$p/small" ;;
    rclone:down_small)   echo "$RCLONE --config $WORK/rclone.conf ${RCLONE_FLAGS[*]} copy bench:$BUCKET/$p/small $WORK/out/small" ;;
  esac
}

# timed TOOL OP PREFIX ROUND: runs one operation, appends "round tool op seconds rss_kib" to raw.tsv
timed() {
  local tool=$1 op=$2 p=$3 round=$4 c t0 t1 rss
  c=$(cmd "$tool" "$op" "$p")
  drop_caches
  t0=$(date +%s.%N)
  # shellcheck disable=SC2086
  if ! timeout "${OP_TIMEOUT:-900}" /usr/bin/time -v -o "$WORK/logs/time.$tool.$op.$round" $c >"$WORK/logs/out.$tool.$op.$round" 2>&1; then
    log "FAILED: $c (see $WORK/logs/out.$tool.$op.$round)"; tail -5 "$WORK/logs/out.$tool.$op.$round" >&2
    printf '%s\t%s\t%s\tFAIL\tFAIL\tFAIL\n' "$round" "$tool" "$op" >>"$WORK/raw.tsv"
    return 0
  fi
  t1=$(date +%s.%N)
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$WORK/logs/time.$tool.$op.$round")
  cpu=$(awk -F': ' '/User time|System time/ {s += $2} END {printf "%.2f", s}' "$WORK/logs/time.$tool.$op.$round")
  printf '%s\t%s\t%s\t%.3f\t%s\t%s\n' "$round" "$tool" "$op" "$(echo "$t1 - $t0" | bc)" "$rss" "$cpu" >>"$WORK/raw.tsv"
  log "round $round $tool $op: $(echo "$t1 - $t0" | bc | cut -c1-6) s, $((rss / 1024)) MiB"
}

# verify TOOL OP ROUND: checks the downloaded data against the source (untimed), then deletes it
verify() {
  local tool=$1 op=$2 round=$3 ok=ok
  if [ "$op" = down_big ]; then
    [ "$(sha256sum "$WORK/out/big.bin" 2>/dev/null | cut -d' ' -f1)" = "$BIG_SHA" ] || ok=MISMATCH
    rm -f "$WORK/out/big.bin"
  else
    [ "$( (cd "$WORK/out/small" 2>/dev/null && sha256sum -- * | sort) )" = "$(cat "$WORK/small.sha256")" ] || ok=MISMATCH
    rm -rf "$WORK/out/small"
  fi
  printf '%s\t%s\t%s\t%s\n' "$round" "$tool" "$op" "$ok" >>"$WORK/verify.tsv"
  [ "$ok" = ok ] || log "VERIFY FAILED: $tool $op round $round"
}

clear_prefix() { "$RCLONE" --config "$WORK/rclone.conf" --checkers 16 purge "bench:$BUCKET/$1" >/dev/null 2>&1 || true; }

# ---------------------------------------------------------------- the rounds
: >"$WORK/raw.tsv"; : >"$WORK/verify.tsv"
start_date=$(date -u '+%Y-%m-%d %H:%M UTC')
for round in $(seq 1 "$RUNS"); do
  # Rotate the order each round so noise and cache effects hit every tool equally.
  order=()
  n=${#TOOLS[@]}
  for i in $(seq 0 $((n - 1))); do order+=("${TOOLS[$(((i + round - 1) % n))]}"); done
  log "round $round: ${order[*]}"
  for size in big small; do
    for tool in "${order[@]}"; do timed "$tool" "up_$size" "r$round-$tool" "$round"; done
    for tool in "${order[@]}"; do timed "$tool" "down_$size" "r$round-$tool" "$round"; verify "$tool" "down_$size" "$round"; done
    for tool in "${order[@]}"; do clear_prefix "r$round-$tool"; done
  done
done

# Start-up share: listing an empty prefix (one request after start-up), 3 times per tool.
: >"$WORK/startup.tsv"
for i in 1 2 3; do
  for tool in rackside aws rclone; do
    case $tool in
      rackside) c="$RACKSIDE --journal $WORK/rackside-journal.db ls s3://$BUCKET/none/" ;;
      aws) c="$AWS --endpoint-url $AWS_ENDPOINT_URL s3 ls s3://$BUCKET/none/" ;;
      rclone) c="$RCLONE --config $WORK/rclone.conf lsf bench:$BUCKET/none/" ;;
    esac
    t0=$(date +%s.%N); $c >/dev/null 2>&1 || true; t1=$(date +%s.%N)
    printf '%s\t%.3f\n' "$tool" "$(echo "$t1 - $t0" | bc)" >>"$WORK/startup.tsv"
  done
done

# ---------------------------------------------------------------- heap check
: >"$WORK/heap.tsv"
heap_run() { # heap_run LABEL FILE: upload + download with -Xmx$HEAP_XMX and a GC log; frees the source before the download
  local label=$1 file=$2 sha c t0 t1 rss peak
  sha=$(sha256sum "$file" | cut -d' ' -f1)
  for op in up down; do
    if [ $op = up ]; then c="cp $file s3://$BUCKET/heap/$label.bin"; else c="cp s3://$BUCKET/heap/$label.bin $WORK/out/$label.bin"; fi
    drop_caches
    t0=$(date +%s.%N)
    # shellcheck disable=SC2086
    RACKSIDE_S3_JAVA_OPTS="-Xmx$HEAP_XMX -Xlog:gc:file=$WORK/logs/gc.$label.$op.log" \
      /usr/bin/time -v -o "$WORK/logs/time.heap.$label.$op" "$RACKSIDE" --journal "$WORK/rackside-journal.db" $c \
      >"$WORK/logs/out.heap.$label.$op" 2>&1 && status=ok || status=FAILED
    t1=$(date +%s.%N)
    rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$WORK/logs/time.heap.$label.$op")
    # peak heap in use before a collection, from lines like "Pause Young (Normal) (G1 Evacuation Pause) 120M->20M(1024M)"
    peak=$(grep -oE '[0-9]+M->[0-9]+M' "$WORK/logs/gc.$label.$op.log" | cut -dM -f1 | sort -n | tail -1)
    if [ $op = up ]; then rm -f "$file"; fi   # keep disk use down: the object and the recorded SHA-256 remain
    if [ $op = down ]; then
      [ "$(sha256sum "$WORK/out/$label.bin" 2>/dev/null | cut -d' ' -f1)" = "$sha" ] || status="$status, SHA-256 MISMATCH"
      rm -f "$WORK/out/$label.bin"
    fi
    printf '%s\t%s\t%.3f\t%s\t%s\t%s\n' "$label" "$op" "$(echo "$t1 - $t0" | bc)" "$rss" "${peak:-?}" "$status" >>"$WORK/heap.tsv"
    log "heap $label $op: $status, $((rss / 1024)) MiB RSS, heap peak ${peak:-?} MiB"
  done
  clear_prefix heap
}
if [ "$HEAP_GIB" -gt 0 ]; then
  rm -rf "$WORK/data/small"
  heap_run 2GiB "$WORK/data/big.bin"                     # the benchmark file, then deleted
  avail=$(df -BG --output=avail "$WORK" | tail -1 | tr -dc 0-9)
  if [ "$avail" -ge $((HEAP_GIB * 3 + 5)) ]; then        # source + object + the server's copy when attaching metadata
    log "creating ${HEAP_GIB} GiB file"
    head -c $((HEAP_GIB * 1024 * 1024 * 1024)) /dev/urandom >"$WORK/data/heap.bin"
    heap_run "${HEAP_GIB}GiB" "$WORK/data/heap.bin"
  else
    log "skipping ${HEAP_GIB} GiB heap check: only ${avail} GiB free"
  fi
fi

# ---------------------------------------------------------------- RESULTS.md
mkdir -p "$here/raw"
cp "$WORK"/raw.tsv "$WORK"/verify.tsv "$WORK"/startup.tsv "$WORK"/heap.tsv "$here/raw/"
cp "$WORK"/logs/gc.*.log "$here/raw/" 2>/dev/null || true
python3 "$here/report.py" --work "$WORK" --out "$RESULTS" --start "$start_date" --runs "$RUNS" \
  --big-mib "$BIG_MIB" --small-n "$SMALL_N" --small-kib "$SMALL_KIB" --heap-xmx "$HEAP_XMX" \
  --rackside "$RACKSIDE --journal $WORK/rackside-journal.db" --aws "$AWS --endpoint-url $AWS_ENDPOINT_URL" \
  --rclone "$RCLONE --config $WORK/rclone.conf ${RCLONE_FLAGS[*]}" \
  --engine "$ENGINE_STATE" --versions "$("$AWS" --version 2>&1 | head -1) | $("$RCLONE" version 2>/dev/null | head -1) | $("$RACKSIDE" --version 2>/dev/null | head -1) on $("$JAVA_HOME/bin/java" -version 2>&1 | head -1) | S3Proxy 4.1.0 (filesystem, JDK 25, -Xmx4g)"
log "wrote $RESULTS"
