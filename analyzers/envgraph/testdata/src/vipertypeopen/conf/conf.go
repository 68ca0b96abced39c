// Package conf asks the global instance for workers as an integer.
package conf

import "github.com/spf13/viper"

func Workers() int { return viper.GetInt("workers") }
