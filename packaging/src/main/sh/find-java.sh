# Finding a JDK/JRE 21+ for Neuromesh: sourced (bash) by the repository's ./neuromesh launcher and by the installed
# /usr/bin/neuromesh, so both look in the same places in the same order: JAVA_HOME, PATH, then /usr/lib/jvm/*.
# Defines find_java (sets JAVA_BIN, JAVA_MAJOR and exports JAVA_HOME) and jvm_flags (sets the JVM_FLAGS array).
# The caller defines die MESSAGE (prints, exits 1).

MIN_JAVA=21

# Prints the feature version (17, 21, 25, ...) of a java binary, or nothing if it does not run. Reads the JDK's
# release file when there is one (instant); otherwise asks the JVM (a JVM start).
java_major() {
  local version home
  home="$(cd "$(dirname "$(readlink -f "$1")")/.." 2>/dev/null && pwd)"
  if [[ -f "$home/release" ]]; then
    version=$(sed -n 's/^JAVA_VERSION="\([^"]*\)".*/\1/p' "$home/release" | head -n1)
  fi
  [[ -z "${version:-}" ]] && version=$("$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p' | head -n1)
  [[ "$version" == 1.* ]] && version=${version#1.}
  echo "${version%%.*}"
}

find_java() {
  local candidates=()
  [[ -n "${JAVA_HOME:-}" ]] && candidates+=("$JAVA_HOME/bin/java")
  command -v java >/dev/null 2>&1 && candidates+=("$(command -v java)")
  local dir
  for dir in $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV); do candidates+=("${dir%/}/bin/java"); done
  local java major
  for java in "${candidates[@]}"; do
    [[ -x "$java" ]] || continue
    major=$(java_major "$java")
    if [[ -n "$major" && "$major" -ge $MIN_JAVA ]]; then
      JAVA_BIN="$java"
      JAVA_MAJOR="$major"
      JAVA_HOME="$(cd "$(dirname "$(readlink -f "$java")")/.." && pwd)"
      export JAVA_HOME
      return 0
    fi
  done
  die "no Java $MIN_JAVA or newer found (looked at JAVA_HOME, PATH and /usr/lib/jvm); install one, e.g. apt-get install openjdk-21-jre-headless (openjdk-21-jdk-headless to build from source)"
}

# Flags newer JDKs want for RocksDB/JNA native access and Netty's sun.misc.Unsafe use; JDK 21 rejects the second.
jvm_flags() {
  JVM_FLAGS=()
  if [[ "$JAVA_MAJOR" -ge 23 ]]; then
    JVM_FLAGS+=(--enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow)
  fi
}
