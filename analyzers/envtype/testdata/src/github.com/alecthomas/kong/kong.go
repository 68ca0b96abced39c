// Package kong is a stub of github.com/alecthomas/kong with the surface
// envtype's tests use.
package kong

// An Option configures a parser.
type Option interface{}

// Vars are the values ${name} in tags interpolate.
type Vars map[string]string

// A Context is the result of a parse.
type Context struct{}

// Parse parses the command line into cli.
func Parse(cli any, options ...Option) *Context { return &Context{} }
