package wants // want package:`pkgFact\(wants\)`

// This package holds every kind of want comment, met and unmet, for
// TestCheckSameAsAnalysistest.

func Fmatched() {} // want `func Fmatched` Fmatched:`isF`

func Fnofact() {} // want `func Fnofact`

func unexpected() {}

func mismatch() {} // want `func other`

// want +1 `func below`
func below() {}

func twice() {} // want `func twice` `func twice`

func badWant() {} /* want "unterminated */

func badDelta() {} // want +x `func badDelta`

func badFact() {} // want badFact `isF`

func factOnly() {} // want factOnly:`isF` `func factOnly`

/* want `func block` */
func block() {}

// A comment on a comment: // want `func nested`
func nested() {}

var _ = 0 // want `nothing here`
