package release

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
)

// A module is a Go module built into qrboard on some platform.
type module struct {
	Path, Version, Dir string
}

// modules lists the modules, other than qrboard's own, whose packages
// `go build` links into cmd/qrboard on any of the platforms: what the
// binaries contain, not everything go.mod requires (test-only modules
// are left out). It runs `go list` in the module root.
func modules(root string) ([]module, error) {
	seen := map[string]module{}
	for _, p := range Platforms {
		cmd := exec.Command("go", "list", "-deps", "-f",
			`{{with .Module}}{{if not .Main}}{{.Path}}	{{.Version}}	{{with .Replace}}{{.Dir}}{{else}}{{.Dir}}{{end}}{{end}}{{end}}`,
			"./cmd/qrboard")
		cmd.Dir = root
		cmd.Env = append(os.Environ(), "GOOS="+p.OS, "GOARCH="+p.Arch, "CGO_ENABLED=0")
		out, err := cmd.Output()
		if err != nil {
			return nil, fmt.Errorf("go list for %s/%s: %v%s", p.OS, p.Arch, err, stderr(err))
		}
		sc := bufio.NewScanner(bytes.NewReader(out))
		for sc.Scan() {
			f := strings.Split(sc.Text(), "\t")
			if len(f) == 3 {
				seen[f[0]] = module{f[0], f[1], f[2]}
			}
		}
	}
	var mods []module
	for _, m := range seen {
		mods = append(mods, m)
	}
	slices.SortFunc(mods, func(a, b module) int { return strings.Compare(a.Path, b.Path) })
	return mods, nil
}

func stderr(err error) string {
	if ee, ok := err.(*exec.ExitError); ok && len(ee.Stderr) > 0 {
		return ": " + strings.TrimSpace(string(ee.Stderr))
	}
	return ""
}

// licenceFile matches the files of a module's root folder that carry its
// licence terms: LICENSE, LICENSE-SIL (the fonts' OFL), COPYING, NOTICE
// (which the Apache licence asks to pass on), PATENTS.
var licenceFile = regexp.MustCompile(`(?i)^(licen[cs]e|copying|notice|patents)([-._].*)?$`)

// Notices returns THIRD_PARTY_NOTICES.txt: the licence of Go, whose
// runtime and standard library are in every binary, and of each module
// built into qrboard, with the files that carry them. A module without
// such a file is an error: its terms would have to be checked by hand.
func Notices(root string) ([]byte, error) {
	mods, err := modules(root)
	if err != nil {
		return nil, err
	}
	// The go command that builds the release, which may not be the
	// one that built this program.
	out, err := exec.Command("go", "env", "GOROOT", "GOVERSION").Output()
	if err != nil {
		return nil, fmt.Errorf("go env: %v%s", err, stderr(err))
	}
	goroot, goversion, _ := strings.Cut(strings.TrimSpace(string(out)), "\n")
	var b bytes.Buffer
	b.WriteString(noticesHead)
	if err := section(&b, "Go "+goversion, "the Go runtime and standard library, https://go.dev", goroot); err != nil {
		return nil, err
	}
	for _, m := range mods {
		if err := section(&b, m.Path+" "+m.Version, "", m.Dir); err != nil {
			return nil, err
		}
	}
	return b.Bytes(), nil
}

const noticesHead = `Giấy phép của các thành phần bên thứ ba có trong qrboard
Licences of the third-party components built into qrboard

qrboard (see LICENSE.txt) is built with Go and with the Go modules below,
which are part of every copy of the program. The Liberation Sans fonts of
the posters and sharing pictures, built into the program with
github.com/go-fonts/liberation, are under the SIL Open Font License 1.1
(its text is below, with that module). Each component is listed with the
files that carry its licence terms, as those terms require.
`

// section writes one component's heading and its licence files.
func section(b *bytes.Buffer, name, about, dir string) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	rule := strings.Repeat("=", 72)
	fmt.Fprintf(b, "\n%s\n%s\n", rule, name)
	if about != "" {
		fmt.Fprintln(b, about)
	}
	fmt.Fprintln(b, rule)
	n := 0
	for _, e := range entries {
		if e.IsDir() || !licenceFile.MatchString(e.Name()) {
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			return err
		}
		fmt.Fprintf(b, "\n--- %s ---\n\n%s\n", e.Name(), bytes.TrimRight(bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n")), "\n"))
		n++
	}
	if n == 0 {
		return fmt.Errorf("%s: no licence file in %s", name, dir)
	}
	return nil
}
