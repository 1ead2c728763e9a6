#!/usr/bin/env bash
# Installs the Debian packages Talon needs (runtime, and with --test the test tools).
# Runs apt-get through sudo when not root; does nothing when everything is present.
set -euo pipefail

packages=(libhpdf-dev libdeflate-dev libssl-dev libidn-dev icc-profiles-free fonts-dejavu-core fonts-dejavu-extra libsqlite3-dev nettle-dev libcurl4-openssl-dev libmicrohttpd-dev libcrypt-dev libpq-dev)
if [ "${1:-}" = "--test" ]; then
  packages+=(poppler-utils zbar-tools qpdf imagemagick libxml2 python3 python3-venv curl wrk postgresql)  # postgresql: the PostgreSQL journal tests' throw-away server; libxml2: FoundationXML reads XMP in the PDF/A tests
fi

# segno (PyPI) cross-checks the EPC payment codes in the tests, aiosmtpd (PyPI) is the
# journal tests' local SMTP server, and kubernetes-validate (PyPI, with the Kubernetes
# schemas inside) checks docs/scale-out/*.yaml offline; they live in their own virtual environment under .build,
# which the tests use (Debian's python refuses pip).
install_segno() {
  [ "${1:-}" = "--test" ] || return 0
  local venv
  venv="$(cd "$(dirname "$0")/.." && pwd)/.build/test-python"
  "$venv/bin/python3" -c "import segno, aiosmtpd, kubernetes_validate" 2>/dev/null && return 0
  echo "Installing segno, aiosmtpd and kubernetes-validate into $venv"
  /usr/bin/python3 -m venv "$venv"
  "$venv/bin/python3" -m pip install -q "segno==1.6.6" "aiosmtpd==1.4.6" "kubernetes-validate==1.37.0"
}

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -eq 0 ]; then install_segno "${1:-}"; exit 0; fi

if [ "$(id -u)" -eq 0 ]; then sudo=(); else sudo=(sudo); fi
echo "Installing: ${missing[*]}"
"${sudo[@]}" apt-get update -q
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
install_segno "${1:-}"
