package percall

import (
	"database/sql"
	"sync"
)

type restoreOptions struct{ out string }

// checkFile opens a pool on the file it is given, checks it and closes it.
func checkFile(o restoreOptions) error {
	db, err := sql.Open("sqlite", o.out)
	if err != nil {
		return err
	}
	defer func() { _ = db.Close() }()
	_, err = db.Exec("PRAGMA quick_check")
	return err
}

// restoreOne checks the file at path, through a local options struct.
func restoreOne(name, path string) error {
	opt := restoreOptions{}
	opt.out = path
	return checkFile(opt)
}

// RestoreAll restores each database once, each from its own file (as
// litestream's replicate command does at start-up): a pool per target
// database, not one pool opened again.
func RestoreAll(paths []string) {
	for _, p := range paths {
		restoreOne("db", p)
	}
}

// RestoreNamed passes the loop variable only to the name: every iteration
// opens a pool on the same file again.
func RestoreNamed(path string, names []string) {
	for _, n := range names {
		restoreOne(n, path) // want `percall.restoreOne opens and closes its own pool \(sql.Open via percall.checkFile\) on every call, and is called on every iteration of the loop on line 40`
	}
}

// RestoreFanout restores each path once per name, in goroutines: the
// literal's parameter p is the outer loop's path, so each iteration of the
// inner loop opens a pool on the same file again (telegraf's sqlserver
// input before PR #8596 had this shape).
func RestoreFanout(paths, names []string) {
	var wg sync.WaitGroup
	for _, p := range paths {
		for _, n := range names {
			wg.Add(1)
			go func(p, n string) {
				defer wg.Done()
				restoreOne(n, p) // want `percall.restoreOne opens and closes its own pool \(sql.Open via percall.checkFile\) on every call, and is called on every iteration of the loop on line 52`
			}(p, n)
		}
	}
	wg.Wait()
}
