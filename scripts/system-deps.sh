#!/bin/sh
# System packages the test suite needs: PostgreSQL 15 (the oracle), psql and
# the time zone database (shared by zoneinfo and PostgreSQL).
# Installs them with apt when missing and we may; otherwise says what is missing.
set -eu
need=""
if ! command -v initdb >/dev/null 2>&1 && [ ! -x /usr/lib/postgresql/15/bin/initdb ]; then
    need="$need postgresql"
fi
command -v psql >/dev/null 2>&1 || need="$need postgresql-client"
[ -d /usr/share/zoneinfo/America ] || need="$need tzdata"
[ -z "$need" ] && exit 0
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing:$need"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $need >/dev/null
else
    echo "missing system packages:$need (install them with apt-get as root)" >&2
    exit 1
fi
