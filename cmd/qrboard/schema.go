package main

import (
	"flag"
	"os"
	"path/filepath"
	"strings"

	"qrboard/internal/msg"
	"qrboard/internal/schema"
)

var schemaCmd = &command{
	name:  "schema",
	args:  "[procedure | qrboard]",
	short: "write the JSON Schemas that let editors check YAML files while typing",
	long: `Schema writes the JSON Schema of procedure files ("procedure") or of
qrboard.yaml ("qrboard") to standard output, or both as files into a folder
with -o. A project keeps them in schema/ ("qrboard init" writes them): with
VS Code's YAML extension (redhat.vscode-yaml), a file whose first line is

	# yaml-language-server: $schema=../schema/procedure.schema.json

gets its fields completed and explained in Vietnamese, and mistakes
underlined while typing. Run "qrboard schema -o schema" after updating
qrboard to refresh them.`,
	flags: func(fs *flag.FlagSet) func(*env, []string) int {
		dir := fs.String("o", "", "write both schema files into this folder instead of printing one")
		return func(e *env, args []string) int {
			switch {
			case *dir != "" && len(args) == 0:
				return writeSchemas(e, *dir)
			case *dir == "" && len(args) == 1:
				f, ok := schemaFile(args[0])
				if !ok {
					e.say(msg.LevelError, msg.UnknownSchema, args[0])
					return exitUsage
				}
				e.stdout.Write(f.Data)
				return exitOK
			}
			e.say(msg.LevelError, msg.Usage, "qrboard schema procedure | qrboard schema qrboard | qrboard schema -o DIR")
			return exitUsage
		}
	},
}

// schemaFile returns the schema a name on the command line asks for.
func schemaFile(name string) (schema.File, bool) {
	name = strings.TrimSuffix(strings.ToLower(name), ".yaml")
	for _, f := range schema.Files() {
		if strings.HasPrefix(f.Name, name+".") || (name == "config" && strings.HasPrefix(f.Name, "qrboard.")) {
			return f, true
		}
	}
	return schema.File{}, false
}

func writeSchemas(e *env, dir string) int {
	if err := saveSchemas(dir); err != nil {
		e.say(msg.LevelError, msg.Failed, msg.Explain(err))
		return exitFailure
	}
	e.say(0, msg.SchemaWritten, dir)
	return exitOK
}

// saveSchemas writes every schema file into dir, creating it.
func saveSchemas(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for _, f := range schema.Files() {
		if err := os.WriteFile(filepath.Join(dir, f.Name), f.Data, 0o644); err != nil {
			return err
		}
	}
	return nil
}
