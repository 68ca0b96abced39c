// Package plugin asks the instance it is given for its keys.
package plugin

import "github.com/spf13/viper"

const prefix = "query"

// Init reads the plugin's settings.
func Init(v *viper.Viper) string {
	return v.GetString(prefix+".name-space") + v.GetString("query.token-file")
}

// Sizes asks sub-tree instances for their keys: viper reads them as
// QUERY_CACHE_SIZE and QUERY_QUEUE_SIZE, under the sub-tree's key, which
// the prefix reference covers; never as SIZE.
func Sizes(v *viper.Viper) string {
	cache := v.Sub("query.cache")
	return cache.GetString("size") + v.Sub("query.queue").GetString("size")
}
