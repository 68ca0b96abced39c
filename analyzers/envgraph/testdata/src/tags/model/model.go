// Package model declares a configuration struct that another package loads.
package model

type Remote struct {
	URL   string `env:"REMOTE_URL,required"`
	Token string `env:"REMOTE_TOKEN" envDefault:"none"`
}
