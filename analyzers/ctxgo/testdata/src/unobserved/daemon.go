package unobserved

import (
	"context"
	"os"
	"os/signal"
	"time"
)

// A daemon's run loop: it handles OS signals and returns only when the
// process is told to stop; its watchdog lives as long as the process.
func RunDaemon(ctx context.Context, ping func() error) {
	stop := make(chan os.Signal, 1)
	signal.Notify(stop, os.Interrupt)
	go func() {
		for {
			ping()
			time.Sleep(time.Minute)
		}
	}()
	<-stop
}

// The twin: the same watchdog in a function that does not own the
// process's lifetime.
func StartWatchdog(ctx context.Context, ping func() error) {
	go func() { // want `the goroutine started here loops forever on blocking work \(line 28\) and never observes ctx or a done channel`
		for {
			ping()
			time.Sleep(time.Minute)
		}
	}()
}
