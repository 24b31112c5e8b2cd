#!/bin/sh
# System packages the test suite needs: PostgreSQL 15 (the oracle), psql, the
# time zone database (shared by zoneinfo and PostgreSQL), and for the JDBC and
# node-postgres smoke tests a JDK, the PostgreSQL JDBC driver jar and
# node/npm (the machine usually has the JDK and node already).
# Installs them with apt when missing and we may; otherwise says what is missing.
set -eu
need=""
if ! command -v initdb >/dev/null 2>&1 && [ ! -x /usr/lib/postgresql/15/bin/initdb ]; then
    need="$need postgresql"
fi
command -v psql >/dev/null 2>&1 || need="$need postgresql-client"
[ -d /usr/share/zoneinfo/America ] || need="$need tzdata"
command -v javac >/dev/null 2>&1 || need="$need openjdk-17-jdk-headless"
[ -f /usr/share/java/postgresql.jar ] || need="$need libpostgresql-jdbc-java"
command -v npm >/dev/null 2>&1 || need="$need nodejs npm"
[ -z "$need" ] && exit 0
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing:$need"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $need >/dev/null
else
    echo "missing system packages:$need (install them with apt-get as root)" >&2
    exit 1
fi
