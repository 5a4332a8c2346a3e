# Sourced by the scripts beside it: selects a JDK 25 for Maven and for the platform.
if [ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
elif [ -n "${JAVA_HOME:-}" ] && "$JAVA_HOME/bin/java" -version 2>&1 | grep -qE 'version "(2[5-9]|[3-9][0-9])'; then
  :
elif command -v java >/dev/null && java -version 2>&1 | grep -qE 'version "(2[5-9]|[3-9][0-9])'; then
  JAVA_HOME=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
  export JAVA_HOME
else
  echo "CinemaAbyss needs JDK 25 or newer: install Temurin 25 or set JAVA_HOME to it." >&2
  exit 1
fi
export PATH="$JAVA_HOME/bin:$PATH"
command -v mvn >/dev/null || { echo "CinemaAbyss needs Apache Maven 3.8+ on PATH." >&2; exit 1; }
