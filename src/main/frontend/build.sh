#!/usr/bin/env sh
# Builds the pages into the app's classpath (target/classes/static); run by Maven in generate-resources.
# Installs the packages of package-lock.json from the npm registry (npm ci) only when the lock file changed since the
# last install; no package may download or run anything else: install scripts are off (.npmrc ignore-scripts; some
# dependencies of form-js would start telemetry processes) and IBM's telemetry is switched off for good measure.
set -eu
cd "$(dirname "$0")"
if ! command -v npm >/dev/null 2>&1; then
  echo "npm not found: the pages are built with Node.js 20+ and npm (or build with -Dfrontend.skip=true)" >&2
  exit 1
fi
export IBM_TELEMETRY_DISABLED=true
if ! cmp -s package-lock.json node_modules/.installed-package-lock.json 2>/dev/null; then
  npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
  cp package-lock.json node_modules/.installed-package-lock.json
fi
npm run build --silent
