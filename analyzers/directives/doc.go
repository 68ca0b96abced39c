// Package directives defines an Analyzer that reports malformed envvet
// suppression directives.
//
// # Analyzer directives
//
// directives: report malformed envvet:ignore directives
//
// A finding that is intended is suppressed with a directive that names the
// check and says why:
//
//	key := os.Getenv("CI") //envvet:ignore envkeys set by every CI provider
//
// A directive without a reason, or naming a check that does not exist,
// would silently suppress nothing (or the wrong thing), so it is reported:
//
//	//envvet:ignore envkeys             // malformed envvet directive: a reason is required
//	//envvet:ignore envkey typo here    // unknown check "envkey" in envvet directive
//
// A well-formed directive that suppresses nothing is reported by the check
// it names: "this envvet:ignore suppresses nothing; remove it".
package directives
