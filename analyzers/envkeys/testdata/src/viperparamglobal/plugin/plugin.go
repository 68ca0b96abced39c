// Package plugin asks the instance it is given for its key.
package plugin

import "github.com/spf13/viper"

// Init reads the plugin's setting.
func Init(v *viper.Viper) string { return v.GetString("query.name-space") }
