#!/usr/bin/env bash
# Sets up newsbot on a fresh machine and runs the bot: Redis, dependencies and build, the sample
# articles, then the bot process (Discord and/or Slack when configured in .env; health on HTTP_PORT).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/ensure-redis.sh
npm ci --no-audit --no-fund
[ -f .env ] || cp .env.example .env
if [ -d ../shared/data/articles ]; then
  node bin/newsbot.js ingest ../shared/data/articles || true
fi
exec npm start
