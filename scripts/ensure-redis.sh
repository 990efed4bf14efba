#!/usr/bin/env bash
# Makes sure a Redis answers on 127.0.0.1:6379: installs redis-server (Debian) and starts it
# when nothing answers. Used by scripts/up.sh and .ci/run.
set -euo pipefail
if ! command -v redis-server >/dev/null 2>&1 || ! command -v redis-cli >/dev/null 2>&1; then
  echo "Installing redis-server..." >&2
  if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq && $SUDO apt-get install -y -qq redis-server >/dev/null
fi
if ! redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1; then
  echo "Starting redis-server on 127.0.0.1:6379..." >&2
  redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no \
    --logfile "${TMPDIR:-/tmp}/newsbot-redis.log"
  for _ in $(seq 1 100); do
    redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1 && exit 0
    sleep 0.1
  done
  echo "redis-server did not start; see ${TMPDIR:-/tmp}/newsbot-redis.log" >&2
  exit 1
fi
