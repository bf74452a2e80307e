#!/bin/sh
# Restore a backup folder written by deploy/backup.sh into the EMPTY database of
# DATABASE_URL and the media folders MEDIA_ROOT and PRIVATE_MEDIA_ROOT (created if
# missing). Stop the app processes and the worker first; run `migrate` afterwards when
# the restored backup is older than the installed code.
set -eu
source="$1"
[ -f "$source/database.dump" ] || { echo "no database.dump in $source" >&2; exit 1; }
pg_restore --no-owner --exit-on-error --single-transaction --dbname "$DATABASE_URL" "$source/database.dump"
for folder in MEDIA_ROOT PRIVATE_MEDIA_ROOT; do
    eval path="\${$folder:-}"
    if [ -n "$path" ] && [ -f "$source/$folder.tar" ]; then
        mkdir -p "$path"
        tar -C "$path" -xf "$source/$folder.tar"
    fi
done
echo "restored $source"
