package manifest

import (
	"os"
	"path/filepath"
	"testing"
)

func TestSmoke(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module x\n"), 0o666)
	os.WriteFile(filepath.Join(dir, ".env.example"), []byte("# dsn\nDATABASE_URL=\nPORT=8080\nCGO_ENABLED=0\n"), 0o666)
	sub := filepath.Join(dir, "a", "b")
	os.MkdirAll(sub, 0o777)
	var c Cache
	m, err := c.ForDir(sub, nil)
	if err != nil || m == nil {
		t.Fatal(m, err)
	}
	k, ok := m.Lookup("PORT")
	b, ok2 := m.BuildVar("CGO_ENABLED")
	t.Logf("%s %+v %v %+v %v %+v", m.DisplayName(), k, ok, b, ok2, m.Keys[0])
	_, err = Load(filepath.Join(dir, "nope"))
	t.Log(err)
	y := filepath.Join(dir, "envvet.yaml")
	os.WriteFile(y, []byte("keys:\n  PORT:\n    descripton: x\n"), 0o666)
	_, err = c.ForDir(sub, nil)
	t.Log(err)
}
