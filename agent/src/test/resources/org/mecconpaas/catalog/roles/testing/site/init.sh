#!/bin/sh
# a version without index.html is refused
if [ ! -f "$MEC_CODE_DIR/index.html" ]; then
  echo "version $MEC_CODE_VERSION has no index.html" >&2
  exit 4
fi
echo "version $MEC_CODE_VERSION checked"
