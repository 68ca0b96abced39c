package manifest

import (
	"bytes"

	"github.com/envvet/envvet/internal/report"
)

// checkDirectives rejects a malformed "# envvet:ignore" comment, one that
// names no check, gives no reason or names a check envvet does not have.
// In a Go file the directives check reports such a comment; a manifest is
// no package's file, so no check would, and the finding it was written
// for would stay with no word on why. The yaml ignore: field's missing
// reason or unknown check is an error likewise.
func checkDirectives(path string, data []byte) error {
	if !bytes.Contains(data, []byte("envvet:")) {
		return nil
	}
	if line, col, msg := report.MalformedHashDirective(data); msg != "" {
		return errorf(path, line, col, "%s", msg)
	}
	return nil
}
