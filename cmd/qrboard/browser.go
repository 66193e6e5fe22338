package main

import (
	"os/exec"
	"runtime"
)

// openBrowser opens url in the user's web browser and returns without
// waiting for it. A variable, so tests can watch what serve opens.
var openBrowser = func(url string) error {
	var cmd *exec.Cmd
	switch runtime.GOOS {
	case "windows":
		// What Explorer does for a link; unlike "start", it needs no
		// quoting and opens no console window.
		cmd = exec.Command("rundll32", "url.dll,FileProtocolHandler", url)
	case "darwin":
		cmd = exec.Command("open", url)
	default:
		cmd = exec.Command("xdg-open", url)
	}
	if err := cmd.Start(); err != nil {
		return err
	}
	go cmd.Wait() // reap it, whenever it ends
	return nil
}
