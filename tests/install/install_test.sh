#!/bin/sh
# install_test.sh BUILD_DIR SRC_DIR CC - `make install` into a DESTDIR, then build a
# consumer with pkg-config and with CMake's find_package, and run both.
set -eu
build=$1 src=$2 cc=$3
command -v pkg-config >/dev/null || { echo "SKIP: pkg-config not installed"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
DESTDIR="$tmp/root" cmake --install "$build" --prefix /usr/local >"$tmp/install.log"
root="$tmp/root"
libdir=$(dirname "$(find "$root" -name 'libwinnet.so' | head -1)")
test -f "$root/usr/local/include/winnet/iphlpapi.h" || { echo "FAIL: headers not under include/winnet"; exit 1; }
pc=$(find "$root" -name winnet.pc | head -1)
test -n "$pc" || { echo "FAIL: winnet.pc not installed"; exit 1; }
cflags=$(PKG_CONFIG_PATH=$(dirname "$pc") PKG_CONFIG_SYSROOT_DIR="$root" pkg-config --cflags winnet)
libs=$(PKG_CONFIG_PATH=$(dirname "$pc") PKG_CONFIG_SYSROOT_DIR="$root" pkg-config --libs winnet)
case "$cflags" in *"/include/winnet"*) ;; *) echo "FAIL: Cflags lack include/winnet: $cflags"; exit 1;; esac
# shellcheck disable=SC2086
"$cc" -std=c11 -Wall -Wextra -Wpedantic -Werror $cflags "$src/consumer.c" $libs -o "$tmp/consumer_pc"
LD_LIBRARY_PATH="$libdir" "$tmp/consumer_pc"
mkdir -p "$tmp/cm"
cp "$src/consumer.c" "$tmp/cm/"
cp "$src/CMakeLists.consumer.txt" "$tmp/cm/CMakeLists.txt"
cmake -S "$tmp/cm" -B "$tmp/cm/build" -DCMAKE_PREFIX_PATH="$root/usr/local" >"$tmp/cm.log" 2>&1 ||
	{ cat "$tmp/cm.log"; echo "FAIL: find_package(winnet)"; exit 1; }
cmake --build "$tmp/cm/build" >>"$tmp/cm.log" 2>&1 || { cat "$tmp/cm.log"; exit 1; }
LD_LIBRARY_PATH="$libdir" "$tmp/cm/build/consumer"
echo "install test passed"
