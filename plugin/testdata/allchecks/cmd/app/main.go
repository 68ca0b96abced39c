// Command app wires the packages together.
package main

import (
	"context"
	"log"
	"os"
	"strconv"
	"time"

	"example.com/allchecks/internal/api"
	"example.com/allchecks/internal/orders"
	"example.com/allchecks/internal/plug"
	"example.com/allchecks/internal/store"
	"example.com/allchecks/internal/users"
)

func main() {
	mode := os.Getenv("APP_MODE")
	region := os.Getenv("APP_REGION")
	token := os.Getenv("APP_TOKEN") //envvet:ignore envkeys injected by the platform

	// A directive without a reason is malformed (directives reports it).
	debug := os.Getenv("APP_DEBUG") //envvet:ignore envkeys
	log.Print(mode, region, token, debug)

	// A bad value runs as 0 workers (envparse reports it).
	workers, _ := strconv.Atoi(os.Getenv("APP_WORKERS"))
	log.Print(workers)

	// One key read as a number and as a duration: no value satisfies
	// both (envtype reports the second read).
	retries, err := strconv.Atoi(os.Getenv("APP_RETRY"))
	if err != nil {
		log.Fatal(err)
	}
	backoff, err := time.ParseDuration(os.Getenv("APP_RETRY"))
	if err != nil {
		log.Fatal(err)
	}
	log.Print(retries, backoff, os.Getenv("APP_API_KEY"))

	if err := store.Open(os.Getenv("DB_DSN")); err != nil {
		log.Fatal(err)
	}
	orders.Count()
	users.Count()
	plug.Load("x.so")
	api.Report([]string{region})
	a := &api.Auditor{}
	a.Handle(context.Background())
	a.Capture(context.Background(), func() { log.Print("captured") })
}
