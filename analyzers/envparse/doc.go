// Package envparse defines an Analyzer that reports environment values
// that parse badly without stopping the program: the parse error is
// dropped, and a bad value runs as zero or as a default.
//
// # Analyzer envparse
//
// envparse: report env values whose parse errors are dropped
//
// A value pushed to production with a typo (REDIS_TIMEOUT_MS=abc) should
// stop the service at start-up. Dropping the parse error runs it with a
// zero timeout instead:
//
//	n, _ := strconv.Atoi(os.Getenv("REDIS_TIMEOUT_MS")) // env key "REDIS_TIMEOUT_MS" is parsed by strconv.Atoi but the error is dropped: a bad value runs as 0
//
// RIGHT:
//
//	n, err := strconv.Atoi(os.Getenv("REDIS_TIMEOUT_MS"))
//	if err != nil {
//		return fmt.Errorf("REDIS_TIMEOUT_MS: %w", err)
//	}
//
// The parses are strconv.Atoi, ParseInt, ParseUint, ParseFloat and
// ParseBool, time.ParseDuration and time.Parse, url.Parse and
// ParseRequestURI, net.ParseIP (whose result is never compared with
// nil), net.ParseCIDR, netip.ParseAddr, ParsePrefix and ParseAddrPort,
// json.Unmarshal and humanize.ParseBytes. The value is an env value when
// it comes from os.Getenv, os.LookupEnv or syscall.Getenv, or from a
// helper that returns the value of its key parameter (in any package;
// an object fact, valueOf, carries it), directly, through local
// variables (v := os.Getenv(k); n, _ := strconv.Atoi(v)), through
// strings.TrimSpace and the like, or []byte(v). The key must be a
// constant that the env graph resolves.
//
// The error is dropped when it is assigned to _, when the call is a
// statement of its own (json.Unmarshal), or when the variable holding it
// is never read after the parse. An error that is read in any way
// (returned, wrapped, logged, compared with nil) is not dropped (an
// error only compared with nil is for rules fallback and inverted). A
// parse whose error is dropped in the init of an if whose else branch
// parses the same value again (if b, _ := strconv.ParseBool(s); b {...}
// else if n, _ := strconv.Atoi(s); ...) only hands a value that fails
// on: the last parse of the chain is reported.
//
// A suggested fix stops on the bad value where that is safe: the error is
// _ in a := on a line of its own (it becomes err, followed by if err !=
// nil {...}) or the parse is an expression statement on a line of its own
// (if err := json.Unmarshal(...); err != nil {...}); err is not declared
// in that scope; and the function returns an error last with a literal
// zero value for every other result (return 0, fmt.Errorf("KEY: %w",
// err)), or is func main (log.Fatalf("KEY: %v", err)). The fix imports
// fmt or log when the file does not.
//
// # Helpers that silently default
//
// A helper whose key parameter is parsed, and which returns a default, a
// constant or zero when the value does not parse, hides the bad value at
// every call. Each call with a constant key is reported, with the
// helper's parse as related information:
//
//	port := envutil.Int("PORT", 8080) // env key "PORT" is parsed by envutil.Int, which ignores a parse error: a bad value runs as 8080
//
// A helper silently defaults when its parse error is dropped, or when
// the branch taken on the error neither fails (panic, os.Exit, log.Fatal,
// any Fatal or Panic method), nor returns a non-nil error, nor passes the
// error on (a wrap), nor logs (a Print, Info, Warn, Warning or Error
// function or method: a logged fallback is not silent). The object fact silentDefault
// carries such helpers, and the helpers that call them with their own key
// parameter, to every package. A helper may take its parse as an argument,
// a func(string) (T, error) it calls with the value
// (getOrDefault(key, def, strconv.Atoi)): a call that hands it one of the
// parses above, or a function of the helper's package that parses its
// argument with one, is a call of a silent helper; a call that hands it
// anything else (a check that fails only on "") is not.
//
// # Fallbacks that say nothing
//
// An error that is checked, but whose branch taken on a bad value keeps a
// default without a word, hides the typo as well as a dropped one:
//
//	n, err := strconv.Atoi(os.Getenv("CACHE_SIZE")) // env key "CACHE_SIZE" falls back to 128 when strconv.Atoi cannot parse its value, and nothing reports it
//	if err != nil {
//		n = 128
//	}
//
// The branch a bad value takes is the if's body on err != nil (alone or
// an operand of ||), its else, or the statements after it, on err == nil
// (alone or an operand of &&: if v, err := ...; err == nil && v > 0 {
// n = v }). It is silent when it neither fails, nor returns a non-nil
// error, nor logs, as for helpers above. Statements after an if whose
// body a good value falls out of are run by good values too: there, only
// a log or failure call or a returned error whose arguments name the
// value (its key, the env value, the parsed value, or what the body
// sets), or an if on such a condition that fails, reports a bad value; a
// later log of something else does not. A parse whose bad branch parses
// the same value again (time.ParseDuration, then strconv.Atoi) is a step
// of a try-chain: the last step is reported. An error tested with other
// conditions (err != nil && !errors.Is(...)) is not reported. The
// fallback named is a constant assigned or returned first on the branch,
// else "its default". A key that falls back by design is declared
// on-bad-value: default in envvet.yaml.
//
// # Inverted checks
//
// A parsed value read on the branch a bad value takes is never the good
// value: the error check is the wrong way round, and the zero value runs
// whatever the key says:
//
//	if b, err := strconv.ParseBool(os.Getenv("SWAP_ENABLE")); err != nil { // env key "SWAP_ENABLE": b from strconv.ParseBool is read only when the parse fails, so it is always false (an inverted error check)
//		cfg.Swap = b
//	}
//
// The condition must be the comparison alone, and the branch must read
// the value before writing it (if err != nil { n = 10; use(n) } is a
// fallback).
//
// # Loaders whose error is dropped
//
// A struct-tag loader reports a bad value with its error:
//
//	_ = env.Parse(&cfg) // the error of env.Parse is dropped: a bad value of env key "PORT", "TIMEOUT" leaves its field unset and the program runs on
//
// The loaders are caarlos0/env's Parse, ParseWithOptions, ParseAs and
// ParseAsWithOptions, envconfig.Process (kelseyhightower, its fork
// mstoykov/envconfig, and sethvargo, ProcessWith too), viper's Unmarshal,
// UnmarshalExact and UnmarshalKey when the package reads the environment
// through viper (BindEnv, AutomaticEnv), and kong's (*Kong).Parse when a
// struct of the package has env tags; kong.Parse and the Must forms stop
// the program on their own. The keys named are the struct fields' the env
// graph resolves.
//
// urfave/cli (v1, v2, v3) parses its flags' env values when the app runs,
// and a bad one makes Run return an error before the app's action:
//
//	app.Run(os.Args) // the error of cli.App.Run is dropped: a bad value of env key "PORT" ends the run before the app's action, and the error is lost
//
// (*App).Run and RunContext (v1, v2) and (*Command).Run (v3) are reported
// when a flag literal that parses its value (not a string or path flag)
// names constant env keys (EnvVar, EnvVars, Sources: cli.EnvVars(...)) in
// the package or in another package of its module (a package fact,
// urfaveFlags, carries them); those keys are the ones named.
//
// A parse of rules dropped and fallback is not reported when a
// struct-tag loader of the package parses the same key in the same form
// and stops on a bad value (caarlos0/env, envconfig, or kong, whose
// error the package does not drop): a kong field `env:"RECHECK_EVERY"`
// time.Duration fails the program on a bad value before a later
// time.ParseDuration(os.Getenv("RECHECK_EVERY")) can keep a default.
//
// Findings in _test.go files are not reported. A key whose declaration
// in envvet.yaml says on-bad-value: default is not reported (in the
// manifests discovered for the package, or, in envvet's suite, those that
// envkeys' manifest setting names); neither is a finding under
// //envvet:ignore envparse <reason>.
package envparse
