# Finding a JDK/JRE 21+ for Neuromesh: sourced (bash) by the repository's ./neuromesh launcher and by the installed
# /usr/bin/neuromesh, so both look in the same places in the same order: JAVA_HOME, PATH, then /usr/lib/jvm/*.
# Defines find_java (sets JAVA_BIN, JAVA_MAJOR and exports JAVA_HOME), jvm_flags (sets the JVM_FLAGS array and
# JVM_KIND) and class_data_flags (adds to JVM_FLAGS).
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
# Called with the command line: `edge` also gets the edge node's memory defaults (edge_flags), the commands that
# ask the fleet something and end get the short-lived defaults (client_flags); the broker, the dashboard, a worker,
# the demo, the bench and replay keep the JVM's own.
jvm_flags() {
  JVM_FLAGS=()
  if [[ "$JAVA_MAJOR" -ge 23 ]]; then
    JVM_FLAGS+=(--enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow)
  fi
  JVM_KIND=client  # --version, --help
  local arg
  for arg in "$@"; do
    [[ "$arg" == -* ]] && continue
    case "$arg" in
      edge) JVM_KIND=edge ;;
      broker|dashboard|worker|demo|bench|replay) JVM_KIND=default ;;
    esac
    break
  done
  case "$JVM_KIND" in
    edge) edge_flags ;;
    client) client_flags ;;
  esac
  return 0
}

# A command such as `nodes` or `topology apply` runs for a second or two, most of it the JVM starting: the optimising
# compiler (C2) costs CPU there and pays back only in programs that run long. With the client compiler alone
# `neuromesh nodes` took 0.9-1.0 s instead of 1.2-1.4 s on the 2-core test VM, and validating a 100,000-neuron file
# 2.0-2.1 s instead of 2.1-2.4 s (the serial collector on top made that 2.6 s: the collector stays the JVM's choice).
# NEUROMESH_JAVA_OPTS wins as for the edge.
client_flags() {
  [[ " ${NEUROMESH_JAVA_OPTS:-} " != *"-XX:"*"Tiered"* ]] && JVM_FLAGS+=(-XX:TieredStopAtLevel=1)
  return 0
}

# A client command's classes archived once (class data sharing): its JVM then maps them instead of loading and
# verifying them from the jars: `neuromesh nodes` 1.13 -> 1.00 s and 1.53 -> 1.40 CPU-s on the 2-core test VM (on top
# of the client compiler), and an edge, which maps the three quarters of its classes it shares with them, reaches its
# broker in 1.38-1.58 s instead of 1.56-1.82 s.
# Usage: class_data_flags DIR JAR...: DIR holds one archive, named after the java binary, its JVM library's time and
# size and those of the classpath's JARs: the first client command after a build, an upgrade or a JDK update writes it
# as it exits, one command at a time (the lock on fd 8, which the JVM inherits and holds until it exits); the others
# meanwhile run without it. Nothing for the other commands, nor without flock or a writable DIR, nor when
# NEUROMESH_JAVA_OPTS says -Xshare:off or names an archive of its own.
class_data_flags() {
  local dir="$1" archive opts=" ${NEUROMESH_JAVA_OPTS:-} "
  shift
  [[ "$opts" != *"-Xshare:off"* && "$opts" != *"Archive"* ]] || return 0
  [[ "$JVM_KIND" == client || "$JVM_KIND" == edge ]] && command -v flock >/dev/null 2>&1 \
    && mkdir -p "$dir" 2>/dev/null && [[ -w "$dir" && -f "$1" ]] || return 0
  archive="$dir/cli-$( (echo "$JAVA_BIN"; stat -c %Y.%s "$@" "$JAVA_HOME"/lib/server/libjvm.so 2>/dev/null) \
    | cksum | cut -d' ' -f1).jsa"
  # A JVM reports an archive it cannot use (half written, say) on stdout, where the command's own output goes.
  JVM_FLAGS+=("-Xlog:cds*=off")
  if [[ -s "$archive" ]]; then
    JVM_FLAGS+=("-XX:SharedArchiveFile=$archive")
  elif [[ "$JVM_KIND" == client ]]; then
    exec 8>>"$dir/lock"
    if flock -n 8; then
      rm -f "$dir"/cli-*.jsa
      JVM_FLAGS+=("-XX:ArchiveClassesAtExit=$archive")
    else
      exec 8>&-
    fi
  fi
  return 0
}

# An edge node sizes itself for a Pi. The JVM's own default heap is a quarter of the memory (512 MB of a 2 GB Pi 4)
# and an initial heap of 1/64 whose young generation is touched before the first collection; an edge runtime needs
# about 2.2 MB of heap per 1,000 neurons (measured by `neuromesh bench --only 100k`, README "Benchmarks"). So: at
# most an eighth of the memory, between 64 MB and 512 MB (a 2 GB Pi 4: 256 MB, room for ~100,000 neurons), starting
# at 16 MB, with the serial collector (no GC threads, no remembered sets: the smallest footprint), and with the
# client compiler only (-XX:TieredStopAtLevel=1): a node's Java work per input is microseconds beside a broker hop,
# whereas the optimising compiler took about half of a node's CPU during a big apply (3.4 of 7.4 CPU-seconds per
# node, 100,000 neurons over two nodes), kept compiling through the latency bench and holds more memory (README
# "Benchmarks": sparse traffic, large topologies).
# Whatever NEUROMESH_JAVA_OPTS sets wins: -Xmx/-XX:MaxRAM*, -Xms, any -XX:+Use*GC, or any -XX:*Tiered* option
# replaces the matching default.
edge_flags() {
  local opts=" ${NEUROMESH_JAVA_OPTS:-} " mem_kb heap_mb
  if [[ "$opts" != *" -Xmx"* && "$opts" != *"-XX:MaxRAM"* ]]; then
    mem_kb=$(awk '/^MemTotal:/ { print $2 }' /proc/meminfo 2>/dev/null || true)
    heap_mb=$(( ${mem_kb:-0} / 1024 / 8 ))
    (( heap_mb < 64 )) && heap_mb=64
    (( heap_mb > 512 )) && heap_mb=512
    JVM_FLAGS+=("-Xmx${heap_mb}m")
  fi
  [[ "$opts" != *" -Xms"* ]] && JVM_FLAGS+=(-Xms16m)
  [[ "$opts" != *"-XX:+Use"*"GC"* ]] && JVM_FLAGS+=(-XX:+UseSerialGC)
  client_flags
}
