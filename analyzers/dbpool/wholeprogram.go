package dbpool

// WholeProgram returns the categories of the findings dbpool concludes
// from what no package of the program does (no SetMaxOpenConns anywhere on
// a pool). A driver analyzing a program some of whose packages did not
// type-check withholds them: the missing package may be the one that
// limits the pool.
func WholeProgram() []string { return []string{catNoLimit} }
