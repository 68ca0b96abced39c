package manifest_test

import (
	"bufio"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/envvet/envvet/internal/manifest"
)

func TestSweep(t *testing.T) {
	list := os.Getenv("SWEEP")
	if list == "" {
		t.Skip()
	}
	f, _ := os.Open(list)
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		path := sc.Text()
		m, err := manifest.Load(path)
		if err != nil {
			fmt.Printf("ERR %v\n", err)
			continue
		}
		var names []string
		for _, k := range m.Keys {
			names = append(names, k.Name)
		}
		var un []string
		for _, u := range m.Unresolved {
			un = append(un, u.String())
		}
		fmt.Printf("OK %s keys=%d shadowed=%d files=%d [%s] unresolved=%s\n", path, len(m.Keys), len(m.Shadowed), len(m.Files), strings.Join(names, ","), strings.Join(un, " | "))
	}
}
