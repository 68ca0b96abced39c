// Package mail sends order confirmations.
package mail

import (
	"fmt"
	"net/smtp"
	"time"

	"example.com/shop/internal/envutil"
)

// Mailer sends mail through an SMTP relay.
type Mailer struct {
	addr    string
	from    string
	timeout time.Duration
}

// New configures a Mailer from the environment.
func New() *Mailer {
	host := envutil.Get("SMTP_HOST", "localhost")
	port := envutil.Int("SMTP_PORT", 25)
	return &Mailer{
		addr: fmt.Sprintf("%s:%d", host, port),
		// A typo: the manifest declares SMTP_FROM.
		from: envutil.Get("SMTP_FORM", "shop@localhost"),
		// Not in .env.example either, and the directive misspells envkeys:
		// it suppresses nothing.
		timeout: time.Duration(envutil.Int("SMTP_TIMEOUT_MS", 5000)) * time.Millisecond, //envvet:ignore envkey the default suits every deployment
	}
}

// Send sends one message.
func (m *Mailer) Send(to, body string) error {
	return smtp.SendMail(m.addr, m.auth(), m.from, []string{to}, []byte(body))
}

// auth returns the relay's credentials.
func (m *Mailer) auth() smtp.Auth {
	return smtp.CRAMMD5Auth(envutil.Get("SMTP_USER", "shop"), envutil.Get("SMTP_PASSWORD", ""))
}
