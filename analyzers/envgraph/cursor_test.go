package envgraph

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"testing"

	"github.com/envvet/envvet/internal/lazyinspect"
)

// TestCursorOf: cursorOf finds every node of the files at the cursor
// FindNode finds, files parsed out of position order included (the
// fileset's second file comes first in the list, as a parallel load may
// give them).
func TestCursorOf(t *testing.T) {
	fset := token.NewFileSet()
	var files []*ast.File
	for _, name := range []string{"emptyoff/emptyoff.go", "helpers/helpers.go", "direct/direct.go"} {
		f, err := parser.ParseFile(fset, filepath.Join("testdata", "src", name), nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	files[0], files[1] = files[1], files[0]
	s := &state{in: lazyinspect.New(files)}
	nodes := 0
	for _, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			if n == nil {
				return false
			}
			nodes++
			want, wok := s.in.Root().FindNode(n)
			got, gok := s.cursorOf(n)
			if gok != wok || got != want {
				t.Errorf("%s: cursorOf(%T) = %v, %t; FindNode: %v, %t", fset.Position(n.Pos()), n, got, gok, want, wok)
			}
			return true
		})
	}
	if nodes < 1000 {
		t.Errorf("%d nodes: the test proves little", nodes)
	}
}
