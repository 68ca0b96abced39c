// Package keys declares key constants used by other packages.
package keys

const (
	Prefix = "SHOP_"
	DBURL  = Prefix + "DB_URL"
)

type Key string

const Region Key = "REGION"
