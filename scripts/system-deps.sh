#!/usr/bin/env bash
# Install the Debian packages the browser tests need (Debian's chromium; Playwright never downloads a browser),
# and the npm packages (axe-core) from package-lock.json. Idempotent; a no-op when everything is present.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "chromium is missing: install Debian's 'chromium' package (needs root)." >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
fi
if [ -f package-lock.json ] && [ ! -f node_modules/axe-core/axe.min.js ]; then
  npm ci --silent --no-audit --no-fund
fi
