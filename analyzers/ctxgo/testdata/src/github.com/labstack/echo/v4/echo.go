// Package echo is a stub of github.com/labstack/echo/v4: only the surface ctxgo's tests use.
package echo

import "net/http"

type Context interface {
	Request() *http.Request
	NoContent(code int) error
}

type HandlerFunc func(c Context) error
