package abandoned

import "log"

// The aErr sender is a twin: the other case of the select ends the
// process, so it blocks only until the process exits (centrifugo v6.9.1's
// HTTP/3 server: the select runs once, and the function goes on after it).
// The bErr sender is left behind when serveA returns first.
func serveBoth(serveA, serveB func() error) {
	aErr := make(chan error)
	bErr := make(chan error)
	go func() { aErr <- serveA() }()
	go func() { bErr <- serveB() }() // want `the goroutine started here sends on unbuffered bErr \(line 13\), but serveBoth may return through another case of the select on line 14, and then nobody receives and the goroutine blocks forever; give bErr a buffer or send in a select`
	select {
	case err := <-aErr:
		println(err.Error())
	case err := <-bErr:
		log.Fatal(err)
	}
	println("served")
}

// The same with the select as the last statement of the function.
func serveLast(serveA, serveB func() error) {
	aErr := make(chan error)
	bErr := make(chan error)
	go func() { aErr <- serveA() }()
	go func() { bErr <- serveB() }() // want `the goroutine started here sends on unbuffered bErr \(line 28\), but serveLast may return through another case of the select on line 29`
	select {
	case err := <-aErr:
		println(err.Error())
	case err := <-bErr:
		log.Fatal(err)
	}
}
