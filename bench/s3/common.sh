# Shared by run.sh and small-files.sh (sourced): the loopback S3Proxy and the client environment
# every tool runs in, so both harnesses measure against the same server setup.

# Clean, isolated client environment: no inherited AWS settings (an inherited AWS_CA_BUNDLE makes
# rclone refuse to start), an empty aws config, loopback credentials. Usage: client_env PORT WORK
client_env() {
  local port=$1 work=$2 v
  for v in $(env | cut -d= -f1 | grep '^AWS_' || true); do unset "$v"; done
  export AWS_ACCESS_KEY_ID=local-identity AWS_SECRET_ACCESS_KEY=local-credential AWS_REGION=us-east-1
  export AWS_ENDPOINT_URL="http://127.0.0.1:$port"
  export AWS_CONFIG_FILE="$work/aws-config" AWS_SHARED_CREDENTIALS_FILE="$work/aws-credentials"
  : >"$AWS_CONFIG_FILE"; : >"$AWS_SHARED_CREDENTIALS_FILE"
  unset RACKSIDE_S3_JAVA_OPTS
}

# Starts S3Proxy with the filesystem store in WORK/store, SigV4, unknown headers ignored (the SDK's
# multipart uploads need that); sets S3PROXY_PID. Usage: start_s3proxy PORT WORK JAR
start_s3proxy() {
  local port=$1 work=$2 jar=$3
  cat >"$work/s3proxy.conf" <<CONF
s3proxy.endpoint=http://127.0.0.1:$port
s3proxy.authorization=aws-v2-or-v4
s3proxy.identity=local-identity
s3proxy.credential=local-credential
jclouds.provider=filesystem
jclouds.filesystem.basedir=$work/store
s3proxy.ignore-unknown-headers=true
CONF
  "$JAVA_HOME/bin/java" -Xmx4g -jar "$jar" --properties "$work/s3proxy.conf" >"$work/logs/s3proxy.log" 2>&1 &
  S3PROXY_PID=$!
}

# N files of KIB KiB of random bytes in DIR (f00000.bin, …), and their sorted SHA-256 list in SUMS.
# Usage: make_small_files DIR N KIB SUMS
make_small_files() {
  local dir=$1 n=$2 kib=$3 sums=$4
  python3 - "$dir" "$n" "$kib" <<'PY'
import os, sys
d, n, kib = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
for i in range(n):
    with open(os.path.join(d, f"f{i:05d}.bin"), "wb") as f:
        f.write(os.urandom(kib * 1024))
PY
  (cd "$dir" && sha256sum -- * | sort) >"$sums"
}
