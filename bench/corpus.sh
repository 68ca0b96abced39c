# bench/corpus.sh: sourced by bench/run and bench/robust.
#
# corpus MOD@VER: downloads MOD@VER from the module proxy (go mod download),
# copies it to $BENCH_DIR/corpus/MOD@VER (writable, outside the repository),
# downloads its dependencies, and prints the directory. The example module
# is the one special name: "example" is ./example of this repository.

BENCH_DIR=${BENCH_DIR:-/tmp/envvet-bench}
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

corpus() {
	local spec=$1
	if [ "$spec" = example ]; then
		echo "$REPO/example"
		return
	fi
	local dst="$BENCH_DIR/corpus/${spec//\//_}"
	if [ ! -f "$dst/.ready" ]; then
		local dir
		dir=$(go mod download -json "$spec" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
		if [ -z "$dir" ]; then
			echo "corpus: cannot download $spec" >&2
			return 1
		fi
		rm -rf "$dst"
		mkdir -p "$(dirname "$dst")"
		cp -r "$dir" "$dst"
		chmod -R u+w "$dst"
		(cd "$dst" && go mod download) >&2 || return 1
		touch "$dst/.ready"
	fi
	echo "$dst"
}

# npkgs DIR PATTERN: the number of packages PATTERN matches in DIR
# (without tests) and the number in the whole program (with dependencies).
npkgs() {
	(cd "$1" && echo "$(go list "$2" 2>/dev/null | wc -l) $(go list -deps "$2" 2>/dev/null | wc -l)")
}
