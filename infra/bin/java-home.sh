# Sourced by the fleet's scripts: exports JAVA_HOME pointing at a JDK 21+ (the build and the
# services need it), preferring the caller's JAVA_HOME, then `java` on the PATH, then the newest
# JDK under /usr/lib/jvm or /opt. Fails with a clear message when there is none.

_shop_java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | head -n1
}

_shop_pick_java_home() {
  local candidate major best="" best_major=0
  for candidate in "${JAVA_HOME:-}" \
      "$(dirname "$(dirname "$(readlink -f "$(command -v java 2>/dev/null || echo /nonexistent)")")")" \
      /usr/lib/jvm/* /opt/java/* /opt/jdk*; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] && [ -x "$candidate/bin/javac" ] || continue
    major=$(_shop_java_major "$candidate")
    major=${major%%.*}
    [[ "$major" =~ ^[0-9]+$ ]] || continue
    if [ "$candidate" = "${JAVA_HOME:-}" ] && [ "$major" -ge 21 ]; then best=$candidate; break; fi
    if [ "$major" -ge 21 ] && [ "$major" -gt "$best_major" ]; then best=$candidate; best_major=$major; fi
  done
  if [ -z "$best" ]; then
    echo "error: the shop fleet needs a JDK 21 or newer and none was found." >&2
    echo "       Install one (e.g. Temurin 21/25) and set JAVA_HOME to it." >&2
    return 1
  fi
  export JAVA_HOME=$best
  export PATH="$JAVA_HOME/bin:$PATH"
}

_shop_pick_java_home
