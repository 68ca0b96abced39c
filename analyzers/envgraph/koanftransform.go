package envgraph

import (
	"go/ast"
	"go/constant"
	"go/types"
	"slices"
	"strings"
)

// A koanfTransform is a koanf env provider whose transform is a chain of
// foldable steps: only env keys with prefix are loaded, each under the
// name the steps, applied in order, make of it.
type koanfTransform struct {
	prefix, delim string
	steps         []kstep
}

// A kstep is one step of a transform: strings.TrimPrefix(s, arg),
// strings.ToLower(s), strings.ToUpper(s), or strings.ReplaceAll(s, arg,
// with).
type kstep struct {
	op        string // "trim", "lower", "upper", "replace"
	arg, with string
}

// koanfTransform returns the transform of an env provider call:
// Provider(prefix, delim, cb) and ProviderWithValue of providers/env,
// Provider(delim, env.Opt{Prefix, TransformFunc}) of providers/env/v2.
// false when a part is not constant or the transform is not foldable.
func (s *state) koanfTransform(call *ast.CallExpr) (koanfTransform, bool) {
	fn, ok := s.calleeFunc(call)
	if !ok || fn.Name() != "Provider" && fn.Name() != "ProviderWithValue" {
		return koanfTransform{}, false
	}
	var prefix, delim, cb ast.Expr
	switch fn.Pkg().Path() {
	case "github.com/knadh/koanf/providers/env":
		if len(call.Args) != 3 {
			return koanfTransform{}, false
		}
		prefix, delim, cb = call.Args[0], call.Args[1], call.Args[2]
	case "github.com/knadh/koanf/providers/env/v2":
		lit := s.compositeOf(call.Args[len(call.Args)-1])
		if len(call.Args) != 2 || lit == nil {
			return koanfTransform{}, false
		}
		m := litFields(lit)
		if e, ok := m["EnvironFunc"]; ok && !isNil(s.info, e) {
			return koanfTransform{}, false
		}
		prefix, delim, cb = m["Prefix"], call.Args[0], m["TransformFunc"]
	default:
		return koanfTransform{}, false
	}
	var t koanfTransform
	if prefix != nil {
		if t.prefix, ok = s.constString(prefix); !ok {
			return koanfTransform{}, false
		}
	}
	if t.delim, ok = s.constString(delim); !ok {
		return koanfTransform{}, false
	}
	if cb != nil && !isNil(s.info, cb) {
		if t.steps, ok = s.transformSteps(cb); !ok {
			return koanfTransform{}, false
		}
	}
	return t, true
}

// transformSteps returns the steps of a transform function literal that
// returns a foldable expression of its (first) parameter, the same at
// every return.
func (s *state) transformSteps(cb ast.Expr) ([]kstep, bool) {
	lit, ok := ast.Unparen(cb).(*ast.FuncLit)
	if !ok {
		return nil, false
	}
	fi := s.funcs[lit]
	if fi == nil || fi.sig == nil || fi.sig.Params().Len() == 0 || len(fi.returns) == 0 {
		return nil, false
	}
	param := fi.sig.Params().At(0)
	if s.writesOf(param) != 0 {
		return nil, false
	}
	var steps []kstep
	for i, ret := range fi.returns {
		if len(ret.Results) == 0 {
			return nil, false
		}
		st, ok := s.stepsOf(ret.Results[0], param, 0)
		if !ok || i > 0 && !slices.Equal(st, steps) {
			return nil, false
		}
		steps = st
	}
	return steps, true
}

// stepsOf returns the steps that turn param into e.
func (s *state) stepsOf(e ast.Expr, param *types.Var, depth int) ([]kstep, bool) {
	if depth > 8 {
		return nil, false
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		return nil, s.info.Uses[e] == param
	case *ast.CallExpr:
		fn, ok := s.calleeFunc(e)
		if !ok || fn.Pkg() == nil || fn.Pkg().Path() != "strings" || len(e.Args) == 0 {
			return nil, false
		}
		inner, ok := s.stepsOf(e.Args[0], param, depth+1)
		if !ok {
			return nil, false
		}
		st, ok := s.step(fn.Name(), e.Args[1:])
		return append(inner, st), ok
	}
	return nil, false
}

// step returns the step of the strings function name with the arguments
// after the string.
func (s *state) step(name string, args []ast.Expr) (kstep, bool) {
	consts := make([]string, 0, 2)
	for _, a := range args[:min(len(args), 2)] {
		v, ok := s.constString(a)
		if !ok {
			return kstep{}, false
		}
		consts = append(consts, v)
	}
	switch {
	case name == "ToLower" && len(args) == 0:
		return kstep{op: "lower"}, true
	case name == "ToUpper" && len(args) == 0:
		return kstep{op: "upper"}, true
	case name == "TrimPrefix" && len(args) == 1:
		return kstep{op: "trim", arg: consts[0]}, true
	case name == "ReplaceAll" && len(args) == 2:
		return kstep{op: "replace", arg: consts[0], with: consts[1]}, true
	case name == "Replace" && len(args) == 3 && s.isMinusOne(args[2]):
		return kstep{op: "replace", arg: consts[0], with: consts[1]}, true
	}
	return kstep{}, false
}

func (s *state) isMinusOne(e ast.Expr) bool {
	tv, ok := s.info.Types[ast.Unparen(e)]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.Int {
		return false
	}
	n, exact := constant.Int64Val(tv.Value)
	return exact && n < 0
}

// apply returns the name under which the env key env is loaded.
func (t koanfTransform) apply(env string) string {
	for _, st := range t.steps {
		switch st.op {
		case "trim":
			env = strings.TrimPrefix(env, st.arg)
		case "lower":
			env = strings.ToLower(env)
		case "upper":
			env = strings.ToUpper(env)
		case "replace":
			env = strings.ReplaceAll(env, st.arg, st.with)
		}
	}
	return env
}

// invert returns the env key loaded under key (upper case when the
// transform leaves the case alone and fold says the key matches in any
// case); false when no env key with the prefix is. When the transform
// ignores the case of what follows the prefix (ToLower), alt is the same
// key in lower case: APP_db__host as well as APP_DB__HOST.
func (t koanfTransform) invert(key string, fold bool) (env, alt string, ok bool) {
	env = key
	for i := len(t.steps) - 1; i >= 0; i-- {
		st := t.steps[i]
		switch st.op {
		case "trim":
			env = st.arg + env
		case "lower":
			env = strings.ToUpper(env)
		case "replace":
			if st.with == "" {
				return "", "", false
			}
			env = strings.ReplaceAll(env, st.with, st.arg)
		}
	}
	if fold {
		env = strings.ToUpper(env)
	}
	if !t.loads(env, key, fold) {
		return "", "", false
	}
	if rest, ok := strings.CutPrefix(env, t.prefix); ok {
		if lower := t.prefix + strings.ToLower(rest); lower != env && t.loads(lower, key, fold) {
			alt = lower
		}
	}
	return env, alt, true
}

// loads reports whether the env key env is loaded under key.
func (t koanfTransform) loads(env, key string, fold bool) bool {
	got := t.apply(env)
	return strings.HasPrefix(env, t.prefix) && (got == key || fold && strings.EqualFold(got, key))
}
