// Package plugin asks the instance it is given for its keys.
package plugin

import "github.com/spf13/viper"

const prefix = "query"

// Init reads the plugin's settings.
func Init(v *viper.Viper) string {
	return v.GetString(prefix+".name-space") + v.GetString("query.token-file")
}
