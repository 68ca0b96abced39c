package git

// #include <stdlib.h>
import "C"

type Repository struct{}

func Open(path string) (*Repository, error) { C.free(nil); return &Repository{}, nil }
