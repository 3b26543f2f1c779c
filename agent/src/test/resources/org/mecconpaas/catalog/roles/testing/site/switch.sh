#!/bin/sh
ln -sfn "$MEC_CODE_DIR" current.tmp && mv -T current.tmp current
echo "switched to version $MEC_CODE_VERSION"
