#!/usr/bin/env bash
# Installs the Diffuson Jupyter kernelspec (kernel.json + shaded kernel jar).
#   kernel/install.sh [--user | --prefix DIR] [--name NAME]
# --user (default): ~/.local/share/jupyter/kernels/NAME
# --prefix DIR:     DIR/share/jupyter/kernels/NAME (found with JUPYTER_PATH=DIR/share/jupyter)
# The java in kernel.json is the absolute path of $JAVA_HOME/bin/java, or of the java on PATH; it must be 17+.
# Builds target/diffuson-*-kernel.jar with Maven first if it is missing.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
dest_root="${XDG_DATA_HOME:-$HOME/.local/share}/jupyter/kernels"
name="diffuson"
while [ $# -gt 0 ]; do
  case "$1" in
    --user) dest_root="${XDG_DATA_HOME:-$HOME/.local/share}/jupyter/kernels"; shift ;;
    --prefix) dest_root="$2/share/jupyter/kernels"; shift 2 ;;
    --prefix=*) dest_root="${1#--prefix=}/share/jupyter/kernels"; shift ;;
    --name) name="$2"; shift 2 ;;
    -h|--help) sed -n '2,8p' "$0"; exit 0 ;;
    *) echo "install.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
[[ "$name" =~ ^[a-z0-9._-]+$ ]] || { echo "install.sh: kernel name must match [a-z0-9._-]+" >&2; exit 2; }

if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
  java="$JAVA_HOME/bin/java"
else
  java="$(command -v java || true)"
  [ -n "$java" ] || { echo "install.sh: no java on PATH; install a JDK 17+ or set JAVA_HOME" >&2; exit 1; }
  java="$(readlink -f "$java")"
fi
feature="$("$java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')"
if [ -z "$feature" ] || [ "${feature%%.*}" -lt 17 ] 2>/dev/null; then
  echo "install.sh: $java is Java ${feature:-unknown}; the kernel needs 17 or newer" >&2; exit 1
fi
"$java" --list-modules 2>/dev/null | grep -q '^jdk.jshell@' \
  || { echo "install.sh: $java has no jdk.jshell module (a JRE?); install a full JDK" >&2; exit 1; }

jar="$(ls -t "$root"/target/diffuson-*-kernel.jar 2>/dev/null | head -1 || true)"
if [ -z "$jar" ]; then
  (cd "$root" && mvn -q -B -DskipTests package)
  jar="$(ls -t "$root"/target/diffuson-*-kernel.jar | head -1)"
fi

dest="$dest_root/$name"
mkdir -p "$dest"
cp "$jar" "$dest/diffuson-kernel.jar"
# The display name names the JDK found ("Diffuson (Java 25)"); a non-default --name is added to it.
display="Diffuson (Java ${feature%%.*})"
[ "$name" != "diffuson" ] && display="Diffuson (Java ${feature%%.*}, $name)"
sed -e "s|@JAVA@|$java|" -e "s|@DISPLAY_NAME@|$display|" "$here/kernel.json.in" > "$dest/kernel.json"
echo "installed kernelspec '$name' in $dest"
