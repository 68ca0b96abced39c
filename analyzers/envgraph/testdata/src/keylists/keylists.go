// Package keylists gives lists of keys to key-list helpers, as
// aws-sdk-go-v2/config's env_config.go does.
package keylists

import (
	"os"

	"envutil"
)

const (
	accessKeyIDEnv = "AWS_ACCESS_KEY_ID"
	accessKeyEnv   = "AWS_ACCESS_KEY"
)

var credAccessEnvKeys = []string{
	accessKeyIDEnv,
	accessKeyEnv,
}

var (
	regionEnvKeys = []string{"AWS_REGION", "AWS_DEFAULT_REGION"}
	appended      = []string{"APPENDED"}
	elemWritten   = []string{"ELEM"}
	addressed     = []string{"ADDRESSED"}
	copied        = []string{"COPIED"}
	mixed         = []string{"MIXED", os.Args[0]}
	// Exported may be assigned by importers: its keys are not known.
	Exported = []string{"EXPORTED"}
)

func init() {
	appended = append(appended, os.Args...)
	elemWritten[0] = os.Args[0]
	_ = &addressed
	copy(copied, os.Args)
}

type config struct {
	access, secret, region string
	attempts               int
}

// setStringFromEnvVal is the local twin of envutil.FirstIn.
func setStringFromEnvVal(dst *string, keys []string) {
	for _, k := range keys {
		if v := os.Getenv(k); len(v) > 0 {
			*dst = v
			break
		}
	}
}

func load() {
	var c config
	setStringFromEnvVal(&c.access, credAccessEnvKeys)            // want `read "AWS_ACCESS_KEY" via keylists.setStringFromEnvVal` `read "AWS_ACCESS_KEY_ID" via keylists.setStringFromEnvVal`
	setStringFromEnvVal(&c.secret, []string{"AWS_SECRET_KEY"})   // want `read "AWS_SECRET_KEY" via keylists.setStringFromEnvVal`
	envutil.FirstIn(&c.region, regionEnvKeys)                    // want `read "AWS_DEFAULT_REGION" via envutil.FirstIn` `read "AWS_REGION" via envutil.FirstIn`
	_ = envutil.IntIn(&c.attempts, []string{"AWS_MAX_ATTEMPTS"}) // want `read "AWS_MAX_ATTEMPTS" via envutil.IntIn → envutil.FirstIn`
	_ = envutil.FirstOr([]string{"FIRST_OR"}, "fo")              // want `read "FIRST_OR" via envutil.FirstOr → envutil.First default "fo"`
	envutil.Spread(&c.region, "SPREAD_A", "SPREAD_B")            // want `read "SPREAD_A" via envutil.Spread → envutil.FirstIn` `read "SPREAD_B" via envutil.Spread → envutil.FirstIn`
	_ = envutil.First(credAccessEnvKeys...)                      // want `read "AWS_ACCESS_KEY" via envutil.First` `read "AWS_ACCESS_KEY_ID" via envutil.First`
	local := []string{"LOCAL_LIST"}
	setStringFromEnvVal(&c.access, local) // want `read "LOCAL_LIST" via keylists.setStringFromEnvVal`
	setStringFromEnvVal(&c.access, nil)

	// Lists whose elements are not known: dynamic.
	setStringFromEnvVal(&c.access, appended)    // want `read dynamic appended via keylists.setStringFromEnvVal`
	setStringFromEnvVal(&c.access, elemWritten) // want `read dynamic elemWritten via keylists.setStringFromEnvVal`
	setStringFromEnvVal(&c.access, addressed)   // want `read dynamic addressed via keylists.setStringFromEnvVal`
	setStringFromEnvVal(&c.access, copied)      // want `read dynamic copied via keylists.setStringFromEnvVal`
	setStringFromEnvVal(&c.access, mixed)       // want `read dynamic mixed via keylists.setStringFromEnvVal`
	setStringFromEnvVal(&c.access, Exported)    // want `read dynamic Exported via keylists.setStringFromEnvVal`
	setStringFromEnvVal(&c.access, os.Args[1:]) // want `read dynamic os.Args\[1:\] via keylists.setStringFromEnvVal`

	// Not key lists.
	envutil.Joined(&c.access, []string{"NOT_ENV"})
	_ = envutil.Shifted([]string{"SKIPPED", "SHIFTED"})
}
