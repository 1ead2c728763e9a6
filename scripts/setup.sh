#!/usr/bin/env bash
# Installs the Debian packages Talon needs (runtime, and with --test the test tools).
# Runs apt-get through sudo when not root; does nothing when everything is present.
set -euo pipefail

packages=(libhpdf-dev libdeflate-dev fonts-dejavu-core fonts-dejavu-extra libsqlite3-dev nettle-dev libcurl4-openssl-dev libmicrohttpd-dev libcrypt-dev)
if [ "${1:-}" = "--test" ]; then
  packages+=(poppler-utils zbar-tools qpdf imagemagick python3 python3-pip curl wrk)
fi

# The journal tests' local SMTP server (aiosmtpd from PyPI), after the Debian packages.
install_test_pip() {
  [ "${1:-}" = "--test" ] || return 0
  python3 -c 'import aiosmtpd' 2>/dev/null && return 0
  python3 -m pip install -q aiosmtpd 2>/dev/null || python3 -m pip install -q --break-system-packages aiosmtpd
}

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -eq 0 ]; then install_test_pip "${1:-}"; exit 0; fi

if [ "$(id -u)" -eq 0 ]; then sudo=(); else sudo=(sudo); fi
echo "Installing: ${missing[*]}"
"${sudo[@]}" apt-get update -q
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
install_test_pip "${1:-}"
