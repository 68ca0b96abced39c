package unobserved

import (
	"context"
	"errors"
	"log"
	"net"
	"time"
)

type KV struct{ updates chan int }

// watch runs until ctx is cancelled, then returns ctx.Err() at once.
func (kv *KV) watch(ctx context.Context) error {
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case u := <-kv.updates:
			_ = u
		}
	}
}

func fetch(ctx context.Context) (int, error) { return 0, ctx.Err() }

// kine v0.14.3's NewKeyValue: once ctx is cancelled, watch returns at once
// and the loop spins, logging.
func NewKV(ctx context.Context) *KV {
	kv := &KV{}
	go func() { // want `this goroutine's loop never leaves when ctx is cancelled: kv.watch\(ctx\) then returns at once and the loop spins; check ctx.Err\(\) in the loop`
		ctx, cancel := context.WithCancel(ctx)
		defer cancel()
		for {
			err := kv.watch(ctx)
			if err != nil {
				log.Printf("watcher: %v", err)
			}
		}
	}()
	return kv
}

// A function of the package started with the context as argument; the
// call returns an error.
func (kv *KV) poll(ctx context.Context) {
	for {
		if _, err := fetch(ctx); err != nil {
			log.Print(err)
		}
	}
}

func StartPoll(ctx context.Context, kv *KV) {
	go kv.poll(ctx) // want `this goroutine's loop never leaves when ctx is cancelled: fetch\(ctx\) then returns at once`
}

// A context derived with a timeout is cancelled too.
func Timeout(kv *KV) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	_ = cancel
	go func() { // want `this goroutine's loop never leaves when ctx is cancelled`
		for {
			kv.watch(ctx)
		}
	}()
}

// ---- negative twins ----

// kine v0.14.4: the loop leaves on context.Canceled.
func NewKVFixed(ctx context.Context) *KV {
	kv := &KV{}
	go func() {
		for {
			err := kv.watch(ctx)
			if errors.Is(err, context.Canceled) {
				return
			}
			log.Printf("watcher: %v", err)
		}
	}()
	return kv
}

// The loop checks ctx.Err() and returns.
func CheckErr(ctx context.Context, kv *KV) {
	go func() {
		for {
			if ctx.Err() != nil {
				return
			}
			if err := kv.watch(ctx); err != nil {
				log.Print(err)
			}
		}
	}()
}

// A select with a ctx.Done() case.
func SelectDone(ctx context.Context, kv *KV) {
	go func() {
		for {
			select {
			case <-ctx.Done():
				return
			default:
			}
			kv.watch(ctx)
		}
	}()
}

// The loop's condition observes the context.
func Cond(ctx context.Context, kv *KV) {
	go func() {
		for ctx.Err() == nil {
			kv.watch(ctx)
		}
	}()
}

// A ticker loop with a Done case.
func Ticker(ctx context.Context, kv *KV) {
	go func() {
		t := time.NewTicker(time.Second)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
				fetch(ctx)
			}
		}
	}()
}

// The callee blocks forever and ignores cancellation: no spin.
func ServeLoop(ctx context.Context, l net.Listener, serve func(net.Listener)) {
	go func() {
		for {
			serve(l)
			log.Print("restarting", ctx.Value("k"))
		}
	}()
}

// A context that is never cancelled.
func Background(kv *KV) {
	ctx := context.Background()
	go func() {
		for {
			if err := kv.watch(ctx); err != nil {
				log.Print(err)
			}
		}
	}()
}

// The goroutine's parameter is given a context that is never cancelled.
func BackgroundArg(kv *KV) {
	go func(ctx context.Context) {
		for {
			kv.watch(ctx)
		}
	}(context.WithoutCancel(context.TODO()))
}

// A cancel only deferred, of a context derived from Background.
func DeferredCancel(kv *KV) {
	go func() {
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		for {
			kv.watch(ctx)
		}
	}()
}

// The loop returns on error: the call fails once ctx is cancelled.
func ReturnOnError(ctx context.Context, kv *KV) {
	go func() {
		for {
			if err := kv.watch(ctx); err != nil {
				return
			}
		}
	}()
}

// A backoff between attempts: the goroutine never ends, but does not spin.
func Backoff(ctx context.Context, kv *KV) {
	go func() {
		for {
			kv.watch(ctx)
			time.Sleep(time.Second)
		}
	}()
}
