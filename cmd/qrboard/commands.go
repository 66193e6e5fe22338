package main

import (
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"qrboard"
	"qrboard/internal/msg"
	"qrboard/internal/schema"
	"qrboard/internal/version"
)

// commands lists the subcommands in the order help shows them.
var commands []*command

func init() {
	commands = []*command{buildCmd, checkCmd, serveCmd, printCmd, newCmd, importCmd, initCmd, schemaCmd, versionCmd, helpCmd}
}

func lookup(name string) *command {
	for _, c := range commands {
		if c.name == name {
			return c
		}
	}
	return nil
}

var initCmd = &command{
	name:  "init",
	args:  "DIR",
	short: "start a new project in DIR from the built-in sample",
	long: `Init writes a new project into DIR, which must be new or empty: the sample
qrboard.yaml (Hà Nội's Phúc Thọ, Phúc Lộc and Hát Môn communes since
1 July 2025, with the units merged into them), procedures/ (five real
procedures) and schema/ (the JSON Schemas with which VS Code checks the
files while they are typed). Change base_url and the offices, then run
qrboard build.`,
	flags: func(*flag.FlagSet) func(*env, []string) int {
		return func(e *env, args []string) int {
			if len(args) != 1 {
				e.say(msg.LevelError, msg.Usage, usageLine(lookup("init")))
				return exitUsage
			}
			dir := args[0]
			if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
				e.say(msg.LevelError, msg.InitNotEmpty, dir)
				return exitFailure
			}
			if err := writeSample(dir); err != nil {
				e.say(msg.LevelError, msg.Failed, msg.Explain(err))
				return exitFailure
			}
			e.say(0, msg.InitDone, dir, dir)
			return exitOK
		}
	},
}

// writeSample copies the embedded sample project into dir, with the
// editor schemas its files point to and a .gitignore for the output folder.
func writeSample(dir string) error {
	sample := qrboard.Sample()
	err := fs.WalkDir(sample, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		target := filepath.Join(dir, filepath.FromSlash(path))
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := fs.ReadFile(sample, path)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
	if err != nil {
		return err
	}
	if err := saveSchemas(filepath.Join(dir, schema.Dir)); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, ".gitignore"), []byte(gitignore), 0o644)
}

// gitignore keeps out of git what builds make: the output folders, and
// the temporary folders and files a build killed half-way leaves (the
// next build removes them).
const gitignore = `/site/
/print/
.*.new-*
*.tmp-*
`

var versionCmd = &command{
	name:  "version",
	short: "print the version of qrboard",
	long: `Version prints the version of qrboard, the commit and the date it was built from
(when known), and the Go version and platform it was built with: what
support asks for.`,
	flags: func(*flag.FlagSet) func(*env, []string) int {
		return func(e *env, args []string) int {
			if !noArgs(e, "version", args) {
				return exitUsage
			}
			fmt.Fprintln(e.stdout, version.Get())
			return exitOK
		}
	},
}

var helpCmd = &command{
	name:  "help",
	args:  "[COMMAND]",
	short: "explain a command",
	long:  `Help lists the commands, or explains one command and its flags.`,
	flags: func(*flag.FlagSet) func(*env, []string) int {
		return func(e *env, args []string) int {
			switch len(args) {
			case 0:
				printHelp(e, e.stdout, "")
			case 1:
				if lookup(args[0]) == nil {
					e.say(msg.LevelError, msg.UnknownCommand, args[0])
					return exitUsage
				}
				printHelp(e, e.stdout, args[0])
			default:
				e.say(msg.LevelError, msg.Usage, "qrboard help [COMMAND]")
				return exitUsage
			}
			return exitOK
		}
	},
}

// printHelp writes the command list, or one command's help with its
// flags, in e's language (see help_vi.go).
func printHelp(e *env, w io.Writer, name string) {
	vi := e.lang == msg.Vi
	if name == "" {
		if vi {
			fmt.Fprint(w, "qrboard tạo trang web và áp phích mã QR về thủ tục hành chính của Bộ phận Một cửa từ các tệp YAML.\n\nCách dùng:\n\n\tqrboard <lệnh> [tùy chọn] [tham số]\n\nCác lệnh:\n\n")
		} else {
			fmt.Fprint(w, "qrboard builds the QR-poster site of one-stop offices from YAML procedure files.\n\nUsage:\n\n\tqrboard <command> [flags] [arguments]\n\nCommands:\n\n")
		}
		for _, c := range commands {
			short := c.short
			if h, ok := helpVi[c.name]; ok && vi {
				short = h.short
			}
			fmt.Fprintf(w, "\t%-8s %s\n", c.name, short)
		}
		if vi {
			fmt.Fprint(w, "\nChạy \"qrboard help <lệnh>\" để xem các tùy chọn của một lệnh; thêm -lang en để đọc bằng tiếng Anh.\n")
		} else {
			fmt.Fprint(w, "\nRun \"qrboard help <command>\" for a command's flags.\n")
		}
		return
	}
	c := lookup(name)
	long, usage, flagsTitle := c.long, "usage", "Flags"
	if h, ok := helpVi[c.name]; ok && vi && h.long != "" {
		long = h.long
	}
	if vi {
		usage, flagsTitle = "cách dùng", "Tùy chọn"
	}
	fmt.Fprintf(w, "%s: %s\n\n%s\n", usage, usageLine(c), long)
	fs := flag.NewFlagSet(c.name, flag.ContinueOnError)
	langFlag(fs)
	c.flags(fs)
	if vi {
		fs.VisitAll(func(f *flag.Flag) {
			if t, ok := flagVi(c.name, f.Name); ok {
				f.Usage = t
			}
		})
	}
	var flags strings.Builder
	fs.SetOutput(&flags)
	fs.PrintDefaults()
	text := flags.String()
	if vi {
		text = strings.ReplaceAll(text, "(default ", "(mặc định ")
	}
	if len(text) > 0 {
		fmt.Fprintf(w, "\n%s:\n%s", flagsTitle, text)
	}
}
