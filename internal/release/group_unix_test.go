//go:build unix

package release

import (
	"os/exec"
	"syscall"
	"testing"
	"time"
)

// startGroup starts cmd in a process group of its own and returns a
// function that sends the group Ctrl+C's signal, as a terminal does, and
// returns the exit code. The test fails if the group outlives a minute
// after that.
func startGroup(t *testing.T, cmd *exec.Cmd) (stop func() int) {
	t.Helper()
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan int, 1)
	go func() {
		cmd.Wait()
		done <- cmd.ProcessState.ExitCode()
	}()
	stopped := false
	stop = func() int {
		stopped = true
		syscall.Kill(-cmd.Process.Pid, syscall.SIGINT)
		select {
		case code := <-done:
			return code
		case <-time.After(time.Minute):
			syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
			t.Fatal("the launcher did not stop within a minute of Ctrl+C")
			return -1
		}
	}
	t.Cleanup(func() {
		if !stopped {
			syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
			<-done
		}
	})
	return stop
}
