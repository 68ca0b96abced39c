package dbpool_test

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/envvet/envvet/analyzers/dbpool"
	"github.com/envvet/envvet/internal/modtest"
)

// TestJinzhuGorm runs dbpool on programs that use the real
// github.com/jinzhu/gorm v1 (testdata/jinzhu, a module fetched from the
// module proxy): gorm.Open over a data source opens a pool, over a
// *sql.DB wraps it; db.DB() reaches the pool, db.Close() closes it.
func TestJinzhuGorm(t *testing.T) {
	if testing.Short() {
		t.Skip("loads a module from the module cache")
	}
	dir := filepath.Join(analysistest.TestData(), "jinzhu")
	modtest.Download(t, dir)
	analysistest.Run(jinzhuT{t}, dir, dbpool.New(dbpool.Config{}), "./unlimited", "./limited", "./percall", "./wrap", "./wrapunlimited", "./oneshot")
}

// jinzhuT passes analysistest's complaints on to t, except those about
// facts: these scenarios assert diagnostics only.
type jinzhuT struct{ t *testing.T }

func (j jinzhuT) Errorf(format string, args ...any) {
	j.t.Helper()
	if msg := fmt.Sprintf(format, args...); !strings.Contains(msg, "unexpected fact") {
		j.t.Error(msg)
	}
}
