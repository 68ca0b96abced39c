package envkeys

import (
	"strings"

	"github.com/envvet/envvet/internal/manifest"
)

// closest returns the declared key that key most likely misspells: the
// only declared key equal to it but for case, or the only one within one
// edit of it (two for keys of 12 or more bytes), where swapping two
// adjacent characters is one edit. It returns "" when there is no such key
// or more than one, since a wrong guess is worse than none.
func closest(key string, declared []manifest.Key) string {
	if len(key) < 4 {
		return ""
	}
	maxDist := 1
	if len(key) >= 12 {
		maxDist = 2
	}
	best, bestDist, ties := "", maxDist, 0
	for _, k := range declared {
		d := distance(key, k.Name, bestDist+1)
		if strings.EqualFold(key, k.Name) {
			d = 0
		}
		switch {
		case d > bestDist || k.Name == best:
		case d < bestDist || best == "":
			best, bestDist, ties = k.Name, d, 0
		default:
			ties++
		}
	}
	if best == "" || ties > 0 {
		return ""
	}
	return best
}

// distance returns the edit distance between a and b, counting an
// insertion, a deletion, a substitution or a swap of adjacent bytes as one
// edit (the optimal string alignment distance), or limit once the distance
// is known to be at least limit.
func distance(a, b string, limit int) int {
	if abs(len(a)-len(b)) >= limit {
		return limit
	}
	// rows[i%3] holds row i of the dynamic programming table.
	var rows [3][]int
	for r := range rows {
		rows[r] = make([]int, len(b)+1)
	}
	for j := range rows[0] {
		rows[0][j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur, prev, prev2 := rows[i%3], rows[(i-1)%3], rows[(i+1)%3]
		cur[0] = i
		rowMin := i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
			rowMin = min(rowMin, cur[j])
		}
		if rowMin >= limit {
			return limit
		}
	}
	return min(rows[len(a)%3][len(b)], limit)
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
