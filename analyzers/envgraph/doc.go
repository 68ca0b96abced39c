// Package envgraph defines an Analyzer that builds envvet's env-reference
// graph: every reference of a package to the environment, resolved through
// constants, helpers and struct-tag loaders. It reports nothing itself; the
// checks read its result.
//
// # Analyzer envgraph
//
// envgraph: build the graph of environment variable references
//
// For each package, envgraph records every read, lookup, expansion, write
// and unset of an environment variable, with the key, its position, the
// chain of helpers it went through, its default and whether it is
// required.
//
// Keys are resolved from literals, constants (of any package), constant
// expressions, fmt.Sprintf with constant arguments, variables assigned once
// from such values, and range loops over literal lists of constants. A key
// that is none of these is a dynamic reference: its expression and constant
// prefix are recorded, the key is never guessed. Passing os.Getenv itself
// as a value is a dynamic read.
//
// The references come from os.Getenv, os.LookupEnv, syscall.Getenv,
// os.Setenv, os.Unsetenv, os.Clearenv, os.Environ, the Setenv methods of
// testing.T, B, F and TB, and the $KEY and ${KEY} names of the constant
// template given to os.ExpandEnv, or to os.Expand with a mapping that reads
// the environment (os.Getenv, a helper, a function literal).
//
// A function or method whose string parameter reaches an environment
// reference, directly or through other helpers in any order and any
// package, is a helper: envutil.Get("PORT", "8080") references PORT with
// default 8080, envutil.Int("X", 3) references X through envutil.Int and
// envutil.Get with default 3. Constant prefixes and suffixes
// (os.Getenv("APP_" + key)), strings.ToUpper, ...string and []string
// parameters ranged over, and closures bound to a local variable are
// followed. A call gives a list parameter a literal list of constants or a
// variable of the package assigned once from one (never appended to,
// written element by element, copied into or addressed); each element is a
// reference at the argument, any other list a dynamic one.
//
// The default is the parameter the helper returns when the key is unset:
// returned as is or converted, or through the variable holding the value
// (v := os.Getenv(key); if v == "" { v = def }; return v, and v := def;
// if x, ok := os.LookupEnv(key); ok { v = x }; return v). The helper's own
// default wins over the "" an inner helper is given: Int(key, def)
// parsing Get(key, "") has default def; a non-empty inner constant stays,
// since it is what an unset key reads as. A default is a constant or a
// string variable of the package assigned once (exported ones only in
// package main). An object fact (envHelper) carries helpers to the
// packages that call them.
//
// A read without a default (os.Getenv, os.LookupEnv, a helper returning
// the value) whose empty value the code at the read takes as the setting
// left off is marked Ref.EmptyOff: its empty path leaves without handing
// "" on (if v == "" { return }), gives the variable a value of its own
// or a read handled so in turn, or the value is used only where set
// (if v != "" { use(v) }, if ok { ... }, one side of an || when no
// variable holds it), through strings.TrimSpace and the like, and
// nothing in the empty branch fails (an error value, panic, os.Exit, a
// Fatal, Panic, Exit, Error or Crit call, a usage or help message); after
// if v != "" { return ... }, what follows counts as failing only when it
// fails before any branch (it may try other sources first). A check
// that only logs and goes on using the value does not count, nor does a
// comparison with a non-empty constant.
//
// Struct fields are references when a value of the struct reaches the
// parse call of github.com/caarlos0/env (v6 to v11, with envPrefix, the
// Prefix, UseFieldNameByDefault and RequiredIfNoDef options when constant,
// and env:"-"), github.com/kelseyhightower/envconfig and its fork
// github.com/mstoykov/envconfig (prefix, split_words, default, required,
// ignored, and the un-prefixed Alt key; the fork's lookup function stands
// in for os.LookupEnv) or github.com/sethvargo/go-envconfig (default=,
// required, prefix= and PrefixLookuper). viper.BindEnv names are references; the names of one
// call (BindEnv("db.url", "A", "B"), or a helper handing its arguments
// on) are tried in turn, so they share a Ref.Group. With AutomaticEnv
// (and SetEnvPrefix, SetEnvKeyReplacer when constant), each key the
// program asks a viper instance for (Get*, IsSet, UnmarshalKey, BindPFlag
// with the flag, the fields of an Unmarshal target by mapstructure name,
// nested structs as dotted keys, SetDefault as default) is a reference to
// the env key viper reads, PREFIX_ + upper(key) through the replacer;
// keys no shell can set (APP_HTTP.PORT) are left out. When every key
// asked of the instance is known, AutomaticEnv reads only those: for a
// viper.New() bound to a variable used only to call methods, in the
// package; for the global instance, in the main package's Program,
// through a package fact of the keys each package asks (viperGlobal).
// A key not known (Get(k), AllSettings, Sub, GetViper, Unmarshal into a
// map, BindEnv of names not known), or an instance handed on, keeps the
// prefix reference: any key with the prefix may be read. An instance handed
// on (a *viper.Viper parameter, field or result) may get its AutomaticEnv
// in one package and be asked keys in another: the main package's Program
// reads each constant key asked of such instances anywhere in the program
// under each known AutomaticEnv setting of such instances (the viperGlobal
// fact's Pool and PoolEnvs); their prefix references stay.
//
// Configuration libraries that name keys in flags and tags are modelled
// too, each reference at the string or field that names the key, with
// the library in Ref.Loader, the flag in Ref.Flag and, when a declaration
// names several keys tried in turn, all of them in Ref.Group:
// github.com/urfave/cli flags (v2 EnvVars: []string{...}, v1 EnvVar "A,B"
// under that path, gopkg.in/urfave/cli.v1 or github.com/codegangsta/cli,
// v3 Sources: cli.EnvVars(...) and cli.EnvVar in a NewValueSourceChain),
// with Value as default and Required; github.com/alecthomas/kong grammars
// given to kong.Parse, New or Must (env:"A,B", envprefix, embed and cmd
// structs, default, required, and with kong.DefaultEnvars(prefix) the key
// kong derives from each flag's name); github.com/ilyakaznacheev/cleanenv
// ReadEnv, ReadConfig and UpdateEnv, called directly or through helpers
// in any package that hand them a parameter (env:"A,B", env-default,
// env-required, env-prefix of nested structs, env-upd, env-description in
// Ref.Description; for a struct ReadConfig reads, the environment only
// overrides the file, also where ReadEnv reads it again); github.com/peterbourgon/ff/v3 and v4
// (ff.Parse, v3's ffcli.Command, or v4's Command.Parse and ParseAndRun,
// with WithEnvVars or WithEnvVarPrefix: each flag defined on the flag set
// reads PREFIX_NAME, and a v4 flag's short name PREFIX_N, its Ref.Alt; a
// v4 command parses the flag sets of the subcommands the package links
// to it through Subcommands with the same options); the env provider of
// github.com/knadh/koanf (a prefix reference, or the whole environment
// without a prefix; when its transform is a composition of TrimPrefix,
// ToLower, ToUpper, Replace(-1) and ReplaceAll and the instance from
// koanf.New is used only in the package, each key asked of it, by k.String
// and the like or as a field of k.Unmarshal's target, is a reference to
// the one env key loaded under that name, APP_DB_HOST for "db.host", and
// the prefix reference goes when all are known); github.com/jinzhu/configor's
// Load, of the package or of a Configor from configor.New whose
// ENVPrefix is constant ("Configor" when unset, none for "-"): each
// exported field of the struct, nested structs under their names (an
// embedded one tagged anonymous:"true" under its parent's), is the key
// PREFIX_PATH upper-cased with configor's first try, Prefix_Path, as its
// Ref.Alt, or its env:"NAME"; default:"..." is the default, and every such
// key only overrides the config file (Ref.Override); and github.com/joho/godotenv.Load and Overload,
// which write the keys of the .env files they name (read beside the
// package or at its module root) with the file's values: inputs of the
// program, not declarations. Those libraries' own lookups of the keys
// their callers name are not dynamic reads or scans of the program.
//
// Each package exports a package fact (envPackage) with the keys it reads,
// its dynamic prefixes and whether it scans the whole environment, so that
// a main package's Graph.Program sees the environment of the whole
// program, dependencies included. An os.Environ() handed on to a child
// process (cmd.Env = append(os.Environ(), ...)) does not count as a scan,
// nor does one in the standard library, golang.org/x/sys, the loaders or
// the configuration libraries above.
package envgraph
