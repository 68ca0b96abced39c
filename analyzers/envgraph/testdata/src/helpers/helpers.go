package helpers

import (
	"envutil"
	"os"
	"strconv"
	"time"

	"keys"
)

func useEnvutil() {
	name := os.Args[1]
	_ = envutil.Get("PORT", "8080")                // want `lookup "PORT" via envutil.Get default "8080"`
	_ = envutil.Int("WORKERS", 3)                  // want `lookup "WORKERS" via envutil.Int → envutil.Get default "3"`
	_ = envutil.String("NAME")                     // want `lookup "NAME" via envutil.String → envutil.Get default ""`
	_ = envutil.Duration("TIMEOUT", 5*time.Second) // want `read "TIMEOUT" via envutil.Duration default "5s"`
	_ = envutil.App("MODE")                        // want `read "APP_MODE" via envutil.App`
	_ = envutil.Upper("secret")                    // want `read "SECRET_FILE" via envutil.Upper`
	_ = envutil.Get(keys.DBURL, "")                // want `lookup "SHOP_DB_URL" via envutil.Get default ""`
	_ = envutil.Set("SET_ME", "1")                 // want `write "SET_ME" via envutil.Set`
	_ = envutil.Or("RATIO", 0.5, parseFloat)       // want `read "RATIO" via envutil.Or default "0.5"`
	_ = envutil.Get("X_"+name, "")                 // want `lookup dynamic "X_" \+ name prefix "X_" via envutil.Get default ""`
	_ = envutil.App(name)                          // want `read dynamic name prefix "APP_" via envutil.App`
	var src envutil.Source
	_ = src.Get("REGION")                          // want `read "SVC_REGION" via envutil.Source.Get`
	_ = envutil.Experiment("GENTLE")               // want `read "TASK_X_GENTLE" via envutil.Experiment`
	_ = envutil.Setenv("RESTORED", "1")            // want `write "RESTORED" via envutil.Setenv`
	_ = envutil.First("FIRST_A", "FIRST_B")        // want `read "FIRST_A" via envutil.First` `read "FIRST_B" via envutil.First`
	_ = envutil.AnyOf("d", "ANY_A", name)          // want `read "ANY_A" via envutil.AnyOf → envutil.First default "d"` `read dynamic name via envutil.AnyOf → envutil.First default "d"`
	_ = envutil.First(os.Args...)                  // want `read dynamic os.Args... via envutil.First`
	_ = envutil.Either("BOTH")                     // want `read "BOTH" via envutil.Either` `read "APP_BOTH" via envutil.Either`
	_ = envutil.Typed("TYPED", true)               // want `lookup "TYPED" via envutil.Typed$`
	_ = envutil.EnvOr("MIGRATION_DIR", defaultDir) // want `read "MIGRATION_DIR" via envutil.EnvOr default "."`
	_ = envutil.EnvOr("VAR_DIR", defaultVarDir)    // want `read "VAR_DIR" via envutil.EnvOr default "./migrations"`
	_ = envutil.EnvOr("EXPORTED_DIR", ExportedDir) // want `read "EXPORTED_DIR" via envutil.EnvOr$`
	_ = envutil.LookupOr("LOOKUP_OR", "lo")        // want `lookup "LOOKUP_OR" via envutil.LookupOr default "lo"`
	_ = envutil.Fallback("FALLBACK", "fb")         // want `lookup "FALLBACK" via envutil.Fallback default "fb"`
	_ = envutil.Replace("REPLACE", ";")            // want `read "REPLACE" via envutil.Replace$`
	_ = envutil.Suffixed("SUFFIXED", "/")          // want `read "SUFFIXED" via envutil.Suffixed$`
	_ = envutil.Port("SMTP_PORT", 25)              // want `lookup "SMTP_PORT" via envutil.Port → envutil.Get default "25"`
	_ = envutil.Workers("POOL", 8)                 // want `lookup "POOL" via envutil.Workers → envutil.Get default "4"`
	_ = envutil.Label("NOT_ENV")
	_ = envutil.Trimmed("TRIMMED")
	_ = envutil.Store{}.Getenv("NOT_ENV")
	_ = src.Zone()
}

const defaultDir = "."

var (
	defaultVarDir = "./migrations"
	// ExportedDir may be assigned by importers: its value is not known.
	ExportedDir = "./exported"
)

func parseFloat(s string) (float64, error) { return strconv.ParseFloat(s, 64) }

// Local helpers declared after their callers, calling each other.
func useLocal() {
	_ = port()                  // no key of its own: port holds the reference
	_ = flag("DEBUG")           // want `lookup "DEBUG" via helpers.flag → helpers.lookup default "false"`
	_ = lookup("LOCAL", "dflt") // want `lookup "LOCAL" via helpers.lookup default "dflt"`
	get := func(k string) string { return os.Getenv("CL_" + k) }
	_ = get("BOUND") // want `read "CL_BOUND" via get`
	_ = notAHelper("NOT_ENV")
	var c cfg
	_ = c.read("METHOD")                  // want `read "METHOD" via helpers.cfg.read`
	spawn([]string{"SPAWN_A", "SPAWN_B"}) // want `read "SPAWN_A" via helpers.spawn` `read "SPAWN_B" via helpers.spawn`
}

func port() string { return lookup("HTTP_PORT", "80") } // want `lookup "HTTP_PORT" via helpers.lookup default "80"`

func flag(name string) bool {
	b, _ := strconv.ParseBool(lookup(name, "false"))
	return b
}

func lookup(key, def string) string {
	if v, ok := os.LookupEnv(key); ok {
		return v
	}
	return def
}

func notAHelper(s string) string { return s + "!" }

type cfg struct{}

func (cfg) read(key string) string { return os.Getenv(key) }

// spawn reads each key of its list inside a goroutine closure that is not
// a helper: spawn is a helper of its key list, its callers hold the
// references.
func spawn(keys []string) {
	for _, k := range keys {
		go func() { _ = os.Getenv(k) }()
	}
}

// spawnDynamic reads keys no caller gives: dynamic.
func spawnDynamic() {
	for _, k := range os.Args {
		go func() { _ = os.Getenv(k) }() // want `read dynamic k$`
	}
}
