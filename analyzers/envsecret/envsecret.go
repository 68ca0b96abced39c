package envsecret

import (
	_ "embed"

	"golang.org/x/tools/go/analysis"

	"github.com/envvet/envvet/internal/analysisdoc"
	"github.com/envvet/envvet/internal/manifest"
	"github.com/envvet/envvet/internal/passutil"
	"github.com/envvet/envvet/internal/relpos"
	"github.com/envvet/envvet/internal/report"
)

//go:embed doc.go
var doc string

// Config is envsecret's settings. It has no user setting of its own: it
// reads the manifests that envkeys' manifest setting names.
type Config struct {
	// Report adjusts reporting for drivers; it has no flag or setting.
	Report report.Options `json:"-"`
	// Overlay supplies unsaved manifest contents (an editor's buffers);
	// it has no flag or setting.
	Overlay manifest.Overlay `json:"-"`
	// Manifests, if set, returns the manifest files that replace
	// discovery (envkeys' -manifest); it has no flag or setting.
	Manifests func() []string `json:"-"`
}

// Analyzer is envsecret with its default settings.
var Analyzer = New(Config{})

// New returns an envsecret analyzer configured by cfg.
func New(cfg Config) *analysis.Analyzer {
	c := &checker{cfg: cfg}
	c.manifests.Overlay = cfg.Overlay
	return &analysis.Analyzer{
		Name: "envsecret",
		Doc:  analysisdoc.MustExtract(doc, "envsecret"),
		URL:  "https://github.com/envvet/envvet#envsecret",
		Run:  report.Wrap("envsecret", c.run, cfg.Report),
	}
}

// A checker is one envsecret instance: its settings and the manifest
// cache that every package it analyzes shares.
type checker struct {
	cfg       Config
	manifests manifest.Cache
}

// run reports, in a main package, each secret that the manifest of its
// program gives a literal value in a committed file. The manifest is the
// program's, so library packages, which share it, report nothing.
func (c *checker) run(pass *analysis.Pass) (any, error) {
	if pass.Pkg.Name() != "main" || passutil.IsTestMain(pass) {
		return nil, nil
	}
	dir := passutil.PackageDir(pass)
	if dir == "" {
		return nil, nil
	}
	var explicit []string
	if c.cfg.Manifests != nil {
		explicit = manifest.Resolve(dir, c.cfg.Manifests())
	}
	m, err := c.manifests.ForDir(dir, explicit)
	if err != nil || m == nil {
		return nil, err // a broken manifest stops the run: file:line: what is wrong
	}
	files := relpos.New(pass)
	for _, f := range findings(m) {
		c.report(pass, files, f)
	}
	return nil, nil
}

// report reports f on its key's line in the manifest, unless envvet.yaml's
// ignore: field suppresses envsecret for the key.
func (c *checker) report(pass *analysis.Pass, files *relpos.Files, f finding) {
	pos, ok := files.Decl(f.key.File, f.key.Line, f.key.Col)
	if !ok {
		return
	}
	d := analysis.Diagnostic{Pos: pos, Category: f.category(), Message: f.message()}
	if f.ignored != "" {
		if !c.cfg.Report.KeepSuppressed {
			return
		}
		d.Category = report.SuppressedPrefix + d.Category
		d.Related = []analysis.RelatedInformation{{Pos: pos, Message: f.ignored}}
	}
	pass.Report(d)
}
