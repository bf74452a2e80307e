#!/bin/sh
# Back up one installation into a new folder under $1 (default /var/backups/tori):
# the database as a pg_dump custom archive, and both media folders as tar files.
# Reads DATABASE_URL, MEDIA_ROOT and PRIVATE_MEDIA_ROOT from the environment
# (systemd: EnvironmentFile=/etc/tori/tori.env; by hand: set -a; . /etc/tori/tori.env).
# Prints the folder it wrote. Restore with deploy/restore.sh. Folders older than
# BACKUP_KEEP_DAYS (30) are deleted: erased personal data must not live on in backups
# longer than that.
set -eu
root="${1:-/var/backups/tori}"
target="$root/$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$target"
chmod 700 "$target"   # addresses and submissions: personal data
pg_dump --format=custom --no-owner --file "$target/database.dump" "$DATABASE_URL"
for folder in MEDIA_ROOT PRIVATE_MEDIA_ROOT; do
    eval path="\${$folder:-}"
    if [ -n "$path" ] && [ -d "$path" ]; then
        tar -C "$path" -cf "$target/$folder.tar" .
    fi
done
find "$root" -mindepth 1 -maxdepth 1 -type d -mtime +"${BACKUP_KEEP_DAYS:-30}" -exec rm -rf {} +
echo "$target"
