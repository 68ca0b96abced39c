// Package relpos turns source positions kept in facts back into token.Pos
// values for a pass's related information.
//
// A fact must not hold a token.Pos: under go vet each package is analyzed
// in a process of its own, and a position from another package means
// nothing in the FileSet of the next. Facts keep "file:line:col" instead,
// and a check that wants to point into another package's file (an
// imported helper's read, a consumer's use of a pool) resolves it here:
// in the package's own files directly, else by adding the file, read from
// disk, to the pass's FileSet, as passes/asmdecl does for assembly files.
// A position whose file is gone, or no longer has that line and column,
// resolves to nothing: a check then leaves the entry out rather than
// point somewhere wrong.
package relpos

import (
	"go/ast"
	"go/token"
	"os"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// Format returns the "file:line:col" of pos in fset (see Position); ""
// when pos is unknown.
func Format(fset *token.FileSet, pos token.Pos) string {
	p := Position(fset, pos)
	if !p.IsValid() {
		return ""
	}
	return p.Filename + ":" + strconv.Itoa(p.Line) + ":" + strconv.Itoa(p.Column)
}

// Position returns the position of pos to keep in a fact: adjusted by
// //line directives when they name a Go file (cgo's generated files
// point back at the original source), else as in the file itself.
func Position(fset *token.FileSet, pos token.Pos) token.Position {
	if !pos.IsValid() {
		return token.Position{}
	}
	if p := fset.Position(pos); p.IsValid() && strings.HasSuffix(p.Filename, ".go") && p.Column > 0 {
		return p
	}
	return fset.PositionFor(pos, false)
}

// Parse splits a "file:line:col" made by Format.
func Parse(s string) (file string, line, col int, ok bool) {
	file, line, col = Split(s)
	if file == "" || line < 1 || col < 1 {
		return "", 0, 0, false
	}
	return file, line, col, true
}

// Split splits a position as token.Position and go list print it:
// file:line:col, file:line (col 0), or a bare file or "-" (line and col 0).
func Split(s string) (file string, line, col int) {
	file = s
	var nums []int
	for range 2 {
		i := strings.LastIndexByte(file, ':')
		if i < 0 {
			break
		}
		n, err := strconv.Atoi(file[i+1:])
		if err != nil {
			break
		}
		nums = append(nums, n)
		file = file[:i]
	}
	switch len(nums) {
	case 2:
		return file, nums[1], nums[0]
	case 1:
		return file, nums[0], 0
	}
	return file, 0, 0
}

// Files resolves positions for one pass. It is not safe for concurrent
// use; make one per pass.
type Files struct {
	fset  *token.FileSet
	files []*ast.File
	added map[string]*token.File // by name; nil for files that cannot be read
}

// New returns a resolver for pass.
func New(pass *analysis.Pass) *Files {
	return &Files{fset: pass.Fset, files: pass.Files}
}

// Pos returns the position of line:col of file.
func (f *Files) Pos(file string, line, col int) (token.Pos, bool) {
	if file == "" || line < 1 || col < 1 {
		return token.NoPos, false
	}
	for _, af := range f.files {
		if tf := f.fset.File(af.FileStart); tf != nil && tf.Name() == file {
			return PosIn(tf, line, col)
		}
	}
	if !strings.HasSuffix(file, ".go") {
		return token.NoPos, false
	}
	return PosIn(f.add(file), line, col)
}

// Decl returns the position of line:col of file, a file of declarations
// (a manifest, a kustomization, a Dockerfile) rather than Go source: the
// file is read and added to the FileSet on first use. A column of 1 or
// less, or past the file's end, gives the line's start; a file that
// cannot be read, or a line it does not have, resolves to nothing.
func (f *Files) Decl(file string, line, col int) (token.Pos, bool) {
	tf := f.add(file)
	if tf == nil || line < 1 || line > tf.LineCount() {
		return token.NoPos, false
	}
	pos := tf.LineStart(line)
	if col > 1 && int(pos)+col-1 < tf.Base()+tf.Size() {
		pos += token.Pos(col - 1)
	}
	return pos, true
}

// add returns the token.File of file, read from disk and added to the
// FileSet on first use; nil when it cannot be read.
func (f *Files) add(file string) *token.File {
	tf, ok := f.added[file]
	if !ok {
		if content, err := os.ReadFile(file); err == nil {
			tf = f.fset.AddFile(file, -1, len(content))
			tf.SetLinesForContent(content)
		}
		if f.added == nil {
			f.added = make(map[string]*token.File)
		}
		f.added[file] = tf
	}
	return tf
}

// PosString returns the position of a "file:line:col" made by Format.
func (f *Files) PosString(s string) (token.Pos, bool) {
	file, line, col, ok := Parse(s)
	if !ok {
		return token.NoPos, false
	}
	return f.Pos(file, line, col)
}

// PosIn returns the position of line:col in tf, if tf has it.
func PosIn(tf *token.File, line, col int) (token.Pos, bool) {
	if tf == nil || line < 1 || line > tf.LineCount() || col < 1 {
		return token.NoPos, false
	}
	start := tf.LineStart(line)
	end := tf.Base() + tf.Size() // the line's end: the next line's start, or the file's
	if line < tf.LineCount() {
		end = int(tf.LineStart(line + 1))
	}
	pos := start + token.Pos(col-1)
	if int(pos) >= end {
		return token.NoPos, false
	}
	return pos, true
}
