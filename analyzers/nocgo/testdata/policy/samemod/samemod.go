package samemod // want package:`usesCgo\(via example\.com/app/direct, import "C" in direct\.go, reported\)`

// direct reports its own import "C": importing it is not reported again.
import "example.com/app/direct"

// Two uses direct.
func Two() int { return 2 * direct.One() }
