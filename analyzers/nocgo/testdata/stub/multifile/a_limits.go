//go:build cgo

// Package multifile keeps its cgo store in three files built only with
// cgo: a_limits.go, first in name order, shares only Close with the stub;
// b_ops.go shares three methods; store.go declares Store and holds Open
// and Store.Get. The stub is reported once, at store.go, the file that
// declares the type the stub replaces (beads v0.52.0's
// internal/storage/dolt has the shape: adaptive_length.go,
// dependencies.go, store.go).
package multifile

func maxKeyLen() int { return 255 }

func Close() error { return nil }
