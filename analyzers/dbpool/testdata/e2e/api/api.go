package api

import (
	"database/sql"

	"github.com/gin-gonic/gin"
)

type Audit struct{ db *sql.DB }

func NewAudit(db *sql.DB) *Audit { return &Audit{db: db} }

func (a *Audit) Log(msg string) { a.db.Exec("INSERT INTO audit VALUES ($1)", msg) }

func Report(c *gin.Context) {
	db, err := sql.Open("postgres", "reporting")
	if err != nil {
		return
	}
	defer db.Close()
	db.QueryRow("SELECT count(*) FROM orders")
}
