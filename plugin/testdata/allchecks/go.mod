module example.com/allchecks

go 1.26.0
