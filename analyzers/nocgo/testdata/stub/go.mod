module example.com/stub

go 1.26
