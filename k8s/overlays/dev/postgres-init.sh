#!/bin/bash
# DEV ONLY: runs once, on the first start with an empty data directory (postgres image entrypoint).
# Each service gets its own role and database; the names and passwords come from the same
# Secrets the services read. psql variables keep the values out of the SQL text.
set -euo pipefail
psql -v ON_ERROR_STOP=1 --username postgres --dbname postgres \
  -v profile_user="$PROFILE_DB_USER" -v profile_password="$PROFILE_DB_PASSWORD" \
  -v gateway_user="$GATEWAY_DB_USER" -v gateway_password="$GATEWAY_DB_PASSWORD" <<'SQL'
CREATE ROLE :"profile_user" LOGIN PASSWORD :'profile_password';
CREATE DATABASE precisionrx_profile OWNER :"profile_user";
CREATE ROLE :"gateway_user" LOGIN PASSWORD :'gateway_password';
CREATE DATABASE precisionrx_gateway OWNER :"gateway_user";
SQL
