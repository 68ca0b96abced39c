package lazyinspect

import (
	_ "embed"
	"go/ast"
	"reflect"
	"slices"
	"sync"
	"sync/atomic"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/envvet/envvet/internal/analysisdoc"
)

//go:embed doc.go
var doc string

// Analyzer provides a *Inspector for the package's files. Its Run is
// O(1): the inspector is built by the first call of Get.
var Analyzer = &analysis.Analyzer{
	Name:             "lazyinspect",
	Doc:              analysisdoc.MustExtract(doc, "lazyinspect"),
	URL:              "https://github.com/envvet/envvet#lazyinspect",
	Run:              run,
	RunDespiteErrors: true,
	ResultType:       reflect.TypeFor[*Inspector](),
}

func run(pass *analysis.Pass) (any, error) {
	return New(pass.Files), nil
}

// An Inspector is an inspector.Inspector for a list of files, built on
// first use. It is safe for concurrent use.
type Inspector struct {
	once  sync.Once
	files []*ast.File
	in    atomic.Pointer[inspector.Inspector]
	root  atomic.Bool
}

// New returns an Inspector for files; it builds nothing yet.
func New(files []*ast.File) *Inspector {
	return &Inspector{files: files}
}

// Get returns the inspector of the files, building it on the first call.
// Every call returns the same *inspector.Inspector.
func (l *Inspector) Get() *inspector.Inspector {
	l.once.Do(func() {
		l.in.Store(inspector.New(l.files))
	})
	return l.in.Load()
}

// Preorder calls f for each node of the files, in depth-first preorder,
// whose type is among types (every node if types is empty), as
// inspector.Preorder does: through the inspector if it has been built,
// otherwise by walking the files with ast.Inspect, which builds nothing.
// For a single walk of a package that no other analyzer inspects, the
// walk costs less than building the inspector does (no event list to
// allocate); where one is built, its filtered traversal is cheaper still.
func (l *Inspector) Preorder(types []ast.Node, f func(ast.Node)) {
	if in := l.in.Load(); in != nil {
		in.Preorder(types, f)
		return
	}
	var want []reflect.Type
	for _, t := range types {
		want = append(want, reflect.TypeOf(t))
	}
	for _, file := range l.files {
		ast.Inspect(file, func(n ast.Node) bool {
			if n != nil && (len(want) == 0 || slices.Contains(want, reflect.TypeOf(n))) {
				f(n)
			}
			return true
		})
	}
}

// MarkRoot records that the package is a root of the run: one whose
// checks run, not only the analyzers with facts, so that the analyzers
// walking it before a check builds its inspector can build it first and
// traverse it instead (see IsRoot). internal/engine calls it before the
// analyzers requiring lazyinspect run; other drivers do not.
func (l *Inspector) MarkRoot() { l.root.Store(true) }

// IsRoot reports whether MarkRoot was called: false in a driver that
// does not tell roots from dependencies.
func (l *Inspector) IsRoot() bool { return l.root.Load() }

// Root returns the cursor of the inspector's virtual root, building the
// inspector on the first call: Get().Root().
func (l *Inspector) Root() inspector.Cursor { return l.Get().Root() }

// Built reports whether the inspector has been built, for tests and
// measurements.
func (l *Inspector) Built() bool { return l.in.Load() != nil }
