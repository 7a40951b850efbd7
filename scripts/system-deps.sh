#!/usr/bin/env bash
# Install what the project needs beyond PyPI: Debian's chromium (browser tests; Playwright never downloads a
# browser), pango and fonts (WeasyPrint PDFs), gettext (compiled translations), PostgreSQL server binaries
# (database tests), and from package-lock.json npm's axe-core and the HL7 FHIR core packages (conformance
# tests). Idempotent: a no-op when all is present.
set -euo pipefail
cd "$(dirname "$0")/.."
packages=(chromium libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core gettext postgresql)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "missing Debian packages: ${missing[*]} (install them as root: apt-get install ${missing[*]})" >&2
    exit 1
  fi
  echo "installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
if [ -f package-lock.json ] && { [ ! -f node_modules/axe-core/axe.min.js ] ||
  [ ! -f node_modules/hl7.fhir.r4b.core/package.json ] || [ ! -f node_modules/hl7.fhir.r5.core/package.json ]; }; then
  npm ci --silent --no-audit --no-fund
fi
