package importer

import (
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"

	"go.yaml.in/yaml/v3"

	"qrboard/internal/config"
	"qrboard/internal/diag"
	"qrboard/internal/msg"
	"qrboard/internal/procedure"
	"qrboard/internal/slug"
)

// Dir is the project folder that keeps what the national database said:
// the snapshot of each imported file as the import wrote it (CODE.yaml),
// the base of the next import's merge, and the records fetched from the
// portal as it sent them (CODE.json). Staff commit it and never edit it.
const Dir = "national"

// project is what an import needs to know of the project: its procedure
// files by national code and record, and the names already taken.
type project struct {
	dir    string
	files  []*existing
	taken  map[string]string // id → who has it: a file, or qrboard.yaml
	config *config.Config
}

// existing is a procedure file already in the project.
type existing struct {
	id, file string // "dang-ky-ket-hon", "procedures/dang-ky-ket-hon.yaml"
	data     []byte
	code     string
	record   string // imported.record, for files written by an import
	aliasIDs []string
	broken   bool // the file is not YAML that can be read
}

// scan reads what the import needs from the project in dir.
func scan(dir string) (*project, diag.List) {
	fsys := os.DirFS(dir)
	cfg, diags := config.Load(fsys)
	if cfg == nil {
		return nil, diags
	}
	p := &project{dir: dir, taken: map[string]string{}, config: cfg}
	for _, o := range cfg.Offices {
		p.taken[o.ID] = config.File
		for _, a := range o.Aliases {
			p.taken[a.ID] = config.File
		}
	}
	entries, err := fs.ReadDir(fsys, procedure.Dir)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		diags.Add(diag.Pos{File: procedure.Dir}, msg.ReadFailed, msg.Explain(err))
		return nil, diags
	}
	for _, e := range entries {
		ext := path.Ext(e.Name())
		if e.IsDir() || (ext != ".yaml" && ext != ".yml") || strings.HasPrefix(e.Name(), ".") {
			continue
		}
		file := path.Join(procedure.Dir, e.Name())
		data, err := fs.ReadFile(fsys, file)
		if err != nil {
			diags.Add(diag.Pos{File: file}, msg.ReadFailed, msg.Explain(err))
			continue
		}
		x := peek(file, strings.TrimSuffix(e.Name(), ext), data)
		p.files = append(p.files, x)
		p.taken[x.id] = file
		for _, a := range x.aliasIDs {
			p.taken[a] = file
		}
	}
	return p, diags
}

// peek reads the few fields the import matches files by, from any file
// that is YAML, valid or not. Values are read as written: a code without
// quotes ("1.000890") is text, not a number.
func peek(file, id string, data []byte) *existing {
	x := &existing{id: id, file: file, data: data}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil || len(doc.Content) == 0 {
		x.broken = true
		return x
	}
	top := doc.Content[0]
	x.code = strings.TrimSpace(scalar(field(top, "code")))
	x.record = scalar(field(field(top, "imported"), "record"))
	if a := field(top, "aliases"); a != nil && a.Kind == yaml.SequenceNode {
		for _, n := range a.Content {
			x.aliasIDs = append(x.aliasIDs, scalar(n))
		}
	}
	return x
}

// field returns the value of key in mapping n, or nil.
func field(n *yaml.Node, key string) *yaml.Node {
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i+1]
		}
	}
	return nil
}

func scalar(n *yaml.Node) string {
	if n == nil || n.Kind != yaml.ScalarNode {
		return ""
	}
	return n.Value
}

// find returns the files that describe a record: the one imported from it,
// else those with its code (the portal has given records new UUIDs
// before; the code stays).
func (p *project) find(id, code string) []*existing {
	for _, x := range p.files {
		if x.record != "" && x.record == id {
			return []*existing{x}
		}
	}
	var out []*existing
	for _, x := range p.files {
		if x.code == code {
			out = append(out, x)
		}
	}
	return out
}

// broken returns the procedure files that are not YAML: the import cannot
// tell which record they describe.
func (p *project) broken() []string {
	var out []string
	for _, x := range p.files {
		if x.broken {
			out = append(out, x.file)
		}
	}
	return out
}

// snapshotRE is what a national code may hold to name a snapshot.
var snapshotRE = regexp.MustCompile(`^[0-9A-Za-z][0-9A-Za-z.-]*$`)

// snapshotName returns the file, in Dir, of a record's snapshot: its
// code, or its UUID when the code cannot name a file.
func snapshotName(code, id, ext string) string {
	name := code
	if !snapshotRE.MatchString(code) || len(code) > 60 {
		name = slug.Make(id)
	}
	return path.Join(Dir, name+ext)
}

// read returns the contents of a project file, or nil.
func (p *project) read(file string) []byte {
	data, err := os.ReadFile(filepath.Join(p.dir, filepath.FromSlash(file)))
	if err != nil {
		return nil
	}
	return data
}

// claim gives a new procedure its id: the one its short name gives, or,
// when another procedure or an office has it, that id with the code's
// digits. It returns "" when even that is taken.
func (p *project) claim(short, code, file string) (id string, renamed bool) {
	id = makeID(short)
	if id == "" || slug.Check(id) != slug.OK {
		id = "thu-tuc-" + codeSuffix(code)
	}
	if p.free(id) {
		p.taken[id] = file
		return id, false
	}
	id = withSuffix(id, codeSuffix(code))
	if !p.free(id) || slug.Check(id) != slug.OK {
		return "", true
	}
	p.taken[id] = file
	return id, true
}

func (p *project) free(id string) bool {
	_, used := p.taken[id]
	return !used && !slug.IsReserved(id)
}
