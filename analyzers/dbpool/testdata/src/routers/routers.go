// Package routers opens pools per request in the handlers of each router
// users have; each positive has its negative twin.
package routers

import (
	"context"
	"database/sql"
	"net/http"
	"sync"

	"github.com/gin-gonic/gin"
	"github.com/go-chi/chi/v5"
	"github.com/labstack/echo/v4"

	"routers/pb"
)

func Gin(r *gin.Engine) {
	r.GET("/users", func(c *gin.Context) {
		db, _ := sql.Open("postgres", "dsn") // want `sql.Open opens a new pool on every request in the gin handler literal on line 19`
		defer db.Close()
		db.QueryRow("SELECT 1")
	})
}

// A gin handler that uses the pool opened once, at start-up: fine.
func GinShared(r *gin.Engine, db *sql.DB) {
	r.GET("/users", func(c *gin.Context) {
		db.QueryRow("SELECT 1")
	})
}

func listUsers(c echo.Context) error {
	db, err := sql.Open("postgres", "dsn") // want `sql.Open opens a new pool on every request in echo handler routers.listUsers`
	if err != nil {
		return err
	}
	defer db.Close()
	db.QueryRow("SELECT 1")
	return nil
}

// Not a handler: an echo.Context among other parameters is a helper's.
func render(c echo.Context, dsn string) error {
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	db.QueryRow("SELECT 1")
	return nil
}

func Echo(e *echo.Echo) {
	e.GET("/users", listUsers)
	e.GET("/render", func(c echo.Context) error { return render(c, "dsn") }) // want `routers.render opens and closes its own pool \(sql.Open\) on every call, and is called on every request in the echo handler literal on line 56`
}

func Chi(r *chi.Mux) {
	r.Get("/users", func(w http.ResponseWriter, r *http.Request) {
		db, _ := sql.Open("postgres", "dsn") // want `sql.Open opens a new pool on every request in the handler literal on line 60`
		defer db.Close()
		db.QueryRow("SELECT 1")
	})
	r.Get("/orders", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		db, _ := sql.Open("postgres", "dsn") // want `sql.Open opens a new pool on every request in the handler literal on line 65`
		defer db.Close()
		db.QueryRow("SELECT 1")
	}))
}

// A chi middleware is not a handler: it runs once, at routing set-up.
func Middleware(next http.Handler) http.Handler {
	db, _ := sql.Open("postgres", "dsn")
	db.SetMaxOpenConns(4)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		db.QueryRow("SELECT 1")
		next.ServeHTTP(w, r)
	})
}

type userServer struct {
	pb.UnimplementedUserServiceServer
	db *sql.DB
}

func (s *userServer) GetUser(ctx context.Context, req *pb.GetUserRequest) (*pb.User, error) {
	db, err := sql.Open("postgres", "dsn") // want `sql.Open opens a new pool on every request in gRPC method routers.userServer.GetUser`
	if err != nil {
		return nil, err
	}
	defer db.Close()
	var u pb.User
	return &u, db.QueryRowContext(ctx, "SELECT name FROM users WHERE id = $1", req.Id).Scan(&u.Name)
}

// The same method on the shared pool: fine.
func (s *userServer) GetUserShared(ctx context.Context, req *pb.GetUserRequest) (*pb.User, error) {
	var u pb.User
	return &u, s.db.QueryRowContext(ctx, "SELECT name FROM users WHERE id = $1", req.Id).Scan(&u.Name)
}

type plain struct{}

// Not a service: the receiver embeds no generated server.
func (plain) GetUser(ctx context.Context, req *pb.GetUserRequest) (*pb.User, error) {
	db, err := sql.Open("postgres", "dsn")
	if err != nil {
		return nil, err
	}
	defer db.Close()
	var u pb.User
	return &u, db.QueryRowContext(ctx, "SELECT 1").Scan(&u.Name)
}

var (
	cacheMu sync.Mutex
	cache   = map[string]*sql.DB{}
)

// tenantDB returns the tenant's pool, opened on first use and cached.
func tenantDB(dsn string) *sql.DB {
	cacheMu.Lock()
	defer cacheMu.Unlock()
	if db, ok := cache[dsn]; ok {
		return db
	}
	db, _ := sql.Open("postgres", dsn)
	db.SetMaxOpenConns(4)
	cache[dsn] = db
	return db
}

// openReport returns a fresh pool on every call.
func openReport(dsn string) *sql.DB {
	db, _ := sql.Open("postgres", dsn)
	db.SetMaxOpenConns(2)
	return db
}

func Tenants(r *gin.Engine) {
	// A cached pool per tenant: fine.
	r.GET("/t", func(c *gin.Context) {
		tenantDB("dsn").QueryRow("SELECT 1")
	})
	r.GET("/report", func(c *gin.Context) {
		db := openReport("dsn") // want `routers.openReport opens a new pool on every request in the gin handler literal on line 146`
		defer db.Close()
		db.QueryRow("SELECT 1")
	})
}
