// Package echo is a stub of github.com/labstack/echo/v4: only the surface dbpool's tests use.
package echo

type Context interface {
	String(code int, s string) error
}

type HandlerFunc func(c Context) error

type Echo struct{}

func New() *Echo { return &Echo{} }

func (e *Echo) GET(path string, h HandlerFunc) {}
