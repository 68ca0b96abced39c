package abandoned

import (
	"sync"
	"testing"
	"time"
)

// A select that ends the function: the timeout case falls off its end
// (health-go v5.5.4's Measure, fixed by PR #225), and nobody receives.
func measureAll(checks []func() error, timeout time.Duration) {
	var wg sync.WaitGroup
	for _, check := range checks {
		wg.Add(1)
		go func(check func() error) {
			defer wg.Done()
			resCh := make(chan error)
			go func() { // want `the goroutine started here sends on unbuffered resCh \(line 19\), but the enclosing function literal may return through another case of the select on line 22`
				resCh <- check()
				defer close(resCh)
			}()
			select {
			case <-time.After(timeout):
				println("timeout")
			case err := <-resCh:
				println(err)
			}
		}(check)
	}
	wg.Wait()
}

// Twin: the fix of PR #225, a buffer of 1.
func measureAllBuffered(checks []func() error, timeout time.Duration) {
	for _, check := range checks {
		resCh := make(chan error, 1)
		go func() {
			resCh <- check()
		}()
		select {
		case <-time.After(timeout):
		case err := <-resCh:
			println(err)
		}
	}
}

// The same with one send: a buffer of 1 is offered.
func measureOne(check func() error, timeout time.Duration) {
	resCh := make(chan error)
	go func() { // want `the goroutine started here sends on unbuffered resCh \(line 52\), but measureOne may return through another case of the select on line 54`
		resCh <- check()
	}()
	select {
	case <-time.After(timeout):
	case err := <-resCh:
		println(err)
	}
}

// Twin: the select is not the last statement, and the function receives
// again after it.
func measureTwice(check func() error, timeout time.Duration) error {
	resCh := make(chan error)
	go func() {
		resCh <- check()
	}()
	select {
	case <-time.After(timeout):
		println("slow")
	case err := <-resCh:
		return err
	}
	return <-resCh
}

// Twin: a test's timeout case fails the test (quic-go v0.52.0's
// sys_conn_oob_test.go): the sender is left behind only by a test that
// has failed already.
func finalTestTimeout(t *testing.T, check func() error) {
	resCh := make(chan error)
	go func() {
		resCh <- check()
	}()
	select {
	case err := <-resCh:
		println(err)
	case <-time.After(time.Second):
		t.Fatal("timeout")
	}
}

// Twin: the same with t.Errorf and a return before more work.
func leavingTestTimeout(t *testing.T, check func() error) {
	resCh := make(chan error)
	go func() {
		resCh <- check()
	}()
	select {
	case err := <-resCh:
		println(err)
	case <-time.After(time.Second):
		t.Errorf("timeout")
		return
	}
	println("checked")
}

// A test whose timeout case only logs: it passes, and the sender blocks
// for the rest of the test binary's life.
func finalTestLogs(t *testing.T, check func() error) {
	resCh := make(chan error)
	go func() { // want `the goroutine started here sends on unbuffered resCh \(line 114\), but finalTestLogs may return through another case of the select on line 116`
		resCh <- check()
	}()
	select {
	case err := <-resCh:
		println(err)
	case <-time.After(time.Second):
		t.Log("slow")
	}
}
