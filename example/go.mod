module example.com/shop

go 1.26.0

require (
	github.com/caarlos0/env/v11 v11.4.2
	github.com/lib/pq v1.12.3
	github.com/mattn/go-sqlite3 v1.14.53
)
