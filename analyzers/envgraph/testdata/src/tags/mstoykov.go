package tags

import (
	fork "github.com/mstoykov/envconfig"
)

// The fork reads the same keys as kelseyhightower's envconfig, from the
// lookup function when one is given (k6's output/csv config).
type CSVConfig struct {
	FileName     string `envconfig:"K6_CSV_FILENAME"`      // want `struct tag "K6_CSV_FILENAME" field CSVConfig.FileName loader envconfig`
	SaveInterval string `envconfig:"K6_CSV_SAVE_INTERVAL"` // want `struct tag "K6_CSV_SAVE_INTERVAL" field CSVConfig.SaveInterval loader envconfig`
}

type CSVPrefixed struct {
	Path       string // want `struct tag "CSV_PATH" field CSVPrefixed.Path loader envconfig`
	TimeFormat string `envconfig:"time_format" default:"unix"` // want `struct tag "CSV_TIME_FORMAT" default "unix" field CSVPrefixed.TimeFormat alt "TIME_FORMAT" loader envconfig`
}

type CSVSpread struct {
	Dir string `envconfig:"K6_CSV_DIR"` // want `struct tag "K6_CSV_DIR" field CSVSpread.Dir loader envconfig`
}

// Only described by Usage and checked by CheckDisallowed: never read.
type CSVUsageOnly struct {
	Hidden string `envconfig:"K6_CSV_HIDDEN"`
}

func forkProcess(env map[string]string, lookups []func(string) (string, bool)) {
	var c CSVConfig
	_ = fork.Process("", &c, func(key string) (string, bool) {
		v, ok := env[key]
		return v, ok
	})
	_ = fork.Process("csv", &CSVPrefixed{})
	_ = fork.Process("", &CSVSpread{}, lookups...)
	_ = fork.Usage("", &CSVUsageOnly{})
	_ = fork.CheckDisallowed("", &CSVUsageOnly{})
}
