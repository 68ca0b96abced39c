package sarif

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// fileCache reads each cited file once per Write call.
type fileCache struct {
	lines map[string][]string // nil entry: unreadable
}

func newFileCache() *fileCache { return &fileCache{lines: make(map[string][]string)} }

// maxFile bounds the files read for columns and fingerprints.
const maxFile = 32 << 20

// line returns line n (1-based) of file without its line ending, and
// whether the file could be read and has that line.
func (c *fileCache) line(file string, n int) (string, bool) {
	lines, ok := c.lines[file]
	if !ok {
		if fi, err := os.Stat(file); err == nil && fi.Mode().IsRegular() && fi.Size() <= maxFile {
			if data, err := os.ReadFile(file); err == nil {
				lines = strings.Split(string(data), "\n")
			}
		}
		c.lines[file] = lines
	}
	if n < 1 || n > len(lines) {
		return "", false
	}
	return strings.TrimSuffix(lines[n-1], "\r"), true
}

// column converts the 1-based byte column col of line n of file to a
// 1-based column in UTF-16 code units. Bytes past the end of the line
// (the position of the newline, say) count one unit each. If the line
// cannot be read, col is returned unchanged.
func (c *fileCache) column(file string, n, col int) int {
	text, ok := c.line(file, n)
	if !ok || col < 1 {
		return col
	}
	prefix, past := text, 0
	if col-1 <= len(text) {
		prefix = text[:col-1]
	} else {
		past = col - 1 - len(text)
	}
	return utf16Len(prefix) + past + 1
}

// utf16Len returns the length of s in UTF-16 code units; an invalid byte
// counts as U+FFFD, one unit.
func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		if r >= 0x10000 && r <= utf8.MaxRune {
			n += 2
		} else {
			n++
		}
	}
	return n
}

// lineRef matches references to line numbers in messages ("on line 34",
// "(line 3)", "lines 4"), which change when unrelated lines move.
var lineRef = regexp.MustCompile(`\b([Ll]ines?) \d+`)

// fingerprint returns the hash part of res's partial fingerprint: the
// rule, the path as the log shows it, the message with line references
// blanked, and the trimmed text of the finding's line (its number when
// the file cannot be read).
func (wr *writer) fingerprint(res Result) string {
	path := res.Location.File
	if rel, ok := wr.rel(path); ok && path != "" {
		path = rel
	}
	where := ""
	if res.Location.File != "" && res.Location.Line > 0 {
		if text, ok := wr.files.line(res.Location.File, res.Location.Line); ok {
			where = "text:" + strings.TrimSpace(text)
		} else {
			where = "line:" + strconv.Itoa(res.Location.Line)
		}
	}
	msg := lineRef.ReplaceAllString(res.Message, "$1 #")
	h := sha256.New()
	for _, s := range []string{res.RuleID, path, msg, where} {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
}
