//go:build !cgo

package apart

import "errors"

func Probe() error { return errors.New("no cgo: acceleration is off") }
