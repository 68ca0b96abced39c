package a

import (
	"errors"
	"fmt"
	"log"
	"os"
	"strconv"
	"time"
)

// Rule fallback: the error is checked, and the branch a bad value takes
// keeps a default without a word.

var enabled, swap bool

func FallbackIfOK() {
	if v, err := strconv.ParseBool(os.Getenv("FEATURE_X")); err == nil { // want `env key "FEATURE_X" falls back to its default when strconv.ParseBool cannot parse its value, and nothing reports it`
		enabled = v
	}
}

// err == nil among &&: a bad value takes the fall-through (pebble's
// PEBBLE_CHAIN_LENGTH).
func FallbackAnd() int {
	chain := 1
	if v, err := strconv.ParseInt(os.Getenv("CHAIN_LENGTH"), 10, 0); err == nil && v >= 0 { // want `env key "CHAIN_LENGTH" falls back to its default when strconv.ParseInt cannot parse its value`
		chain = int(v)
	}
	return chain
}

// err != nil among ||: a bad value takes the body.
func FallbackOr() int {
	n, err := strconv.Atoi(os.Getenv("WORKER_COUNT")) // want `env key "WORKER_COUNT" falls back to 4 when strconv.Atoi cannot parse its value`
	if err != nil || n < 1 {
		n = 4
	}
	return n
}

// The return after the if is the fallback.
func FallbackReturn() time.Duration {
	if d, err := time.ParseDuration(os.Getenv("POLL_INTERVAL")); err == nil { // want `env key "POLL_INTERVAL" falls back to 5 \* time.Second when time.ParseDuration cannot parse its value`
		return d
	}
	return 5 * time.Second
}

// A try-chain: a value that is not a duration goes on to ParseInt, whose
// branch on a bad value is the fallback (ollama's OLLAMA_KEEP_ALIVE).
func KeepAlive() time.Duration {
	keep := 5 * time.Minute
	if s := os.Getenv("KEEP_ALIVE"); s != "" {
		if d, err := time.ParseDuration(s); err == nil {
			keep = d
		} else if n, err := strconv.ParseInt(s, 10, 64); err == nil { // want `env key "KEEP_ALIVE" falls back to its default when strconv.ParseInt cannot parse its value`
			keep = time.Duration(n) * time.Second
		}
	}
	return keep
}

// The statements after a fall-through run for good values too: a log or
// a failure there that names something else says nothing of a bad value
// (pebble's PEBBLE_ALTERNATE_ROOTS, then a failure on the config file).
func FallThroughThenOther(config string) int {
	roots := 0
	rootsVal := os.Getenv("ALT_ROOTS")
	if v, err := strconv.ParseInt(rootsVal, 10, 0); err == nil && v >= 0 { // want `env key "ALT_ROOTS" falls back to its default when strconv.ParseInt cannot parse its value`
		roots = int(v)
	}
	if config == "" {
		log.Fatalf("no config file")
	}
	for i := 0; i < roots; i++ {
		log.Printf("root %d", i)
	}
	return roots
}

// The error is read again after a later parse gives it a new value
// (pebble's PEBBLE_VA_SLEEPTIME); only a good value is logged.
func FallThroughErrReused() int {
	sleep := 5
	n, err := strconv.Atoi(os.Getenv("SLEEP_TIME")) // want `env key "SLEEP_TIME" falls back to its default when strconv.Atoi cannot parse its value`
	if err == nil && n >= 1 {
		sleep = n
		log.Printf("sleeping up to %d s", sleep)
	}
	port, err := strconv.Atoi(os.Getenv("HTTP_PORT"))
	if err != nil {
		log.Fatalf("HTTP_PORT: %v", err)
	}
	return sleep + port
}

// A fall-through try-chain: the first step's bad path parses the value
// again; the last step is reported.
func FallThroughChain() time.Duration {
	ttl := time.Minute
	s := os.Getenv("CACHE_TTL")
	if d, err := time.ParseDuration(s); err == nil {
		ttl = d
	}
	if n, err := strconv.Atoi(s); err == nil { // want `env key "CACHE_TTL" falls back to its default when strconv.Atoi cannot parse its value`
		ttl = time.Duration(n) * time.Second
	}
	return ttl
}

// Negative twins: the branch a bad value takes logs, fails or returns
// the error, or the value is not an env value.
func FallbackLogged() int {
	n, err := strconv.Atoi(os.Getenv("WORKER_COUNT"))
	if err != nil {
		log.Printf("WORKER_COUNT: %v, using 4", err)
		n = 4
	}
	return n
}

func FallbackLoggedElse() {
	if v, err := strconv.ParseBool(os.Getenv("FEATURE_X")); err == nil {
		enabled = v
	} else {
		log.Printf("FEATURE_X: %v", err)
	}
}

// The value in force is logged after the fallback (pebble's nonce
// rejection percentage).
func FallbackThenLogged() int {
	percent := 0
	if v, err := strconv.Atoi(os.Getenv("NONCE_REJECT")); err == nil {
		percent = v
	} else {
		percent = 5
	}
	log.Printf("rejecting %d%% of nonces", percent)
	return percent
}

// A log after the fallback that does not name the value in force says
// nothing of it (mainflux's certs service: MF_CERTS_CLIENT_TLS).
func FallbackThenOther() bool {
	tls, err := strconv.ParseBool(os.Getenv("CLIENT_TLS")) // want `env key "CLIENT_TLS" falls back to false when strconv.ParseBool cannot parse its value`
	if err != nil {
		tls = false
	}
	bits, err := strconv.Atoi(os.Getenv("RSA_BITS"))
	if err != nil {
		log.Fatalf("RSA_BITS: %v", err)
	}
	return tls && bits > 0
}

// A branch that returns goes no further than itself.
func FallbackReturnsEarly() int {
	n, err := strconv.Atoi(os.Getenv("NONCE_REJECT")) // want `env key "NONCE_REJECT" falls back to 5 when strconv.Atoi cannot parse its value`
	if err != nil {
		return 5
	}
	log.Printf("rejecting %d%% of nonces", n)
	return n
}

func FallbackReturned() (time.Duration, error) {
	if d, err := time.ParseDuration(os.Getenv("POLL_INTERVAL")); err == nil {
		return d, nil
	}
	return 0, errors.New("POLL_INTERVAL is not a duration")
}

func FallbackFatal() int {
	n, err := strconv.Atoi(os.Getenv("WORKER_COUNT"))
	if err != nil || n < 1 {
		log.Fatalf("WORKER_COUNT must be a positive number")
	}
	return n
}

// err != nil among &&: the body is not taken on every bad value, the
// rule cannot tell.
func FallbackNarrowed() int {
	n, err := strconv.Atoi(os.Getenv("WORKER_COUNT"))
	if err != nil && !errors.Is(err, strconv.ErrRange) {
		n = 4
	}
	return n
}

func NotEnv(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil {
		n = 4
	}
	return n
}

// Rule inverted: the parsed value is read on the branch a bad value
// takes, so a good value is never used (go-ethereum's swarm switches).
func Inverted() {
	if b, err := strconv.ParseBool(os.Getenv("SWAP_ENABLE")); err != nil { // want `env key "SWAP_ENABLE": b from strconv.ParseBool is read only when the parse fails, so it is always false \(an inverted error check\)`
		swap = b
	}
}

func InvertedElse() int {
	id := 1
	if n, err := strconv.Atoi(os.Getenv("NETWORK_ID")); err == nil { // want `env key "NETWORK_ID": n from strconv.Atoi is read only when the parse fails, so it is always 0`
		fmt.Println("network id set")
	} else {
		id = n
	}
	return id
}

// Negative twins: the value is read on the good branch, or written
// before it is read on the bad one.
func NotInverted() {
	if b, err := strconv.ParseBool(os.Getenv("SWAP_ENABLE")); err != nil {
		log.Fatalf("SWAP_ENABLE: %v", err)
	} else {
		swap = b
	}
}

func NotInvertedWritten() int {
	n, err := strconv.Atoi(os.Getenv("NETWORK_ID")) // want `env key "NETWORK_ID" falls back to 1 when strconv.Atoi cannot parse its value`
	if err != nil {
		n = 1
		fmt.Println(n)
	}
	return n
}

// Negative twins of a fall-through: a later statement names the value in
// force (pebble's PEBBLE_AUTHZREUSE), the key, the env value or the
// parsed value, or fails on a condition that names it.
func FallThroughValueLogged() int {
	reuse := 50
	if v, err := strconv.Atoi(os.Getenv("AUTHZ_REUSE")); err == nil && v >= 0 && v <= 100 {
		reuse = v
	}
	log.Printf("reusing authorizations %d%% of the time", reuse)
	return reuse
}

const rootsKey = "ALT_ROOTS"

func FallThroughKeyLogged() int {
	roots := 0
	if v, err := strconv.Atoi(os.Getenv(rootsKey)); err == nil && v >= 0 {
		roots = v
	}
	log.Printf("%s: %d alternate roots", rootsKey, 0)
	return roots
}

func FallThroughRawLogged() int {
	roots := 0
	raw := os.Getenv("ALT_ROOTS")
	if v, err := strconv.Atoi(raw); err == nil && v >= 0 {
		roots = v
	}
	log.Printf("alternate roots from %q", raw)
	return roots
}

func FallThroughChecked() int {
	port := 0
	if v, err := strconv.Atoi(os.Getenv("HTTP_PORT")); err == nil {
		port = v
	}
	if port == 0 {
		log.Fatal("no port")
	}
	return port
}

type vaConfig struct{ sleep int }

func FallThroughFieldLogged(cfg *vaConfig) {
	if n, err := strconv.Atoi(os.Getenv("SLEEP_TIME")); err == nil && n >= 1 {
		cfg.sleep = n
	}
	log.Printf("sleeping up to %d s", cfg.sleep)
}

// A log of the value in force inside a function literal after the
// fall-through does not report a bad value: the literal may never run
// (FallThroughValueLogged is its twin).
func FallThroughValueLoggedLater() func() {
	reuse := 50
	if v, err := strconv.Atoi(os.Getenv("AUTHZ_REUSE_LATER")); err == nil && v >= 0 { // want `env key "AUTHZ_REUSE_LATER" falls back to its default when strconv.Atoi cannot parse its value`
		reuse = v
	}
	return func() { log.Printf("reusing authorizations %d%% of the time", reuse) }
}
