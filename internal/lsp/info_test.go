package lsp

import (
	"path/filepath"
	"testing"
)

// TestInfoPrepared: the types.Info of an edited package's next version is
// made while its file is parsed, and the update's check of the package
// takes it; a package not prepared gets a new one.
func TestInfoPrepared(t *testing.T) {
	st, dir := libModule(t)
	mainGo := filepath.Join(dir, "main.go")
	u := st.newUpdater()
	u.prepareInfos([]string{mainGo})
	main := st.cur["example.com/t"]
	if len(u.infos) != 1 || u.infos[main] == nil {
		t.Fatalf("prepared %d infos, want one for %s", len(u.infos), main.ID)
	}
	if info := u.newInfo(main); info == nil || info.Types == nil || info.Uses == nil || info.Defs == nil {
		t.Fatalf("the prepared info has maps missing: %+v", info)
	}
	if len(u.infos) != 0 {
		t.Errorf("the prepared info is still held after it was taken")
	}
	lib := st.cur["example.com/t/lib"]
	if info := u.newInfo(lib); info == nil || info.Types == nil {
		t.Fatalf("no info for a package not prepared")
	}

	// An update through the parse and the check leaves none behind.
	u = st.newUpdater()
	u.prepareInfos([]string{mainGo})
	if err := u.parse(mainGo, map[string][]byte{mainGo: []byte(libFiles["main.go"] + "// edit\n")}); err != nil {
		t.Fatal(err)
	}
	u.apply()
	if len(u.infos) != 0 {
		t.Errorf("the update left %d prepared infos untaken", len(u.infos))
	}
	if st.cur["example.com/t"] == main {
		t.Fatal("main was not checked again")
	}
}
