//go:build !unix

package forms

import (
	"testing"

	"qrboard/internal/msg"
)

// specialFiles adds nothing where there are no named pipes and links
// need privileges.
func specialFiles(*testing.T, string, map[string]msg.ID) {}
