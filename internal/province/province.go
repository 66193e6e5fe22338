// Package province writes synthetic projects the size of a province, so
// that anyone can measure a build of tens of thousands of pages: N offices
// × M procedures, made from the sample project (qrboard.yaml and the five
// real procedures). The k-th copy of a procedure gets its own id, name and
// code, so no two pages have the same content; every procedure is handled
// by every office, so the site has 1 + N + N×M + M pages.
//
// Offices reuse the names of the sample's communes of every period (its
// offices that closed included, each id once) with a number ("Xã Vân Hà
// 3"), all serving, and keep its TODO contact details: a synthetic
// project publishes nothing, and its facts are the sample's, never
// invented ones.
//
// WriteHugo writes the same pages as a Hugo site, for comparison.
package province

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strconv"

	"go.yaml.in/yaml/v3"

	"qrboard/internal/config"
	"qrboard/internal/procedure"
)

// Options sizes a synthetic province.
type Options struct {
	Offices    int    // number of offices (one-stop offices of communes)
	Procedures int    // number of procedures, each handled by every office
	BaseURL    string // base_url of the site; "" means DefaultBaseURL
}

// DefaultBaseURL is short, like a real province's site address, so every
// page's address fits a version 4 QR code at level M.
const DefaultBaseURL = "https://tinh.example/"

// Pages returns the number of pages a province of these options has.
func (o Options) Pages() int { return 1 + o.Offices + o.Offices*o.Procedures + o.Procedures }

// Write writes a project into dir — qrboard.yaml and procedures/ — made
// from the sample project in sample. dir must be new or empty.
func Write(dir string, sample fs.FS, opts Options) error {
	if opts.Offices < 1 || opts.Procedures < 1 {
		return fmt.Errorf("a province needs at least one office and one procedure")
	}
	if opts.BaseURL == "" {
		opts.BaseURL = DefaultBaseURL
	}
	if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
		return fmt.Errorf("%s is not empty", dir)
	}
	cfg, err := offices(sample, opts)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Join(dir, procedure.Dir), 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, config.File), cfg, 0o644); err != nil {
		return err
	}
	return procedures(dir, sample, opts.Procedures)
}

// configFile is what Write puts in qrboard.yaml.
type configFile struct {
	Title     string       `yaml:"title"`
	Authority string       `yaml:"authority"`
	BaseURL   string       `yaml:"base_url"`
	Language  string       `yaml:"language"`
	QR        config.QR    `yaml:"qr"`
	Offices   []officeFile `yaml:"offices"`
}

type officeFile struct {
	ID      string `yaml:"id"`
	Name    string `yaml:"name"`
	Kind    string `yaml:"kind"`
	Code    string `yaml:"code,omitempty"`
	Address string `yaml:"address,omitempty"`
	Phone   string `yaml:"phone,omitempty"`
	Hours   string `yaml:"hours,omitempty"`
}

// offices returns qrboard.yaml with n offices: the sample's communes and
// town in turn, of every period, each id once, numbered from their second
// round on.
func offices(sample fs.FS, opts Options) ([]byte, error) {
	cfg, diags := config.Load(sample)
	if diags.HasErrors() {
		return nil, diags.Err()
	}
	var base []config.Office
	seen := map[string]bool{}
	for _, o := range cfg.Offices {
		if o.Kind.CommuneLevel() && !seen[o.ID] {
			seen[o.ID] = true
			base = append(base, o)
		}
	}
	out := configFile{
		Title:     "Thủ tục hành chính tỉnh mẫu (dữ liệu thử)",
		Authority: "UBND tỉnh mẫu",
		BaseURL:   opts.BaseURL,
		Language:  "vi",
		QR:        config.QR{Level: "M"},
	}
	for i := range opts.Offices {
		o := base[i%len(base)]
		f := officeFile{ID: o.ID, Name: o.Name, Kind: string(o.Kind), Code: o.Code,
			Address: placeholder(o.Address), Phone: placeholder(o.Phone), Hours: placeholder(o.Hours)}
		if round := i/len(base) + 1; round > 1 {
			f.ID += "-" + strconv.Itoa(round)
			f.Name += " " + strconv.Itoa(round)
			if f.Code != "" {
				f.Code += "-" + strconv.Itoa(round)
			}
		}
		out.Offices = append(out.Offices, f)
	}
	return yaml.Marshal(out)
}

// placeholder keeps a contact detail as the sample has it: config.Load
// cleared the TODO values, which must stay TODO.
func placeholder(s string) string {
	if s == "" {
		return "TODO"
	}
	return s
}

// procedures writes n procedure files, the sample's in turn with their
// k-th copies numbered: dang-ky-ket-hon, …, dang-ky-ket-hon-2, ….
func procedures(dir string, sample fs.FS, n int) error {
	files, err := fs.Glob(sample, procedure.Dir+"/*.yaml")
	if err != nil || len(files) == 0 {
		return fmt.Errorf("the sample has no procedures: %v", err)
	}
	for i := range n {
		file := files[i%len(files)]
		data, err := fs.ReadFile(sample, file)
		if err != nil {
			return err
		}
		id := path.Base(file[:len(file)-len(".yaml")])
		if round := i/len(files) + 1; round > 1 {
			if data, err = variant(data, round); err != nil {
				return fmt.Errorf("%s: %v", file, err)
			}
			id += "-" + strconv.Itoa(round)
		} else if data, err = variant(data, 0); err != nil {
			return fmt.Errorf("%s: %v", file, err)
		}
		if err := os.WriteFile(filepath.Join(dir, procedure.Dir, id+".yaml"), data, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// variant rewrites a procedure file as its copy number round (0 for the
// original): every office handles it, and from round 2 on its name, short
// name and code carry the number, so its pages differ from the others'.
func variant(data []byte, round int) ([]byte, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, err
	}
	if len(doc.Content) != 1 || doc.Content[0].Kind != yaml.MappingNode {
		return nil, fmt.Errorf("not a mapping")
	}
	m := doc.Content[0]
	for i := 0; i+1 < len(m.Content); i += 2 {
		v := m.Content[i+1]
		switch m.Content[i].Value {
		case "offices":
			*v = yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: "all"}
		case "name", "short_name":
			if round > 1 {
				v.Value += " (mẫu " + strconv.Itoa(round) + ")"
			}
		case "code":
			if round > 1 {
				v.Value += "." + strconv.Itoa(round)
			}
		}
	}
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(&doc); err != nil {
		return nil, err
	}
	return b.Bytes(), enc.Close()
}
