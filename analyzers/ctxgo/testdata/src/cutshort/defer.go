package cutshort

import (
	"context"
	"errors"
	"time"
)

// A cancel that a deferred literal calls only on error: on success the
// context lives on, so the goroutine is not cut short
// (github.com/cli/cli/v2@v2.60.0 internal/codespaces/rpc/invoker.go:143).
func (h *H) Open(parent context.Context) (err error) {
	ctx, cancel := context.WithCancel(parent)
	defer func() {
		if err != nil {
			cancel()
		}
	}()
	go h.audit(ctx, "connect")
	if parent == nil {
		return errors.New("no parent")
	}
	return nil
}

// The same literal calling cancel unconditionally does end it.
func (h *H) ConnectAlways(parent context.Context) error {
	ctx, cancel := context.WithTimeout(parent, time.Second)
	defer func() {
		cancel()
	}()
	go h.audit(ctx, "connect") // want `ctx is cancelled when ConnectAlways returns`
	return nil
}
