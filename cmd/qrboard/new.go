package main

import (
	"errors"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"qrboard/internal/config"
	"qrboard/internal/msg"
	"qrboard/internal/procedure"
	"qrboard/internal/scaffold"
	"qrboard/internal/schema"
	"qrboard/internal/slug"
)

var newCmd = &command{
	name:  "new",
	args:  "ID",
	short: "start a new procedure file, procedures/ID.yaml, listing every field",
	long: `New writes procedures/ID.yaml from a template that lists every field of a
procedure file, each under a comment in Vietnamese saying what goes there,
with an example. Values to fill in say TODO, and "qrboard check" names each
one until it is replaced; optional fields are left empty. New never
overwrites a file.

ID is the procedure's address in the site: lower-case a–z, digits and
hyphens, such as dang-ky-khai-sinh.`,
	flags: func(fs *flag.FlagSet) func(*env, []string) int {
		src := fs.String("src", ".", "project folder, holding qrboard.yaml and procedures/")
		return func(e *env, args []string) int {
			if len(args) != 1 {
				e.say(msg.LevelError, msg.Usage, usageLine(lookup("new")))
				return exitUsage
			}
			if !e.langSet {
				if l, ok := config.PeekLanguage(os.DirFS(*src)); ok {
					e.lang = l
				}
			}
			return newProcedure(e, *src, args[0])
		}
	},
}

// newProcedure writes the new file for id in project src.
func newProcedure(e *env, src, id string) int {
	id = strings.TrimSuffix(strings.TrimSuffix(id, ".yaml"), ".yml")
	if p := slug.Check(id); p != slug.OK {
		e.say(msg.LevelError, msg.NewBadID, id, p.Message())
		if s := slug.Make(id); s != "" && slug.Check(s) == slug.OK {
			e.say(msg.LevelHint, msg.NewTry, s)
		}
		return exitUsage
	}
	if _, err := os.Stat(filepath.Join(src, config.File)); err != nil {
		e.say(msg.LevelError, msg.NoConfig)
		e.say(msg.LevelHint, msg.HintInit)
		return exitFailure
	}
	if cfg, _ := config.Load(os.DirFS(src)); cfg != nil && cfg.Office(id) != nil {
		e.say(msg.LevelError, msg.NameTaken, id, config.File)
		return exitFailure
	}
	dir := filepath.Join(src, procedure.Dir)
	file := filepath.Join(dir, id+".yaml")
	for _, existing := range []string{file, filepath.Join(dir, id+".yml")} {
		if _, err := os.Stat(existing); err == nil {
			e.say(msg.LevelError, msg.NewExists, existing)
			return exitFailure
		}
	}
	if err := writeNew(dir, file, scaffold.Procedure(id)); err != nil {
		e.say(msg.LevelError, msg.Failed, msg.Explain(err))
		return exitFailure
	}
	e.say(0, msg.NewDone, file)
	schemas := filepath.Join(src, schema.Dir)
	if _, err := os.Stat(filepath.Join(schemas, schema.Files()[0].Name)); errors.Is(err, fs.ErrNotExist) {
		if err := saveSchemas(schemas); err == nil {
			e.say(0, msg.SchemaWritten, schemas)
		}
	}
	return exitOK
}

// writeNew creates file with data, failing rather than replacing a file
// that appeared in the meantime.
func writeNew(dir, file string, data []byte) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	f, err := os.OpenFile(file, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		os.Remove(file)
		return err
	}
	return f.Close()
}
