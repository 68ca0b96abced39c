package percall

import (
	"database/sql"
	"testing"
)

// Tests open throwaway pools per case: not reported.
func TestCases(t *testing.T) {
	for _, dsn := range []string{"a", "b"} {
		db, err := sql.Open("sqlite", dsn)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		db.Exec("SELECT 1")
		exportAll()
	}
}
