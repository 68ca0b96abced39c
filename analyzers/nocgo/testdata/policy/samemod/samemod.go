package samemod // want package:`usesCgo\(via example\.com/policy/direct, import "C" in direct\.go, reported\)`

// direct reports its own import "C": importing it is not reported again.
import "example.com/policy/direct"

// Two uses direct.
func Two() int { return 2 * direct.One() }
