#!/bin/sh
# deps.sh - installs the Debian packages of scripts/deps.txt that are missing.
# As root: `apt-get update` once, then `apt-get install`. Otherwise prints the
# exact command to run and fails.
set -eu
here=$(dirname "$0")
pkgs=$(grep -v '^#' "$here/deps.txt" | grep -v '^$' | tr '\n' ' ')
missing=""
for p in $pkgs; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
		missing="$missing $p"
	fi
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
	echo "winnet: missing build dependencies. Run as root:" >&2
	echo "  apt-get update && apt-get install -y$missing" >&2
	exit 1
fi
echo "winnet: installing$missing"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# shellcheck disable=SC2086
apt-get install -y -qq --no-install-recommends $missing
