package envparse

import (
	"fmt"
	"go/ast"
	"go/types"
	"slices"
	"strconv"
	"strings"

	"github.com/envvet/envvet/analyzers/envgraph"
)

// A loaderCall is a call of a struct-tag loader or config unmarshaler
// whose error is dropped.
type loaderCall struct {
	call *ast.CallExpr
	name string   // env.Parse, envconfig.Process, viper.Unmarshal, kong.Kong.Parse, cli.App.Run
	keys []string // the keys it loads, when the env graph knows them; sorted
	cli  bool     // a urfave/cli run: a bad value skips the action, not a field
}

// loaderOf returns the index of fn's error result when fn loads the
// environment into a struct and reports a bad value with that error.
func loaderOf(fn *types.Func) (res int, ok bool) {
	if fn.Pkg() == nil {
		return 0, false
	}
	path, name := fn.Pkg().Path(), fn.Name()
	switch lib := envgraph.LoaderOf(path); {
	case lib == envgraph.LoaderCaarlos:
		switch name {
		case "Parse", "ParseWithOptions":
			return 0, true
		case "ParseAs", "ParseAsWithOptions":
			return 1, true
		}
	case lib == envgraph.LoaderEnvconfig:
		return 0, name == "Process"
	case lib == envgraph.LoaderGoEnvconfig:
		return 0, name == "Process" || name == "ProcessWith"
	case lib == envgraph.LoaderViper:
		return 0, name == "Unmarshal" || name == "UnmarshalExact" || name == "UnmarshalKey"
	case lib == envgraph.LoaderKong:
		sig, ok := fn.Type().(*types.Signature)
		return 1, ok && sig.Recv() != nil && name == "Parse" // kong.Parse (no receiver) exits on its own
	case isURFave(path):
		return 0, isURFaveRun(fn)
	}
	return 0, false
}

// loaders returns the package's loader calls whose error is dropped.
func (s *state) loaders(graph *envgraph.Graph) []loaderCall {
	if !s.hasLoader {
		return nil
	}
	tagKeys := make(map[string][]string) // by LoadPos, formatted
	var viperKeys []string
	viperEnv := false
	for _, r := range graph.Refs() {
		switch {
		case r.Kind == envgraph.Tag && r.LoadPos.IsValid() && r.Key != "":
			k := fmt.Sprint(r.LoadPos)
			if !slices.Contains(tagKeys[k], r.Key) {
				tagKeys[k] = append(tagKeys[k], r.Key)
			}
		case r.Loader == envgraph.LoaderViper:
			viperEnv = true
			if r.Key != "" && !slices.Contains(viperKeys, r.Key) {
				viperKeys = append(viperKeys, r.Key)
			}
		}
	}
	kongEnv := s.hasEnvTags()
	var cliKeys map[string][]string // by urfave/cli import path
	var out []loaderCall
	for _, sc := range s.scopes {
		for _, c := range sc.calls {
			call := c.Node().(*ast.CallExpr)
			fn := s.callee(call)
			if fn == nil {
				continue
			}
			res, ok := loaderOf(fn)
			if !ok {
				continue
			}
			path := fn.Pkg().Path()
			if path == "github.com/spf13/viper" && !viperEnv || path == "github.com/alecthomas/kong" && !kongEnv {
				continue // no environment in sight: a config file's or the flags' business
			}
			if isURFave(path) {
				if cliKeys == nil {
					cliKeys = s.programURFaveKeys()
				}
				if len(cliKeys[path]) == 0 {
					continue // no flag of the package parses an env value
				}
			}
			p := &parseSite{call: call, parser: parser{name: envgraph.FuncName(fn), res: res}, fallbackParam: -1}
			s.classify(c, p, sc)
			if p.outcome != outcomeDropped {
				continue
			}
			lc := loaderCall{call: call, name: p.parser.name, keys: slices.Clone(tagKeys[fmt.Sprint(call.Pos())])}
			switch {
			case path == "github.com/spf13/viper":
				lc.keys = slices.Clone(viperKeys)
			case isURFave(path):
				lc.keys, lc.cli = slices.Clone(cliKeys[path]), true
			}
			slices.Sort(lc.keys)
			out = append(out, lc)
		}
	}
	return out
}

func importsLoader(pkg *types.Package) bool {
	for _, imp := range pkg.Imports() {
		p := imp.Path()
		switch envgraph.LoaderOf(p) {
		case envgraph.LoaderCaarlos, envgraph.LoaderEnvconfig, envgraph.LoaderGoEnvconfig, envgraph.LoaderViper, envgraph.LoaderKong:
			return true
		}
		if isURFave(p) {
			return true
		}
	}
	return false
}

// hasEnvTags reports whether a struct of the package has a field tagged
// env:"...", as kong's flags that read the environment are.
func (s *state) hasEnvTags() bool {
	for cur := range s.in.Root().Preorder((*ast.Field)(nil)) {
		f := cur.Node().(*ast.Field)
		if f.Tag == nil {
			continue
		}
		if tag, err := strconv.Unquote(f.Tag.Value); err == nil {
			if _, ok := reflectLookup(tag, "env"); ok {
				return true
			}
		}
	}
	return false
}

// reflectLookup is reflect.StructTag.Lookup.
func reflectLookup(tag, key string) (string, bool) {
	for tag != "" {
		i := 0
		for i < len(tag) && tag[i] == ' ' {
			i++
		}
		tag = tag[i:]
		if tag == "" {
			break
		}
		i = 0
		for i < len(tag) && tag[i] > ' ' && tag[i] != ':' && tag[i] != '"' && tag[i] != 0x7f {
			i++
		}
		if i == 0 || i+1 >= len(tag) || tag[i] != ':' || tag[i+1] != '"' {
			break
		}
		name := tag[:i]
		tag = tag[i+1:]
		i = 1
		for i < len(tag) && tag[i] != '"' {
			if tag[i] == '\\' {
				i++
			}
			i++
		}
		if i >= len(tag) {
			break
		}
		qvalue := tag[:i+1]
		tag = tag[i+1:]
		if key == name {
			value, err := strconv.Unquote(qvalue)
			return value, err == nil
		}
	}
	return "", false
}

// outcome is what a bad value does, for the inventory.
func (lc loaderCall) outcome() string {
	if lc.cli {
		return "skips the app's action"
	}
	return "leaves its field unset"
}

// loaderMessage is the message of a loader call whose error is dropped.
func loaderMessage(lc loaderCall) string {
	tail := "leaves its field unset and the program runs on"
	if lc.cli {
		tail = "ends the run before the app's action, and the error is lost"
	}
	switch n := len(lc.keys); {
	case n == 0:
		return fmt.Sprintf("the error of %s is dropped: a bad env value %s", lc.name, tail)
	case n == 1:
		return fmt.Sprintf("the error of %s is dropped: a bad value of env key %q %s", lc.name, lc.keys[0], tail)
	case n <= 3:
		return fmt.Sprintf("the error of %s is dropped: a bad value of env key %s %s", lc.name, quoteList(lc.keys), tail)
	default:
		return fmt.Sprintf("the error of %s is dropped: a bad value of env key %s or %d more %s", lc.name, quoteList(lc.keys[:3]), n-3, tail)
	}
}

func quoteList(keys []string) string {
	q := make([]string, len(keys))
	for i, k := range keys {
		q[i] = strconv.Quote(k)
	}
	return strings.Join(q, ", ")
}
