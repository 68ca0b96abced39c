// Package gin is a stub of github.com/gin-gonic/gin: only the surface
// the end-to-end module uses. Its handlers are gin's rather than
// net/http's so that go vet need not vet net/http and its ~185
// dependencies for every new tool (dbpool's handlers of every router are
// testdata/src/routers' subject).
package gin

type Context struct{}

type HandlerFunc func(*Context)

type Engine struct{}

func New() *Engine { return &Engine{} }

func (e *Engine) GET(path string, handlers ...HandlerFunc) {}

func (e *Engine) Run(addr ...string) error { return nil }

func (c *Context) Query(key string) string { return "" }
