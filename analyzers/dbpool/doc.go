// Package dbpool defines an Analyzer that reports database pools shared
// where they should not be, opened per request, or never limited.
//
// # Analyzer dbpool
//
// dbpool: report misused database/sql connection pools
//
// TODO
package dbpool
