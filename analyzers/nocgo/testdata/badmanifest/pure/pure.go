// Package pure has no cgo: the manifest is not read for it.
package pure
