// Package gin is a stub of github.com/gin-gonic/gin: only the surface ctxgo's tests use.
package gin

import "net/http"

type Context struct {
	Request *http.Request
}

func (c *Context) JSON(code int, obj any) {}

type HandlerFunc func(*Context)
