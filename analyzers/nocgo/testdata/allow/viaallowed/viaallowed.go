// Package viaallowed imports an allowed package: nothing to report.
package viaallowed

import "example.com/allow/allowed"

// Two uses allowed.
func Two() int { return 2 * allowed.One() }
