// Command qrboard-release writes what the release archives hold besides
// the program — the staff guide as a web page, the licences, the ready
// project with its preview launcher — into one folder per operating
// system, for GoReleaser to pack (see package release and
// .goreleaser.yaml, whose "before" hook runs it). Run it from the
// repository's root:
//
//	go run ./cmd/qrboard-release [-o build/release]
package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"

	"qrboard/internal/release"
)

func main() {
	out := flag.String("o", filepath.Join("build", "release"), "folder to write")
	flag.Parse()
	if err := run(*out); err != nil {
		fmt.Fprintln(os.Stderr, "qrboard-release:", err)
		os.Exit(1)
	}
}

// run builds qrboard for this machine, to write the project with its own
// init, then writes the folders.
func run(out string) error {
	tmp, err := os.MkdirTemp("", "qrboard-release-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	bin := filepath.Join(tmp, "qrboard")
	if b, err := exec.Command("go", "build", "-o", bin, "./cmd/qrboard").CombinedOutput(); err != nil {
		return fmt.Errorf("go build ./cmd/qrboard: %v\n%s", err, b)
	}
	return release.Write(out, ".", bin)
}
