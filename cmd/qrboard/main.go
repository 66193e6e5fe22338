// Command qrboard builds the QR-poster site of a district's one-stop
// offices from one YAML file per procedure. Run "qrboard help" for the
// commands; README.md explains the project.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"regexp"
	"runtime/debug"
	"strings"

	"qrboard/internal/diag"
	"qrboard/internal/msg"
	"qrboard/internal/strictyaml"
)

func main() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(memoryLimit)
	}
	stop := startProfile()
	code := run(context.Background(), os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// memoryLimit is the heap size above which the garbage collector works
// harder, unless GOMEMLIMIT says otherwise. A build of a city (50,000
// pages) keeps about 200 MB alive; with Go's default the process grew to
// 300–350 MB while rebuilding one (the previous manifest and the new one
// held at once), with this limit to about 275 MB, for 5–10 % more CPU
// (README, "Large sites"). The limit is soft: a larger site still builds,
// with the collector's share of the CPU capped by the runtime.
const memoryLimit = 256 << 20

// Exit codes.
const (
	exitOK      = 0
	exitFailure = 1 // the project has errors, or the machine failed
	exitUsage   = 2 // the command line is wrong
)

// env is what a command runs with: its output streams and the language of
// its messages.
type env struct {
	ctx    context.Context
	stdout io.Writer
	stderr io.Writer
	lang   msg.Lang
	// langSet is true when -lang or QRBOARD_LANG chose the language, which
	// then wins over the site's own.
	langSet bool
}

// say prints one message line following the output rule in package diag.
func (e *env) say(level msg.ID, id msg.ID, args ...any) {
	d := diag.Diagnostic{Text: msg.New(id, args...)}
	switch level {
	case msg.LevelWarning:
		d.Severity = diag.Warning
	case msg.LevelHint:
		fmt.Fprintf(e.stderr, "qrboard: %s: %s\n", msg.New(msg.LevelHint).In(e.lang), d.Text.In(e.lang))
		return
	case 0:
		e.tell(d.Text)
		return
	}
	fmt.Fprintln(e.stderr, d.Format(e.lang, ""))
}

// tell prints a line that reports rather than complains (see package diag).
func (e *env) tell(t msg.Text) { fmt.Fprintf(e.stderr, "qrboard: %s\n", t.In(e.lang)) }

// command is one subcommand.
type command struct {
	name  string
	args  string // the arguments after the flags, for the usage line
	short string // one line for "qrboard help"
	long  string // paragraphs for "qrboard help <name>"
	flags func(fs *flag.FlagSet) func(e *env, args []string) int
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	e := &env{ctx: ctx, stdout: stdout, stderr: stderr, lang: msg.Vi}
	if l, ok := msg.ParseLang(os.Getenv("QRBOARD_LANG")); ok {
		e.lang, e.langSet = l, true
	}
	if len(args) == 0 {
		printHelp(e, stderr, "")
		return exitUsage
	}
	name := args[0]
	if name == "-h" || name == "-help" || name == "--help" {
		name = "help"
	}
	c := lookup(name)
	if c == nil {
		e.say(msg.LevelError, msg.UnknownCommand, name)
		return exitUsage
	}
	fs := flag.NewFlagSet("qrboard "+c.name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	lang := langFlag(fs)
	runCmd := c.flags(fs)
	if err := fs.Parse(args[1:]); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			if l, ok := msg.ParseLang(*lang); ok { // qrboard build -lang en -h
				e.lang = l
			}
			printHelp(e, stdout, c.name)
			return exitOK
		}
		if l, ok := msg.ParseLang(*lang); ok { // a -lang before the mistake counts
			e.lang, e.langSet = l, true
		}
		flagError(e, fs, err)
		e.say(msg.LevelHint, msg.Usage, usageLine(c))
		return exitUsage
	}
	if *lang != "" {
		l, ok := msg.ParseLang(*lang)
		if !ok {
			e.say(msg.LevelError, msg.Failed, "-lang "+*lang+": vi | en")
			return exitUsage
		}
		e.lang, e.langSet = l, true
	}
	return runCmd(e, fs.Args())
}

// flagError says what is wrong with a flag in the staff's language; the
// flag package's own messages are English.
func flagError(e *env, fs *flag.FlagSet, err error) {
	text := err.Error()
	var names []string
	fs.VisitAll(func(f *flag.Flag) { names = append(names, f.Name) })
	switch {
	case strings.HasPrefix(text, "flag provided but not defined: "):
		name := strings.TrimPrefix(text, "flag provided but not defined: ")
		e.say(msg.LevelError, msg.UnknownFlag, name)
		if near := strictyaml.Suggest(strings.TrimLeft(name, "-"), names); near != "" {
			e.say(msg.LevelHint, msg.HintDidYouMean, "-"+near)
		}
	case strings.HasPrefix(text, "flag needs an argument: "):
		e.say(msg.LevelError, msg.FlagNeedsValue, strings.TrimPrefix(text, "flag needs an argument: "))
	case badValueRE.MatchString(text):
		m := badValueRE.FindStringSubmatch(text)
		e.say(msg.LevelError, msg.FlagBadValue, m[1], m[2])
	default:
		e.say(msg.LevelError, msg.Failed, text)
	}
}

// badValueRE matches the flag package's "invalid value "x" for flag -y: …"
// and "invalid boolean value "x" for -y: …".
var badValueRE = regexp.MustCompile(`^invalid (?:boolean )?value (".*") for (?:flag )?(-\S+):`)

func usageLine(c *command) string {
	return strings.TrimSpace("qrboard " + c.name + " [flags] " + c.args)
}

// noArgs reports a usage error when a command that takes no arguments
// gets some.
func noArgs(e *env, c string, args []string) bool {
	if len(args) == 0 {
		return true
	}
	e.say(msg.LevelError, msg.ExtraArguments, strings.Join(args, " "))
	e.say(msg.LevelHint, msg.Usage, usageLine(lookup(c)))
	return false
}

// langFlag defines -lang, which every command has.
func langFlag(fs *flag.FlagSet) *string {
	return fs.String("lang", "", "language of messages: vi or en (default: QRBOARD_LANG, then the site's language)")
}
