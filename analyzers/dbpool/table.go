package dbpool

import (
	"go/types"
	"strings"
)

// Knowledge of the pool APIs, keyed by (*types.Func).FullName. A library
// modeled here is not followed inside: its own sql.Open and the struct
// that wraps the pool are reported, if at all, at the user's call.

// An opener creates a pool, returned as result 0.
type opener struct {
	name    string // as messages write it: "sql.Open"
	bounded bool   // the pool draws its connections from a bounded pool (pgxpool): never unlimited
	// source, when > 0, is the argument that says what to open: the call
	// opens a pool only when it is a string (a data source name), and
	// wraps the handle passed there otherwise (see wrappers).
	source int
}

var openers = map[string]opener{
	"database/sql.Open":                             {name: "sql.Open"},
	"database/sql.OpenDB":                           {name: "sql.OpenDB"},
	"github.com/jmoiron/sqlx.Open":                  {name: "sqlx.Open"},
	"github.com/jmoiron/sqlx.Connect":               {name: "sqlx.Connect"},
	"github.com/jmoiron/sqlx.ConnectContext":        {name: "sqlx.ConnectContext"},
	"github.com/jmoiron/sqlx.MustOpen":              {name: "sqlx.MustOpen"},
	"github.com/jmoiron/sqlx.MustConnect":           {name: "sqlx.MustConnect"},
	"gorm.io/gorm.Open":                             {name: "gorm.Open"},
	"github.com/jinzhu/gorm.Open":                   {name: "gorm.Open", source: 1},
	"entgo.io/ent/dialect/sql.Open":                 {name: "entsql.Open"},
	"github.com/jackc/pgx/v5/stdlib.OpenDB":         {name: "stdlib.OpenDB"},
	"github.com/jackc/pgx/v4/stdlib.OpenDB":         {name: "stdlib.OpenDB"},
	"github.com/jackc/pgx/v5/stdlib.OpenDBFromPool": {name: "stdlib.OpenDBFromPool", bounded: true},
	"github.com/jackc/pgx/v4/stdlib.OpenDBFromPool": {name: "stdlib.OpenDBFromPool", bounded: true},
	"github.com/pocketbase/dbx.Open":                {name: "dbx.Open"},
	"github.com/pocketbase/dbx.MustOpen":            {name: "dbx.MustOpen"},
}

// wrappers return, as result 0, a handle on the pool passed as argument
// arg: following the result follows the same pool.
var wrappers = map[string]int{
	"github.com/jmoiron/sqlx.NewDb":       0,
	"entgo.io/ent/dialect/sql.OpenDB":     1,
	"github.com/uptrace/bun.NewDB":        0,
	"github.com/jinzhu/gorm.Open":         1, // gorm.Open("postgres", sqlDB): v1 wraps a pool opened elsewhere
	"github.com/pocketbase/dbx.NewFromDB": 0,
}

// accessors return, as result 0, the *sql.DB under their receiver: the
// same pool (gorm's db.DB() is how a gorm pool is configured).
var accessors = map[string]bool{
	"(*gorm.io/gorm.DB).DB":                 true,
	"(*github.com/jinzhu/gorm.DB).DB":       true,
	"(entgo.io/ent/dialect/sql.Driver).DB":  true,
	"(*entgo.io/ent/dialect/sql.Driver).DB": true,
	"(*github.com/pocketbase/dbx.DB).DB":    true,
}

// migrators are the packages (path prefixes) of migration tools: they run
// their statements one after another, at start-up or from a CLI, so a pool
// passed to them is neither used under load nor kept by them for the
// program. Passing a pool to one is neither a use nor a store.
var migrators = []string{
	"github.com/golang-migrate/migrate/v4/database/",
	"github.com/pressly/goose/",
	"github.com/rubenv/sql-migrate",
	"github.com/amacneil/dbmate/",
}

// isMigrator reports whether fn belongs to a migration tool.
func isMigrator(fn *types.Func) bool {
	if fn.Pkg() == nil {
		return false
	}
	for _, m := range migrators {
		if p := fn.Pkg().Path(); strings.HasPrefix(p, m) || p+"/" == m {
			return true
		}
	}
	return false
}

// poolTypes are the named types a pointer to which is a pool handle.
var poolTypes = map[string]bool{
	"database/sql.DB":                 true,
	"github.com/jmoiron/sqlx.DB":      true,
	"gorm.io/gorm.DB":                 true,
	"github.com/jinzhu/gorm.DB":       true,
	"entgo.io/ent/dialect/sql.Driver": true,
	"github.com/uptrace/bun.DB":       true,
	"github.com/pocketbase/dbx.DB":    true,
}

// configMethods touch the pool without using a connection for the
// caller's own queries.
var configMethods = map[string]bool{
	"(*database/sql.DB).SetMaxIdleConns":    true,
	"(*database/sql.DB).SetConnMaxLifetime": true,
	"(*database/sql.DB).SetConnMaxIdleTime": true,
	"(*database/sql.DB).Ping":               true,
	"(*database/sql.DB).PingContext":        true,
	"(*database/sql.DB).Stats":              true,
	"(*database/sql.DB).Driver":             true,
}

// closers close the pool.
var closers = map[string]bool{
	"(*database/sql.DB).Close":                 true,
	"(*entgo.io/ent/dialect/sql.Driver).Close": true,
	"(entgo.io/ent/dialect/sql.Driver).Close":  true,
	"(*github.com/jinzhu/gorm.DB).Close":       true, // closes the *sql.DB underneath, wrapped or opened
	"(*github.com/pocketbase/dbx.DB).Close":    true,
}

const setMaxOpen = "(*database/sql.DB).SetMaxOpenConns"

// isPoolType reports whether t is a pointer to one of poolTypes.
func isPoolType(t types.Type) bool {
	ptr, ok := types.Unalias(t).(*types.Pointer)
	if !ok {
		return false
	}
	named, ok := types.Unalias(ptr.Elem()).(*types.Named)
	if !ok || named.Obj().Pkg() == nil {
		return false
	}
	return poolTypes[named.Obj().Pkg().Path()+"."+named.Obj().Name()]
}

// isModeledLibrary reports whether path is a package whose pool API the
// tables above model (database/sql itself excepted).
func isModeledLibrary(path string) bool {
	if path == "database/sql" {
		return false
	}
	for _, m := range []map[string]bool{poolTypes, accessors, closers} {
		for k := range m {
			if strings.HasPrefix(strings.TrimLeft(k, "(*"), path+".") {
				return true
			}
		}
	}
	for k := range openers {
		if strings.HasPrefix(k, path+".") {
			return true
		}
	}
	return false
}

// A handlerShape is the parameter list of the functions that a router
// calls once per request; noun names them in messages.
type handlerShape struct {
	noun   string
	params []typeRef
}

// typeRef names a type: pkg.name, or *pkg.name when ptr.
type typeRef struct {
	pkg, name string
	ptr       bool
}

// handlerShapes are the routers users have. chi, gorilla/mux and
// http.HandlerFunc literals take net/http's shape.
var handlerShapes = []handlerShape{
	{"handler", []typeRef{{"net/http", "ResponseWriter", false}, {"net/http", "Request", true}}},
	{"gin handler", []typeRef{{"github.com/gin-gonic/gin", "Context", true}}},
	{"echo handler", []typeRef{{"github.com/labstack/echo/v4", "Context", false}}},
	{"echo handler", []typeRef{{"github.com/labstack/echo", "Context", false}}},
	{"fiber handler", []typeRef{{"github.com/gofiber/fiber/v2", "Ctx", true}}},
	{"fasthttp handler", []typeRef{{"github.com/valyala/fasthttp", "RequestCtx", true}}},
}

// serviceEmbeds mark RPC services: the exported methods taking a
// context.Context first of a struct type that embeds a field whose type
// name has this prefix and suffix run once per call.
var serviceEmbeds = []struct{ noun, prefix, suffix string }{
	{"gRPC method", "Unimplemented", "Server"}, // protoc-gen-go-grpc's UnimplementedFooServer
}

// requestSuffix names requests: an exported method of an exported type
// of a library that takes one (state.GetRequest, a *pb.GetUserRequest,
// a []state.SetRequest) serves its callers' requests, one call each,
// even where those callers are in another module.
const requestSuffix = "Request"

// matches reports whether t is the type r names.
func (r typeRef) matches(t types.Type) bool {
	if r.ptr {
		p, ok := types.Unalias(t).(*types.Pointer)
		if !ok {
			return false
		}
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == r.pkg && n.Obj().Name() == r.name
}
