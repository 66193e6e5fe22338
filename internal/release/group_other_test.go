//go:build !unix

package release

import (
	"os/exec"
	"testing"
)

// startGroup is for Unix only: checkLauncher skips elsewhere.
func startGroup(t *testing.T, cmd *exec.Cmd) (stop func() int) {
	t.Fatal("startGroup needs Unix process groups")
	return nil
}
