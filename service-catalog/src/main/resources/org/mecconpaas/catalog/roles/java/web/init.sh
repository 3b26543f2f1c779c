#!/bin/bash
# java/web: accepts a code version when it is a web application (an unpacked WAR with WEB-INF/,
# or one .war file that is a zip with WEB-INF/ entries) whose WEB-INF/*.xml descriptors are well
# formed: Jetty would otherwise refuse it only at deployment.
set -euo pipefail
source "$MEC_ROLE_DIR/lib.sh"
source "$MEC_ROLE_DIR/jetty.sh"
: "${MEC_CODE_DIR:?}"

mec_check_readable "$MEC_CODE_DIR"
war=$(jetty_war "$MEC_CODE_DIR")
if [ -f "$war" ]; then
  [ "$(head -c 4 "$war" | od -An -tx1 | tr -d ' \n')" = 504b0304 ] || mec_fail "$war is not a zip file"
  grep -aq 'WEB-INF/' "$war" || mec_fail "$war has no WEB-INF/"
  echo "WAR file $(basename "$war"): $(wc -c <"$war") bytes"
  exit 0
fi

home=$(jetty_home)
classpath=$(ls "$home"/lib/jetty-xml-*.jar "$home"/lib/jetty-util-[0-9]*.jar "$home"/lib/logging/*.jar |
  tr '\n' :)
checked=0
for xml in "$war"/WEB-INF/*.xml; do
  [ -f "$xml" ] || continue
  # the JRE's parser is reached through Jetty's reflection on its (unexported) implementation
  if ! out=$("$JAVA" -Xmx32m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC \
    --add-exports java.xml/com.sun.org.apache.xerces.internal.jaxp=ALL-UNNAMED \
    -cp "$classpath" org.eclipse.jetty.xml.XmlConfiguration \
    mec.xml="$xml" "$ROLE_DIR/xml-check.xml" 2>&1); then
    grep '^\[Fatal Error\]' <<<"$out" >&2 || echo "$out" | head -n 5 >&2
    mec_fail "WEB-INF/$(basename "$xml") is not well-formed XML"
  fi
  checked=$((checked + 1))
done
echo "web application with WEB-INF/, $checked descriptors well formed"
