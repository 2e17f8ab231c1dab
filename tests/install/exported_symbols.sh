#!/bin/sh
# exported_symbols.sh LIB - every dynamic symbol libwinnet defines is public API:
# a Windows name (Get*/Free*/Convert*/Notify*/Cancel*/Initialize*/Net*/Ndis*/Ke*/Mm*),
# a kernel-mode variant winnet_k_*, or a winnet_* extension. Names anything else.
set -eu
lib=$1
bad=$(nm -D --defined-only "$lib" | awk '{print $3}' | sed 's/@.*//' | grep -v '^$' |
	grep -Ev '^(Get|Free|Convert|Notify|Cancel|Initialize|Net|Ndis|Ke|Mm)[A-Z0-9]' |
	grep -Ev '^winnet_' | grep -Ev '^(WINNET_0)$' || true)
count=$(nm -D --defined-only "$lib" | wc -l)
if [ -n "$bad" ]; then
	echo "FAIL: libwinnet exports non-API symbols:"; echo "$bad"; exit 1
fi
nm -D --defined-only "$lib" | grep -q ' NetApiBufferFree@' || { echo "FAIL: NetApiBufferFree not exported"; exit 1; }
echo "exported symbols ok ($count defined)"
