package envtype

import (
	_ "embed"
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/envvet/envvet/analyzers/envgraph"
	"github.com/envvet/envvet/internal/analysisdoc"
	"github.com/envvet/envvet/internal/manifest"
	"github.com/envvet/envvet/internal/passutil"
	"github.com/envvet/envvet/internal/relpos"
	"github.com/envvet/envvet/internal/report"
)

//go:embed doc.go
var doc string

const docURL = "https://github.com/envvet/envvet#envtype"

// Categories of envtype's diagnostics.
const (
	CategoryValue    = "value"    // a declared value that does not parse as the program reads it
	CategoryConflict = "conflict" // two reads of one key that expect forms no value satisfies
)

// Config is envtype's settings. It has no flags.
type Config struct {
	// Report adjusts reporting for drivers; it has no flag or setting.
	Report report.Options `json:"-"`
	// Overlay supplies unsaved manifest contents (an editor's buffers).
	Overlay manifest.Overlay `json:"-"`
	// Manifests, if set, returns the manifest files that replace
	// discovery (envkeys' manifest setting, shared by the suite).
	Manifests func() []string `json:"-"`
}

// Analyzer is envtype with its default settings.
var Analyzer = New(Config{})

// A checker is one envtype instance: the manifest cache every package
// it analyzes shares. It keeps no findings between passes: a driver or an
// editor runs it again on the same packages and must get the same
// findings (two programs sharing a manifest each report them; the
// standalone driver and golangci-lint print a finding once).
type checker struct {
	manifests manifest.Cache
	listed    func() []string
	keep      bool
}

// New returns a fresh envtype analyzer.
func New(cfg Config) *analysis.Analyzer {
	c := &checker{listed: cfg.Manifests, keep: cfg.Report.KeepSuppressed}
	c.manifests.Overlay = cfg.Overlay
	return &analysis.Analyzer{
		Name:             "envtype",
		Doc:              analysisdoc.MustExtract(doc, "envtype"),
		URL:              docURL,
		Requires:         []*analysis.Analyzer{envgraph.Analyzer},
		Run:              report.Wrap("envtype", c.run, cfg.Report),
		RunDespiteErrors: true,
	}
}

func (c *checker) run(pass *analysis.Pass) (any, error) {
	graph, ok := pass.ResultOf[envgraph.Analyzer].(*envgraph.Graph)
	if !ok || graph == nil || pass.Pkg == nil {
		return nil, nil
	}
	reportConflicts(pass, graph)
	prog := graph.Program()
	if prog == nil || len(prog.Types) == 0 || passutil.IsTestMain(pass) {
		return nil, nil
	}
	dir := passutil.PackageDir(pass)
	if dir == "" {
		return nil, nil
	}
	var explicit []string
	if c.listed != nil {
		explicit = manifest.Resolve(dir, c.listed())
	}
	m, err := c.manifests.ForDir(dir, explicit)
	if err != nil || m == nil {
		return nil, err // a broken manifest stops the run: file:line: what is wrong
	}
	c.checkValues(pass, prog, m, passutil.ModuleRoot(dir))
	return nil, nil
}

// relative writes site relative to root (the module root), else to the
// directory dir, else as it is.
func relative(site envgraph.Site, root, dir string) string {
	for _, base := range []string{root, dir} {
		if base == "" {
			continue
		}
		if rel, err := filepath.Rel(base, site.File); err == nil && !strings.HasPrefix(rel, "..") {
			return fmt.Sprintf("%s:%d:%d", filepath.ToSlash(rel), site.Line, site.Col)
		}
	}
	return site.String()
}

// A decl is one declaration with a value, and the environment it belongs
// to ("" outside envvet.yaml's environments:).
type decl struct {
	key  manifest.Key
	envs []string // the environments whose sources read the file, in order
}

// decls returns every declaration of m: each environment's first, so that
// a file an environment reads is reported naming it, then the manifest's
// own, each position once.
func decls(m *manifest.Manifest) []decl {
	var out []decl
	at := make(map[string]int)
	add := func(keys []manifest.Key, env string) {
		for _, k := range keys {
			i, seen := at[k.Pos()]
			if !seen {
				at[k.Pos()] = len(out)
				out = append(out, decl{key: k})
				i = len(out) - 1
			}
			if env != "" && !slices.Contains(out[i].envs, env) {
				out[i].envs = append(out[i].envs, env)
			}
		}
	}
	for _, e := range m.Environments {
		add(e.Keys, e.Name)
	}
	add(m.Keys, "")
	add(m.Shadowed, "")
	return out
}

// checkValues reports each literal value of a declaration that a read of
// the program does not accept.
func (c *checker) checkValues(pass *analysis.Pass, prog *envgraph.Program, m *manifest.Manifest, root string) {
	files := relpos.New(pass)
	for _, dl := range decls(m) {
		k := dl.key
		if !k.HasDefault || isPlaceholder(k.Default) {
			continue
		}
		kt, ok := rejecting(prog.TypesOf(k.Name), k.Default)
		if !ok {
			continue
		}
		pos, ok := files.Decl(k.File, k.Line, k.Col)
		if !ok {
			continue
		}
		d := analysis.Diagnostic{Pos: pos, Category: CategoryValue, Message: valueMessage(k, dl.envs, kt, root)}
		if reason, ok := k.Ignored("envtype"); ok {
			if !c.keep {
				continue
			}
			d.Category = report.SuppressedPrefix + d.Category
			d.Related = []analysis.RelatedInformation{{Pos: pos, Message: reason}}
		}
		pass.Report(d)
	}
}

// rejecting returns the first read of kts that does not accept v.
func rejecting(kts []envgraph.KeyType, v string) (envgraph.KeyType, bool) {
	for _, kt := range kts {
		if !kt.Type.Accepts(v) {
			return kt, true
		}
	}
	return envgraph.KeyType{}, false
}

// valueMessage writes QUEUE_POLL_MS="500ms" is not an integer
// (strconv.Atoi in internal/queue/poll.go:31:21), the value left out for
// a secret.
func valueMessage(k manifest.Key, envs []string, kt envgraph.KeyType, root string) string {
	what := fmt.Sprintf("%s=%q", k.Name, k.Default)
	if k.Secret || looksSecret(k.Name) {
		what = k.Name + " (value not shown: secret)"
	}
	switch len(envs) {
	case 0:
	case 1:
		what += " in environment " + envs[0]
	default:
		what += " in environments " + strings.Join(envs, ", ")
	}
	at := kt.Type.Site
	if !at.IsValid() {
		at = kt.At
	}
	where := kt.Type.By
	if at.IsValid() {
		where += " in " + relative(at, root, filepath.Dir(k.File))
	}
	if d, ok := kt.Type.Nanoseconds(k.Default); ok {
		return fmt.Sprintf("%s is read as %s: viper takes a bare number for nanoseconds; give a unit (%s)", what, d, where)
	}
	return fmt.Sprintf("%s is not %s (%s)", what, kt.Type.Describe(), where)
}

// isPlaceholder reports whether v stands for a value set elsewhere:
// empty, ${VAR}, ${VAR:-x}, $(VAR), $VAR or <...>.
func isPlaceholder(v string) bool {
	v = strings.TrimSpace(v)
	return v == "" || strings.Contains(v, "${") || strings.Contains(v, "$(") || strings.HasPrefix(v, "$") ||
		strings.HasPrefix(v, "<") && strings.HasSuffix(v, ">") || strings.Contains(v, "{{")
}

// looksSecret reports whether a key's name says it holds a secret.
func looksSecret(name string) bool {
	n := strings.ToUpper(name)
	for _, s := range []string{"PASSWORD", "SECRET", "TOKEN", "API_KEY", "PRIVATE_KEY", "PASSWD"} {
		if strings.HasSuffix(n, s) || strings.HasSuffix(n, s+"_FILE") {
			return true
		}
	}
	return false
}
