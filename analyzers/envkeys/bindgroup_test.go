package envkeys_test

import "testing"

// TestBindGroups checks that the names one viper.BindEnv call binds to a
// key (directly or through a helper that hands its arguments on, as
// openfga's util.MustBindEnv) need one of them declared, like urfave/cli's
// EnvVars, while keys bound by separate calls, or by a helper that binds
// each argument as a key of its own, stay apart.
func TestBindGroups(t *testing.T) {
	defaults.Check(t, "viperbind")
}
