#!/usr/bin/env bash
# ScorePopulation end to end from PostgreSQL: starts the packaged patient-profile-service,
# dosage-service and recommender-service on their own ports and database, loads PATIENTS patients
# through UpsertProfile and streams ScorePopulation RUNS times, printing patients/s.
#   recommender-service/tools/bench-population.sh [PATIENTS=100000] [RUNS=3] [BATCH=0]
# Build first: ./mvnw -q -B -pl recommender-service -am package -DskipTests
# JFR=1 records both JVMs to target/bench-*.jfr; KEEP_DB=1 reuses the loaded database (load 0 more).
set -euo pipefail
cd "$(dirname "$0")/../.."
PATIENTS=${1:-100000}; RUNS=${2:-3}; BATCH=${3:-0}
PROFILE_PORT=18621; DOSAGE_PORT=18622; RECOMMENDER_PORT=18623; DB=prx_profileperf_bench
PG="psql -h 127.0.0.1 -U postgres -q -v ON_ERROR_STOP=1"
if [[ "${KEEP_DB:-0}" != 1 ]]; then
  $PG -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
else
  PATIENTS=0
fi
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done' EXIT
jfr() { [[ "${JFR:-0}" == 1 ]] && echo "-XX:StartFlightRecording=filename=recommender-service/target/bench-$1.jfr,settings=profile" || true; }
start() { # name port env...
  local name=$1 port=$2; shift 2
  env "$@" java $(jfr "$name") -jar "$name/target/quarkus-app/quarkus-run.jar" > "recommender-service/target/bench-$name.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 600); do
    curl -fs "http://127.0.0.1:$port/q/health/ready" > /dev/null && return 0
    sleep 0.5
  done
  echo "$name did not become ready" >&2; exit 1
}
start patient-profile-service $PROFILE_PORT PROFILE_HTTP_PORT=$PROFILE_PORT \
  PROFILE_DB_URL=jdbc:postgresql://127.0.0.1:5432/$DB
start dosage-service $DOSAGE_PORT DOSAGE_HTTP_PORT=$DOSAGE_PORT PROFILE_GRPC_PORT=$PROFILE_PORT
start recommender-service $RECOMMENDER_PORT RECOMMENDER_HTTP_PORT=$RECOMMENDER_PORT \
  PROFILE_GRPC_PORT=$PROFILE_PORT DOSAGE_GRPC_PORT=$DOSAGE_PORT
java -cp 'recommender-service/target/quarkus-app/lib/main/*:recommender-service/target/quarkus-app/app/*' \
  recommender-service/tools/PopulationScoringBench.java $PROFILE_PORT $RECOMMENDER_PORT "$PATIENTS" "$RUNS" "$BATCH"
