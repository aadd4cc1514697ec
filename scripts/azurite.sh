#!/usr/bin/env bash
# Starts (default) or stops the project's Azurite.
source "$(dirname "$0")/common.sh"
case "${1:-start}" in
  start) start_azurite; log "Azurite is running (data in .azurite/)";;
  stop) if [ -f "$RUN_DIR/azurite.pid" ]; then kill "$(cat "$RUN_DIR/azurite.pid")" 2>/dev/null || true; rm -f "$RUN_DIR/azurite.pid"; fi;;
  *) die "usage: scripts/azurite.sh [start|stop]";;
esac
