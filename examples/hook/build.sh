#!/usr/bin/env bash
# Compiles the example hook against spr.jar into build/coordination-hook.jar (Java 17, javac and jar only).
#   examples/hook/build.sh [path/to/spr.jar]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
jar="${1:-$here/../../cli/target/spr.jar}"
[ -f "$jar" ] || { echo "build.sh: $jar not found; run ./spr --version once to build it" >&2; exit 2; }
rm -rf "$here/build" && mkdir -p "$here/build/classes/META-INF/services"
javac --release 17 -cp "$jar" -d "$here/build/classes" $(find "$here/src" -name '*.java')
cp "$here/src/META-INF/services/org.spr.fixes.hook.HookFactory" "$here/build/classes/META-INF/services/"
(cd "$here/build/classes" && jar cf ../coordination-hook.jar .)
echo "$here/build/coordination-hook.jar"
