// Package gin is a stub of github.com/gin-gonic/gin: only the surface
// the jinzhu scenarios use. Their handlers are gin's rather than
// net/http's so that the load does not type-check net/http and its
// ~185 dependencies from source (dbpool's handlers of every router are
// testdata/src/routers' subject).
package gin

type Context struct{}

type HandlerFunc func(*Context)

type Engine struct{}

func New() *Engine { return &Engine{} }

func (e *Engine) GET(path string, handlers ...HandlerFunc) {}

func (e *Engine) Run(addr ...string) error { return nil }
