//go:build !cgo

package adaptive

func local() int { return 42 }
