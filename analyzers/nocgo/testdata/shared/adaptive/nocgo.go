//go:build !cgo

package adaptive

func answer() int { return 42 }
