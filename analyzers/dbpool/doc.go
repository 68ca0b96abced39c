// Package dbpool defines an Analyzer that reports database connection
// pools that are shared across packages where they should not be, opened
// per request, or never limited.
//
// # Analyzer dbpool
//
// dbpool: report database pools shared, opened per call or unlimited
//
// A pool is a *database/sql.DB, a *github.com/jmoiron/sqlx.DB, a
// *gorm.io/gorm.DB (or gorm v1's *github.com/jinzhu/gorm.DB), a
// *github.com/uptrace/bun.DB, a *github.com/pocketbase/dbx.DB or an
// *entgo.io/ent/dialect/sql.Driver. A table
// (table.go) names the calls that open one (sql.Open, sql.OpenDB,
// sqlx.Open, sqlx.Connect, sqlx.ConnectContext, sqlx.MustOpen,
// sqlx.MustConnect, gorm.Open, ent's dialect/sql.Open, pgx's
// stdlib.OpenDB for v4 and v5, dbx.Open, dbx.MustOpen), the calls that
// wrap one (sqlx.NewDb, bun.NewDB, ent's dialect/sql.OpenDB,
// dbx.NewFromDB, gorm v1's Open given a *sql.DB) and the accessors that
// return the *sql.DB underneath (gorm's DB(), ent's Driver.DB(), dbx's
// DB()): configuring the pool through any of them counts.
// stdlib.OpenDBFromPool draws on a pgxpool, which bounds it: it is never
// unlimited. A function of the program that returns a fresh
// pool is an opener too, inferred with facts across packages. Migration
// tools (golang-migrate's drivers, goose, sql-migrate, dbmate) run one
// statement at a time: passing a pool to them is neither a use nor a
// store.
// Sharing one pool is normal Go practice; dbpool reports four traps, each
// with its own diagnostic category and flag (-dbpool.<category>=false
// turns it off). It follows a pool through local variables, struct fields,
// package variables, function parameters and results, across packages
// with facts. Where it loses the pool (stored in a map or slice, passed
// to a function value, an interface method, a variadic or a generic
// parameter), it stays quiet. A pool stored in a field, or passed as a
// parameter, whose type is an interface of the module with no
// SetMaxOpenConns and no method returning a pool (a querier of
// ExecContext and QueryContext) is not lost: the code behind it queries
// the pool and cannot limit it.
//
// Every finding is positioned in the module being analyzed: at the call
// that opens the pool (or the call of the module's helper that returns
// it), with the variable or field that holds it and the packages that use
// it as related information. A pool that a dependency opens for itself is
// not reported, nor is anything inside the libraries the table models.
//
// Rule "shared": a package-level pool that other packages reach into.
//
// Fires when a package variable holding a pool is read by functions in two
// or more packages other than the one that declares it. A read is any
// reference except an assignment to the variable and a call of
// SetMaxOpenConns, SetMaxIdleConns, SetConnMaxLifetime, SetConnMaxIdleTime,
// Ping, PingContext, Stats, Driver or Close on it, and passing it to a
// function that dbpool follows (injection: see isolation); calling an
// accessor that returns the variable (func Conn() *sql.DB { return DB })
// is a read.
// Whole-program: the program's main package reports once, at the call
// that opens the pool into the variable, naming the packages and the
// constant given to SetMaxOpenConns anywhere in the program; the
// variable's declaration and each package's first read are related
// information:
//
//	DB, err = sql.Open("postgres", dsn) // diagnostic: store.DB (max 20 open) is shared by 3 packages: coupon, order, user; one slow package starves the others
//
// Not reported: a package that keeps its pool and exports functions
// (store.FindUser), and a pool opened in main and passed to constructors:
// that is dependency injection, see isolation.
//
// Rule "isolation": one pool used across declared isolation boundaries.
//
// Fires only with -dbpool.isolate=PATTERN,PATTERN (import path patterns;
// "..." matches anything, "x/..." matches x and below, "./x/..." is
// relative to the main module), or the isolate list of the dbpool section
// of envvet.yaml. A pool is used by a package when a function of the
// package calls a method on it other than the configuration methods
// above, stores it in a struct field, or passes it to a function that
// cannot be followed. When the packages using one pool match two
// different patterns, dbpool reports at the open call, however the pool
// reached them (a global, or injected from main). A struct field is not
// followed back to the packages that use the struct: one field holds one
// pool per instance.
//
//	db, err := sql.Open("postgres", dsn) // diagnostic: pool opened by sql.Open in main.main is shared by packages that must be isolated: user (example.com/app/user/...) and billing (example.com/app/billing/...); give each its own pool
//
// Rule "per-call": a pool opened per request or per iteration.
//
// Fires at an opener, or a call of the program's function that returns a
// fresh pool (one it keeps nowhere: a helper that caches its pool in a
// map, variable or field is not an opener), when the innermost function around the call runs once per
// request, or the call is in the body of a for or range loop of that
// function, and the pool stays local to that request or iteration. A
// function literal called where it is written (go func() { ... }(),
// defer func() { ... }()) runs once each time its statement does, so the
// loop or handler around that statement counts for the calls in it. The
// functions that run once per request are a table: net/http handlers
// (func(http.ResponseWriter, *http.Request), ServeHTTP methods, handler
// literals, http.HandlerFunc conversions, chi and gorilla/mux routes), gin
// (func(*gin.Context)), echo (func(echo.Context) error), fiber, fasthttp,
// the exported methods taking a context.Context of a type that embeds
// a generated gRPC UnimplementedFooServer, and, outside package main, the
// exported methods of an exported type that take a request (a named type
// whose name ends in Request, by value, pointer or in a slice: a state
// store's Get(req *state.GetRequest)), which callers in other modules
// call once per request. The pool stays local when it is
// kept only in variables declared inside the handler or loop body and is
// not returned, stored in a field, package variable, map or slice (in a
// loop: nor passed to code that cannot be followed, nor used by a
// goroutine started there, and the open call's arguments must not depend
// on a variable of the loop: a pool per target database is not the same
// pool opened again). The pool must serve queries: a loop that only pings
// a fresh pool waits for the database. Calls in _test.go files and in
// test helpers (functions taking *testing.T, *testing.B, *testing.F or
// testing.TB) are not reported. Lazy initialization (a package variable
// set inside sync.Once or an if), one pool per tenant kept in a map, and
// a retry loop that assigns an outer variable are not reported.
//
//	db, err := sql.Open("postgres", dsn) // diagnostic: sql.Open opens a new pool on every request in handler api.Report; open it once at start-up and share it
//
// A function that opens a pool into a local variable, queries it and
// closes it, outside loops and closures, opens a pool per call; so does a
// function that calls it. A call of such a function from a handler or
// inside a loop is reported at the call; called once, from main or a CLI
// command, it is fine:
//
//	exportAll() // diagnostic: percall.exportAll opens and closes its own pool (sql.Open) on every call, and is called on every request in the handler literal on line 34
//
// In a loop, a call that passes the loop's own range key, value or init
// variable to a parameter the pool's data source name comes from
// (through the function's locals and the helpers it calls) opens one pool
// per target, not the same pool again, and is not reported (litestream
// restoring each configured database in turn).
//
// Rule "nolimit": a pool that nothing limits.
//
// Fires when nothing calls SetMaxOpenConns on a pool: not the function
// that opens it, nor any caller it is returned to, nor any function it is
// passed to, nor (for a pool stored in a package variable or a struct
// field) any function on that variable or field, including through the
// wrappers and accessors of the table and structs that embed the pool.
// It is decided where the pool's path ends: in the function that opens or
// receives it. A pool kept in a struct that stays in that function is
// decided there too, and counts as limited when the field's package or
// that package limits the field. A pool stored in a package variable, or
// in a struct that leaves the function (returned by a constructor, passed
// on), is decided by main with every package's facts, except a pool kept
// only in fields of the package's own struct types, each field or its
// type unexported, that no function other packages can call returns (an
// exported method of an unexported type counts only when an interface
// of the package names it) and that no read hands to code dbpool cannot
// follow: nothing outside the package can limit it, so the package
// decides, with or without a main package (a library's component that
// keeps its pool in its receiver). A library
// that returns the pool is not reported on its own: its caller decides.
// Not reported: a pool that escapes the analysis, a pool that serves no
// queries (only pinged, configured or closed), a test's pool (opened in a
// _test.go file, in a test helper, a function taking a testing type or an
// interface with a FailNow method, or in a file that refers to a type of
// package testing: test support compiled into a package, such as a
// package that creates databases for tests; or returned by such code; a
// file that only calls testing.Testing() is production code), a pool
// opened or kept by the
// program's own migrations (a package whose name starts with "migrat":
// one statement after another, like the migration tools of the table), a
// pool already reported by per-call, and a
// one-shot pool (a CLI probe, a migration step, a version check): the
// function that opens or receives it closes it, does not return it, uses
// it only in its own package and in variables declared there, and no
// goroutine and no closure other than the one that opened it uses it. A one-shot pool may also sit in the
// fields of a local struct that stays in the function (a constructor that
// closes the pool only when setting up fails and returns the struct hands
// out a serving pool), except in func main and the functions main
// calls directly, whose structs (a server) live as long as the program. A
// pool closed when the server stops but used by handlers or goroutines
// until then is not one-shot.
//
//	db, err := store.Open(dsn) // diagnostic: pool opened by sql.Open in store.Open is never limited: nothing calls SetMaxOpenConns on it; under load it opens connections without bound
//
// A client that ent generated opens its pool in its Open (entsql.Open) and
// keeps it in an unexported config, where nothing can limit it; the
// generated code is not where the remedy goes (and golangci-lint hides
// findings in generated files), so each call of such an Open (a
// package-level func Open of a package whose first result is its own
// *Client and whose body calls entsql.Open; an object fact, entOpen,
// carries it) is reported at the call, outside _test.go files, unless
// the calling function assigns the client to a local variable that it
// closes and otherwise only calls methods or reads fields of, outside
// closures (a migration, a CLI command):
//
//	client, err := ent.Open("postgres", dsn) // diagnostic: pool opened by ent.Open is never limited: the ent client keeps it where nothing can call SetMaxOpenConns; under load it opens connections without bound (open it with sql.Open, limit it, and pass entsql.OpenDB to ent.NewClient)
//
// Whole-program findings.
//
// shared, isolation for pools held in package variables, and nolimit for
// pools held in package variables or in structs that leave their
// function, are decided in the program's main package (not in go test's
// generated main), from the facts of all packages, and reported at the
// open call, which may be in another package of the module; facts keep it
// as file:line:col, so go vet and the multichecker print the same
// position. When the open call is not in the module, the finding goes to
// the declaration of the variable or field that holds the pool, if that is
// in the module, and is dropped otherwise. A program with several main
// packages gets the finding once per main under go vet; the multichecker
// prints identical findings once.
package dbpool
