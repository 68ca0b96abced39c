// Package ent has the shape of the client ent generates: Open opens a
// pool with entsql.Open and keeps it in an unexported config.
package ent

import (
	"fmt"

	"entgo.io/ent/dialect/sql"
)

type Option func(*config)

type config struct{ driver *sql.Driver }

// Driver configures the client's driver.
func Driver(d *sql.Driver) Option { return func(c *config) { c.driver = d } }

type Client struct{ config }

// NewClient creates a client from options.
func NewClient(opts ...Option) *Client {
	c := config{}
	for _, o := range opts {
		o(&c)
	}
	return &Client{config: c}
}

// Open opens a database/sql.DB specified by the driver name and the data
// source name, and returns a new client attached to it.
func Open(driverName, dataSourceName string, options ...Option) (*Client, error) {
	switch driverName {
	case "postgres", "mysql", "sqlite3":
		drv, err := sql.Open(driverName, dataSourceName)
		if err != nil {
			return nil, err
		}
		return NewClient(append(options, Driver(drv))...), nil
	default:
		return nil, fmt.Errorf("unsupported driver: %q", driverName)
	}
}

func (c *Client) Query(q string) error { return c.driver.Query(q) }

func (c *Client) Close() error { return c.driver.Close() }
