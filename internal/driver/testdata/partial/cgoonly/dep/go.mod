module example.org/git2go

go 1.26
