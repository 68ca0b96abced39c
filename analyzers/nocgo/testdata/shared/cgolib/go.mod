module example.org/cgolib

go 1.26
