# Sourced by the fetch scripts that take published tools from npm: sets $dest (the tools directory,
# $WASMVM_TOOLS or ~/.cache/wasmvm-tools, created) and $work (a scratch directory, removed on exit),
# and defines npm_package NAME VERSION SHA256 DIR: the package's tarball from the registry, checked
# against SHA256, unpacked into DIR (its files under DIR/package). Needs npm, tar and sha256sum.
dest="${WASMVM_TOOLS:-$HOME/.cache/wasmvm-tools}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$dest"

npm_package() {
  mkdir -p "$4"
  tarball="$(cd "$4" && npm pack --silent "$1@$2" | tail -n 1)"
  (cd "$4" && echo "$3  $tarball" | sha256sum -c --quiet - && tar xzf "$tarball")
}
