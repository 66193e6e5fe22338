// Package version says which build of qrboard is running. It is the one
// place the program's identity comes from: `qrboard version` prints it,
// every page names it in its generator meta tag, every PDF in its
// Producer, and the keys of incremental builds cover it, so a new version
// makes every page again.
//
// A release build (.goreleaser.yaml) is stamped at link time with its
// version, commit and commit date:
//
//	-X qrboard/internal/version.version=1.2.0
//	-X qrboard/internal/version.commit=<full commit hash>
//	-X qrboard/internal/version.date=<commit date, RFC 3339>
//
// Any other build — go build, go install, go run, a test — says what the
// Go toolchain recorded in it (runtime/debug.ReadBuildInfo): the module
// version, which since Go 1.24 is a pseudo-version naming the commit
// (v0.0.0-20261127073611-a9a84ddc8284, "+dirty" with uncommitted
// changes) when built in a git checkout, or "(devel)" without version
// control information (-buildvcs=false, tests).
//
// The version and commit come from the source, never from the clock or the
// machine, so two builds of the same commit make the same pages and PDFs.
package version

import (
	"runtime"
	"runtime/debug"
	"strings"
	"sync"
)

// Set by the linker in release builds; see the package doc.
var (
	version string
	commit  string
	date    string
)

// Info describes the running program.
type Info struct {
	Version  string // "1.2.0", a module pseudo-version, or "(devel)"
	Commit   string // the full commit hash, or "" when unknown
	Modified bool   // built from a checkout with uncommitted changes
	Date     string // the commit's date, RFC 3339, or "" when unknown
}

// Get returns the running program's Info.
var Get = sync.OnceValue(func() Info {
	info, _ := debug.ReadBuildInfo()
	return describe(info, version, commit, date)
})

// describe makes the Info of a program from its build information and
// the values stamped at link time, which win where set.
func describe(info *debug.BuildInfo, stampedVersion, stampedCommit, stampedDate string) Info {
	i := Info{Version: "(devel)"}
	if info != nil {
		if info.Main.Version != "" {
			i.Version = info.Main.Version
		}
		for _, s := range info.Settings {
			switch s.Key {
			case "vcs.revision":
				i.Commit = s.Value
			case "vcs.time":
				i.Date = s.Value
			case "vcs.modified":
				i.Modified = s.Value == "true"
			}
		}
	}
	if stampedVersion != "" {
		i.Version = stampedVersion
	}
	if stampedCommit != "" {
		i.Commit, i.Modified = stampedCommit, false
	}
	if stampedDate != "" {
		i.Date = stampedDate
	}
	return i
}

// Generator returns the program's name and version, "qrboard 1.2.0": what
// pages and PDFs say made them.
func Generator() string { return "qrboard " + Get().Version }

// String returns everything known about the program on one line, for
// `qrboard version` and for support:
//
//	qrboard 1.2.0 (a9a84ddc8284, 2026-11-27) go1.26.8 windows/amd64
func (i Info) String() string {
	var b strings.Builder
	b.WriteString("qrboard " + i.Version)
	var about []string
	if i.Commit != "" {
		c := i.Commit[:min(12, len(i.Commit))]
		if i.Modified {
			c += "+dirty"
		}
		about = append(about, c)
	}
	if i.Date != "" {
		about = append(about, i.Date[:min(10, len(i.Date))])
	}
	if len(about) > 0 {
		b.WriteString(" (" + strings.Join(about, ", ") + ")")
	}
	b.WriteString(" " + runtime.Version() + " " + runtime.GOOS + "/" + runtime.GOARCH)
	return b.String()
}
