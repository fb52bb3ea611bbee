#!/bin/bash
# Removes from allowed.tsv every entry a suite run reported STALE (identical again):
#   tests/diff/prune-allowed.sh SUITE_OUTPUT_FILE
set -euo pipefail
cd "$(dirname "$0")"
stale=$(grep -oE '^STALE +[^ ]+' "$1" | awk '{print $2}' || true)
[ -z "$stale" ] && exit 0
grep -vF -f <(printf '%s\t\n' $stale) allowed.tsv > allowed.tsv.new || true
mv allowed.tsv.new allowed.tsv
echo "removed $(echo "$stale" | wc -l) entries"
