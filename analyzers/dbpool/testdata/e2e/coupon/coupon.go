package coupon

import "example.com/svc/store"

func Expire(ids []int) {
	for _, id := range ids {
		store.DB.Exec("UPDATE coupons SET expired = true WHERE id = $1", id)
	}
}
