package viamixed // want package:`usesCgo\(via example\.org/pluginlib/mixed -> example\.org/wrap -> example\.org/cgolib, import "C" in cgolib\.go, reported\)`

// mixed imports plugin too, on a shorter chain, but its cgo chain is
// reported.
import "example.org/pluginlib/mixed" // want `example\.org/pluginlib/mixed uses cgo through example\.org/wrap -> example\.org/cgolib \(import "C" in cgolib\.go\), but CGO_ENABLED=0 is declared in \.env\.example`

// Answer uses mixed.
func Answer() int { return mixed.Answer() }
