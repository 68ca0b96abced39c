package vialegacy // want package:`usesCgo\(via example\.com/policy/legacy, import "C" in legacy\.go, reported\)`

// legacy may use cgo under its own manifest, but this package may not.
import "example.com/policy/legacy" // want `example\.com/policy/legacy uses cgo \(import "C" in legacy\.go\), but CGO_ENABLED=0 is declared in \.env\.example`

// Two uses legacy.
func Two() int { return 2 * legacy.One() }
