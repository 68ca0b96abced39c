module example.org/purelib

go 1.26
