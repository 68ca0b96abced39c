// Package emptyoff holds reads whose empty value the code handles as the
// setting left off (emptyoff), each beside its negative twin: the nearest
// code whose empty value fails, is used unchecked or is handed on.
package emptyoff

import (
	"errors"
	"fmt"
	"log"
	"os"
	"strings"
)

type config struct{ token, url string }

var errNoKey = errors.New("no key")

// backup is litefs' shape: an empty token switches backups off, and the
// endpoint is used only when set.
func backup(c *config) {
	token := strings.TrimSpace(os.Getenv("CLOUD_TOKEN")) // want `^read "CLOUD_TOKEN" emptyoff$`
	if token == "" {
		return
	}
	if url := strings.TrimSpace(os.Getenv("CLOUD_URL")); url != "" { // want `^read "CLOUD_URL" emptyoff$`
		c.url = url
	}
	c.token = token
}

// backupRequired is its twin: an empty token is an error.
func backupRequired(c *config) error {
	token := strings.TrimSpace(os.Getenv("REQ_TOKEN")) // want `^read "REQ_TOKEN"$`
	if token == "" {
		return fmt.Errorf("REQ_TOKEN is required")
	}
	c.token = token
	return nil
}

// instances is cloud-sql-proxy's shape: a name, or its _0 alias, or none.
func instances(args []string) []string {
	inst := os.Getenv("INSTANCE_NAME") // want `^read "INSTANCE_NAME" emptyoff$`
	if inst == "" {
		inst = os.Getenv("INSTANCE_NAME_0") // want `^read "INSTANCE_NAME_0" emptyoff$`
		if inst == "" {
			return nil
		}
	}
	return append(args, inst)
}

// aliasUnchecked falls back on a second key and uses whatever it holds:
// the first key's empty value is not left off, and neither is the
// second's.
func aliasUnchecked(args []string) []string {
	inst := os.Getenv("PRIMARY_NAME") // want `^read "PRIMARY_NAME"$`
	if inst == "" {
		inst = os.Getenv("LEGACY_NAME") // want `^read "LEGACY_NAME"$`
	}
	return append(args, inst)
}

// defaulted gives the variable a value of its own.
func defaulted() string {
	region := os.Getenv("REGION") // want `^read "REGION" emptyoff$`
	if region == "" {
		region = "us-east-1"
	}
	return region
}

// handedOn returns the empty value to its caller, which is not followed.
func handedOn() string {
	v := os.Getenv("HANDED_ON") // want `^read "HANDED_ON"$`
	if v == "" {
		return ""
	}
	return strings.ToLower(v)
}

// compared tests the read itself, without a variable.
func compared() {
	if os.Getenv("DEBUG_TRACE") != "" { // want `^read "DEBUG_TRACE" emptyoff$`
		log.Print("tracing")
	}
	if os.Getenv("MUST_HAVE") == "" { // want `^read "MUST_HAVE"$`
		log.Fatal("MUST_HAVE is not set")
	}
	if os.Getenv("NEED_ONE") == "" { // want `^read "NEED_ONE"$`
		panic("NEED_ONE")
	}
}

// logged only logs an empty value and goes on using it.
func logged(c *config) {
	v := os.Getenv("LOGGED") // want `^read "LOGGED"$`
	if v == "" {
		log.Printf("LOGGED is empty")
	}
	c.url = v
}

// unchecked uses the value without any check.
func unchecked(c *config) {
	c.url = os.Getenv("UNCHECKED") // want `^read "UNCHECKED"$`
}

// usedAfter uses the value only where set, and again unchecked after.
func usedAfter(c *config) {
	v := os.Getenv("USED_AFTER") // want `^read "USED_AFTER"$`
	if v != "" {
		c.url = v
	}
	c.token = v
}

// sentinel returns a sentinel error; exits and usage messages fail too.
func sentinel(c *config) error {
	v := os.Getenv("SENTINEL") // want `^read "SENTINEL"$`
	if v == "" {
		return errNoKey
	}
	if w := os.Getenv("EXITS"); w == "" { // want `^read "EXITS"$`
		fmt.Println("EXITS is required")
		os.Exit(2)
	}
	if w := os.Getenv("USAGE"); len(w) == 0 { // want `^read "USAGE"$`
		usage()
		return nil
	}
	c.url = v
	return nil
}

// elseFails uses the value when set and fails in the else branch.
func elseFails(c *config) error {
	if v := os.Getenv("ELSE_FAILS"); v != "" { // want `^read "ELSE_FAILS"$`
		c.url = v
	} else {
		return errors.New("ELSE_FAILS is not set")
	}
	return nil
}

// requiredAfter returns the value when set, and an error after.
func requiredAfter() (string, error) {
	if v := os.Getenv("REQUIRED_AFTER"); v != "" { // want `^read "REQUIRED_AFTER"$`
		return v, nil
	}
	return "", errNoKey
}

// loop skips a worker whose key is empty.
func loop(names []string) {
	for range names {
		v := os.Getenv("WORKER") // want `^read "WORKER" emptyoff$`
		if v == "" {
			continue
		}
		_ = v
	}
}

func usage() {}

// kubeconfig falls back on a path of its own, built from HOME: a value
// that is never empty, not a read to check in turn.
func kubeconfig() string {
	path := os.Getenv("KUBECONFIG") // want `^read "KUBECONFIG" emptyoff$`
	if path == "" {
		path = os.Getenv("HOME") + "/.kube/config" // want `^read "HOME"$`
	}
	return path
}

// lookups test whether the key is set.
func lookups(c *config) error {
	if info, ok := os.LookupEnv("EXTRA_INFO"); ok { // want `^lookup "EXTRA_INFO" emptyoff$`
		c.url = info
	}
	hook, ok := os.LookupEnv("HOOK_URL") // want `^lookup "HOOK_URL" emptyoff$`
	if !ok {
		return nil
	}
	c.token = hook
	v, set := os.LookupEnv("NEEDED") // want `^lookup "NEEDED"$`
	if !set {
		return fmt.Errorf("NEEDED is not set")
	}
	w, set := os.LookupEnv("LOOKED_UP") // want `^lookup "LOOKED_UP"$`
	if set {
		log.Print(w)
	}
	c.url = v + w
	return nil
}

// credentials is one source among others: when none is set, the code
// tries the next and fails only if that fails too.
func credentials(token string) error {
	if token != "" || os.Getenv("CRED_FILE") != "" { // want `^read "CRED_FILE" emptyoff$`
		return nil
	}
	if err := tryMetadata(); err != nil {
		return err
	}
	return nil
}

// oneRequired fails at once when neither source is set.
func oneRequired(token string) error {
	if token != "" || os.Getenv("ONE_OF") != "" { // want `^read "ONE_OF"$`
		return nil
	}
	return errors.New("set ONE_OF or pass a token")
}

// forced uses the value on a path where it may be empty.
func forced(c *config, force bool) {
	if v := os.Getenv("FORCED"); v != "" || force { // want `^read "FORCED"$`
		c.url = v
	}
}

func tryMetadata() error { return nil }

type command struct{}

func (command) Help() {}

type logger struct{}

func (logger) Crit(msg string) {}

// help prints the command's help when the key is empty, as cobra's
// cmd.Help: a required setting, flag-style; so is a log15 Crit.
func help(cmd command, l logger) {
	if v := os.Getenv("HELPED"); v == "" { // want `^read "HELPED"$`
		cmd.Help()
		return
	}
	if os.Getenv("CRITICAL") == "" { // want `^read "CRITICAL"$`
		l.Crit("CRITICAL is not set")
	}
}
