package manifest

import (
	"bytes"
	"strings"

	"github.com/envvet/envvet/internal/report"
)

// checkDirectives rejects a malformed "# envvet:ignore" comment, one that
// names no check or gives no reason. In a Go file the directives check
// reports such a comment; a manifest is no package's file, so no check
// would, and the finding it was written for would stay with no word on
// why. The yaml ignore: field's missing reason is an error likewise.
func checkDirectives(path string, data []byte) error {
	if !bytes.Contains(data, []byte("envvet:")) {
		return nil
	}
	for i, line := range strings.Split(string(data), "\n") {
		trimmed := strings.TrimLeft(line, " \t")
		text, ok := strings.CutPrefix(trimmed, "#")
		if !ok {
			continue
		}
		if _, _, _, msg, ok := report.Parse(strings.TrimSpace(text)); ok && msg != "" {
			return errorf(path, i+1, len(line)-len(trimmed)+1, "%s", msg)
		}
	}
	return nil
}
