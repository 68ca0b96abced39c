// Package cputime reads the process's own CPU time, for the figures that
// the editor server logs and the benchmarks print.
package cputime
