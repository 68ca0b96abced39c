// Overlay for bench/realworld: scripts/compress_assets.sh writes ui/embed.go from embed.go.tmpl at release,
// with a //go:embed line naming the built assets; without them, an empty embedFS lets package ui type-check.

package ui

import "embed"

var embedFS embed.FS
