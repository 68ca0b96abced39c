// Package envtype defines an Analyzer that reports a value a deployment
// sets that does not parse the way the program reads it.
//
// # Analyzer envtype
//
// envtype: report declared env values that do not parse as read
//
// The env graph knows the form the program expects each key in: the parse
// applied to the value (strconv.Atoi, ParseInt and ParseUint with their bit
// size, ParseFloat, ParseBool, time.ParseDuration, url.Parse and
// ParseRequestURI, net.ParseIP and ParseCIDR, netip.ParseAddr, ParsePrefix
// and ParseAddrPort, json.Unmarshal, into a slice a JSON array, into a map
// or struct an object), directly, through variables or
// through helpers in any package (a generic get[int]("K", 4) reads an
// integer), the type of a struct-tag loader's field (caarlos0/env, both
// envconfig libraries, cleanenv, kong with enum:"a,b"), the type of a
// urfave/cli flag, or the form viper reads a key in (GetInt, GetUint,
// GetFloat64, GetBool, GetDuration, a field of Unmarshal's target) under
// AutomaticEnv or through BindEnv, in any package. viper's Get* converts
// with spf13/cast and runs with 0, false or 0s on a value it cannot
// convert; its GetDuration takes a bare number for nanoseconds, so
// API_TIMEOUT=10 is reported as read as 10ns. A value set is a type too: a switch on the value whose
// cases are two constants or more and whose default fails (returns an
// error, panics, exits, log.Fatal), the same as an if-else chain whose
// branches return, or a lookup v, ok := m[value] in a map literal whose
// miss fails; a value lower- or upper-cased before is compared in any case,
// and a default that falls back accepts every value. The declarations
// know each literal value: dotenv examples, Compose environment:,
// Kubernetes value:, Kustomize literals and env files, Dockerfile ENV. A
// value that the program's parse rejects makes
// the program fail at start-up, or, with a silent default, run with a value
// nobody chose:
//
//	QUEUE_POLL_MS=500ms // diagnostic: QUEUE_POLL_MS="500ms" is not an integer (strconv.Atoi in internal/queue/poll.go:31:21)
//	LOG_FORMAT=jsn      // diagnostic: LOG_FORMAT="jsn" is not one of "json", "text" (switch in internal/log/log.go:12:2)
//
// The finding is reported at the declaration's line, once for every file
// that declares the key. The value of a secret key (secret: true in
// envvet.yaml, or a name ending in PASSWORD, PASSWD, SECRET, TOKEN, API_KEY
// or PRIVATE_KEY, or in one of these and _FILE) is never printed.
// Placeholders are not values: empty ones, $VAR, ${VAR}, ${VAR:-x},
// $(VAR), {{ ... }} and <...>. A value the program tests for before
// it parses (if v == "auto" { ... } else { strconv.Atoi(v) }) is accepted.
//
// Two reads of one key that expect forms no value satisfies both of (a
// duration and an integer) are reported at the second, in the package that
// sees both:
//
//	d, _ := time.ParseDuration(os.Getenv("QUEUE_POLL")) // diagnostic: env key "QUEUE_POLL" is read as a duration here (time.ParseDuration) but as an integer at internal/queue/poll.go:31:21 (strconv.Atoi)
//
// Suppress a finding with envvet.yaml's ignore: field on the key, or with
// //envvet:ignore envtype <reason> on the second read.
package envtype
