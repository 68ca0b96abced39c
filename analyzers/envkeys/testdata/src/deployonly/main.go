// Command deployonly is deployed by deploy.yaml alone: no file documents
// its keys. A read whose empty value the code handles as the setting left
// off is optional there, as a read with a default is; the twins below,
// whose empty value fails or is used unchecked, must be set.
package main

import (
	"errors"
	"log"
	"os"
	"strings"
)

var errNoRegion = errors.New("REGION is not set")

func main() {
	_ = os.Getenv("DATA_DIR")
	backup()
	_ = instances(nil)
	_ = region()
	tracing()
	_ = hooks()
}

// backup is litefs' shape: an empty token turns the backups off, and the
// endpoint is used only when set. Neither is reported.
func backup() {
	token := strings.TrimSpace(os.Getenv("CLOUD_TOKEN"))
	if token == "" {
		return
	}
	if url := strings.TrimSpace(os.Getenv("CLOUD_URL")); url != "" {
		log.Print(url)
	}
	log.Print(len(token))
}

// instances is cloud-sql-proxy's shape: a name, or its _0 alias, or none
// (the arguments give them). Neither is reported.
func instances(args []string) []string {
	inst := os.Getenv("INSTANCE_NAME")
	if inst == "" {
		inst = os.Getenv("INSTANCE_NAME_0")
		if inst == "" {
			return nil
		}
	}
	return append(args, inst)
}

// region's empty value is an error: the deployment must set it.
func region() error {
	r := os.Getenv("REGION") // want `env key "REGION" is not declared in envvet.yaml, deploy.yaml`
	if r == "" {
		return errNoRegion
	}
	log.Print(r)
	return nil
}

// tracing is switched on by a set value; QUEUE_URL's empty value is only
// logged, then used.
func tracing() {
	if os.Getenv("TRACE") != "" {
		log.Print("tracing")
	}
	q := os.Getenv("QUEUE_URL") // want `env key "QUEUE_URL" is not declared in envvet.yaml, deploy.yaml`
	if q == "" {
		log.Print("QUEUE_URL is empty")
	}
	log.Print(q)
	if os.Getenv("LICENSE") == "" { // want `env key "LICENSE" is not declared in envvet.yaml, deploy.yaml`
		log.Fatal("LICENSE is required")
	}
}

// hooks: an unset HOOK_URL turns the alerts off (not reported); an unset
// API_KEY is an error.
func hooks() error {
	url, ok := os.LookupEnv("HOOK_URL")
	if !ok {
		return nil
	}
	log.Print(url)
	key, ok := os.LookupEnv("API_KEY") // want `env key "API_KEY" is not declared in envvet.yaml, deploy.yaml`
	if !ok {
		return errors.New("API_KEY is not set")
	}
	log.Print(key)
	return nil
}
