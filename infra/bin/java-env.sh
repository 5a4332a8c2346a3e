# Sourced by the scripts beside it: selects a JDK 25 (or newer) for Maven and for the platform, and checks for Maven.
_cinemaabyss_java_ok() {
  [ -x "$1/bin/java" ] && "$1/bin/java" -version 2>&1 | grep -qE 'version "(2[5-9]|[3-9][0-9])'
}
if _cinemaabyss_java_ok /usr/lib/jvm/temurin-25-jdk-amd64; then
  JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
elif [ -n "${JAVA_HOME:-}" ] && _cinemaabyss_java_ok "$JAVA_HOME"; then
  :
elif command -v java >/dev/null && _cinemaabyss_java_ok "$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"; then
  JAVA_HOME=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
else
  echo "CinemaAbyss needs JDK 25 or newer: install Temurin 25, or set JAVA_HOME to a JDK 25." >&2
  exit 1
fi
unset -f _cinemaabyss_java_ok
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"
command -v mvn >/dev/null || { echo "CinemaAbyss needs Apache Maven 3.8 or newer on PATH." >&2; exit 1; }
# Maven's own JVM compiles and packages in short bursts: C1 alone and one GC thread spend far less CPU warming up
# (packaging everything on two cores: 257 s of CPU down to 160 s). Benchmarks run in JVMs of their own, not this one.
export MAVEN_OPTS="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC ${MAVEN_OPTS:-}"
