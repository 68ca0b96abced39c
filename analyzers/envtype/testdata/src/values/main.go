// Command values reads keys whose declared values in .env.example are
// checked: QUEUE_POLL_MS, REQUEST_TIMEOUT, DEBUG, LISTEN_IP, DB_PASSWORD
// do not parse; the others do, are placeholders, or (PORTS) are split
// before they are parsed.
package main

import (
	"net/netip"
	"os"
	"strconv"
	"strings"
	"time"
)

func main() {
	poll, _ := strconv.Atoi(os.Getenv("QUEUE_POLL_MS"))
	workers, _ := strconv.Atoi(os.Getenv("QUEUE_WORKERS"))
	timeout, _ := time.ParseDuration(os.Getenv("REQUEST_TIMEOUT"))
	idle, _ := time.ParseDuration(os.Getenv("IDLE_TIMEOUT"))
	debug, _ := strconv.ParseBool(os.Getenv("DEBUG"))
	verbose, _ := strconv.ParseBool(os.Getenv("VERBOSE"))
	retries, _ := strconv.Atoi(os.Getenv("RETRIES"))
	bind, _ := netip.ParseAddr(os.Getenv("BIND_ADDR"))
	ip, _ := netip.ParseAddr(os.Getenv("LISTEN_IP"))
	conns, _ := strconv.Atoi(os.Getenv("MAX_CONNS"))
	cache := -1
	if mode := os.Getenv("CACHE_MODE"); mode != "auto" {
		cache, _ = strconv.Atoi(mode)
	}
	secret, _ := strconv.ParseUint(os.Getenv("DB_PASSWORD"), 10, 64)
	var ports []string
	for _, p := range strings.Split(os.Getenv("PORTS"), ",") {
		if _, err := strconv.Atoi(p); err == nil {
			ports = append(ports, p)
		}
	}
	_, _, _, _, _, _, _, _, _, _, _, _, _ = poll, workers, timeout, idle, debug, verbose, retries, bind, ip, conns, cache, secret, ports
}
