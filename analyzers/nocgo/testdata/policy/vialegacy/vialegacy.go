package vialegacy // want package:`usesCgo\(via example\.com/app/legacy, import "C" in legacy\.go, reported\)`

// legacy may use cgo under its own manifest, but this package may not.
import "example.com/app/legacy" // want `example\.com/app/legacy uses cgo \(import "C" in legacy\.go\), but CGO_ENABLED=0 is declared in \.env\.example`

// Two uses legacy.
func Two() int { return 2 * legacy.One() }
