#!/usr/bin/env bash
# Floor check for the small-file download row: how close can any JVM process get to rclone here?
# Downloads the same 2,000 × 64 KiB objects (uploaded once by rclone) with, in rotating order:
#   rclone   (tuned as in run.sh, lists the prefix, checks MD5s)
#   raw      floor/RawGet.java: SigV4 GETs over raw sockets, JDK only, keys from a file
#   sdk      floor/SdkGet.java: the same with the SDK signer and Apache client rackside-s3 uses
#   rackside rackside-s3 cp --recursive (lists, journals, verifies, writes .part files)
# The two floors skip listing, journal and verification, so they bound rackside-s3 from below.
# Prints client CPU (user+sys) and wall medians and each tool's ratio to rclone (rclone's wall /
# the tool's wall). Page cache not dropped (DROP_CACHES=1 drops it).
#
#   RUNS=5 bench/s3/floor.sh [LAUNCHER]     # LAUNCHER defaults to s3-engine/target/rackside-s3
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
export JAVA_HOME=${JAVA_HOME_25:-/usr/lib/jvm/temurin-25-jdk-amd64}
RUNS=${RUNS:-5}; SMALL_N=${SMALL_N:-2000}; SMALL_KIB=${SMALL_KIB:-64}
WORK=${WORK:-/tmp/rackside-s3-floor}; PORT=${PORT:-18095}; DROP_CACHES=${DROP_CACHES:-0}
LAUNCHER=$(readlink -f "${1:-$repo/s3-engine/target/rackside-s3}")
log() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

command -v rclone >/dev/null || apt-get install -y -q rclone >/dev/null
[ -x "$LAUNCHER" ] || (cd "$repo" && ./mvnw -B -q -pl s3-engine -am package -DskipTests)
mkdir -p "$WORK"/{tools,logs,classes}
S3PROXY_JAR="$WORK/tools/s3proxy-4.1.0-jar-with-dependencies.jar"
[ -f "$S3PROXY_JAR" ] || (cd "$repo" && ./mvnw -B -q dependency:copy \
    -Dartifact=org.gaul:s3proxy:4.1.0:jar:jar-with-dependencies -DoutputDirectory="$WORK/tools")
(cd "$repo" && ./mvnw -B -q -pl s3-engine dependency:build-classpath -Dmdep.outputFile="$WORK/cp.txt")
cp="$WORK/classes:$(cat "$WORK/cp.txt")"
"$JAVA_HOME/bin/javac" -cp "$cp" -d "$WORK/classes" "$here/floor/RawGet.java" "$here/floor/SdkGet.java"

# shellcheck source=common.sh
. "$here/common.sh"
client_env "$PORT" "$WORK"
cat >"$WORK/rclone.conf" <<CONF
[bench]
type = s3
provider = Other
access_key_id = $AWS_ACCESS_KEY_ID
secret_access_key = $AWS_SECRET_ACCESS_KEY
endpoint = $AWS_ENDPOINT_URL
region = $AWS_REGION
force_path_style = true
CONF
RCLONE=(rclone --config "$WORK/rclone.conf" --transfers 16 --s3-upload-concurrency 8 --s3-chunk-size 64M --multi-thread-streams 8)
rm -rf "$WORK/store" && mkdir -p "$WORK/store/bench"
start_s3proxy "$PORT" "$WORK" "$S3PROXY_JAR"
trap 'kill "$S3PROXY_PID" 2>/dev/null || true; wait "$S3PROXY_PID" 2>/dev/null || true; rm -rf "$WORK/store" "$WORK/out"' EXIT
for _ in $(seq 1 200); do curl -s -o /dev/null "$AWS_ENDPOINT_URL/" && break; sleep 0.1; done

if [ ! -f "$WORK/data.ok" ] || [ "$(cat "$WORK/data.ok")" != "$SMALL_N x $SMALL_KIB" ]; then
  rm -rf "$WORK/data" && mkdir -p "$WORK/data/small"
  make_small_files "$WORK/data/small" "$SMALL_N" "$SMALL_KIB" "$WORK/small.sha256"
  echo "$SMALL_N x $SMALL_KIB" >"$WORK/data.ok"
fi
(cd "$WORK/data/small" && ls) >"$WORK/keys.txt"
"${RCLONE[@]}" copy "$WORK/data/small" bench:bench/small
# One untimed download first, so S3Proxy's own warm-up is not charged to the first tool.
"${RCLONE[@]}" copy bench:bench/small "$WORK/out" && rm -rf "$WORK/out"

run() { # the command of tool $1, downloading into $WORK/out
  case $1 in
    rclone)   "${RCLONE[@]}" copy bench:bench/small "$WORK/out" ;;
    raw)      "$JAVA_HOME/bin/java" -cp "$cp" RawGet "$AWS_ENDPOINT_URL" bench small/ "$WORK/keys.txt" "$WORK/out" ;;
    sdk)      "$JAVA_HOME/bin/java" -cp "$cp" SdkGet "$AWS_ENDPOINT_URL" bench small/ "$WORK/keys.txt" "$WORK/out" ;;
    rackside) "$LAUNCHER" --journal "$WORK/journal.db" cp s3://bench/small/ "$WORK/out" --recursive ;;
  esac
}
tools=(rclone raw sdk rackside)
rm -f "$WORK"/logs/res.*
log "$RUNS rounds of ${tools[*]} (load: $(cut -d' ' -f1-3 /proc/loadavg))"
for round in $(seq 1 "$RUNS"); do
  for k in "${!tools[@]}"; do
    tool=${tools[$(( (k + round - 1) % ${#tools[@]} ))]}
    rm -rf "$WORK/out"; sync
    if [ "$DROP_CACHES" = 1 ] && [ -w /proc/sys/vm/drop_caches ]; then echo 3 >/proc/sys/vm/drop_caches; fi
    start=$(date +%s.%N)
    /usr/bin/time -f '%U %S' -o "$WORK/logs/time" bash -c "$(declare -f run); $(declare -p RCLONE cp WORK LAUNCHER); run $tool" \
      >"$WORK/logs/out.$tool.$round" 2>&1 || { log "FAILED: $tool (see $WORK/logs/out.$tool.$round)"; exit 1; }
    end=$(date +%s.%N)
    diff -q <(cd "$WORK/out" && sha256sum -- * | sort) "$WORK/small.sha256" >/dev/null \
      || { log "SHA-256 MISMATCH after $tool round $round"; exit 1; }
    awk -v wall="$(echo "$end - $start" | bc)" '{printf "%.2f %.3f\n", $1 + $2, wall}' "$WORK/logs/time" >>"$WORK/logs/res.$tool"
  done
  log "round $round done (load $(cut -d' ' -f1 /proc/loadavg))"
done

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
ref=$(cut -d' ' -f2 "$WORK/logs/res.rclone" | median)
printf '\n%-9s %8s %8s %9s\n' tool "cpu s" "wall s" "vs rclone"
for tool in "${tools[@]}"; do
  c=$(cut -d' ' -f1 "$WORK/logs/res.$tool" | median); w=$(cut -d' ' -f2 "$WORK/logs/res.$tool" | median)
  printf '%-9s %8s %8s %8.2fx\n' "$tool" "$c" "$w" "$(echo "$ref / $w" | bc -l)"
done
echo "medians of $RUNS rounds, $SMALL_N x $SMALL_KIB KiB, every download matched its SHA-256; raw: $WORK/logs/res.*"
