# shellcheck shell=bash disable=SC2034 # variables for the scripts that source this
# java/web: what init.sh, start.sh and switch.sh share (sourced after lib.sh).

JAVA=${MEC_JAVA:-java}
JETTY_WORK=$STATE/jetty-work
JETTY_ACTIVE=$STATE/run/jetty-deployment

jetty_home() {
  local home
  home=$(ls -d "${MEC_MIDDLEWARE:?MEC_MIDDLEWARE is not set}"/jetty/jetty-home-* 2>/dev/null |
    sort -V | tail -n 1)
  [ -f "$home/start.jar" ] || mec_fail "no Jetty in $MEC_MIDDLEWARE/jetty"
  echo "$home"
}

# The platform's Jetty classes (images/jetty-ext): the draining root context.
jetty_ext() {
  local jar=${MEC_MIDDLEWARE:?MEC_MIDDLEWARE is not set}/jetty/ext/jetty-ext.jar
  [ -f "$jar" ] || mec_fail "no $jar: the middleware directory predates the draining context"
  echo "$jar"
}

# The web application in a code directory: the directory itself when the agent unpacked the WAR
# (it has WEB-INF/), else the only *.war file in it.
jetty_war() {
  local dir=$1 wars
  if [ -d "$dir/WEB-INF" ]; then
    echo "$dir"
    return
  fi
  wars=("$dir"/*.war)
  [ ${#wars[@]} -eq 1 ] && [ -f "${wars[0]}" ] ||
    mec_fail "$dir holds neither an unpacked WAR (WEB-INF/) nor exactly one .war file"
  echo "${wars[0]}"
}

xml_escape() {
  sed -e 's/&/\&amp;/g' -e 's/</\&lt;/g' -e 's/>/\&gt;/g' -e 's/"/\&quot;/g' <<<"$1"
}

# Points the root context at a WAR, with a fresh temporary directory; prints that directory.
jetty_deploy() {
  local war=$1 temp
  mec_writable_dirs "$JETTY_WORK"
  temp=$(mktemp -d "$JETTY_WORK/v${MEC_CODE_VERSION:-0}-XXXXXX")
  mec_writable_dirs "$temp"
  mkdir -p "$STATE/conf"
  WAR=$(xml_escape "$war") TEMP_DIR=$(xml_escape "$temp") \
    mec_render "$ROLE_DIR/context.xml.tmpl" "$STATE/conf/root.xml"
  # one rename: the scanner never sees a partial file
  mv -f "$STATE/conf/root.xml" "$STATE/jetty-base/webapps/root.xml"
  echo "$temp"
}
