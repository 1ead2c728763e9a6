#!/usr/bin/env bash
# Installs the Debian packages Talon needs (runtime, and with --test the test tools).
# Runs apt-get through sudo when not root; does nothing when everything is present.
set -euo pipefail

packages=(libhpdf-dev libdeflate-dev fonts-dejavu-core fonts-dejavu-extra libmicrohttpd-dev nettle-dev libcrypt-dev libsqlite3-dev)
if [ "${1:-}" = "--test" ]; then
  packages+=(poppler-utils zbar-tools qpdf imagemagick curl)
fi

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ]; then sudo=(); else sudo=(sudo); fi
echo "Installing: ${missing[*]}"
"${sudo[@]}" apt-get update -q
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
