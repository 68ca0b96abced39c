// Package conflict reads QUEUE_POLL as a duration, where package poll
// reads it as an integer: no value satisfies both.
package conflict

import (
	"conflict/poll"
	"os"
	"strconv"
	"time"
)

func Load() (time.Duration, int, int64) {
	_ = poll.Interval()
	d, _ := time.ParseDuration(os.Getenv("QUEUE_POLL")) // want `env key "QUEUE_POLL" is read as a duration here \(time.ParseDuration\) but as an integer at analyzers/envtype/testdata/src/conflict/poll/poll.go:11:\d+ \(strconv.Atoi\)`
	// An integer and a float accept common values: no conflict.
	n, _ := strconv.ParseInt(os.Getenv("QUEUE_RATE"), 10, 64)
	// Two reads in this package: the second is reported.
	a, _ := strconv.ParseBool(os.Getenv("LOCAL_FLAG"))
	b, _ := time.ParseDuration(os.Getenv("LOCAL_FLAG")) // want `env key "LOCAL_FLAG" is read as a duration here \(time.ParseDuration\) but as a boolean at analyzers/envtype/testdata/src/conflict/conflict.go:18:\d+ \(strconv.ParseBool\)`
	_ = a
	return d + b, int(n), 0
}
