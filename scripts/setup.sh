#!/usr/bin/env bash
# Installs the Debian packages Talon needs (runtime, and with --test the test tools).
# Runs apt-get through sudo when not root; does nothing when everything is present.
set -euo pipefail

packages=(libhpdf-dev libdeflate-dev libssl-dev libidn-dev icc-profiles-free fonts-dejavu-core fonts-dejavu-extra libsqlite3-dev libcurl4-openssl-dev libmicrohttpd-dev libcrypt-dev libpq-dev)
if [ "${1:-}" = "--test" ]; then
  packages+=(poppler-utils zbar-tools qpdf imagemagick libxml2 python3 python3-venv curl wrk chromium chromium-driver postgresql)  # libxml2: FoundationXML reads XMP in the PDF/A tests; postgresql: the PostgreSQL journal tests' throw-away server
fi

# Test tools from PyPI: segno cross-checks the EPC payment codes, aiosmtpd is the journal
# tests' local SMTP server, selenium drives Debian's chromium through chromium-driver in the
# browser tests, and kubernetes-validate (with the Kubernetes schemas inside) checks
# docs/scale-out/*.yaml offline. They live in their own virtual environment under .build,
# which the tests use (Debian's python refuses pip).
install_test_python() {
  [ "${1:-}" = "--test" ] || return 0
  local venv
  venv="$(cd "$(dirname "$0")/.." && pwd)/.build/test-python"
  "$venv/bin/python3" -c "import segno, aiosmtpd, selenium, kubernetes_validate" 2>/dev/null && return 0
  echo "Installing segno, aiosmtpd, selenium and kubernetes-validate into $venv"
  /usr/bin/python3 -m venv "$venv"
  "$venv/bin/python3" -m pip install -q "segno==1.6.6" "aiosmtpd==1.4.6" "selenium==4.51.0" "kubernetes-validate==1.37.0"
}

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -eq 0 ]; then install_test_python "${1:-}"; exit 0; fi

if [ "$(id -u)" -eq 0 ]; then sudo=(); else sudo=(sudo); fi
echo "Installing: ${missing[*]}"
"${sudo[@]}" apt-get update -q
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
install_test_python "${1:-}"
