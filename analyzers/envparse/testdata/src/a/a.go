// Package a holds the direct rule's cases: a parse of an env value whose
// error is dropped, each beside its negative twin.
package a

import (
	"encoding/json"
	"errors"
	"fmt"
	"log"
	"net"
	"net/netip"
	"net/url"
	"os"
	"strconv"
	"strings"
	"time"
)

const timeoutKey = "REDIS_TIMEOUT_MS"

func Dropped() {
	n, _ := strconv.Atoi(os.Getenv("REDIS_TIMEOUT_MS")) // want `env key "REDIS_TIMEOUT_MS" is parsed by strconv.Atoi but the error is dropped: a bad value runs as 0`
	_ = n
	m, _ := strconv.Atoi(os.Getenv(timeoutKey)) // want `env key "REDIS_TIMEOUT_MS" is parsed by strconv.Atoi but the error is dropped`
	_ = m
	b, _ := strconv.ParseBool(os.Getenv("DEBUG")) // want `env key "DEBUG" is parsed by strconv.ParseBool but the error is dropped: a bad value runs as false`
	_ = b
	d, _ := time.ParseDuration(os.Getenv("GRACE")) // want `env key "GRACE" is parsed by time.ParseDuration but the error is dropped: a bad value runs as 0s`
	_ = d
	f, _ := strconv.ParseFloat(os.Getenv("RATIO"), 64) // want `env key "RATIO" is parsed by strconv.ParseFloat`
	_ = f
	i, _ := strconv.ParseInt(os.Getenv("LIMIT"), 10, 64) // want `env key "LIMIT" is parsed by strconv.ParseInt`
	_ = i
	u, _ := strconv.ParseUint(os.Getenv("SIZE"), 10, 64) // want `env key "SIZE" is parsed by strconv.ParseUint`
	_ = u
	l, _ := url.Parse(os.Getenv("UPSTREAM_URL")) // want `env key "UPSTREAM_URL" is parsed by url.Parse but the error is dropped: a bad value runs as a nil \*url.URL`
	_ = l
	a, _ := netip.ParseAddr(os.Getenv("BIND_ADDR")) // want `env key "BIND_ADDR" is parsed by netip.ParseAddr but the error is dropped: a bad value runs as the zero netip.Addr`
	_ = a
	var tags []string
	json.Unmarshal([]byte(os.Getenv("TAGS")), &tags)       // want `env key "TAGS" is parsed by json.Unmarshal but the error is dropped: a bad value leaves the target as it was`
	_ = json.Unmarshal([]byte(os.Getenv("LABELS")), &tags) // want `env key "LABELS" is parsed by json.Unmarshal`
}

// Negative twins: the error is returned, fatal, handled or checked.
func Checked() error {
	n, err := strconv.Atoi(os.Getenv("REDIS_TIMEOUT_MS"))
	if err != nil {
		return fmt.Errorf("REDIS_TIMEOUT_MS: %w", err)
	}
	_ = n
	b, err := strconv.ParseBool(os.Getenv("DEBUG"))
	if err != nil {
		log.Fatal(err)
	}
	_ = b
	d, err := time.ParseDuration(os.Getenv("GRACE"))
	if err != nil {
		log.Printf("GRACE: %v", err)
	}
	_ = d
	var tags []string
	if err := json.Unmarshal([]byte(os.Getenv("TAGS")), &tags); err != nil {
		return err
	}
	if json.Unmarshal([]byte(os.Getenv("LABELS")), &tags) != nil {
		return errors.New("bad LABELS")
	}
	return json.Unmarshal([]byte(os.Getenv("OTHER")), &tags)
}

// Through variables.
func Variables() {
	v := os.Getenv("WORKERS")
	w, _ := strconv.Atoi(v) // want `env key "WORKERS" is parsed by strconv.Atoi but the error is dropped`
	_ = w
	if s, ok := os.LookupEnv("PORT"); ok {
		p, _ := strconv.Atoi(strings.TrimSpace(s)) // want `env key "PORT" is parsed by strconv.Atoi`
		_ = p
	}
	raw := os.Getenv("QUEUE")
	if raw == "" {
		raw = "10"
	}
	trimmed := strings.TrimSpace(raw)
	q, err := strconv.Atoi(trimmed) // want `env key "QUEUE" is parsed by strconv.Atoi but the error is dropped`
	_ = q
	_ = err // never read after: assigned to _
}

// The error variable is overwritten before it is read: dropped.
func Overwritten() (int, error) {
	n, err := strconv.Atoi(os.Getenv("RETRIES")) // want `env key "RETRIES" is parsed by strconv.Atoi but the error is dropped`
	m, err := strconv.Atoi(os.Getenv("BACKOFF"))
	if err != nil {
		return 0, err
	}
	return n + m, nil
}

// Negative twins through variables.
func VariablesChecked() (int, error) {
	v := os.Getenv("WORKERS")
	w, err := strconv.Atoi(v)
	if err != nil {
		return 0, err
	}
	return w, nil
}

// A value that is not from the environment is not reported.
func NotEnv(s string) {
	n, _ := strconv.Atoi(s)
	_ = n
	m, _ := strconv.Atoi("42")
	_ = m
	f := os.Args[1]
	k, _ := strconv.Atoi(f)
	_ = k
}

// A dynamic key is not reported by the direct rule; the function is a
// helper that silently defaults (the helper rule reports its calls).
func Dynamic(name string) { // want Dynamic:`silentDefault\(0 strconv.Atoi value="0"\)`
	n, _ := strconv.Atoi(os.Getenv(name))
	_ = n
}

// net.ParseIP reports a bad value with nil.
func IP() net.IP {
	ip := net.ParseIP(os.Getenv("ADVERTISE_IP")) // want `env key "ADVERTISE_IP" is parsed by net.ParseIP but the error is dropped: a bad value runs as a nil net.IP`
	return ip
}

func IPChecked() net.IP {
	ip := net.ParseIP(os.Getenv("ADVERTISE_IP"))
	if ip == nil {
		log.Fatalf("ADVERTISE_IP: not an IP")
	}
	return ip
}

func IPv4() net.IP {
	ip := net.ParseIP(os.Getenv("ADVERTISE_IP"))
	if ip.To4() == nil {
		log.Fatalf("ADVERTISE_IP: not an IPv4 address")
	}
	return ip
}

// An inline fallback that says nothing: rule fallback (fallback.go).
func InlineFallback() int {
	n, err := strconv.Atoi(os.Getenv("CACHE_SIZE")) // want `env key "CACHE_SIZE" falls back to 128 when strconv.Atoi cannot parse its value, and nothing reports it`
	if err != nil {
		n = 128
	}
	return n
}

// A package-level variable.
var debug, _ = strconv.ParseBool(os.Getenv("APP_DEBUG")) // want `env key "APP_DEBUG" is parsed by strconv.ParseBool`

var region = os.Getenv("REGION_ID")

func Region() int {
	r, _ := strconv.Atoi(region) // want `env key "REGION_ID" is parsed by strconv.Atoi`
	return r
}

// Suppressed with a reason.
func Suppressed() bool {
	//envvet:ignore envparse the flag is advisory; anything but true is off
	on, _ := strconv.ParseBool(os.Getenv("VERBOSE"))
	return on
}
