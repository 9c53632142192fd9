#!/usr/bin/env bash
# Floor check for the small-file rows: how close can any JVM process get to rclone here?
# Moves the same 2,000 × 64 KiB files down (objects uploaded once by rclone) and up, with, in
# rotating order:
#   rclone   (tuned as in run.sh)
#   raw      floor/RawFloor.java: SigV4 requests over raw sockets, JDK only
#   sdk      floor/SdkFloor.java: the same with the SDK signer and Apache
#            client that rackside-s3's small requests use
#   rackside rackside-s3 cp --recursive (lists, journals, checksums, verifies)
# The floors are given the keys and skip listing, journal and checksums of their own, so they
# bound any client built on the same pieces from below. Every download is checked against the
# files' SHA-256, and every upload by the bytes the server stored. Prints client CPU (user+sys)
# and wall medians and each tool's ratio to rclone (rclone's wall / the tool's wall). Page cache
# not dropped (DROP_CACHES=1 drops it).
#
#   RUNS=5 [OPS="down up"] bench/s3/floor.sh [LAUNCHER]   # LAUNCHER: s3-engine/target/rackside-s3
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
"$JAVA_HOME/bin/javac" -cp "$cp" -d "$WORK/classes" "$here"/floor/*.java

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

run() { # the command of tool $1 for op $2: down into $WORK/out, or up from the data to prefix $3
  local java=("$JAVA_HOME/bin/java" -cp "$cp")
  case $1:$2 in
    rclone:down)   "${RCLONE[@]}" copy bench:bench/small "$WORK/out" ;;
    raw:down)      "${java[@]}" RawFloor get "$AWS_ENDPOINT_URL" bench small/ "$WORK/keys.txt" "$WORK/out" ;;
    sdk:down)      "${java[@]}" SdkFloor get "$AWS_ENDPOINT_URL" bench small/ "$WORK/keys.txt" "$WORK/out" ;;
    rackside:down) "$LAUNCHER" --journal "$WORK/journal.db" cp s3://bench/small/ "$WORK/out" --recursive ;;
    rclone:up)     "${RCLONE[@]}" copy "$WORK/data/small" "bench:bench/$3" ;;
    raw:up)        "${java[@]}" RawFloor put "$AWS_ENDPOINT_URL" bench "$3/" "$WORK/keys.txt" "$WORK/data/small" ;;
    sdk:up)        "${java[@]}" SdkFloor put "$AWS_ENDPOINT_URL" bench "$3/" "$WORK/keys.txt" "$WORK/data/small" ;;
    rackside:up)   "$LAUNCHER" --journal "$WORK/journal.db" cp "$WORK/data/small" "s3://bench/$3/" --recursive ;;
  esac
}
tools=(rclone raw sdk rackside)
OPS=${OPS:-down up}
rm -f "$WORK"/logs/res.*
log "$RUNS rounds of ${tools[*]}, $OPS (load: $(cut -d' ' -f1-3 /proc/loadavg))"
for round in $(seq 1 "$RUNS"); do
  for op in $OPS; do
    for k in "${!tools[@]}"; do
      tool=${tools[$(( (k + round - 1) % ${#tools[@]} ))]}; prefix="up-$tool-$round"
      rm -rf "$WORK/out"; sync
      if [ "$DROP_CACHES" = 1 ] && [ -w /proc/sys/vm/drop_caches ]; then echo 3 >/proc/sys/vm/drop_caches; fi
      start=$(date +%s.%N)
      /usr/bin/time -f '%U %S' -o "$WORK/logs/time" bash -c "$(declare -f run); $(declare -p RCLONE cp WORK LAUNCHER); run $tool $op $prefix" \
        >"$WORK/logs/out.$tool.$op.$round" 2>&1 || { log "FAILED: $tool $op (see $WORK/logs/out.$tool.$op.$round)"; exit 1; }
      end=$(date +%s.%N)
      # The filesystem store keeps each object's bytes as a plain file under its key.
      got=$WORK/out; [ "$op" = up ] && got=$WORK/store/bench/$prefix
      diff -q <(cd "$got" && sha256sum -- * | sort) "$WORK/small.sha256" >/dev/null \
        || { log "SHA-256 MISMATCH after $tool $op round $round"; exit 1; }
      if [ "$op" = up ]; then rm -rf "${WORK:?}/store/bench/$prefix"; fi
      awk -v wall="$(echo "$end - $start" | bc)" '{printf "%.2f %.3f\n", $1 + $2, wall}' "$WORK/logs/time" >>"$WORK/logs/res.$tool.$op"
    done
  done
  log "round $round done (load $(cut -d' ' -f1 /proc/loadavg))"
done

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
for op in $OPS; do
  ref=$(cut -d' ' -f2 "$WORK/logs/res.rclone.$op" | median)
  printf '\n%-5s %-9s %8s %8s %9s\n' op tool "cpu s" "wall s" "vs rclone"
  for tool in "${tools[@]}"; do
    c=$(cut -d' ' -f1 "$WORK/logs/res.$tool.$op" | median); w=$(cut -d' ' -f2 "$WORK/logs/res.$tool.$op" | median)
    printf '%-5s %-9s %8s %8s %8.2fx\n' "$op" "$tool" "$c" "$w" "$(echo "$ref / $w" | bc -l)"
  done
done
echo "medians of $RUNS rounds, $SMALL_N x $SMALL_KIB KiB; every download and every stored upload matched the files' SHA-256; raw: $WORK/logs/res.*"
