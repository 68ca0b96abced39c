// Command mainpkg: goroutines of package main may live as long as the process.
package main

import (
	"context"
	"net/http"
	"time"
)

func runBeacon(ctx context.Context, out chan<- int) {
	go func() {
		for {
			out <- 1
			time.Sleep(time.Second)
		}
	}()
}

func handler(w http.ResponseWriter, r *http.Request) {
	go func() { // want `never observes r.Context\(\) or a done channel`
		for {
			time.Sleep(time.Second)
		}
	}()
}

// A test-style server: go svc.Serve(ctx) is run until the cancel at return.
type svc struct{ jobs chan func(context.Context) }

func (s *svc) Serve(ctx context.Context) {
	for j := range s.jobs {
		j(ctx)
	}
}

func useServer(parent context.Context, s *svc, check func() int) int {
	ctx, cancel := context.WithCancel(parent)
	defer cancel()
	go s.Serve(ctx)
	return check()
}

func main() {
	runBeacon(context.Background(), make(chan int))
	http.HandleFunc("/", handler)
}
