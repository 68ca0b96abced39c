//go:build cgo

package multifile

// b_ops.go shares more functions with the stub than store.go does, but
// store.go declares Store, the type the stub declares too: the stub is
// reported there.

func (s *Store) Put(key, v string) error {
	_, err := s.db.Exec("INSERT INTO kv VALUES (?, ?)", key, v)
	return err
}

func (s *Store) Delete(key string) error {
	_, err := s.db.Exec("DELETE FROM kv WHERE k = ?", key)
	return err
}

func (s *Store) Len() (int, error) {
	var n int
	err := s.db.QueryRow("SELECT count(*) FROM kv").Scan(&n)
	return n, err
}
