#!/usr/bin/env bash
# Starts the Keycloak the tests use, for local work: the distribution the build unpacks into target/keycloak, in dev
# mode, with the realm of keycloak/fulfillment-realm.json imported into an in-memory database (so every start has the
# realm exactly as the file says; changes made in the admin console are gone after a restart).
#
#   keycloak/start.sh                       # http://localhost:8180, realm "fulfillment"
#   KEYCLOAK_PORT=8280 keycloak/start.sh    # another port
#   keycloak/start.sh --log-level=debug     # further kc.sh options are passed on
#
# JDK: JAVA_HOME if it is a JDK >= 21, else the newest JDK >= 21 under /usr/lib/jvm, ~/.sdkman or ~/.jdks, else the
# java on the PATH if it is >= 21. Nothing to export by hand. Demo credentials only: see README "Keycloak (real server)".
set -euo pipefail
cd "$(dirname "$0")/.."

port=${KEYCLOAK_PORT:-8180}
management_port=${KEYCLOAK_MANAGEMENT_PORT:-9180}
host=${KEYCLOAK_HOST:-127.0.0.1}

version=$(sed -n 's:.*<keycloak.version>\(.*\)</keycloak.version>.*:\1:p' pom.xml | head -1)
home="target/keycloak/keycloak-$version"
if [ ! -f "$home/bin/kc.sh" ]; then
  echo "Unpacking Keycloak $version into target/keycloak (once; the Maven build does the same before the tests)"
  ./mvnw -B -q -ntp dependency:unpack@unpack-keycloak
fi

# Major version of a JDK home ("25.0.1" -> 25, "1.8.0_412" -> 1), empty when there is no java in it.
major() {
  [ -x "$1/bin/java" ] || return 0
  "$1/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1
}

jdk=""
if [ -n "${JAVA_HOME:-}" ] && [ "$(major "$JAVA_HOME")" -ge 21 ] 2>/dev/null; then
  jdk=$JAVA_HOME
else
  best=0
  for candidate in /usr/lib/jvm/* "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/* \
                   "$(dirname "$(dirname "$(readlink -f "$(command -v java || echo /nonexistent)")")")"; do
    [ -d "$candidate" ] || continue
    m=$(major "$candidate")
    if [ -n "$m" ] && [ "$m" -ge 21 ] && [ "$m" -gt "$best" ]; then
      best=$m
      jdk=$candidate
    fi
  done
fi
if [ -z "$jdk" ]; then
  echo "No JDK >= 21 found (JAVA_HOME, /usr/lib/jvm, ~/.sdkman, ~/.jdks, PATH); Keycloak $version needs one." >&2
  exit 1
fi
jdk=$(readlink -f "$jdk")
echo "Keycloak $version on $jdk (Java $(major "$jdk")): http://localhost:$port/realms/fulfillment"

mkdir -p "$home/data/import"
cp keycloak/fulfillment-realm.json "$home/data/import/"

export JAVA_HOME=$jdk
exec "$home/bin/kc.sh" start-dev \
  --http-host="$host" \
  --http-port="$port" \
  --http-management-port="$management_port" \
  --hostname="http://localhost:$port" \
  --db=dev-mem \
  --import-realm \
  "$@"
