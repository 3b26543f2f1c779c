#!/bin/sh
# healthy once the server answers, and not before a test allows it
[ -f healthy-allowed ] || exit 1
exec python3 -c 'import os, urllib.request; urllib.request.urlopen("http://127.0.0.1:%s/" % os.environ["MY_PORT"], timeout=2)'
