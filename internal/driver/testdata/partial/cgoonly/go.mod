module example.com/cgoonly

go 1.26

require example.org/git2go v0.0.0

replace example.org/git2go => ./dep
