package envtype_test

import (
	"fmt"
	"slices"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/envvet/envvet/analyzers/envtype"
	"github.com/envvet/envvet/internal/report"
	"github.com/envvet/envvet/internal/rulestest"
)

// defaults is the run of envtype with the default settings over every
// scenario, in one load: analysistest loads the scenarios, and the
// standard library they import, from source on each Run, which costs
// more than the analysis.
var defaults = rulestest.NewShared(analysistest.TestData(), envtype.New(envtype.Config{}), false,
	"conflict", "values", "k8s", "envs", "loaders", "valuesets", "kongenum", "ignored", "viper", "viperptr")

func TestConflict(t *testing.T) {
	defaults.Check(t, "conflict")
}

// TestValues checks the diagnostics positioned in manifests, which
// analysistest's // want comments cannot reach.
func TestValues(t *testing.T) {
	for _, tc := range []struct {
		pkg  string
		keep bool
		want []string
	}{
		{"values", false, []string{
			`values/.env.example:10:1: LISTEN_IP="localhost" is not an IP address (netip.ParseAddr in analyzers/envtype/testdata/src/values/main.go:24:11)`,
			`values/.env.example:13:1: DB_PASSWORD (value not shown: secret) is not an unsigned integer (strconv.ParseUint in analyzers/envtype/testdata/src/values/main.go:30:15)`,
			`values/.env.example:15:1: MONGO_DATABASE="openim_v3" is not an integer (strconv.Atoi in analyzers/envtype/testdata/src/values/pool.go:42:15)`,
			`values/.env.example:2:1: QUEUE_POLL_MS="500ms" is not an integer (strconv.Atoi in analyzers/envtype/testdata/src/values/main.go:16:13)`,
			`values/.env.example:4:1: REQUEST_TIMEOUT="30" is not a duration (time.ParseDuration in analyzers/envtype/testdata/src/values/main.go:18:16)`,
			`values/.env.example:6:1: DEBUG="yes" is not a boolean (strconv.ParseBool in analyzers/envtype/testdata/src/values/main.go:20:14)`,
		}},
		{"k8s", false, []string{
			`k8s/deploy.yaml:14:21: WORKERS="four" is not an integer (strconv.Atoi in analyzers/envtype/testdata/src/k8s/main.go:11:16)`,
		}},
		{"envs", false, []string{
			`envs/deploy/common.env:2:1: WORKERS="four" in environments qa, prod is not an integer (strconv.Atoi in analyzers/envtype/testdata/src/envs/main.go:12:16)`,
			`envs/deploy/qa.env:1:1: QUEUE_POLL_MS="500ms" in environment qa is not an integer (strconv.Atoi in analyzers/envtype/testdata/src/envs/main.go:11:13)`,
		}},
		{"loaders", false, []string{
			`loaders/.env.example:3:1: APP_TIMEOUT="30" is not a duration (caarlos0/env field config.Timeout in analyzers/envtype/testdata/src/loaders/main.go:16:2)`,
			`loaders/.env.example:4:1: APP_RATIOS="0.5;x" is not a ";"-separated list in which each element is a number (caarlos0/env field config.Ratios in analyzers/envtype/testdata/src/loaders/main.go:17:2)`,
			`loaders/.env.example:6:1: APP_WORKERS="many" is not an integer (urfave/cli IntFlag in analyzers/envtype/testdata/src/loaders/main.go:28:2)`,
		}},
		{"valuesets", false, []string{
			`valuesets/deploy/prod.env:1:1: LOG_FORMAT="jsn" in environment prod is not one of "json", "text" (switch in analyzers/envtype/testdata/src/valuesets/internal/logx/logx.go:13:2)`,
			`valuesets/deploy/prod.env:4:1: STORE="Redis" in environment prod is not one of "memory", "redis" (switch in analyzers/envtype/testdata/src/valuesets/main.go:19:2)`,
			`valuesets/deploy/prod.env:6:1: ALLOWED_HOSTS="example.com,www.example.com" in environment prod is not a JSON array (json.Unmarshal in analyzers/envtype/testdata/src/valuesets/main.go:30:6)`,
		}},
		{"kongenum", false, []string{
			`kongenum/.env.example:1:1: LOG_FORMAT="jsn" is not one of "json", "text" (kong field cli.Format in analyzers/envtype/testdata/src/kongenum/main.go:9:2)`,
		}},
		// viper's typed reads: GetInt, GetBool, a bare GetDuration, an
		// int field of Unmarshal's target, a key bound to DB_PORT and
		// asked in another package; not GetString, a multiplied
		// GetDuration, a string field, a value that parses, an instance
		// without AutomaticEnv.
		{"viper", false, []string{
			`viper/.env.example:12:1: APP_WORKERS="four" is not an integer (viper Unmarshal field config.Workers in analyzers/envtype/testdata/src/viper/main.go:13:2)`,
			`viper/.env.example:16:1: DB_PORT="five" is not an integer (viper GetInt in analyzers/envtype/testdata/src/viper/conf/conf.go:7:28)`,
			`viper/.env.example:2:1: APP_PORT="many" is not an integer (viper GetInt in analyzers/envtype/testdata/src/viper/main.go:21:14)`,
			`viper/.env.example:6:1: APP_TIMEOUT="10" is read as 10ns: viper takes a bare number for nanoseconds; give a unit (viper GetDuration in analyzers/envtype/testdata/src/viper/main.go:22:14)`,
			`viper/.env.example:9:1: APP_DEBUG="yes" is not a boolean (viper GetBool in analyzers/envtype/testdata/src/viper/main.go:23:14)`,
		}},
		// Unmarshal(&Server) of a Server *options: the int and bool
		// fields; not the string field, nor a duration with a unit.
		{"viperptr", false, []string{
			`viperptr/.env.example:4:1: ND_MAXSIDEBARPLAYLISTS="many" is not an integer (viper Unmarshal field options.MaxSidebarPlaylists in analyzers/envtype/testdata/src/viperptr/main.go:14:2)`,
			`viperptr/.env.example:6:1: ND_ENABLEFAVOURITES="no" is not a boolean (viper Unmarshal field options.EnableFavourites in analyzers/envtype/testdata/src/viperptr/main.go:15:2)`,
		}},
		{"ignored", false, []string{
			`ignored/envvet.yaml:6:3: TRACE="on" is not a boolean (strconv.ParseBool in analyzers/envtype/testdata/src/ignored/main.go:12:14)`,
		}},
		{"ignored", true, []string{
			`ignored/envvet.yaml:2:3: DEBUG="yes" is not a boolean (strconv.ParseBool in analyzers/envtype/testdata/src/ignored/main.go:11:14)`,
			`ignored/envvet.yaml:6:3: TRACE="on" is not a boolean (strconv.ParseBool in analyzers/envtype/testdata/src/ignored/main.go:12:14)`,
		}},
	} {
		t.Run(fmt.Sprint(tc.pkg, tc.keep), func(t *testing.T) {
			var got []string
			if tc.keep {
				got = defaults.Analyze(t, envtype.New(envtype.Config{Report: report.Options{KeepSuppressed: true}}), tc.pkg)
			} else {
				got = defaults.Diagnostics(t, tc.pkg)
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("got  %q\nwant %q", got, tc.want)
			}
		})
	}
}
