// Package frameworks holds the request contexts of web frameworks and RPC
// service methods (issue 26), with their negative twins.
package frameworks

import (
	"context"
	"net/http"

	"github.com/gin-gonic/gin"
	"github.com/labstack/echo/v4"
)

type Store interface {
	Save(ctx context.Context, what string) error
}

type API struct{ store Store }

func (a *API) audit(ctx context.Context, what string) { a.store.Save(ctx, what) }

// gin: c.Request.Context() ends when the handler returns.
func (a *API) GinCreate(c *gin.Context) {
	go a.audit(c.Request.Context(), "create") // want `c.Request.Context\(\) is cancelled when GinCreate returns, but the goroutine started here keeps using it`
	c.JSON(http.StatusCreated, nil)
}

// echo: c.Request().Context() ends when the handler returns.
func (a *API) EchoCreate(c echo.Context) error {
	ctx := c.Request().Context()
	go func() { // want `ctx is cancelled when EchoCreate returns`
		a.audit(ctx, "create")
	}()
	return c.NoContent(http.StatusCreated)
}

// net/http middleware: the inner handler's r.Context() ends with it.
func (a *API) Audit(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		go a.audit(r.Context(), r.URL.Path) // want `r.Context\(\) is cancelled when the function literal returns`
		next.ServeHTTP(w, r)
	})
}

// A gRPC service: the method's ctx ends when the RPC returns.
type UnimplementedGreeterServer struct{}

func (UnimplementedGreeterServer) SayHello(ctx context.Context, name string) (string, error) {
	return "", nil
}

type Greeter struct {
	UnimplementedGreeterServer
	api *API
}

func (g *Greeter) SayHello(ctx context.Context, name string) (string, error) {
	go g.api.audit(ctx, "hello "+name) // want `ctx is cancelled when SayHello returns`
	return "hello " + name, nil
}

// ---- negative twins ----

func (a *API) GinDetached(c *gin.Context) {
	go a.audit(context.WithoutCancel(c.Request.Context()), "create")
	c.JSON(http.StatusCreated, nil)
}

// A gin helper with more parameters than the handler's one.
func (a *API) ginHelper(c *gin.Context, what string) {
	go a.audit(c.Request.Context(), what)
}

func (a *API) EchoWaits(c echo.Context) error {
	ctx := c.Request().Context()
	done := make(chan struct{})
	go func() {
		defer close(done)
		a.audit(ctx, "create")
	}()
	<-done
	return c.NoContent(http.StatusCreated)
}

// A method not of the service: its ctx is the caller's business.
func (g *Greeter) Helper(ctx context.Context, name string) {
	go g.api.audit(ctx, name)
}

// The RPC detaches its fire-and-forget work.
type Detached struct {
	UnimplementedGreeterServer
	api *API
}

func (d *Detached) SayHello(ctx context.Context, name string) (string, error) {
	go d.api.audit(context.WithoutCancel(ctx), "hello "+name)
	return "hello " + name, nil
}
