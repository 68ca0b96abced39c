// Command koanffile hands to its functions a koanf instance loaded from a
// file only: the keys asked of it are no env keys.
package main

import (
	"fmt"

	"github.com/knadh/koanf/v2"
)

// fileProvider stands for a config file.
type fileProvider struct{}

func (fileProvider) ReadBytes() ([]byte, error) { return nil, nil }

func (fileProvider) Read() (map[string]any, error) {
	return map[string]any{"db": map[string]any{"host": "localhost"}}, nil
}

var ko = koanf.New(".")

func dbHost(k *koanf.Koanf) string {
	return k.String("db.host")
}

func main() {
	_ = ko.Load(fileProvider{}, nil)
	fmt.Println(dbHost(ko))
}
