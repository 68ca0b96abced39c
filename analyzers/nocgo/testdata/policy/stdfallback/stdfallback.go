// Package stdfallback imports std packages that use cgo when it is on and
// fall back to pure Go when it is off: never a cause. net/textproto stands
// for the standard packages that reach them, such as net/http: net is the
// only cgo package on its path, as on net/http's, and it adds one package
// to the test's load where net/http added about a hundred.
package stdfallback

import (
	"net"
	"net/textproto"
	"os/user"
	_ "runtime/cgo"
)

// Use uses them.
func Use() (*net.Resolver, textproto.MIMEHeader, error) {
	_, err := user.Current()
	return net.DefaultResolver, textproto.MIMEHeader{}, err
}
