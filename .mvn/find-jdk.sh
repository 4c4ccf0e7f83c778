# Sourced by ./mvnw and the project's launchers (POSIX sh). Exports JAVA_HOME pointing at a JDK whose
# feature version is at least FTMEM_MIN_JDK, or prints one sentence and exits 1.
# Order: $JAVA_HOME, the `java` on PATH, then the standard install folders.
FTMEM_MIN_JDK=25

ftmem_jdk_feature() {
  # Prints the feature version of the JDK at $1 (e.g. 25), or nothing if $1 holds no usable JDK.
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 0
  if [ -f "$1/release" ]; then
    sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release"
  else
    "$1/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n 1
  fi
}

ftmem_find_jdk() {
  # ./mvnw runs with `set -f`; the search below needs globbing.
  case $- in *f*) set +f; ftmem_restore_noglob=1 ;; *) ftmem_restore_noglob=0 ;; esac
  for candidate in "${JAVA_HOME-}" \
      "$(command -v java >/dev/null 2>&1 && dirname "$(dirname "$(readlink -f "$(command -v java)")")")" \
      /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/* \
      /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -n "$candidate" ] && [ -d "$candidate" ] || continue
    feature=$(ftmem_jdk_feature "$candidate")
    if [ -n "$feature" ] && [ "$feature" -ge "$FTMEM_MIN_JDK" ]; then
      JAVA_HOME=$candidate
      export JAVA_HOME
      [ "$ftmem_restore_noglob" = 1 ] && set -f
      return 0
    fi
  done
  echo "ftmem needs JDK $FTMEM_MIN_JDK or newer, and none was found in JAVA_HOME, on the PATH or under /usr/lib/jvm; install one (e.g. Temurin 25) or point JAVA_HOME at it." >&2
  exit 1
}

ftmem_find_jdk
