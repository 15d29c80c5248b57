#!/usr/bin/env bash
# Measures what k8s/README.md reports under "Sizing": start times and resident memory (RSS) of the
# four packaged services, idle and under load, run the way their pods run them:
#   - as an unprivileged user (nobody) with / as working directory and an unwritable HOME, so any
#     write outside the two writable folders (the pods' emptyDirs) fails the start;
#   - with the JVM seeing the pod's memory limit and CPUs (-XX:MaxRAM, -XX:ActiveProcessorCount)
#     and the heap share the Deployment sets (JAVA_MAX_MEM_RATIO -> -XX:MaxRAMPercentage);
#   - TensorFlow's native libraries unpacked into a fresh folder, as into a new pod's emptyDir.
# Needs: ./mvnw -q -B install -DskipTests (the quarkus-app folders), PostgreSQL on 127.0.0.1:5432
# (user postgres, trust), ports 18501-18504 free, and root (to switch to nobody).
# Keycloak is not started: the gateway's OIDC discovery is lazy, so it starts and is measured idle.
set -euo pipefail
REPO=$(cd "$(dirname "$0")/../.." && pwd)
WORK=$(mktemp -d /tmp/prx-k8s-measure.XXXXXX)
chmod 755 "$WORK"
LOAD_SECONDS=${LOAD_SECONDS:-120}
LOAD_THREADS=${LOAD_THREADS:-4}

# name port memory-limit cpu-limit heap-percent: keep in step with k8s/base/<name>.yaml
SERVICES=(
  "patient-profile-service 18501 384m 1 50"
  "dosage-service 18502 512m 1 40"
  "recommender-service 18503 1280m 2 35"
  "gateway 18504 512m 1 50"
)

psql_admin() { psql -h 127.0.0.1 -U postgres -d postgres -v ON_ERROR_STOP=1 -qAt "$@"; }
for db in prx_k8s_measure_profile prx_k8s_measure_gateway; do
  psql_admin -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
done

PIDS=()
# Stops the services; keeps their logs in $WORK but not the unpacked TensorFlow (650 MiB each).
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$WORK"/*/javacpp
  echo "# logs: $WORK"
}
trap cleanup EXIT

rss_mib() { awk '/^VmRSS/ {printf "%d", $2/1024}' "/proc/$1/status"; }
hwm_mib() { awk '/^VmHWM/ {printf "%d", $2/1024}' "/proc/$1/status"; }

# Waits until the URL answers 200; prints the seconds it took since $2 (epoch ms).
wait_for() {
  local url=$1 since=$2 pid=$3
  for _ in $(seq 1 1200); do
    kill -0 "$pid" 2>/dev/null || { echo "process $pid died" >&2; return 1; }
    if curl -fs -o /dev/null "$url"; then
      echo $(( ($(date +%s%3N) - since) ))
      return 0
    fi
    sleep 0.25
  done
  echo "timed out waiting for $url" >&2; return 1
}

start() {
  local name=$1 port=$2 mem=$3 cpus=$4 heap=$5
  local dir="$WORK/$name"
  mkdir -p "$dir/tmp" "$dir/javacpp"
  chmod 777 "$dir/tmp" "$dir/javacpp"
  local env=(HOME=/nonexistent PATH="$PATH")
  [[ -n "${MALLOC_ARENA_MAX:-}" ]] && env+=(MALLOC_ARENA_MAX="$MALLOC_ARENA_MAX")
  case $name in
    patient-profile-service) env+=(PROFILE_HTTP_PORT="$port" PROFILE_DB_URL=jdbc:postgresql://127.0.0.1:5432/prx_k8s_measure_profile PROFILE_DB_USER=postgres) ;;
    dosage-service) env+=(DOSAGE_HTTP_PORT="$port" PROFILE_GRPC_PORT=18501) ;;
    recommender-service) env+=(RECOMMENDER_HTTP_PORT="$port" PROFILE_GRPC_PORT=18501 DOSAGE_GRPC_PORT=18502) ;;
    gateway) env+=(GATEWAY_HTTP_PORT="$port" GATEWAY_DB_URL=jdbc:postgresql://127.0.0.1:5432/prx_k8s_measure_gateway GATEWAY_DB_USER=postgres
                   KEYCLOAK_URL=http://127.0.0.1:18509 PROFILE_GRPC_PORT=18501 DOSAGE_GRPC_PORT=18502 RECOMMENDER_GRPC_PORT=18503) ;;
  esac
  local t0; t0=$(date +%s%3N)
  (cd / && exec setpriv --reuid=65534 --regid=65534 --clear-groups env -i "${env[@]}" \
    java -XX:MaxRAM="$mem" -XX:MaxRAMPercentage="$heap" -XX:ActiveProcessorCount="$cpus" \
      -Djava.io.tmpdir="$dir/tmp" -Dorg.bytedeco.javacpp.cachedir="$dir/javacpp" \
      -jar "$REPO/$name/target/quarkus-app/quarkus-run.jar" >"$dir/log" 2>&1) &
  local pid=$!
  PIDS+=("$pid")
  local started ready
  started=$(wait_for "http://127.0.0.1:$port/q/health/started" "$t0" "$pid") || { tail -30 "$dir/log"; exit 1; }
  ready=$(wait_for "http://127.0.0.1:$port/q/health/ready" "$t0" "$pid") || { tail -30 "$dir/log"; exit 1; }
  sleep 5
  printf '%-24s started %5.1f s  ready %5.1f s  idle RSS %4s MiB  (limit %s, heap %s%%, %s CPU)\n' \
    "$name" "$(echo "$started/1000" | bc -l)" "$(echo "$ready/1000" | bc -l)" "$(rss_mib "$pid")" "$mem" "$heap" "$cpus"
  echo "$pid" > "$dir/pid"
}

echo "# $(date -u +%FT%TZ) on $(nproc) CPUs, $(java -version 2>&1 | head -1)"
for line in "${SERVICES[@]}"; do start $line; done

CP="$REPO/recommender-service/target/quarkus-app/lib/main/*:$REPO/recommender-service/target/quarkus-app/app/*"
echo "# load: $LOAD_THREADS threads for $LOAD_SECONDS s (store a patient, rank 4 indications with explanations)"
java -cp "$CP" "$REPO/k8s/tools/FootprintLoad.java" 18501 18503 "$LOAD_SECONDS" "$LOAD_THREADS" 2>&1 | grep -v '^SLF4J'
for line in "${SERVICES[@]}"; do
  set -- $line
  pid=$(cat "$WORK/$1/pid")
  printf '%-24s after load RSS %4s MiB, peak RSS %4s MiB\n' "$1" "$(rss_mib "$pid")" "$(hwm_mib "$pid")"
done
du -sm "$WORK"/*/javacpp | sed "s|$WORK/||; s|/javacpp| TensorFlow native cache (MiB)|"
