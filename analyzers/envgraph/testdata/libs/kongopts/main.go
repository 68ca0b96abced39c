package main

import (
	"os"

	"github.com/alecthomas/kong"
)

// Options in a package-level slice spread into kong.Parse (FerretDB).
type CLI struct {
	LogFormat string `default:"console"` // want `struct tag "APP_LOG_FORMAT" default "console" field CLI.LogFormat flag log-format loader kong`
	Token     string `env:"TOKEN"`       // want `struct tag "TOKEN" field CLI.Token flag token loader kong`
}

var kongOptions = []kong.Option{
	kong.HelpOptions{Compact: true},
	kong.Vars{"default_mode": "normal"},
	kong.DefaultEnvars("APP"),
}

// A local slice appended to, given to kong.New; parser.Parse adds nothing.
type Local struct {
	Addr string // want `struct tag "LOCAL_ADDR" field Local.Addr flag addr loader kong`
}

// An append spread inline into kong.Must.
type Inline struct {
	Workers int `default:"4"` // want `struct tag "INLINE_WORKERS" default "4" field Inline.Workers flag workers loader kong`
}

// The first DefaultEnvars wins: kong's later hook finds the keys set.
type First struct {
	Level string // want `struct tag "ONE_LEVEL" field First.Level flag level loader kong`
}

// A slice given as a parameter: its options are unknown, so the flags
// without env tags get no key; the env tag is read all the same.
type Param struct {
	Name  string
	Cache string `env:"CACHE_DIR"` // want `struct tag "CACHE_DIR" field Param.Cache flag cache loader kong`
}

// A slice built in a loop from options the package does not build: one
// of them, added first, might be a DefaultEnvars that wins.
type Loop struct {
	Mode string
}

// A slice reassigned from a call: what it holds is unknown.
type Reassigned struct {
	Port int
}

// A slice holding an option of another function: it might be a
// DefaultEnvars of its own, which would win.
type Foreign struct {
	Region string
}

// A variable whose address is taken: anything may write it.
type Escaped struct {
	Zone string
}

func main() {
	var cli CLI
	_ = kong.Parse(&cli, kongOptions...)

	opts := []kong.Option{kong.Name("local")}
	opts = append(opts, kong.DefaultEnvars("LOCAL"))
	var local Local
	parser, err := kong.New(&local, opts...)
	if err == nil {
		_, _ = parser.Parse(os.Args[1:])
	}

	base := []kong.Option{kong.Name("inline")}
	var inline Inline
	_ = kong.Must(&inline, append(base, kong.DefaultEnvars("INLINE"))...)

	var first First
	_ = kong.Parse(&first, append([]kong.Option{kong.DefaultEnvars("ONE")}, kong.DefaultEnvars("TWO"))...)

	parseWith([]kong.Option{kong.DefaultEnvars("PARAM")})
	loop()
	reassigned()
	foreign()
	escaped()
}

func parseWith(opts []kong.Option) {
	var p Param
	_ = kong.Parse(&p, opts...)
}

func loop() {
	opts := []kong.Option{kong.Name("loop")}
	for _, o := range extra() {
		opts = append(opts, o)
	}
	opts = append(opts, kong.DefaultEnvars("LOOP"))
	var l Loop
	_ = kong.Parse(&l, opts...)
}

func extra() []kong.Option { return []kong.Option{kong.DefaultEnvars("EXTRA")} }

func reassigned() {
	opts := []kong.Option{kong.DefaultEnvars("OLD")}
	if len(os.Args) > 2 {
		opts = extra()
	}
	var r Reassigned
	_ = kong.Parse(&r, opts...)
}

func foreign() {
	opts := []kong.Option{extra()[0], kong.DefaultEnvars("MINE")}
	var f Foreign
	_ = kong.Parse(&f, opts...)
}

func escaped() {
	opts := []kong.Option{kong.DefaultEnvars("ESC")}
	fill(&opts)
	var e Escaped
	_ = kong.Parse(&e, opts...)
}

func fill(opts *[]kong.Option) { *opts = extra() }
