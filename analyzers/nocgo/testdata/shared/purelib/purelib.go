// Package purelib stands for a pure-Go third-party package (such as
// github.com/lib/pq) that imports std packages with cgo and pure-Go
// implementations.
package purelib

import (
	"net"
	"os/user"
)

// Home returns the current user's home directory and a resolver.
func Home() (string, *net.Resolver) {
	u, err := user.Current()
	if err != nil {
		return "", nil
	}
	return u.HomeDir, net.DefaultResolver
}
